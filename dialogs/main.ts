// The main router: welcome, the three paths as suggested actions, and the global commands that work
// at any point (aide, menu, recommencer, mes données, supprimer mes données).
import {
  ComponentDialog,
  Dialog,
  TextPrompt,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { ActionTypes, CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { fold } from '../src/nlu/index.js';
import { subjectId } from '../src/privacy/registry.js';
import { COMMAND_CONFIDENCE, globalCommand, pathChoice, type PathChoice } from './commands.js';
import { h } from './handoff/messages.js';
import { messages } from './messages.js';
import { EraseDialog, ERASE_DIALOG } from './erase.js';
import type { DialogServices } from './services.js';

export const MAIN_DIALOG = 'main';
const MENU = 'menu';
const MENU_PROMPT = 'menuPrompt';
const MENU_HANDOVER = 'menuHandover';

/** What a path dialog may return when it ends: hand over to another path, with options for it. */
export interface PathResult {
  next?: PathChoice;
  payload?: unknown;
  /** The path ended on a question of the bot's own (« voulez-vous que je vous mette en relation ? »): « oui » takes it. */
  offer?: PathChoice;
}

export interface MainOptions {
  greet?: boolean;
  again?: boolean;
  /** The first message of a conversation that started without a conversationUpdate. */
  initialText?: string;
  /** The person sounded frustrated: the menu offers an advisor first. */
  frustrated?: boolean;
  /** The path the bot's last question offered: « oui » starts it. */
  offer?: PathChoice;
}

/** Child dialogs for the three paths, given by the composition root. */
export type PathDialogs = Record<PathChoice, Dialog>;

export class MainDialog extends ComponentDialog {
  constructor(
    private readonly services: DialogServices,
    private readonly paths: PathDialogs,
    /** Dialogs a path hands over to (the follow-up question after a diagnostic). */
    extra: Dialog[] = [],
  ) {
    super(MAIN_DIALOG);
    this.addDialog(new TextPrompt(MENU_PROMPT));
    this.addDialog(new EraseDialog(services));
    for (const d of [...Object.values(paths), ...extra]) this.addDialog(d);
    this.addDialog(new WaterfallDialog(MENU, [this.menuStep.bind(this), this.routeStep.bind(this), this.loopStep.bind(this)]));
    this.addDialog(new WaterfallDialog(MENU_HANDOVER, [this.handoverStep.bind(this), this.loopStep.bind(this)]));
    this.initialDialogId = MENU;
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(innerDc);
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(dc: DialogContext): Promise<DialogTurnResult | undefined> {
    // « Parler à un conseiller » from a result card (Web Chat sends the card data, without text).
    const value = dc.context.activity.value as { action?: unknown; reason?: unknown } | undefined;
    if (value && typeof value === 'object' && value.action === 'handoff') {
      await dc.cancelAllDialogs();
      return dc.beginDialog(MENU_HANDOVER, { path: 'handoff', payload: { trigger: String(value.reason ?? 'card') } });
    }
    const text = (dc.context.activity.text ?? '').trim();
    if (dc.context.activity.type !== 'message' || !text) return undefined;
    // The erasure confirmation answers its own question (« Oui, tout effacer » is not a new request).
    if (dc.activeDialog?.id === ERASE_DIALOG) return undefined;
    const command = globalCommand(this.services.phrases.command(text));
    if (!command) return undefined;
    const activeChild = dc.activeDialog?.id;
    switch (command) {
      case 'aide':
        // The diagnostic answers « aide » itself: « je ne sais pas », which the classifier takes for a
        // request for help, is an answer there.
        if (activeChild === this.paths.diagnostic.id) return undefined;
        await dc.context.sendActivity(MessageFactory.text(messages.help));
        await dc.repromptDialog();
        return Dialog.EndOfTurn;
      case 'menu':
        await dc.cancelAllDialogs();
        return dc.beginDialog(MENU, {});
      case 'recommencer':
        // The diagnostic restarts itself (with a confirmation); elsewhere, start from the welcome.
        if (activeChild === this.paths.diagnostic.id) return undefined;
        await dc.cancelAllDialogs();
        await dc.context.sendActivity(messages.restarted);
        return dc.beginDialog(MENU, { greet: true });
      case 'mes_donnees':
        await this.sendMyData(dc.context);
        if (dc.activeDialog) await dc.repromptDialog();
        return Dialog.EndOfTurn;
      case 'supprimer_donnees':
        return dc.beginDialog(ERASE_DIALOG);
      case 'ne_plus_relancer':
        await this.stopFollowUp(dc.context);
        if (dc.activeDialog) await dc.repromptDialog();
        return Dialog.EndOfTurn;
    }
  }

  /** « ne plus me relancer »: the follow-up consent is withdrawn. */
  private async stopFollowUp(context: TurnContext): Promise<void> {
    const subject = subjectId(context.activity.channelId, context.activity.from?.id);
    const had = (await this.services.followUp?.withdraw(subject)) ?? false;
    await context.sendActivity(had ? messages.followUp.withdrawn : messages.followUp.none);
  }

  private async menuStep(step: WaterfallStepContext<MainOptions>): Promise<DialogTurnResult> {
    const options = step.options ?? {};
    if (options.greet) {
      await step.context.sendActivity(MessageFactory.text(messages.welcome));
      await step.context.sendActivity(messages.privacyNotice(`${this.services.publicBaseUrl(step.context.activity)}/confidentialite`));
    }
    if (options.initialText && this.services.phrases.command(options.initialText) === 'ne_plus_relancer')
      await this.stopFollowUp(step.context);
    if (options.initialText && this.choose(options.initialText)) return step.next(options.initialText);
    if (options.initialText && this.asksAboutService(options.initialText)) await step.context.sendActivity(messages.aboutDiagnostic);
    // Coming back days later: offer to continue the diagnostic where it stopped.
    const subject = subjectId(step.context.activity.channelId, step.context.activity.from?.id);
    const inProgress = options.greet && this.services.diagnosticInProgress ? await this.services.diagnosticInProgress(subject) : 0;
    if (inProgress > 0) {
      const choices = [messages.choices.resume, messages.choices.question, messages.choices.handoff, messages.choices.diagnostic];
      (step.values as { choices?: string[] }).choices = choices;
      return step.prompt(MENU_PROMPT, {
        prompt: MessageFactory.suggestedActions(choices, messages.resumeOffer(inProgress)),
        retryPrompt: MessageFactory.suggestedActions(choices, messages.emptyInput),
      });
    }
    // Coming back after the date agreed for the follow-up diagnostic: offer it.
    const followUp = options.greet && this.services.followUp ? await this.services.followUp.offerDue(subject) : false;
    if (followUp) {
      const choices = [messages.followUp.redo, messages.followUp.later, messages.choices.question, messages.choices.handoff];
      Object.assign(step.values, { choices, followUp: true });
      return step.prompt(MENU_PROMPT, {
        prompt: MessageFactory.suggestedActions(choices, messages.followUp.offer),
        retryPrompt: MessageFactory.suggestedActions(choices, messages.emptyInput),
      });
    }
    const shown = options.frustrated
      ? [messages.choices.handoff, messages.choices.question, messages.choices.diagnostic]
      : [messages.choices.diagnostic, messages.choices.question, messages.choices.handoff];
    (step.values as { choices?: string[] }).choices = shown;
    const prompt = MessageFactory.suggestedActions(
      shown,
      options.frustrated ? h.frustrated : options.again ? messages.menuAgain : messages.menuPrompt,
    );
    const retry = MessageFactory.suggestedActions(
      [messages.choices.diagnostic, messages.choices.question, messages.choices.handoff],
      messages.emptyInput,
    );
    return step.prompt(MENU_PROMPT, { prompt, retryPrompt: retry });
  }

  private async routeStep(step: WaterfallStepContext<MainOptions>): Promise<DialogTurnResult> {
    const typed = String(step.result ?? '');
    const shown = (step.values as { choices?: string[] }).choices;
    const index = shown ? this.services.phrases.ordinal(typed, shown.length) : undefined;
    const text = index !== undefined && shown ? shown[index] : typed;
    // « oui » answers the bot's own last question (« voulez-vous que je vous mette en relation ? »).
    const followUp = (step.values as { followUp?: boolean }).followUp === true;
    const offered = step.options?.offer ?? (step.options?.frustrated ? 'handoff' : followUp ? 'diagnostic' : undefined);
    const yesNo = offered ? this.services.phrases.yesNo(text) : undefined;
    if (followUp && (yesNo === 'no' || text === messages.followUp.later)) {
      await step.context.sendActivity(messages.followUp.postponed);
      return step.replaceDialog(MENU, { again: true });
    }
    if (offered && yesNo === 'yes')
      return step.beginDialog(
        this.paths[offered].id,
        offered === 'handoff' ? { trigger: step.options?.frustrated ? 'insatisfaction' : 'diagnostic' } : {},
      );
    if (offered && yesNo === 'no') {
      await step.context.sendActivity(messages.offerDeclined);
      return step.replaceDialog(MENU, { again: true });
    }
    const path = this.choose(text);
    if (!path) {
      const u = this.services.understand(text);
      const sure = u.confidence >= COMMAND_CONFIDENCE;
      if (u.intent === 'insatisfaction' && sure) return step.replaceDialog(MENU, { frustrated: true });
      if (u.intent === 'mes_donnees' && sure) {
        // « vous gardez mes infos combien de temps ? »: what is kept, and for how long.
        await this.sendMyData(step.context);
        return step.replaceDialog(MENU, { again: true });
      }
      // « c'est gratuit votre diagnostic ? »: what it costs, how long it takes, what it gives.
      if (this.asksAboutService(typed)) {
        await step.context.sendActivity(messages.aboutDiagnostic);
        return step.replaceDialog(MENU, { again: true });
      }
      const polite = sure ? messages.smallTalk[u.intent as keyof typeof messages.smallTalk] : undefined;
      await step.context.sendActivity(polite ?? messages.menuNotUnderstood);
      return step.replaceDialog(MENU, {});
    }
    const trigger = step.options?.frustrated && path === 'handoff' ? { trigger: 'insatisfaction' } : {};
    return step.beginDialog(this.paths[path].id, { text, ...trigger });
  }

  private async loopStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // A path may end by handing over to another one (a diagnostic red flag → an advisor, …).
    const result = step.result as PathResult | undefined;
    if (result?.next && this.paths[result.next]) {
      return step.replaceDialog(MENU_HANDOVER, { path: result.next, payload: result.payload });
    }
    return step.replaceDialog(MENU, { again: true, ...(result?.offer ? { offer: result.offer } : {}) });
  }

  private async handoverStep(step: WaterfallStepContext<{ path: PathChoice; payload?: unknown }>): Promise<DialogTurnResult> {
    return step.beginDialog(this.paths[step.options.path].id, step.options.payload ?? {});
  }

  private choose(text: string): PathChoice | undefined {
    const t = text.trim().toLowerCase();
    if (t === messages.choices.diagnostic.toLowerCase()) return 'diagnostic';
    if (t === messages.choices.question.toLowerCase()) return 'question';
    if (t === messages.choices.handoff.toLowerCase()) return 'handoff';
    if (t === messages.choices.resume.toLowerCase()) return 'diagnostic';
    if (t === messages.followUp.redo.toLowerCase()) return 'diagnostic';
    const command = this.services.phrases.command(text);
    if (command === 'reprendre') return 'diagnostic';
    if (command === 'parler_conseiller' || command === 'etre_rappele') return 'handoff';
    // « slt, je fais taxi à Fort-de-France, tout seul »: two facts about the firm or more, and no question asked,
    // is someone presenting their firm to be assessed.
    // « … je suis toute seule, c'est gratuit votre truc ? »: a question about the diagnostic itself does not stop it
    // (its first message says what it costs and how long it takes).
    const asks = (/\?/.test(text) || this.services.phrases.cues.interrogative.test(fold(text).trim())) && !this.asksAboutService(text);
    const presents = !asks && (this.services.firmFacts?.(text) ?? 0) >= 2;
    const chosen = pathChoice(this.services.understand(text));
    // No explicit phrase asked for an advisor (checked above): « la CCI m'a parlé de votre bilan » said while
    // presenting the firm is not a request for a handoff, whatever the classifier guesses from « parlé ».
    if (chosen === 'handoff' && presents) return 'diagnostic';
    if (chosen) return chosen;
    return presents ? 'diagnostic' : undefined;
  }

  /** « c'est gratuit votre diagnostic ? », « ça prend combien de temps ? »: a question about the diagnostic itself. */
  private asksAboutService(text: string): boolean {
    return this.services.phrases.cues.aboutService.test(fold(text));
  }

  private async sendMyData(context: TurnContext): Promise<void> {
    const subject = subjectId(context.activity.channelId, context.activity.from?.id);
    const data = await this.services.privacy.exportFor(subject);
    const lines = data.sources
      .filter((s) => hasContent(s.data))
      .map((s) => `- ${s.description} (${countOf(s.data)})`)
      .join('\n');
    const retention = this.services.retention;
    const durations = retention
      ? messages.myData.retention(retention, `${this.services.publicBaseUrl(context.activity)}/confidentialite`)
      : undefined;
    if (!lines) {
      await context.sendActivity(messages.myData.none);
      if (durations) await context.sendActivity(durations);
      return;
    }
    const card = CardFactory.heroCard('', messages.myData.linkNote, undefined, [
      { type: ActionTypes.OpenUrl, title: messages.myData.download, value: this.services.exportLink(subject, context.activity) },
    ]);
    await context.sendActivity({ ...MessageFactory.text(messages.myData.intro(lines)), attachments: [card] });
    if (durations) await context.sendActivity(durations);
  }
}

function hasContent(data: unknown): boolean {
  if (data === null || data === undefined) return false;
  if (Array.isArray(data)) return data.length > 0;
  if (typeof data === 'object') return Object.keys(data as object).length > 0;
  return true;
}

function countOf(data: unknown): string {
  const n = Array.isArray(data) ? data.length : 1;
  return n === 1 ? '1 élément' : `${n} éléments`;
}
