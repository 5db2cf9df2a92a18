// The structure of an answer decides what it says, before its words are read: a story told then and now (the
// present is the answer), a double negation (« on ne peut pas dire que ce ne soit pas fait » is a yes), a
// leading « non, … » explained without a contrary answer. Pure; answer-text.ts reads the part chosen here.
import { fold, STOPPED } from '../nlu/index.js';
import type { Candidate } from './choices.js';
import { echoOf } from './echo.js';
import type { ReadingContext } from './reading.js';
import type { Answer, Question } from './types.js';

const SURE = 0.6;

type ReadPart = (text: string) => Candidate | undefined;

function candidate(question: Question, answer: Answer, ctx: ReadingContext, confidence: number): Candidate {
  return { read: { questionId: question.id, answer, echo: echoOf(question, answer, undefined, ctx.nlu) }, confidence };
}

/**
 * « à l'époque ils étaient sept, maintenant il reste trois coachs », « au début c'était automatique, depuis plus
 * rien »: how things are now is the answer. When the present part says nothing sure but the story tells
 * something stopped (« on avait des rappels par SMS, on a arrêté l'abonnement ; maintenant je téléphone »),
 * a yes/no question gets a « non ».
 */
export function presentAnswer(question: Question, said: string, ctx: ReadingContext, readPart: ReadPart): Candidate | undefined {
  const story = ctx.nlu.phrases.story(said);
  if (!story) return undefined;
  const now = readPart(story.present);
  if (now && now.confidence >= SURE) return now;
  if (question.type === 'yesno' && STOPPED.test(fold(story.before)) && !STOPPED.test(fold(story.present)))
    return candidate(question, { type: 'yesno', value: 'no' }, ctx, 0.85);
  return undefined;
}
