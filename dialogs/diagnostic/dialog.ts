// The diagnostic conversation: one question at a time, buttons and free text, « pourquoi ? »,
// « retour », « passer », « pause », « recommencer », a knowledge question in the middle, and
// nothing lost (each answer is saved as it is given, keyed by the person).
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { MessageFactory, type TurnContext } from 'botbuilder';
import { subjectId } from '../../src/privacy/registry.js';
import { findQuestion, nextQuestion, previousQuestion, type Answer, type Question } from '../../src/diagnostic/index.js';
import { answerFromButton, answerFromSubmit, choiceFromCount, countBands, questionContext, timesPerYear, toAnswer } from '../../src/diagnostic/understand.js';
import type { NluResult } from '../../src/nlu/index.js';
import { messages } from '../messages.js';
import type { PathResult } from '../main.js';
import { d, missActivity, questionActivity } from './prompts.js';
import { answerMidDiagnostic, finishDiagnostic, type DiagnosticServices } from './finish.js';

export const DIAGNOSTIC_DIALOG = 'diagnostic';

interface DiagState {
  mode: 'asking' | 'resumeOffer' | 'restartConfirm';
  questionId?: string;
  misses: number;
  askedAboutAids?: boolean;
}

const subjectOf = (dc: DialogContext) => subjectId(dc.context.activity.channelId, dc.context.activity.from?.id);

export class DiagnosticDialog extends Dialog {
  constructor(private readonly s: DiagnosticServices) {
    super(DIAGNOSTIC_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: { text?: string }): Promise<DialogTurnResult> {
    const state: DiagState = { mode: 'asking', misses: 0 };
    dc.activeDialog!.state = state;
    const run = await this.s.records.current(subjectOf(dc));
    const answered = run ? Object.keys(run.answers).length : 0;
    if (run && answered > 0) {
      const intent = options?.text ? this.s.nlu.interpret(options.text).intent.name : 'none';
      if (intent === 'reprendre') return this.resume(dc, state);
      state.mode = 'resumeOffer';
      await dc.context.sendActivity(MessageFactory.suggestedActions([d.resume, d.restart], d.resumeOffer(answered)));
      return Dialog.EndOfTurn;
    }
    return this.startFresh(dc, state);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as DiagState;
    const text = (dc.context.activity.text ?? '').trim();
    const lower = text.toLowerCase();
    if (state.mode === 'resumeOffer') {
      if (lower === d.restart.toLowerCase()) return this.startFresh(dc, state);
      return this.resume(dc, state);
    }
    if (state.mode === 'restartConfirm') {
      if (lower === d.restartYes.toLowerCase() || this.s.nlu.interpret(text, { type: 'yesno' }).answer?.ok && this.isYes(text)) {
        return this.startFresh(dc, state);
      }
      state.mode = 'asking';
      return this.ask(dc, state);
    }
    const question = state.questionId ? findQuestion(this.s.questionnaire, state.questionId) : undefined;
    if (!question) return this.resume(dc, state);

    if (lower === d.advisor.toLowerCase()) return this.toAdvisor(dc, question);
    const direct =
      answerFromSubmit(question, dc.context.activity.value) ??
      (text ? answerFromButton(question, text, this.s.nlu.sectors) : undefined) ??
      (lower === d.skip.toLowerCase() ? ({ type: 'dontknow' } as Answer) : undefined);
    if (direct) return this.accept(dc, state, question, direct);
    if (!text) return this.miss(dc, state, question);

    const r = this.s.nlu.interpret(text, questionContext(question));
    const counted = this.countedChoice(question, text, r);
    if (counted) return this.accept(dc, state, question, counted);
    if (r.act === 'answer' && r.answer?.ok) {
      const answer = toAnswer(question, r.answer.value);
      if (answer) return this.accept(dc, state, question, answer);
      return this.miss(dc, state, question);
    }
    // « je ne sais pas » on a question without that button (sector, place, size): the classifier may
    // take it for a request for help, but it answers the question. Commands still win.
    if (r.intent.source !== 'command' && r.intent.source !== 'pattern' && this.saysDontKnow(text)) {
      return this.accept(dc, state, question, { type: 'dontknow' });
    }
    if (r.act === 'intent') return this.onIntent(dc, state, question, r.intent.name, text);
    return this.miss(dc, state, question);
  }

  /** Asks the current question again (after « aide » or « mes données » answered by the main dialog). */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as DiagState;
    const run = await this.s.records.current(subjectId(context.activity.channelId, context.activity.from?.id));
    const question = state.questionId ? findQuestion(this.s.questionnaire, state.questionId) : undefined;
    if (!run || !question || state.mode !== 'asking') return;
    await context.sendActivity(questionActivity(this.s.questionnaire, question, run.answers, this.s.nlu.sectors));
  }

  /**
   * A count question (« Moins de 100 », « De 100 à 1 000 »…) answered with a number: « une cinquantaine
   * par mois » is 600 a year, not « une cinquantaine » of the first option. A count said with a period
   * wins over a matching option; a bare count is used when no option matched.
   */
  private countedChoice(question: Question, text: string, r: NluResult): Answer | undefined {
    if (!countBands(question) || (r.act === 'intent' && r.intent.strong)) return undefined;
    const n = this.s.nlu.extract(text, { type: 'number' });
    if (!n.ok || (n.value.type !== 'number' && n.value.type !== 'percent')) return undefined;
    const perPeriod = timesPerYear(text) !== undefined;
    if (!perPeriod && r.act === 'answer' && r.answer?.ok) return undefined;
    return choiceFromCount(question, n.value.value.value, text);
  }

  private saysDontKnow(text: string): boolean {
    const e = this.s.nlu.extract(text, { type: 'yesno', allowNotConcerned: false });
    return e.ok && e.value.type === 'yesno' && e.value.value === 'dont_know';
  }

  private async onIntent(dc: DialogContext, state: DiagState, question: Question, intent: string, text: string): Promise<DialogTurnResult> {
    switch (intent) {
      case 'pourquoi':
        await dc.context.sendActivity(d.why(question.why));
        return this.ask(dc, state);
      case 'precedent':
        return this.back(dc, state, question);
      case 'passer':
        await dc.context.sendActivity(d.skipped);
        return this.accept(dc, state, question, { type: 'dontknow' });
      case 'pause':
      case 'annuler':
      case 'au_revoir':
        await this.s.records.setCurrentQuestion(subjectOf(dc), question.id);
        await dc.context.sendActivity(d.paused);
        return dc.endDialog({} satisfies PathResult);
      case 'recommencer':
        state.mode = 'restartConfirm';
        await dc.context.sendActivity(MessageFactory.suggestedActions([d.restartYes, d.restartNo], d.restartConfirm));
        return Dialog.EndOfTurn;
      case 'question': {
        const aboutAids = await answerMidDiagnostic(dc.context, this.s, text);
        state.askedAboutAids ||= aboutAids;
        await dc.context.sendActivity(d.resumeAfterQuestion);
        return this.ask(dc, state);
      }
      case 'parler_conseiller':
      case 'etre_rappele':
        return this.toAdvisor(dc, question, text);
      case 'aide':
        await dc.context.sendActivity(MessageFactory.text(messages.help));
        return this.ask(dc, state);
      case 'insatisfaction':
        // Counts as a miss, so that a third one still ends with the offer to skip or see an advisor.
        if (state.misses >= 2) return this.miss(dc, state, question);
        state.misses += 1;
        await dc.context.sendActivity(MessageFactory.suggestedActions([d.advisor, d.skip], d.frustrated));
        return Dialog.EndOfTurn;
      default:
        return this.miss(dc, state, question);
    }
  }

  private isYes(text: string): boolean {
    const r = this.s.nlu.interpret(text, { type: 'yesno' });
    return r.answer?.ok === true && r.answer.value.type === 'yesno' && r.answer.value.value === 'yes';
  }

  private async startFresh(dc: DialogContext, state: DiagState): Promise<DialogTurnResult> {
    await this.s.records.start(subjectOf(dc), this.s.questionnaire.version);
    await dc.context.sendActivity(d.intro);
    await dc.context.sendActivity(d.notice(this.s.retentionDays));
    state.mode = 'asking';
    state.questionId = undefined;
    return this.ask(dc, state);
  }

  private async resume(dc: DialogContext, state: DiagState): Promise<DialogTurnResult> {
    const run = await this.s.records.current(subjectOf(dc));
    if (!run) return this.startFresh(dc, state);
    state.mode = 'asking';
    await dc.context.sendActivity(d.resumed);
    return this.ask(dc, state);
  }

  /** Asks the current question: the next unanswered one (or the one set by « retour »). */
  private async ask(dc: DialogContext, state: DiagState): Promise<DialogTurnResult> {
    const subject = subjectOf(dc);
    const run = await this.s.records.current(subject);
    if (!run) return this.startFresh(dc, state);
    const pinned = state.questionId && run.answers[state.questionId] === undefined ? findQuestion(this.s.questionnaire, state.questionId) : undefined;
    const question = pinned ?? nextQuestion(this.s.questionnaire, run.answers);
    if (!question) {
      await finishDiagnostic(dc.context, this.s, subject, run.answers, state.askedAboutAids ?? false);
      return dc.endDialog({} satisfies PathResult);
    }
    if (question.id !== state.questionId) state.misses = 0;
    state.questionId = question.id;
    await this.s.records.setCurrentQuestion(subject, question.id);
    await dc.context.sendActivity(questionActivity(this.s.questionnaire, question, run.answers, this.s.nlu.sectors));
    return Dialog.EndOfTurn;
  }

  private async accept(dc: DialogContext, state: DiagState, question: Question, answer: Answer): Promise<DialogTurnResult> {
    const subject = subjectOf(dc);
    const run = await this.s.records.current(subject);
    if (!run) return this.startFresh(dc, state);
    const next = nextQuestion(this.s.questionnaire, { ...run.answers, [question.id]: answer });
    await this.s.records.saveAnswer(subject, question.id, answer, next?.id);
    state.questionId = next?.id;
    state.misses = 0;
    return this.ask(dc, state);
  }

  private async back(dc: DialogContext, state: DiagState, question: Question): Promise<DialogTurnResult> {
    const subject = subjectOf(dc);
    const run = await this.s.records.current(subject);
    const prev = run && previousQuestion(this.s.questionnaire, run.answers, question.id);
    if (!prev) {
      await dc.context.sendActivity(d.noBack);
      return this.ask(dc, state);
    }
    await this.s.records.saveAnswer(subject, prev.id, undefined, prev.id);
    state.questionId = prev.id;
    await dc.context.sendActivity(d.back);
    return this.ask(dc, state);
  }

  private async miss(dc: DialogContext, state: DiagState, question: Question): Promise<DialogTurnResult> {
    state.misses += 1;
    await dc.context.sendActivity(missActivity(question, state.misses, this.s.nlu.sectors));
    return Dialog.EndOfTurn;
  }

  private async toAdvisor(dc: DialogContext, question: Question, text?: string): Promise<DialogTurnResult> {
    await this.s.records.setCurrentQuestion(subjectOf(dc), question.id);
    return dc.endDialog({ next: 'handoff', payload: { text, trigger: 'diagnostic' } } satisfies PathResult);
  }
}
