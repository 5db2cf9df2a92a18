// Delivers user activities to the bot in-process, through a dedicated CloudAdapter whose channel
// authentication is off: this Direct Line emulation is our own trusted channel, whatever the public
// /api/messages auth mode. The bot's replies come back over HTTP to the serviceUrl (channel routes).
// Turns of one conversation run one after the other, in arrival order; with several instances (cluster
// locks), one at a time across instances too, so the bot state of a turn is saved before the next reads it.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from 'botbuilder';
import type { Locks } from '../../cluster/index.js';
import type { Logger } from '../../log.js';

export type RunBot = (context: TurnContext) => Promise<void>;

const APOLOGY = 'Désolé, un incident technique m’empêche de vous répondre. Réessayez dans un instant.';

export class BotBridge {
  private readonly adapter: CloudAdapter;
  private readonly queues = new Map<string, Promise<void>>();
  private readonly waiting = new Map<string, number>();

  constructor(
    private readonly runBot: RunBot,
    private readonly logger: Logger,
    private readonly locks?: Locks,
  ) {
    // An explicit empty object, never process.env: no MicrosoftAppId means no JWT in or out.
    this.adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    this.adapter.onTurnError = async (context, error) => {
      this.logger.error('[directline] bot turn failed', {
        conversationId: context.activity.conversation?.id,
        type: context.activity.type,
        err: String((error as Error)?.stack ?? error),
      });
      if (context.activity.type === 'message') {
        try {
          await context.sendActivity(APOLOGY);
        } catch {
          // the channel itself is failing: already logged above
        }
      }
    };
  }

  /** Queues one activity for the bot; turns of a conversation never overlap. */
  deliver(activity: Partial<Activity> & { conversation: { id: string } }): Promise<void> {
    const key = activity.conversation.id;
    const previous = this.queues.get(key) ?? Promise.resolve();
    this.waiting.set(key, (this.waiting.get(key) ?? 0) + 1);
    const turn = previous.then(() => this.run(activity as Activity));
    this.queues.set(key, turn);
    void turn.finally(() => {
      const left = (this.waiting.get(key) ?? 1) - 1;
      if (left > 0) this.waiting.set(key, left);
      else this.waiting.delete(key);
      if (this.queues.get(key) === turn) this.queues.delete(key);
    });
    return turn;
  }

  /** Turns queued or running for a conversation (to refuse floods). */
  pending(conversationId: string): number {
    return this.waiting.get(conversationId) ?? 0;
  }

  /** Resolves when every queued turn has finished. */
  async idle(): Promise<void> {
    while (this.queues.size) await Promise.all([...this.queues.values()]);
  }

  private async run(activity: Activity): Promise<void> {
    const started = Date.now();
    try {
      const turn = () => this.adapter.processActivityDirect('', activity, this.runBot);
      await (this.locks ? this.locks.run(`dl:turn:${activity.conversation.id}`, turn, { ttlMs: 10_000, waitMs: 60_000 }) : turn());
      this.logger.debug('[directline] turn', { conversationId: activity.conversation.id, type: activity.type, ms: Date.now() - started });
    } catch (err) {
      // onTurnError already handled bot errors; this is the adapter failing (e.g. unreachable serviceUrl).
      this.logger.error('[directline] turn could not run', {
        conversationId: activity.conversation.id,
        err: String((err as Error)?.message ?? err),
      });
    }
  }
}
