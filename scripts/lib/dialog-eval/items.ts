// One per-question item: a fresh person reaches the question by buttons, types the item's text, and we
// look at what the bot did and what the store holds.
import type { Answer } from '../../../src/diagnostic/types.js';
import { buttons, Person, storedAnswers, storedRuns, type Server } from './client.js';
import { answerChoice, buttonFor, confirmChoice } from './buttons.js';
import { meant, show, type Expectation } from './compare.js';
import type { Item } from './corpus.js';
import { textBefore, type SeenQuestion, type Sector } from './questions.js';
import { reach } from './reach.js';
import { excerpt, readTurn, type HijackKind, type Turn } from './turn.js';

export interface ItemResult {
  id: string;
  question: string;
  split: string;
  text: string;
  kind: 'answer' | 'question' | 'noanswer';
  expected: string;
  stored: string;
  /** Answer items: the expected value was stored after the one message, and the bot moved on. */
  firstTry: boolean;
  /** Answer items: the final stored value is one the person meant. Non-answer items: handled as required. */
  ok: boolean;
  hijack?: HijackKind;
  /** After a hijack answered « non »: back on the same question with the answers intact. */
  recovered?: boolean;
  /** What happened in words: moved-on, reprompt, clarification, hijack:…, lost. */
  path: string;
  reply: string;
  error?: string;
}

export interface Context {
  server: Server;
  questions: SeenQuestion[];
  sectors: Sector[];
}

const sameAnswers = (a: Record<string, Answer>, b: Record<string, Answer>) => JSON.stringify(a) === JSON.stringify(b);

/** Hijacks seen from the store and the question pointer, on top of the words of the reply. */
async function hijackOf(ctx: Context, person: Person, q: SeenQuestion, turn: Turn): Promise<HijackKind | undefined> {
  if (turn.hijack) return turn.hijack;
  if (turn.result) return undefined;
  if (turn.asked && turn.asked.index < q.index) return 'back';
  const runs = await storedRuns(ctx.server.virage, person.subject);
  if (!runs.current) return 'left';
  return undefined;
}

export async function runItem(ctx: Context, item: Item): Promise<ItemResult> {
  const q = ctx.questions.find((x) => x.id === item.question)!;
  const kind = 'notStored' in item.expect ? item.expect.kind : 'answer';
  const exp = item.expect as Expectation['expect'];
  const want: Expectation = { expect: exp, acceptable: item.acceptable, range: item.range };
  const base: ItemResult = {
    id: item.id,
    question: item.question,
    split: item.split,
    text: item.text,
    kind,
    expected: kind === 'answer' ? [exp, ...(item.acceptable ?? [])].map(show).join(' | ') : `not stored (${kind}), question asked again`,
    stored: '',
    firstTry: false,
    ok: false,
    path: '',
    reply: '',
  };
  const person = new Person(ctx.server.baseUrl, item.id);
  try {
    const asked = await reach(person, ctx.questions, q);
    const standard = asked.buttons.join('|');
    const before = await storedAnswers(ctx.server.virage, person.subject);
    await person.say(item.text);
    let turn = readTurn(ctx.questions, person.last);
    base.reply = excerpt(turn);
    const hijack = await hijackOf(ctx, person, q, turn);
    if (hijack) {
      base.hijack = hijack;
      base.path = `hijack:${hijack}`;
      // Judged on what the answer itself stored, before the « non » that gets out of the flow.
      const stored = (await storedAnswers(ctx.server.virage, person.subject))[q.id];
      base.stored = show(stored);
      base.ok = kind === 'answer' ? meant(stored, want, false) : false;
      if (turn.buttons.length > 0 && !turn.asked) {
        await person.say('non');
        const after = readTurn(ctx.questions, person.last);
        const answers = await storedAnswers(ctx.server.virage, person.subject);
        base.recovered = after.asked?.id === q.id && sameAnswers(answers, before);
      } else base.recovered = false;
      return base;
    }
    const movedOn = (t: Turn) => t.result || (t.asked !== undefined && t.asked.id !== q.id);
    if (kind !== 'answer') {
      const stored = (await storedAnswers(ctx.server.virage, person.subject))[q.id];
      base.stored = show(stored);
      const reasked = turn.asked?.id === q.id;
      const answered = reasked && !turn.reprompt && textBefore(q, turn.texts).length >= 30;
      base.path = movedOn(turn) ? 'moved-on' : reasked ? (answered ? 'answered+reasked' : 'reasked') : 'clarification';
      // An outcome listed in `acceptable` (« ça dépend des périodes » may honestly be read « en partie ») counts too.
      const alsoMeant =
        stored !== undefined &&
        !!item.acceptable?.length &&
        meant(stored, { expect: item.acceptable[0]!, acceptable: item.acceptable.slice(1) }, true);
      base.ok =
        alsoMeant ||
        (stored === undefined && (kind === 'question' ? reasked && answered : reasked || (!movedOn(turn) && turn.buttons.length > 0)));
      return base;
    }
    let stored = (await storedAnswers(ctx.server.virage, person.subject))[q.id];
    if (movedOn(turn)) {
      base.path = 'moved-on';
      base.firstTry = meant(stored, want, true);
      base.ok = base.firstTry;
      base.stored = show(stored);
      return base;
    }
    // Still on the question: a reprompt (not understood) ends the attempt; a clarification gets a click.
    const isReprompt = (t: Turn) => t.reprompt || (t.asked?.id === q.id && t.buttons.join('|') === standard);
    const path: string[] = [];
    for (let round = 0; round < 3; round++) {
      if (isReprompt(turn)) {
        path.push(turn.reprompt ? 'reprompt' : 'reasked');
        break;
      }
      if (turn.buttons.length === 0 && !turn.card) {
        // Neither the question again, nor a choice, nor the next question: the person is somewhere else.
        path.push(turn.asked ? 'reasked' : 'hijack:other');
        if (!turn.asked) base.hijack = 'other';
        break;
      }
      path.push(turn.answerOrCommand ? 'answer-or-command' : 'clarification');
      const titles = buttons(person.last);
      const pick =
        (turn.answerOrCommand ? answerChoice(titles) : undefined) ??
        buttonFor(exp, q, titles, ctx.sectors) ??
        item.acceptable?.map((a) => buttonFor(a, q, titles, ctx.sectors)).find(Boolean) ??
        (meant(stored, want, false) ? confirmChoice(titles) : undefined);
      await person.say(pick ?? 'je ne sais pas');
      turn = readTurn(ctx.questions, person.last);
      stored = (await storedAnswers(ctx.server.virage, person.subject))[q.id];
      const late = await hijackOf(ctx, person, q, turn);
      if (late) {
        base.hijack = late;
        path.push(`hijack:${late}`);
        break;
      }
      if (movedOn(turn)) {
        path.push('moved-on');
        break;
      }
    }
    base.path = path.join('>');
    base.stored = show(stored);
    base.ok = meant(stored, want, movedOn(turn));
    return base;
  } catch (err) {
    base.error = (err as Error).message;
    base.path = 'error';
    return base;
  }
}
