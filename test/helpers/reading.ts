// Reading one message at a diagnostic question (src/diagnostic/reading.ts) with the shipped questionnaire and
// NLU (loaded once per test file), before any answer is stored.
import { loadQuestionnaire, type Questionnaire } from '../../src/diagnostic/index.js';
import { readAnswerText, type Reading, type ReadingContext } from '../../src/diagnostic/reading.js';
import { createNlu, type Nlu } from '../../src/nlu/index.js';
import { content } from './content.js';

let shipped: { questionnaire: Questionnaire; nlu: Nlu } | undefined;

/** A reading context on the shipped content with no answers yet (a fresh one each call). */
export function readingContext(lastRead?: string[]): ReadingContext {
  shipped ??= { questionnaire: loadQuestionnaire(), nlu: createNlu(content().nlu) };
  return { ...shipped, answers: {}, lastRead };
}

/** What `text` means at the question `id`. */
export function read(id: string, text: string, lastRead?: string[]): Reading {
  const ctx = readingContext(lastRead);
  return readAnswerText(
    text,
    ctx.questionnaire.questions.find((q) => q.id === id)!,
    ctx,
  );
}

/** The answer `text` stores at the question `id`, or the kind of reading when it stores none. */
export function stored(id: string, text: string) {
  const r = read(id, text);
  return r.kind === 'answer' ? r.main.answer : r.kind;
}
