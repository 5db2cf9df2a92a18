// The bot handler: runs the main dialog on every turn and saves state, at the edge of the program.
// It welcomes on join (conversationUpdate) or on the first message, guards input size, records which
// conversations a person has had (for erasure and retention), and never lets a card submit without
// text crash a handler.
import { TeamsActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext, type UserState } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import { MAIN_DIALOG, type MainDialog, type MainOptions } from '../../dialogs/main.js';
import { ERASED_FLAG } from '../../dialogs/erase.js';
import { messages } from '../../dialogs/messages.js';
import { subjectId } from '../privacy/registry.js';
import type { SubjectIndex } from '../privacy/subjects.js';
import { shouldWelcome } from './welcome.js';

export const MAX_TEXT_LENGTH = 2000;

export interface BotDeps {
  conversationState: ConversationState;
  userState: UserState;
  mainDialog: MainDialog;
  subjects: SubjectIndex;
  /** The live handoff relay: runs first; true when it took the turn (src/bot/relay.ts). */
  relay?: { intercept(context: TurnContext): Promise<boolean> };
}

export class VirageBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogs: DialogSet;

  constructor(private readonly deps: BotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState).add(deps.mainDialog);

    this.onMembersAdded(async (context, next) => {
      if (shouldWelcome(context.activity)) await this.runDialog(context, { greet: true });
      await next();
    });
    this.onMessage(async (context, next) => {
      const text = context.activity.text ?? '';
      if (text.length > MAX_TEXT_LENGTH) {
        await context.sendActivity(messages.tooLong(MAX_TEXT_LENGTH));
      } else {
        // Card submits carry `value` and no text: dialogs read the value, the text becomes ''.
        if (typeof context.activity.text !== 'string') context.activity.text = '';
        await this.runDialog(context, { greet: true, initialText: text });
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    if (this.deps.relay && (await this.deps.relay.intercept(context))) return this.touchSubject(context);
    // The state is made durable before each reply leaves, not after the turn: after a crash right
    // after a reply, the dialog resumes at the question the person was shown, not one behind.
    context.onSendActivities(async (ctx, activities, next) => {
      if (!ctx.turnState.get(ERASED_FLAG) && activities.some((a) => a.type === 'message')) await this.saveState(ctx);
      return next();
    });
    await super.run(context);
    if (context.turnState.get(ERASED_FLAG)) {
      await this.deps.conversationState.delete(context);
      await this.deps.userState.delete(context);
      return;
    }
    await this.saveState(context);
    await this.touchSubject(context);
  }

  /** Writes the conversation and user state when they changed since the last save of this turn. */
  private async saveState(context: TurnContext): Promise<void> {
    await this.deps.conversationState.saveChanges(context, false);
    await this.deps.userState.saveChanges(context, false);
  }

  private async touchSubject(context: TurnContext): Promise<void> {
    const { channelId, from, conversation } = context.activity;
    if (from?.id && conversation?.id && context.activity.type === 'message') {
      await this.deps.subjects.touch(subjectId(channelId, from.id), channelId, from.id, conversation.id);
    }
  }

  private async runDialog(context: TurnContext, startOptions: MainOptions): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(MAIN_DIALOG, startOptions);
  }
}
