// After the result card: « Voulez-vous refaire le point dans 6 mois ? » (explicit consent, Oui / Non
// merci or the same in words), then an e-mail for the reminder when none is known, never required. The
// advisor offer of the result (when there is one) comes after this short exchange; an urgent one comes
// at once and the follow-up question is not asked then.
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { MessageFactory, type TurnContext } from 'botbuilder';
import type { DiagnosticResult } from '../../src/diagnostic/index.js';
import { checkEmail } from '../../src/handoff/contact.js';
import { formatDay } from '../../src/followup/messages.js';
import type { Phrases } from '../../src/nlu/index.js';
import { subjectId } from '../../src/privacy/registry.js';
import { HANDOFF_TEXT } from '../../src/diagnostic/report/index.js';
import type { PathResult } from '../main.js';

export const FOLLOW_UP_DIALOG = 'followUp';

export interface FollowUpDeps {
  followUps: {
    consent(subject: string, channel: string, email?: string): Promise<{ dueAt: string }>;
    setEmail(subject: string, email: string): Promise<void>;
    withdraw(subject: string): Promise<boolean>;
  };
  /** An e-mail the person already gave (the handoff contact form). */
  knownEmail(context: TurnContext): Promise<string | undefined>;
  phrases: Phrases;
}

export const f = {
  ask: 'Voulez-vous refaire le point dans 6 mois ? Je vous le proposerai quand vous reviendrez, et je peux aussi vous le rappeler par e-mail.',
  yes: 'Oui',
  no: 'Non merci',
  skip: 'Passer',
  askAgain: 'Répondez « oui » pour que je vous propose de refaire le point dans 6 mois, ou « non merci ».',
  askEmail: 'C’est noté. Voulez-vous un rappel par e-mail ? Écrivez votre adresse, ou « passer » (ce n’est pas obligatoire).',
  declined: 'Très bien, je ne vous relancerai pas.',
  recorded: (due: string, email?: string) =>
    `C’est noté : je vous proposerai de refaire le point à partir du ${due}${email ? `, avec un rappel par e-mail à ${email}` : ' quand vous reviendrez'}. ` +
    'Pour annuler à tout moment, écrivez « ne plus me relancer ».',
};

interface FollowUpState {
  step: 'ask' | 'email';
  advisor: boolean;
  tries: number;
  dueAt?: string;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const subjectOf = (context: TurnContext) => subjectId(context.activity.channelId, context.activity.from?.id);

/** The advisor offer of a result (its reasons are already in the card). */
export async function sendAdvisorOffer(context: TurnContext, urgent: boolean): Promise<void> {
  await context.sendActivity(
    MessageFactory.suggestedActions(
      [HANDOFF_TEXT],
      `Je vous conseille d’en parler${urgent ? ' sans attendre' : ''} avec un conseiller numérique de votre CCI : voulez-vous que je vous mette en relation ?`,
    ),
  );
}

/** What follows the result card: the follow-up question (when the dialog is there), the advisor offer. */
export async function afterDiagnostic(dc: DialogContext, result: DiagnosticResult): Promise<DialogTurnResult> {
  const advisor = result.advisorSuggested;
  if (!advisor?.urgent && dc.findDialog(FOLLOW_UP_DIALOG)) return dc.replaceDialog(FOLLOW_UP_DIALOG, { advisor: Boolean(advisor) });
  if (advisor) await sendAdvisorOffer(dc.context, advisor.urgent);
  return dc.endDialog({ ...(advisor ? { offer: 'handoff' } : {}) } satisfies PathResult);
}

export class FollowUpDialog extends Dialog {
  constructor(private readonly deps: FollowUpDeps) {
    super(FOLLOW_UP_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: { advisor?: boolean }): Promise<DialogTurnResult> {
    dc.activeDialog!.state = { step: 'ask', advisor: options?.advisor === true, tries: 0 } satisfies FollowUpState;
    await dc.context.sendActivity(MessageFactory.suggestedActions([f.yes, f.no], f.ask));
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as FollowUpState;
    const text = (dc.context.activity.text ?? '').trim();
    return state.step === 'ask' ? this.onAnswer(dc, state, text) : this.onEmail(dc, state, text);
  }

  private async onAnswer(dc: DialogContext, state: FollowUpState, text: string): Promise<DialogTurnResult> {
    const said = same(text, f.yes) ? 'yes' : same(text, f.no) ? 'no' : this.deps.phrases.yesNo(text);
    if (!said) {
      state.tries += 1;
      if (state.tries < 2) {
        await dc.context.sendActivity(MessageFactory.suggestedActions([f.yes, f.no], f.askAgain));
        return Dialog.EndOfTurn;
      }
    }
    const subject = subjectOf(dc.context);
    if (said !== 'yes') {
      // « non » at a new diagnostic also ends an earlier consent.
      await this.deps.followUps.withdraw(subject);
      await dc.context.sendActivity(f.declined);
      return this.end(dc, state);
    }
    const email = await this.deps.knownEmail(dc.context);
    const consent = await this.deps.followUps.consent(subject, dc.context.activity.channelId, email);
    state.dueAt = consent.dueAt;
    if (email) {
      await dc.context.sendActivity(f.recorded(formatDay(consent.dueAt), email));
      return this.end(dc, state);
    }
    state.step = 'email';
    state.tries = 0;
    await dc.context.sendActivity(MessageFactory.suggestedActions([f.skip], f.askEmail));
    return Dialog.EndOfTurn;
  }

  private async onEmail(dc: DialogContext, state: FollowUpState, text: string): Promise<DialogTurnResult> {
    const due = formatDay(state.dueAt ?? new Date().toISOString());
    const skipped = same(text, f.skip) || this.deps.phrases.command(text) === 'passer' || this.deps.phrases.yesNo(text) === 'no';
    const checked = skipped || !text ? undefined : checkEmail(text);
    if (checked?.ok) {
      await this.deps.followUps.setEmail(subjectOf(dc.context), checked.value);
      await dc.context.sendActivity(f.recorded(due, checked.value));
      return this.end(dc, state);
    }
    if (checked && state.tries === 0) {
      state.tries += 1;
      await dc.context.sendActivity(MessageFactory.suggestedActions([f.skip], checked.reprompt));
      return Dialog.EndOfTurn;
    }
    await dc.context.sendActivity(f.recorded(due));
    return this.end(dc, state);
  }

  private async end(dc: DialogContext, state: FollowUpState): Promise<DialogTurnResult> {
    if (state.advisor) await sendAdvisorOffer(dc.context, false);
    return dc.endDialog({ ...(state.advisor ? { offer: 'handoff' } : {}) } satisfies PathResult);
  }
}
