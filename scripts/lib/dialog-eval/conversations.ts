// One whole conversation: the person opens in their own words, answers whatever question the bot asks from
// their map (question → text), with scripted extra turns, until the result or the turn cap.
import { buttons, Person, storedAnswers, storedRuns } from './client.js';
import { answerChoice, buttonFor, confirmChoice } from './buttons.js';
import { meant, show } from './compare.js';
import { expectationOf, type Conversation, type Reply } from './corpus.js';
import type { Context } from './items.js';
import { fold, type SeenQuestion } from './questions.js';
import { pickButton } from './reach.js';
import { excerpt, readTurn, type HijackKind, type Turn } from './turn.js';

export const TURN_CAP = 80;

export interface ConversationResult {
  id: string;
  split: string;
  firm: string;
  finished: boolean;
  /** The diagnostic started from the person's own opening words (no button needed). */
  startedInOwnWords: boolean;
  turns: number;
  hijacks: HijackKind[];
  /** Per expected answer: ok, expected, stored. */
  checks: Array<{ question: string; ok: boolean; expected: string; stored: string }>;
  /** Questions asked although the person had already given the answer. */
  askedAgain: string[];
  /** How many questions the person answered ahead (the conversation's notAsked). */
  notAsked: number;
  /** Times a question was asked again right after the person answered it (not understood). */
  reasked: number;
  /** Questions the bot asked that the conversation has no answer for. */
  unscripted: string[];
  /** Where it stopped when not finished. */
  stuck?: string;
  transcript: string[];
  error?: string;
}

const parts = (r: Reply) => (typeof r === 'string' ? { say: r } : r);

/** What a person does to get out of a flow they did not ask for and back to their diagnostic. */
function escape(turn: Turn, kind: HijackKind, tries: number): string {
  const resume = /diagnostic en cours/.test(fold(turn.texts.join(' '))) ? pickButton(turn.buttons, ['Reprendre']) : undefined;
  if (resume) return resume;
  if (kind === 'menu') return pickButton(turn.buttons, ['Faire mon diagnostic']) ?? 'reprendre mon diagnostic';
  const no = turn.buttons.find((b) => /^(non|annuler|garder|pas maintenant|plus tard|continuer)/.test(fold(b)));
  if (no) return no;
  if (kind === 'pause') return 'reprendre mon diagnostic';
  return ['non', 'annuler', 'reprendre mon diagnostic', 'menu'][Math.min(tries, 3)];
}

export async function runConversation(ctx: Context, c: Conversation): Promise<ConversationResult> {
  const out: ConversationResult = {
    id: c.id,
    split: c.split,
    firm: c.firm,
    finished: false,
    startedInOwnWords: false,
    turns: 0,
    hijacks: [],
    checks: [],
    askedAgain: [],
    notAsked: c.notAsked?.length ?? 0,
    reasked: 0,
    unscripted: [],
    transcript: [],
  };
  const person = new Person(ctx.server.baseUrl, c.id);
  const attempts = new Map<string, number>();
  let lastAnswered: string | undefined;
  let scripted = false;
  let escapes = 0;
  let lost = 0;
  const say = async (text: string | { value: unknown }, answering?: string) => {
    await person.say(text);
    lastAnswered = answering;
    return readTurn(ctx.questions, person.last);
  };
  const expected = (q: SeenQuestion) => (c.expect[q.id] ? expectationOf(c.expect[q.id]).expect : undefined);
  try {
    let turn: Turn | undefined;
    for (const line of c.opening) turn = await say(line);
    out.startedInOwnWords = turn?.asked !== undefined;
    if (turn && !turn.asked && !turn.result) {
      const b = pickButton(turn.buttons, ['Faire mon diagnostic']);
      if (b) turn = await say(b);
    }
    while (turn && !turn.result && person.sent < TURN_CAP + c.opening.length) {
      const hijack = turn.hijack === 'back' && scripted ? undefined : turn.hijack;
      scripted = false;
      // One event per flow entered from the diagnostic (not per turn spent getting out of it).
      if (hijack && (escapes === 0 || hijack === 'back')) out.hijacks.push(hijack);
      if (hijack && hijack !== 'back') {
        if (++escapes > 8) {
          out.stuck = `could not get back to the diagnostic: ${excerpt(turn)}`;
          break;
        }
        turn = await say(escape(turn, hijack, escapes - 1));
        continue;
      }
      const itWasAnAnswer = turn.answerOrCommand ? answerChoice(turn.buttons) : undefined;
      if (itWasAnAnswer) {
        // « Vouliez-vous répondre à la question ou … ? »: it was an answer.
        turn = await say(itWasAnAnswer, lastAnswered);
        continue;
      }
      if (turn.asked) {
        escapes = 0;
        lost = 0;
        const q = turn.asked;
        if (c.notAsked?.includes(q.id) && !out.askedAgain.includes(q.id)) out.askedAgain.push(q.id);
        const n = (attempts.get(q.id) ?? 0) + 1;
        attempts.set(q.id, n);
        if (n > 8) {
          out.stuck = `question ${q.id} asked ${n} times`;
          break;
        }
        const reply = c.answers[q.id];
        if (!reply) {
          if (!out.unscripted.includes(q.id)) out.unscripted.push(q.id);
          turn = await say(n === 1 ? 'je ne sais pas' : 'passer', q.id);
          continue;
        }
        const r = parts(reply);
        if (n === 1) {
          for (const b of r.before ?? []) await say(b);
          turn = await say(r.say, q.id);
          for (const t of r.then ?? []) turn = await say(t);
          scripted = (r.then ?? []).length > 0;
          continue;
        }
        const exp = expected(q);
        const click = exp ? buttonFor(exp, q, turn.buttons, ctx.sectors) : undefined;
        const comeBack = lastAnswered !== q.id;
        if (!comeBack) out.reasked++;
        // Re-asked right after the answer: not understood. Retype (`again`), then a button, then « passer ».
        const text =
          n === 2 && comeBack ? (r.again ?? r.say) : n === 2 && r.again ? r.again : n <= 3 ? (click ?? 'je ne sais pas') : 'passer';
        turn = await say(text, q.id);
        continue;
      }
      // No questionnaire question: a resume offer, a clarification with buttons, or somewhere else.
      if (++lost > 4) {
        out.stuck = excerpt(turn);
        break;
      }
      const titles = buttons(person.last);
      if (titles.length === 0) {
        turn = await say('reprendre mon diagnostic');
        continue;
      }
      const q = ctx.questions.find((x) => x.id === lastAnswered);
      const exp = q ? expected(q) : undefined;
      const pick =
        (/diagnostic en cours/.test(fold(turn.texts.join(' '))) ? pickButton(titles, ['Reprendre']) : undefined) ??
        (turn.answerOrCommand ? answerChoice(titles) : undefined) ??
        (exp && q ? buttonFor(exp, q, titles, ctx.sectors) : undefined) ??
        confirmChoice(titles);
      turn = await say(pick ?? 'je ne sais pas', lastAnswered);
    }
    out.finished = turn?.result === true;
    if (!out.finished && !out.stuck && turn) out.stuck = `turn cap (${TURN_CAP}) reached: ${excerpt(turn, 120)}`;
    const runs = await storedRuns(ctx.server.virage, person.subject);
    const answers = out.finished ? (runs.completed?.answers ?? {}) : await storedAnswers(ctx.server.virage, person.subject);
    for (const [qid, e] of Object.entries(c.expect)) {
      const exp = expectationOf(e);
      out.checks.push({
        question: qid,
        ok: meant(answers[qid], exp, true),
        expected: [exp.expect, ...(exp.acceptable ?? [])].map(show).join(' | '),
        stored: show(answers[qid]),
      });
    }
  } catch (err) {
    out.error = (err as Error).message;
  }
  out.turns = person.sent;
  out.transcript = person.transcript;
  return out;
}
