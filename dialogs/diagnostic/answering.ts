// Pieces of the diagnostic conversation kept out of the dialog class: the buttons of a « which did
// you mean? » question and what each does, and the département the person already gave elsewhere.
import type { TurnContext } from 'botbuilder';
import { findQuestion, type Question } from '../../src/diagnostic/index.js';
import { echoLine } from '../../src/diagnostic/echo.js';
import { answerOf, factsIn, type ReadAnswer } from '../../src/diagnostic/reading.js';
import { questionContext } from '../../src/diagnostic/understand.js';
import type { Command, Phrases } from '../../src/nlu/index.js';
import type { DiagnosticServices } from './finish.js';
import { d } from './prompts.js';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

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

/** « Which of these is right? »: each competing reading, and « je ne sais pas ». */
export function chooseOptions(question: Question, candidates: ReadAnswer[]): PendingOption[] {
  return [
    ...candidates.map((c) => ({ label: capital(c.echo), answer: c })),
    ...(candidates.length === 1 ? [{ label: d.otherAnswer, reask: true }] : []),
    ...(candidates.some((c) => c.answer.type === 'dontknow')
      ? []
      : [{ label: d.dontKnow, answer: { questionId: question.id, answer: { type: 'dontknow' as const }, echo: 'je ne sais pas' } }]),
  ];
}

/** « An answer, or the command? »: the answer read (or « je réponds à la question »), and the command. */
export function ambiguousOptions(phrases: Phrases, command: Command, answer: ReadAnswer | undefined): PendingOption[] {
  const first: PendingOption = answer ? { label: d.answerIt(capital(answer.echo)), answer } : { label: d.notCommand, reask: true };
  return [first, { label: phrases.label(command), command }];
}

/** Saves the other facts of a message (and says back them with the main answer): « Noté : … ». */
export async function saveFacts(
  s: DiagnosticServices,
  subject: string,
  question: Question,
  extra: ReadAnswer[],
  main?: ReadAnswer,
): Promise<string> {
  for (const e of extra) await s.records.saveAnswer(subject, e.questionId, e.answer, question.id);
  const labelled = extra.map((e) => ({ echo: e.echo, short: findQuestion(s.questionnaire, e.questionId)?.short }));
  if (main) return echoLine(main, labelled);
  const [first, ...rest] = labelled;
  return echoLine({ echo: first.short ? `${first.short.toLowerCase()} : ${first.echo}` : first.echo }, rest);
}

/** Profile facts the person gave before the diagnostic started, if any. */
export async function openingFacts(s: DiagnosticServices, context: TurnContext): Promise<ReadAnswer[] | undefined> {
  const texts = (await s.earlierTexts?.(context)) ?? [];
  const facts = factsIn(texts.slice(-6), { questionnaire: s.questionnaire, answers: {}, nlu: s.nlu });
  return facts.length ? facts : undefined;
}
