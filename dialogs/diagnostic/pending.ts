// Small pieces of the diagnostic conversation kept out of the dialog class: the buttons of a « which did
// you mean? » question and what each does, and the département the person already gave elsewhere.
import type { TurnContext } from 'botbuilder';
import type { Question } from '../../src/diagnostic/index.js';
import { answerOf, type ReadAnswer } from '../../src/diagnostic/reading.js';
import { questionContext } from '../../src/diagnostic/understand.js';
import type { Command, Phrases } from '../../src/nlu/index.js';
import type { DiagnosticServices } from './finish.js';

export interface PendingOption {
  label: string;
  answer?: ReadAnswer;
  command?: Command;
  /** Ask the question again. */
  reask?: boolean;
}

export interface Pending {
  options: PendingOption[];
}

/** The option the person picked (its label, or « la deuxième »), if the text is one. */
export function pickPending(pending: Pending | undefined, text: string, phrases: Phrases): PendingOption | undefined {
  const options = pending?.options ?? [];
  const t = text.trim().toLowerCase();
  return options.find((o) => o.label.trim().toLowerCase() === t) ?? options[phrases.ordinal(text, options.length) ?? -1];
}

/** The département given earlier (asking for an advisor), read as the answer to a location question. */
export async function knownLocation(s: DiagnosticServices, context: TurnContext, question: Question): Promise<ReadAnswer | undefined> {
  if (question.type !== 'location' || !s.knownDepartement) return undefined;
  const dep = await s.knownDepartement(context);
  if (!dep) return undefined;
  const r = s.nlu.interpret(dep, questionContext(question));
  return answerOf(question, dep, r, { questionnaire: s.questionnaire, answers: {}, nlu: s.nlu })?.read;
}
