// Figures per split and the failure lists (tune split only: nobody tunes on the test split).
import type { ConversationResult } from './conversations.js';
import type { ItemResult } from './items.js';

export interface Figures {
  items: number;
  answerItems: number;
  firstTry: number;
  storedAsMeant: number;
  hijacks: number;
  hijacksByKind: Record<string, number>;
  hijacksRecovered: number;
  nonAnswerItems: number;
  nonAnswersHandled: number;
  conversations: number;
  conversationsFinished: number;
  /** The opening started the diagnostic without the button. */
  conversationsStartedInOwnWords: number;
  /** Finished without any hijack. */
  conversationsClean: number;
  /** Questions asked although the person had already given the answer (notAsked), over all conversations. */
  conversationAskedAgain: number;
  conversationNotAsked: number;
  /** Questions asked again right after an answer, over all conversations. */
  conversationReasked: number;
  conversationChecks: number;
  conversationChecksOk: number;
  conversationHijacks: number;
  errors: number;
  /** Answers not right at first try, by what happened (figures only: no text is ever printed for held-out items). */
  missesByOutcome: Record<string, number>;
  /** The same answers, by the type of answer expected (yesno, choice, number…). */
  missesByType: Record<string, number>;
  /** Yes/no answers not right at first try: meant → stored (yes, partly, no, dontknow, nothing). */
  yesNoMisses: Record<string, number>;
}

/** What happened to an answer not right at first try, in a word. */
function outcome(i: ItemResult): string {
  if (i.hijack) return 'hijack';
  if (i.error) return 'error';
  const first = i.path.split('>')[0] ?? '';
  if (i.ok) return 'right after asking';
  if (first === 'moved-on') return 'stored another meaning';
  if (/clarification|answer-or-command/.test(first)) return 'asked between readings, then wrong';
  return 'not understood, then wrong';
}

const tally = (xs: string[]) => xs.reduce<Record<string, number>>((t, x) => ((t[x] = (t[x] ?? 0) + 1), t), {});

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);

export function figures(items: ItemResult[], convs: ConversationResult[]): Figures {
  const answers = items.filter((i) => i.kind === 'answer');
  const others = items.filter((i) => i.kind !== 'answer');
  const hijacked = items.filter((i) => i.hijack);
  const byKind: Record<string, number> = {};
  for (const i of hijacked) byKind[i.hijack!] = (byKind[i.hijack!] ?? 0) + 1;
  return {
    items: items.length,
    answerItems: answers.length,
    firstTry: answers.filter((i) => i.firstTry).length,
    storedAsMeant: answers.filter((i) => i.ok).length,
    hijacks: hijacked.length,
    hijacksByKind: byKind,
    hijacksRecovered: hijacked.filter((i) => i.recovered).length,
    nonAnswerItems: others.length,
    nonAnswersHandled: others.filter((i) => i.ok).length,
    conversations: convs.length,
    conversationsFinished: convs.filter((c) => c.finished).length,
    conversationsStartedInOwnWords: convs.filter((c) => c.startedInOwnWords).length,
    conversationsClean: convs.filter((c) => c.finished && c.hijacks.length === 0).length,
    conversationReasked: convs.reduce((n, c) => n + c.reasked, 0),
    conversationAskedAgain: convs.reduce((n, c) => n + c.askedAgain.length, 0),
    conversationNotAsked: convs.reduce((n, c) => n + c.notAsked, 0),
    conversationChecks: convs.reduce((n, c) => n + c.checks.length, 0),
    conversationChecksOk: convs.reduce((n, c) => n + c.checks.filter((x) => x.ok).length, 0),
    conversationHijacks: convs.reduce((n, c) => n + c.hijacks.length, 0),
    errors: items.filter((i) => i.error).length + convs.filter((c) => c.error).length,
    missesByOutcome: tally(answers.filter((i) => !i.firstTry).map(outcome)),
    yesNoMisses: tally(
      answers
        .filter((i) => !i.firstTry && i.expected.startsWith('yesno'))
        .map((i) => `${i.expected.split(' ')[0]!.replace('yesno:', '')}→${i.stored.replace('yesno:', '') || 'nothing'}`),
    ),
    missesByType: tally(answers.filter((i) => !i.firstTry).map((i) => i.expected.split(/[:\s]/)[0] ?? '?')),
  };
}

const fmt = (t: Record<string, number>) =>
  Object.entries(t)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

export function formatFigures(name: string, f: Figures): string[] {
  const kinds = Object.entries(f.hijacksByKind)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return [
    `== ${name} ==`,
    `  items: ${f.items} (${f.answerItems} answers, ${f.nonAnswerItems} questions/non-answers)`,
    `  understood at first try: ${pct(f.firstTry, f.answerItems)} (${f.firstTry}/${f.answerItems})`,
    `  stored as meant:         ${pct(f.storedAsMeant, f.answerItems)} (${f.storedAsMeant}/${f.answerItems})`,
    `  hijacks:                 ${f.hijacks}${kinds ? ` (${kinds}; back on the same question after « non »: ${f.hijacksRecovered})` : ''}`,
    `  question items handled:  ${pct(f.nonAnswersHandled, f.nonAnswerItems)} (${f.nonAnswersHandled}/${f.nonAnswerItems})`,
    `  conversations finished:  ${f.conversationsFinished}/${f.conversations} (without any hijack: ${f.conversationsClean}/${f.conversations})`,
    `    expected answers right: ${f.conversationChecksOk}/${f.conversationChecks}; hijacks: ${f.conversationHijacks};` +
      ` re-asked after an answer: ${f.conversationReasked}; started from the opening words: ${f.conversationsStartedInOwnWords}/${f.conversations}`,
    `    already answered in an earlier message but asked anyway: ${f.conversationAskedAgain}/${f.conversationNotAsked}`,
    ...(f.answerItems > f.firstTry
      ? [
          `  not right at first try:  ${fmt(f.missesByOutcome)}`,
          `    by answer expected:    ${fmt(f.missesByType)}`,
          ...(Object.keys(f.yesNoMisses).length ? [`    yes/no meant→stored:   ${fmt(f.yesNoMisses)}`] : []),
        ]
      : []),
    ...(f.errors ? [`  runner errors:           ${f.errors}`] : []),
  ];
}

export function formatFailures(items: ItemResult[], convs: ConversationResult[], verbose: boolean): string[] {
  const lines: string[] = [];
  const bad = items.filter((i) => !i.ok || (i.kind === 'answer' && !i.firstTry) || i.hijack || i.error);
  if (bad.length) lines.push('', `-- tune items not right at first try (${bad.length}) --`);
  for (const i of bad) {
    const tag = i.error ? 'ERROR' : i.hijack ? `HIJACK ${i.hijack}${i.recovered ? ' (recovered)' : ''}` : i.ok ? 'not first try' : 'WRONG';
    lines.push(`[${tag}] ${i.id} « ${i.text} »`);
    lines.push(`    expected: ${i.expected}`);
    lines.push(`    stored:   ${i.stored}   path: ${i.path}`);
    lines.push(`    bot:      ${i.error ?? i.reply}`);
  }
  const badConvs = convs.filter(
    (c) => !c.finished || !c.startedInOwnWords || c.checks.some((x) => !x.ok) || c.hijacks.length || c.askedAgain.length || c.error,
  );
  if (badConvs.length) lines.push('', `-- tune conversations with problems (${badConvs.length}) --`);
  for (const c of badConvs) {
    lines.push(
      `[${c.finished ? 'finished' : 'NOT FINISHED'}] ${c.id} (${c.firm}) — ${c.turns} turns, ${c.reasked} re-asked${c.stuck ? `; stopped: ${c.stuck}` : ''}`,
    );
    if (!c.startedInOwnWords) lines.push('    the opening did not start the diagnostic: the button was clicked');
    if (c.error) lines.push(`    error: ${c.error}`);
    if (c.hijacks.length) lines.push(`    hijacks: ${c.hijacks.join(', ')}`);
    if (c.askedAgain.length) lines.push(`    asked although already answered: ${c.askedAgain.join(', ')}`);
    for (const x of c.checks.filter((y) => !y.ok)) lines.push(`    ${x.question}: expected ${x.expected}, stored ${x.stored}`);
    if (verbose) lines.push(...c.transcript.map((t) => `      ${t}`));
  }
  return lines;
}

/** Per question: answer items, understood at first try, stored as meant, hijacks (for the JSON report). */
export function perQuestion(
  items: ItemResult[],
): Record<string, { answers: number; firstTry: number; storedAsMeant: number; hijacks: number }> {
  const out: Record<string, { answers: number; firstTry: number; storedAsMeant: number; hijacks: number }> = {};
  for (const i of items) {
    const q = (out[i.question] ??= { answers: 0, firstTry: 0, storedAsMeant: 0, hijacks: 0 });
    if (i.hijack) q.hijacks++;
    if (i.kind !== 'answer') continue;
    q.answers++;
    if (i.firstTry) q.firstTry++;
    if (i.ok) q.storedAsMeant++;
  }
  return out;
}
