// Turns a knowledge search into chat messages: the section that answers, whole (lists as lists; « Lire la
// suite » to its anchor when trimmed), sourced, with « Lire le guide complet », a guide that came close
// (« À voir aussi ») and related follow-ups; or an honest « je ne sais pas ». An urgent situation (hacked
// account, ransomware, phishing, fraud on a transfer) gets its emergency steps first, then an advisor offer.
// Shared by the question dialog and the diagnostic (a question asked mid-diagnostic).
import { ActionTypes, CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { sectionAnswer } from '../src/knowledge/answer.js';
import type { KbResult, KbSearchResult, KnowledgeBase } from '../src/knowledge/search/knowledge-base.js';
import type { UrgentSituation } from '../src/knowledge/search/urgent.js';

export type KnowledgeOutcome =
  | { kind: 'answered'; query: string; guideId: string; sectionId: string; confidence: number; urgent?: boolean }
  | { kind: 'none'; query: string; confidence: number };

export function classify(search: KbSearchResult): KnowledgeOutcome {
  const best = search.results[0];
  if (search.answered && best) {
    const answered = {
      kind: 'answered',
      query: search.query,
      guideId: best.guideId,
      sectionId: best.sectionId,
      confidence: best.confidence,
    } as const;
    return search.urgent ? { ...answered, urgent: true } : answered;
  }
  return { kind: 'none', query: search.query, confidence: best?.confidence ?? 0 };
}

function frenchDate(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
}

/** Sends the section that answers, with its source and follow-ups. */
export async function sendAnswer(
  context: TurnContext,
  kb: KnowledgeBase,
  hit: Pick<KbResult, 'guideId' | 'excerpt' | 'sectionId' | 'sectionTitle'>,
  baseUrl: string,
  alsoSee?: Pick<KbResult, 'guideId'> | null,
): Promise<void> {
  const guide = kb.guide(hit.guideId);
  if (!guide) return;
  const section = guide.sections.find((s) => s.id === hit.sectionId);
  const answer = section ? sectionAnswer(section) : { markdown: hit.excerpt, complete: true };
  const more = answer.complete ? '' : `\n\n[Lire la suite](${baseUrl}/guides/${guide.id}#${hit.sectionId})`;
  // A guide that came close to answering goes first: one click to it when the answer is not the right one.
  const close = alsoSee && alsoSee.guideId !== guide.id ? [alsoSee.guideId] : [];
  const related = [...new Set([...close, ...guide.related])]
    .map((id) => kb.guide(id))
    .filter((g): g is NonNullable<typeof g> => Boolean(g))
    .slice(0, 3);
  const text =
    `**${guide.title} — ${hit.sectionTitle}**\n\n${answer.markdown}${more}\n\n` +
    `_Source : guide « ${guide.title} », partie « ${hit.sectionTitle} », mis à jour le ${frenchDate(guide.updated)}._`;
  const lead = close.length ? 'À voir aussi :' : 'Pour aller plus loin :';
  const card = CardFactory.heroCard('', related.length ? lead : '', undefined, [
    { type: ActionTypes.OpenUrl, title: 'Lire le guide complet', value: `${baseUrl}/guides/${guide.id}` },
    ...related.map((g) => ({ type: ActionTypes.ImBack, title: g.title, value: g.title })),
  ]);
  await context.sendActivity({ ...MessageFactory.text(text), attachments: [card] });
}

/** Searches and answers; returns what happened so the caller can count misses and offer an advisor. */
export async function answerFromKnowledge(
  context: TurnContext,
  kb: KnowledgeBase,
  query: string,
  baseUrl: string,
): Promise<KnowledgeOutcome> {
  const search = kb.search(query, { top: 3 });
  const outcome = classify(search);
  if (outcome.kind === 'answered' && search.urgent) {
    await sendUrgent(context, search.urgent);
    await sendAnswer(context, kb, search.results[0]!, baseUrl);
  } else if (outcome.kind === 'answered') {
    await sendAnswer(context, kb, search.results[0]!, baseUrl, search.alsoSee);
  }
  return outcome;
}

/** The emergency steps of an urgent situation, before the guide's section. */
async function sendUrgent(context: TurnContext, situation: UrgentSituation): Promise<void> {
  const steps = situation.steps.map((s, i) => `${i + 1}. ${s}`).join('\n');
  await context.sendActivity(`**Urgence : ${situation.label.toLowerCase()}.** Les premiers gestes, maintenant :\n\n${steps}`);
}
