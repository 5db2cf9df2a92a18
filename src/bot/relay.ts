// The live relay, user side. At the start of each bot turn, a user with a live request (waiting or
// with an advisor) has their messages and typing passed to the handoff service instead of the bot.
// The service's events come back to the user's own channel in real time: through our Direct Line for
// the self-hosted web chat, through proactive messages (continueConversationAsync) for Bot Framework
// channels (Teams, Emulator, Azure Direct Line). « où en est ma demande ? » is answered at any time.
import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import type { HandoffEvent } from '../handoff/events.js';
import { findCci } from '../handoff/directory.js';
import type { HandoffService } from '../handoff/service.js';
import { statusFor } from '../handoff/status.js';
import type { HandoffRequest } from '../handoff/types.js';
import type { Logger } from '../log.js';
import { subjectId } from '../privacy/registry.js';
import type { DirectLineService } from '../server/directline/index.js';
import type { Phrases } from '../nlu/index.js';
import { messages } from '../../dialogs/messages.js';
import { cciLabel, h, STARS } from '../../dialogs/handoff/messages.js';
import { isStatusQuestion, readWhileLive } from '../handoff/live-protocol.js';
import { MemoryQueuePositions, type QueuePositions } from './queue-positions.js';
import { isSelfHostedDirectLine } from './transcript.js';

export interface RelayDeps {
  service: HandoffService;
  /** The /api/messages adapter, for proactive messages to Bot Framework channels. */
  adapter: CloudAdapter;
  /** MicrosoftAppId ('' in local mode). */
  appId: string;
  directLine: () => DirectLineService | undefined;
  logger: Logger;
  /** Fixed phrases (the same recogniser as the dialogs): end of the exchange, privacy commands. */
  phrases: Phrases;
  /** Queue positions told to users: shared by the instances with Redis (default: this process's memory). */
  positions?: QueuePositions;
}

export class HandoffRelay {
  /** Last queue position told to each waiting request's user. */
  private readonly told: QueuePositions;
  /** Deliveries per conversation, in order. */
  private readonly chains = new Map<string, Promise<void>>();

  constructor(private readonly deps: RelayDeps) {
    this.told = deps.positions ?? new MemoryQueuePositions();
  }

  /** Subscribes to the service's events and to Direct Line typing; returns the function that stops. */
  start(): () => void {
    const offEvents = this.deps.service.onEvent((event) => this.onEvent(event));
    const offTyping = this.deps.directLine()?.onUserActivity((activity, info) => {
      if (activity.type !== 'typing') return;
      void this.deps.service
        .liveFor(subjectId('directline', info.userId))
        .then((live) => live && this.deps.service.typing(live.id, 'user'))
        .catch((err) => this.deps.logger.warn('[relay] typing not relayed', { err: String(err) }));
    });
    return () => {
      offEvents();
      offTyping?.();
    };
  }

  /** Runs first in the bot's turn; true when the turn was handled here (the bot must not answer). */
  async intercept(context: TurnContext): Promise<boolean> {
    const a = context.activity;
    if (a.type !== 'message' && a.type !== 'typing') return false;
    const subject = subjectId(a.channelId, a.from?.id);
    const text = (a.type === 'message' ? (a.text ?? '') : '').trim();
    if (text && isStatusQuestion(text)) {
      const status = await statusFor(this.deps.service, subject);
      await context.sendActivity(status?.text ?? h.noRequest);
      return true;
    }
    const live = await this.deps.service.liveFor(subject);
    if (!live) return false;
    switch (readWhileLive(a, this.deps.phrases, [messages.erase.yes, messages.erase.no])) {
      case 'typing':
        await this.deps.service.typing(live.id, 'user');
        return true;
      case 'pass':
        return false;
      case 'end':
        // The handoff dialog, still on the stack, answers: rating prompt, or « demande annulée ».
        await this.deps.service.end(live.id, 'user');
        return false;
      case 'textOnly':
        await context.sendActivity(h.textOnly);
        return true;
      case 'relay':
        break;
    }
    const first = live.status === 'en_attente' && !live.messages.some((m) => m.from === 'user');
    await this.deps.service.postUserMessage(live.id, text);
    if (first) await context.sendActivity(h.relayedWhileWaiting);
    return true;
  }

  private cciName(request: HandoffRequest): string {
    return cciLabel(findCci(this.deps.service.directory(), request.cciId)?.name ?? 'votre CCI');
  }

  private onEvent(event: HandoffEvent): void {
    switch (event.type) {
      case 'queue.moved':
        for (const e of event.entries) {
          this.deliver(e.conversation, async () =>
            (await this.told.moved(e.id, e.position)) ? [MessageFactory.text(h.moved(e.position, e.expectedWaitMs))] : [],
          );
        }
        return;
      case 'request.taken':
        this.forget(event.request.id);
        if (event.request.kind === 'live') {
          this.deliver(event.request.conversation, [
            MessageFactory.suggestedActions([h.end], h.taken(event.advisor.firstName, this.cciName(event.request), event.advisor.title)),
          ]);
        }
        return;
      case 'message.advisor':
        this.deliver(event.request.conversation, [advisorMessage(event.message.by ?? 'Votre conseiller', event.message.text)]);
        return;
      case 'typing':
        if (event.from === 'advisor') this.deliver(event.request.conversation, [{ type: 'typing' }]);
        return;
      case 'request.ended': {
        const r = event.request;
        this.forget(r.id);
        if (r.kind !== 'live' || (event.by !== 'advisor' && event.by !== 'bot')) return;
        const text = r.advisor ? `${h.endedByAdvisor(r.advisor.firstName)} ${h.ratePrompt}` : h.waitingCancelled(r.reference);
        this.deliver(r.conversation, [r.advisor ? MessageFactory.suggestedActions([...STARS], text) : MessageFactory.text(text)]);
        return;
      }
      case 'request.callback':
        this.forget(event.request.id);
        this.deliver(event.request.conversation, [
          MessageFactory.text(h.timedOut(event.request.reference, this.cciName(event.request), event.request.callbackLabel)),
        ]);
        return;
      default:
        return;
    }
  }

  private forget(requestId: string): void {
    this.told.forget(requestId).catch((err: Error) => this.deps.logger.warn('[relay] queue position not forgotten', { err: err.message }));
  }

  /** Queues activities (or what decides them, in turn) for one conversation, kept in order, to its channel. */
  private deliver(conversation: unknown, activities: Partial<Activity>[] | (() => Promise<Partial<Activity>[]>)): void {
    const ref = conversation as Partial<ConversationReference> | null;
    const id = ref?.conversation?.id;
    if (!ref || !id) return;
    const previous = this.chains.get(id) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        const list = typeof activities === 'function' ? await activities() : activities;
        if (list.length) await this.send(ref, list);
      })
      .catch((err) =>
        this.deps.logger.warn('[relay] delivery failed', { channel: ref.channelId, err: String((err as Error)?.message ?? err) }),
      );
    this.chains.set(id, next);
    void next.then(() => {
      if (this.chains.get(id) === next) this.chains.delete(id);
    });
  }

  private async send(ref: Partial<ConversationReference>, activities: Partial<Activity>[]): Promise<void> {
    const dl = this.deps.directLine();
    if (dl && isSelfHostedDirectLine(ref, dl)) {
      for (const a of activities) await dl.postBotActivity(ref.conversation!.id, a);
      return;
    }
    await this.deps.adapter.continueConversationAsync(this.deps.appId, ref, async (ctx) => {
      await ctx.sendActivities(activities);
    });
  }

  /** Resolves when every queued delivery has been attempted (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.chains.size) await Promise.all([...this.chains.values()]);
  }
}

/** An advisor's message as the user sees it: their first name in bold, then the text. */
export function advisorMessage(firstName: string, text: string): Partial<Activity> {
  return { ...MessageFactory.text(`**${firstName}** : ${text}`), textFormat: 'markdown', channelData: { virage: { advisor: firstName } } };
}
