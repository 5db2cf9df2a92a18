// Getting a fresh person to a given question: « bonjour », the diagnostic button, then the reach profile's
// buttons for every question before it.
import { buttons, cardChoices, Person } from './client.js';
import { REACH } from './buttons.js';
import { fold, type SeenQuestion } from './questions.js';
import { readTurn, type Turn } from './turn.js';

/** Clicks the button whose title matches one of the candidates (exact, then prefix, then contained). */
export function pickButton(titles: string[], candidates: string[]): string | undefined {
  for (const c of candidates.map(fold)) {
    const hit = titles.find((t) => fold(t) === c) ?? titles.find((t) => fold(t).startsWith(c)) ?? titles.find((t) => fold(t).includes(c));
    if (hit) return hit;
  }
  return undefined;
}

/** Starts the diagnostic by its button (typed if no button is shown). */
export async function startDiagnostic(person: Person, questions: SeenQuestion[]): Promise<Turn> {
  await person.say('bonjour');
  const b = pickButton(buttons(person.last), ['Faire mon diagnostic']) ?? 'Faire mon diagnostic numérique';
  await person.say(b);
  return readTurn(questions, person.last);
}

/** Answers question q the reach profile's way. */
export async function answerByReach(person: Person, q: SeenQuestion): Promise<void> {
  const spec = REACH[q.id] ?? {};
  const card = cardChoices(person.last);
  if (spec.tick && card) {
    await person.say({ value: { questionId: card.questionId ?? q.id, values: spec.tick } });
    return;
  }
  const click = spec.click ? pickButton(buttons(person.last), spec.click) : undefined;
  await person.say(click ?? spec.type ?? spec.click?.[0] ?? 'je ne sais pas');
}

/** Brings a fresh person to `target`; returns the turn where it is asked, or throws with the transcript. */
export async function reach(person: Person, questions: SeenQuestion[], target: SeenQuestion): Promise<Turn> {
  let turn = await startDiagnostic(person, questions);
  let previous: string | undefined;
  let repeats = 0;
  for (let i = 0; i < questions.length * 2 + 5; i++) {
    if (turn.asked?.id === target.id) return turn;
    if (!turn.asked || turn.result) break;
    repeats = turn.asked.id === previous ? repeats + 1 : 0;
    if (repeats >= 2) break;
    previous = turn.asked.id;
    await answerByReach(person, turn.asked);
    turn = readTurn(questions, person.last);
  }
  throw new Error(`could not reach ${target.id}:\n${person.transcript.slice(-12).join('\n')}`);
}
