// « Supprimer mes données »: a confirmation, then erasure across every registered store.
import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { MessageFactory } from 'botbuilder';
import { subjectId } from '../src/privacy/registry.js';
import { messages } from './messages.js';
import type { DialogServices } from './services.js';

export const ERASE_DIALOG = 'erase';
const CONFIRM = 'eraseConfirm';
const STEPS = 'eraseSteps';
/** Turn-state flag read by the bot: the person's state must be deleted, not saved, after this turn. */
export const ERASED_FLAG = 'virage.erased';

export class EraseDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(ERASE_DIALOG);
    this.addDialog(new TextPrompt(CONFIRM));
    this.addDialog(new WaterfallDialog(STEPS, [this.ask.bind(this), this.act.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const prompt = MessageFactory.suggestedActions([messages.erase.yes, messages.erase.no], messages.erase.confirm);
    return step.prompt(CONFIRM, { prompt, retryPrompt: prompt });
  }

  private async act(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = String(step.result ?? '').trim();
    const yes = answer.toLowerCase() === messages.erase.yes.toLowerCase() || this.services.phrases.yesNo(answer) === 'yes';
    if (!yes) {
      await step.context.sendActivity(messages.erase.kept);
      return step.endDialog();
    }
    const activity = step.context.activity;
    const subject = subjectId(activity.channelId, activity.from?.id);
    // Confirm, then erase the conversation itself (the web chat's transcript and stream): erased first,
    // the confirmation could not reach the person.
    const result = await this.services.privacy.eraseFor(subject, 'before-reply');
    step.context.turnState.set(ERASED_FLAG, true);
    await step.context.sendActivity(result.failed.length ? messages.erase.partial : messages.erase.done);
    const last = await this.services.privacy.eraseFor(subject, 'after-reply');
    if (last.failed.length) await step.context.sendActivity(messages.erase.partial); // the conversation is still there
    return step.cancelAllDialogs(true);
  }
}
