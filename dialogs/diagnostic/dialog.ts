// The diagnostic conversation: one question at a time, buttons and free text. What a message means is
// decided by src/diagnostic/reading.ts (an answer first; commands only from fixed phrases; « which did
// you mean? » when both fit). Free-text answers are said back (« Noté : … ») and can be corrected with
// the next message; each answer is saved as it is given, keyed by the person.
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { MessageFactory, type TurnContext } from 'botbuilder';
import { subjectId } from '../../src/privacy/registry.js';
import { applicableQuestions, findQuestion, nextQuestion, type Answer, type Question } from '../../src/diagnostic/index.js';
import { readAnswerText, type ReadAnswer } from '../../src/diagnostic/reading.js';
import { answerFromButton, answerFromSubmit } from '../../src/diagnostic/understand.js';
import { messages } from '../messages.js';
import type { PathResult } from '../main.js';
import { d, missActivity, questionActivity } from './prompts.js';
import { answerMidDiagnostic, finishDiagnostic, type DiagnosticServices } from './finish.js';
import { afterDiagnostic } from './follow-up.js';
import { ambiguousOptions, chooseOptions, knownLocation, openingFacts, pickPending, saveFacts, type Pending } from './answering.js';
import { correct, onCommand, type DiagnosticSteps } from './commands.js';
import { same, subjectOf, type DiagState } from './state.js';

export const DIAGNOSTIC_DIALOG = 'diagnostic';

export class DiagnosticDialog extends Dialog implements DiagnosticSteps {
  constructor(readonly s: DiagnosticServices) {
    super(DIAGNOSTIC_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: { text?: string }): Promise<DialogTurnResult> {
    const state: DiagState = { mode: 'asking', misses: 0 };
    dc.activeDialog!.state = state;
    const run = await this.s.records.current(subjectOf(dc));
    const answered = run ? Object.keys(run.answers).length : 0;
    if (run && answered > 0) {
      if (options?.text && this.s.nlu.phrases.command(options.text) === 'reprendre') return this.resume(dc, state);
      if (options?.text && same(options.text, messages.choices.resume)) return this.resume(dc, state);
      state.mode = 'resumeOffer';
      await dc.context.sendActivity(MessageFactory.suggestedActions([d.resume, d.restart], d.resumeOffer(answered)));
      return Dialog.EndOfTurn;
    }
    return this.startFresh(dc, state);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as DiagState;
    const text = (dc.context.activity.text ?? '').trim();
    const phrases = this.s.nlu.phrases;
    if (state.mode === 'resumeOffer') {
      if (same(text, d.restart) || phrases.command(text) === 'recommencer') return this.startFresh(dc, state);
      return this.resume(dc, state);
    }
    if (state.mode === 'restartConfirm') {
      state.mode = 'asking';
      if (same(text, d.restartYes) || phrases.yesNo(text) === 'yes') return this.startFresh(dc, state);
      await dc.context.sendActivity(d.restartKept);
      return this.ask(dc, state);
    }
    const question = state.questionId ? findQuestion(this.s.questionnaire, state.questionId) : undefined;
    if (!question) return this.resume(dc, state);
    if (state.mode === 'pending') {
      const done = await this.onPending(dc, state, question, text);
      if (done) return done;
    }
    const lastRead = state.lastRead;
    state.lastRead = undefined;
    const direct =
      answerFromSubmit(question, dc.context.activity.value) ?? (text ? answerFromButton(question, text, this.s.nlu.sectors) : undefined);
    if (direct) return this.accept(dc, state, question, direct);
    // A card submit without text (a stale or empty card) is asked again, never recorded as a miss.
    if (!text) {
      await dc.context.sendActivity(missActivity(question, state.misses + 1, this.s.nlu.sectors));
      return Dialog.EndOfTurn;
    }

    const run = await this.s.records.current(subjectOf(dc));
    const reading = readAnswerText(text, question, {
      questionnaire: this.s.questionnaire,
      answers: run?.answers ?? {},
      nlu: this.s.nlu,
      lastRead,
    });
    switch (reading.kind) {
      case 'answer':
        if (reading.asked) await this.answerQuestion(dc, state, reading.asked);
        return this.acceptRead(dc, state, question, reading.main, reading.extra, reading.unsure);
      case 'choose':
        return this.offer(dc, state, d.choose, chooseOptions(question, reading.candidates));
      case 'ambiguous':
        return this.offer(
          dc,
          state,
          d.ambiguous(phrases.label(reading.command)),
          ambiguousOptions(phrases, reading.command, reading.answer),
        );
      case 'correction':
        return correct(this, dc, state, question, reading.questionId, reading.answer);
      case 'question':
        await this.answerQuestion(dc, state, reading.asked);
        await dc.context.sendActivity(d.resumeAfterQuestion);
        return this.ask(dc, state);
      case 'command':
        return onCommand(this, dc, state, question, reading.command, text);
      case 'facts':
        await dc.context.sendActivity(await saveFacts(this.s, subjectOf(dc), question, reading.extra));
        state.lastRead = reading.extra.map((e) => e.questionId);
        return this.ask(dc, state);
      case 'started':
        await dc.context.sendActivity(d.underWay);
        return this.ask(dc, state);
      case 'wait':
        await dc.context.sendActivity(d.wait);
        return this.ask(dc, state);
      case 'miss':
        return this.miss(dc, state, question, reading.frustrated);
    }
  }

  /** Asks the current question again (after « aide » or « mes données » answered by the main dialog). */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as DiagState;
    const run = await this.s.records.current(subjectId(context.activity.channelId, context.activity.from?.id));
    const question = state.questionId ? findQuestion(this.s.questionnaire, state.questionId) : undefined;
    if (!run || !question || state.mode !== 'asking') return;
    await context.sendActivity(questionActivity(this.s.questionnaire, question, run.answers, this.s.nlu.sectors));
  }

  /** Back from a dialog started on top (the erasure confirmation answered « non »): the same question. */
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as DiagState;
    state.mode = 'asking';
    return this.ask(dc, state);
  }

  /** A button of a « which did you mean? » question; undefined when the text is something else. */
  private async onPending(dc: DialogContext, state: DiagState, question: Question, text: string): Promise<DialogTurnResult | undefined> {
    const picked = pickPending(state.pending, text, this.s.nlu.phrases);
    state.mode = 'asking';
    state.pending = undefined;
    if (!picked) return undefined;
    if (picked.answer) return this.acceptRead(dc, state, question, picked.answer, []);
    if (picked.command) return onCommand(this, dc, state, question, picked.command, text);
    return this.ask(dc, state);
  }

  private async offer(dc: DialogContext, state: DiagState, prompt: string, options: Pending['options']): Promise<DialogTurnResult> {
    state.mode = 'pending';
    state.pending = { options };
    await dc.context.sendActivity(
      MessageFactory.suggestedActions(
        options.map((o) => o.label),
        prompt,
      ),
    );
    return Dialog.EndOfTurn;
  }

  private async answerQuestion(dc: DialogContext, state: DiagState, asked: string): Promise<void> {
    const aboutAids = await answerMidDiagnostic(dc.context, this.s, asked);
    state.askedAboutAids ||= aboutAids;
  }

  async startFresh(dc: DialogContext, state: DiagState): Promise<DialogTurnResult> {
    await this.s.records.start(subjectOf(dc), this.s.questionnaire.version);
    await dc.context.sendActivity(d.intro);
    await dc.context.sendActivity(d.notice(this.s.retentionDays));
    const said = await openingFacts(this.s, dc.context);
    if (said) {
      await dc.context.sendActivity(await saveFacts(this.s, subjectOf(dc), this.s.questionnaire.questions[0], said));
      state.lastRead = said.map((f) => f.questionId);
    }
    Object.assign(state, { mode: 'asking', questionId: undefined, revisit: false, misses: 0 });
    return this.ask(dc, state);
  }

  private async resume(dc: DialogContext, state: DiagState): Promise<DialogTurnResult> {
    const run = await this.s.records.current(subjectOf(dc));
    if (!run) return this.startFresh(dc, state);
    state.mode = 'asking';
    await dc.context.sendActivity(d.resumed);
    return this.ask(dc, state);
  }

  /** Asks the current question: the one pinned (unanswered, or revisited), else the next unanswered. */
  async ask(dc: DialogContext, state: DiagState): Promise<DialogTurnResult> {
    const subject = subjectOf(dc);
    const run = await this.s.records.current(subject);
    if (!run) return this.startFresh(dc, state);
    const applicable = applicableQuestions(this.s.questionnaire, run.answers);
    const pinnedId = state.questionId && (state.revisit || run.answers[state.questionId] === undefined) ? state.questionId : undefined;
    const question = applicable.find((q) => q.id === pinnedId) ?? nextQuestion(this.s.questionnaire, run.answers);
    if (!question) {
      return afterDiagnostic(dc, await finishDiagnostic(dc.context, this.s, subject, run.answers, state.askedAboutAids ?? false));
    }
    if (question.id !== state.questionId) {
      state.misses = 0;
      state.revisit = false;
    }
    state.questionId = question.id;
    const known = run.answers[question.id] === undefined ? await knownLocation(this.s, dc.context, question) : undefined;
    if (known) {
      await dc.context.sendActivity(d.knownDepartement(known.echo));
      const result = await this.accept(dc, state, question, known.answer);
      state.lastRead = [question.id];
      return result;
    }
    await this.s.records.setCurrentQuestion(subject, question.id);
    await dc.context.sendActivity(questionActivity(this.s.questionnaire, question, run.answers, this.s.nlu.sectors));
    return Dialog.EndOfTurn;
  }

  /** Stores a free-text answer (and the other facts of the same message), says it back, moves on. */
  async acceptRead(
    dc: DialogContext,
    state: DiagState,
    question: Question,
    main: ReadAnswer,
    extra: ReadAnswer[],
    unsure = false,
  ): Promise<DialogTurnResult> {
    const noted = await saveFacts(this.s, subjectOf(dc), question, extra, main);
    await dc.context.sendActivity(unsure ? `${noted} ${d.unsure}` : noted);
    const result = await this.accept(dc, state, question, main.answer);
    state.lastRead = [main.questionId, ...extra.map((e) => e.questionId)];
    return result;
  }

  async accept(dc: DialogContext, state: DiagState, question: Question, answer: Answer): Promise<DialogTurnResult> {
    const subject = subjectOf(dc);
    const run = await this.s.records.current(subject);
    if (!run) return this.startFresh(dc, state);
    const next = nextQuestion(this.s.questionnaire, { ...run.answers, [question.id]: answer });
    await this.s.records.saveAnswer(subject, question.id, answer, next?.id);
    Object.assign(state, { questionId: next?.id, revisit: false, misses: 0, lastRead: undefined });
    return this.ask(dc, state);
  }

  /** A message not understood: an example and the buttons; the second time, « je ne sais pas » and on. */
  private async miss(dc: DialogContext, state: DiagState, question: Question, frustrated: boolean): Promise<DialogTurnResult> {
    state.misses += 1;
    if (state.misses >= 2) {
      await dc.context.sendActivity(d.gaveUp);
      return this.accept(dc, state, question, { type: 'dontknow' });
    }
    if (frustrated) await dc.context.sendActivity(MessageFactory.suggestedActions([d.advisor, d.skip], d.frustrated));
    else await dc.context.sendActivity(missActivity(question, state.misses, this.s.nlu.sectors));
    return Dialog.EndOfTurn;
  }

  async toAdvisor(dc: DialogContext, question: Question, text?: string): Promise<DialogTurnResult> {
    await this.s.records.setCurrentQuestion(subjectOf(dc), question.id);
    return dc.endDialog({ next: 'handoff', payload: { text, trigger: 'diagnostic' } } satisfies PathResult);
  }
}
