// « Poser une question »: answers from the guides, asks back when two guides are close, says plainly
// when it does not know and offers an advisor — never an unrelated answer. After each answer:
// « Cette réponse vous aide ? » 👍/👎, stored for curators. Two misses in a row → an advisor is offered.
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { MessageFactory } from 'botbuilder';
import type { KnowledgeBase } from '../src/knowledge/search/knowledge-base.js';
import { COMMAND_CONFIDENCE } from './commands.js';
import { answerFromKnowledge, type KnowledgeOutcome } from './knowledge-reply.js';
import type { PathResult } from './main.js';
import type { DialogServices } from './services.js';
import { subjectId } from '../src/privacy/registry.js';

export const QUESTION_DIALOG = 'question';

/**
 * Where curators learn what works: feedback and unanswered questions. Questions are redacted but may
 * still hold a name: each entry names its subject, so « mes données » exports it and erasure removes it.
 */
export interface KnowledgeLog {
  feedback(entry: { subject: string; query: string; guideId: string; sectionId: string; helpful: boolean }): Promise<void>;
  unanswered(entry: {
    subject: string;
    query: string;
    confidence: number;
    reason: 'no_answer' | 'none_of_these' | 'unhelpful';
  }): Promise<void>;
  /** An answer given with a confidence under LOW_CONFIDENCE, for curators to check. */
  lowConfidence(entry: { subject: string; query: string; guideId: string; confidence: number }): Promise<void>;
}

const subjectOf = (dc: DialogContext) => subjectId(dc.context.activity.channelId, dc.context.activity.from?.id);

/** Answers under this confidence are logged for curation (they were still good enough to give). */
export const LOW_CONFIDENCE = 0.5;

export const q = {
  ask: 'Quelle est votre question ? Par exemple : « combien coûte un site internet ? » ou « facture électronique : c’est pour quand ? »',
  askAgain: 'Une autre question ? Sinon, écrivez « menu ».',
  helpful: 'Cette réponse vous aide ?',
  yes: '👍 Oui',
  no: '👎 Non',
  thanks: 'Merci ! Posez une autre question quand vous voulez, ou écrivez « menu ».',
  sorry: 'Désolé. Pouvez-vous reformuler votre question avec d’autres mots ?',
  unknown: 'Je n’ai pas de réponse fiable à cette question dans nos guides, et je préfère ne pas vous répondre au hasard.',
  offerAdvisor: 'Un conseiller de votre CCI peut vous répondre : voulez-vous que je vous mette en relation ?',
  urgentAdvisor:
    'Vous n’êtes pas seul : un conseiller de votre CCI peut vous aider à faire le point dès maintenant, en plus du 17Cyber. Voulez-vous que je vous mette en relation ?',
  advisor: 'Parler à un conseiller',
  callback: 'Être rappelé',
  other: 'Poser une autre question',
} as const;

interface QuestionState {
  last?: { query: string; guideId: string; sectionId: string };
  misses: number;
}

export class QuestionDialog extends Dialog {
  constructor(
    private readonly services: DialogServices,
    private readonly kb: KnowledgeBase,
    private readonly log: KnowledgeLog,
  ) {
    super(QUESTION_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: { text?: string }): Promise<DialogTurnResult> {
    const state: QuestionState = { misses: 0 };
    dc.activeDialog!.state = state;
    const text = (options?.text ?? '').trim();
    const isButton = !text || text.toLowerCase() === 'poser une question';
    if (isButton) {
      await dc.context.sendActivity(q.ask);
      return Dialog.EndOfTurn;
    }
    return this.handle(dc, state, text);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as QuestionState;
    const text = (dc.context.activity.text ?? '').trim();
    if (!text) {
      await dc.context.sendActivity(q.ask);
      return Dialog.EndOfTurn;
    }
    return this.handle(dc, state, text);
  }

  private async handle(dc: DialogContext, state: QuestionState, text: string): Promise<DialogTurnResult> {
    const lower = text.toLowerCase();
    if (lower === q.advisor.toLowerCase() || lower === q.callback.toLowerCase()) {
      return dc.endDialog({ next: 'handoff', payload: { text, trigger: 'question' } } satisfies PathResult);
    }
    if (lower === q.other.toLowerCase()) {
      await dc.context.sendActivity(q.ask);
      return Dialog.EndOfTurn;
    }
    if (state.last && (lower === q.yes.toLowerCase() || lower === q.no.toLowerCase() || lower === '👍' || lower === '👎')) {
      return this.feedback(dc, state, lower.includes('👍'));
    }
    const intent = this.services.understand(text);
    if (intent.confidence >= COMMAND_CONFIDENCE) {
      if (intent.intent === 'parler_conseiller' || intent.intent === 'etre_rappele') {
        return dc.endDialog({ next: 'handoff', payload: { text, trigger: 'question' } } satisfies PathResult);
      }
      if (intent.intent === 'demarrer_diagnostic' || intent.intent === 'reprendre') {
        return dc.endDialog({ next: 'diagnostic' } satisfies PathResult);
      }
    }
    const outcome = await answerFromKnowledge(dc.context, this.kb, text, this.services.publicBaseUrl(dc.context.activity));
    return this.after(dc, state, outcome);
  }

  private async after(dc: DialogContext, state: QuestionState, outcome: KnowledgeOutcome): Promise<DialogTurnResult> {
    switch (outcome.kind) {
      case 'answered':
        if (outcome.urgent) {
          state.last = undefined;
          await dc.context.sendActivity(MessageFactory.suggestedActions([q.advisor, q.callback, q.other], q.urgentAdvisor));
          return Dialog.EndOfTurn;
        }
        if (outcome.confidence < LOW_CONFIDENCE) {
          await this.log.lowConfidence({
            subject: subjectOf(dc),
            query: outcome.query,
            guideId: outcome.guideId,
            confidence: outcome.confidence,
          });
        }
        return this.askFeedback(dc, state, { query: outcome.query, guideId: outcome.guideId, sectionId: outcome.sectionId });
      case 'none':
        await this.log.unanswered({ subject: subjectOf(dc), query: outcome.query, confidence: outcome.confidence, reason: 'no_answer' });
        await dc.context.sendActivity(q.unknown);
        return this.miss(dc, state, true);
    }
  }

  private async askFeedback(dc: DialogContext, state: QuestionState, last: NonNullable<QuestionState['last']>): Promise<DialogTurnResult> {
    state.last = last;
    await dc.context.sendActivity(MessageFactory.suggestedActions([q.yes, q.no], q.helpful));
    return Dialog.EndOfTurn;
  }

  private async feedback(dc: DialogContext, state: QuestionState, helpful: boolean): Promise<DialogTurnResult> {
    const last = state.last!;
    state.last = undefined;
    await this.log.feedback({ subject: subjectOf(dc), ...last, helpful });
    if (helpful) {
      state.misses = 0;
      await dc.context.sendActivity(q.thanks);
      return Dialog.EndOfTurn;
    }
    await this.log.unanswered({ subject: subjectOf(dc), query: last.query, confidence: 0, reason: 'unhelpful' });
    return this.miss(dc, state);
  }

  /** One more miss; after two in a row (or when nothing was found) an advisor is offered. */
  private async miss(dc: DialogContext, state: QuestionState, nothingFound = false): Promise<DialogTurnResult> {
    state.misses += 1;
    if (state.misses >= 2 || nothingFound) {
      await dc.context.sendActivity(MessageFactory.suggestedActions([q.advisor, q.callback, q.other], q.offerAdvisor));
    } else {
      await dc.context.sendActivity(q.sorry);
    }
    return Dialog.EndOfTurn;
  }
}
