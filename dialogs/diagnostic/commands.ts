// What the diagnostic does with a command said at a question (pourquoi, retour, passer, pause, recommencer,
// conseiller, corriger…) and with a correction of an earlier answer. The dialog (dialog.ts) reads the message;
// these steps act on it through the dialog's own steps (ask, accept, start again, hand over).
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { MessageFactory } from 'botbuilder';
import { describeAnswer, findQuestion, previousQuestion, type Answer, type Question } from '../../src/diagnostic/index.js';
import type { ReadAnswer } from '../../src/diagnostic/reading.js';
import type { Command } from '../../src/nlu/index.js';
import { ERASE_DIALOG } from '../erase.js';
import { messages } from '../messages.js';
import type { PathResult } from '../main.js';
import { d } from './prompts.js';
import type { DiagnosticServices } from './finish.js';
import { subjectOf, type DiagState } from './state.js';

/** The dialog's own steps the commands act through. */
export interface DiagnosticSteps {
  readonly s: DiagnosticServices;
  ask(dc: DialogContext, state: DiagState): Promise<DialogTurnResult>;
  accept(dc: DialogContext, state: DiagState, question: Question, answer: Answer): Promise<DialogTurnResult>;
  acceptRead(dc: DialogContext, state: DiagState, question: Question, main: ReadAnswer, extra: ReadAnswer[]): Promise<DialogTurnResult>;
  startFresh(dc: DialogContext, state: DiagState): Promise<DialogTurnResult>;
  toAdvisor(dc: DialogContext, question: Question, text?: string): Promise<DialogTurnResult>;
}

export async function onCommand(
  steps: DiagnosticSteps,
  dc: DialogContext,
  state: DiagState,
  question: Question,
  command: Command,
  text: string,
): Promise<DialogTurnResult> {
  switch (command) {
    case 'pourquoi':
      await dc.context.sendActivity(d.why(question.why));
      return steps.ask(dc, state);
    case 'precedent':
      return back(steps, dc, state, question);
    case 'passer':
      await dc.context.sendActivity(d.skipped);
      return steps.accept(dc, state, question, { type: 'dontknow' });
    case 'dontknow':
      return steps.acceptRead(dc, state, question, { questionId: question.id, answer: { type: 'dontknow' }, echo: 'je ne sais pas' }, []);
    case 'pause':
      await steps.s.records.setCurrentQuestion(subjectOf(dc), question.id);
      await dc.context.sendActivity(d.paused);
      return dc.endDialog({} satisfies PathResult);
    case 'recommencer':
      state.mode = 'restartConfirm';
      await dc.context.sendActivity(MessageFactory.suggestedActions([d.restartYes, d.restartNo], d.restartConfirm));
      return Dialog.EndOfTurn;
    case 'parler_conseiller':
    case 'etre_rappele':
      return steps.toAdvisor(dc, question, text);
    case 'aide':
      await dc.context.sendActivity(MessageFactory.text(messages.help));
      return steps.ask(dc, state);
    case 'reprendre':
      await dc.context.sendActivity(d.resumed);
      return steps.ask(dc, state);
    case 'corriger':
      return correct(steps, dc, state, question, undefined, undefined);
    case 'supprimer_donnees':
      return dc.beginDialog(ERASE_DIALOG);
    case 'menu':
      await steps.s.records.setCurrentQuestion(subjectOf(dc), question.id);
      await dc.context.sendActivity(d.paused);
      return dc.endDialog({} satisfies PathResult);
    case 'mes_donnees':
    case 'ne_plus_relancer':
      return steps.ask(dc, state);
  }
}

/** A correction: the new answer when it was given (« non, on est 3 »), else that question again. */
export async function correct(
  steps: DiagnosticSteps,
  dc: DialogContext,
  state: DiagState,
  question: Question,
  questionId?: string,
  answer?: ReadAnswer,
): Promise<DialogTurnResult> {
  const subject = subjectOf(dc);
  const run = await steps.s.records.current(subject);
  if (!run) return steps.startFresh(dc, state);
  const target = questionId
    ? findQuestion(steps.s.questionnaire, questionId)
    : previousQuestion(steps.s.questionnaire, run.answers, question.id);
  if (!target) {
    await dc.context.sendActivity(d.noBack);
    return steps.ask(dc, state);
  }
  if (answer) {
    await steps.s.records.saveAnswer(subject, target.id, answer.answer, question.id);
    state.lastRead = [target.id];
    await dc.context.sendActivity(d.corrected(answer.echo));
    return steps.ask(dc, state);
  }
  return revisit(steps, dc, state, target, run.answers[target.id], d.correcting);
}

async function back(steps: DiagnosticSteps, dc: DialogContext, state: DiagState, question: Question): Promise<DialogTurnResult> {
  const run = await steps.s.records.current(subjectOf(dc));
  const prev = run && previousQuestion(steps.s.questionnaire, run.answers, question.id);
  if (!prev) {
    await dc.context.sendActivity(d.noBack);
    return steps.ask(dc, state);
  }
  return revisit(steps, dc, state, prev, run.answers[prev.id], d.back);
}

/** Asks an answered question again, saying what was recorded; the answer stays until replaced. */
async function revisit(
  steps: DiagnosticSteps,
  dc: DialogContext,
  state: DiagState,
  target: Question,
  recorded: Answer | undefined,
  intro: string,
): Promise<DialogTurnResult> {
  state.questionId = target.id;
  state.revisit = true;
  state.misses = 0;
  await dc.context.sendActivity(recorded ? `${intro} ${d.recorded(describeAnswer(target, recorded))}` : intro);
  return steps.ask(dc, state);
}
