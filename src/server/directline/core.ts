// The Direct Line conversation logic, independent of HTTP: tokens, conversations, user and bot
// activities, live publication, delivery to the bot. Routes (client-routes.ts, channel-routes.ts,
// token-route.ts) and the WebSocket stream only translate to and from this class.
import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Cluster } from '../../cluster/index.js';
import type { Logger } from '../../log.js';
import type { DocumentStore } from '../../storage/types.js';
import { ORIGIN_KEY } from '../public-urls.js';
import { BOT_ACCOUNT, checkBotActivity, checkUserActivity, isEphemeral, isInternal, type NewActivity } from './activities.js';
import { BotBridge, type RunBot } from './bot-bridge.js';
import { newConversationId, newUserId } from './ids.js';
import { StreamHub } from './streams.js';
import { TokenSigner, type TokenClaims } from './tokens.js';
import { TranscriptStore, type DlActivity, type TranscriptEntry } from './transcripts.js';

export interface Failure {
  status: number;
  code: string;
  message: string;
}
export type Outcome<T> = ({ ok: true } & T) | ({ ok: false } & Failure);

export interface IssuedToken {
  conversationId: string;
  userId: string;
  token: string;
  expires_in: number;
}

export interface UserActivityInfo {
  conversationId: string;
  userId: string;
}
export type UserActivityListener = (activity: DlActivity, info: UserActivityInfo) => void;

export interface CoreDeps {
  store: DocumentStore;
  logger: Logger;
  runBot: RunBot;
  key: Buffer;
  clock: () => number;
  /** The bot-side serviceUrl, resolved lazily (the port is known only after listen). */
  serviceUrl: () => string;
  /** Shared with the other instances (Redis): stream fan-out, activity numbers, one turn at a time. */
  cluster?: Cluster;
}

const DEFAULT_LOCALE = 'fr-FR';
/** A conversation whose bot turns pile up beyond this refuses new messages for a moment (429). */
export const MAX_PENDING_TURNS = 20;
const notFound: Failure = { status: 404, code: 'NotFound', message: 'Conversation introuvable.' };
/** How long an erased conversation's confirmation stays (in memory, and in Redis) for polling clients. */
export const FAREWELL_MS = 60_000;
const MAX_FAREWELLS = 1000;

/** channelData with the page's origin set (or a client's forged one removed when there is none). */
function withOrigin(channelData: unknown, origin: string | undefined): Record<string, unknown> | undefined {
  const data = typeof channelData === 'object' && channelData !== null ? { ...(channelData as Record<string, unknown>) } : {};
  delete data[ORIGIN_KEY];
  if (origin) data[ORIGIN_KEY] = origin;
  return Object.keys(data).length > 0 ? data : undefined;
}

export class DirectLineCore {
  readonly signer: TokenSigner;
  readonly transcripts: TranscriptStore;
  readonly hub: StreamHub;
  readonly bridge: BotBridge;
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly userListeners = new Set<UserActivityListener>();
  private readonly farewells = new Map<string, { entry: TranscriptEntry; until: number }>();

  constructor(private readonly deps: CoreDeps) {
    this.signer = new TokenSigner(deps.key, deps.clock);
    const shared = deps.cluster?.shared ? deps.cluster : undefined;
    this.hub = new StreamHub(deps.cluster?.bus, deps.logger);
    this.transcripts = new TranscriptStore(deps.store, deps.clock, shared);
    this.bridge = new BotBridge(deps.runBot, deps.logger, shared?.locks);
  }

  /** A token for a conversation (a new one unless given) and a user (a new dl_ id unless given). */
  issue(conversationId = newConversationId(), userId = newUserId()): IssuedToken {
    const { token, claims } = this.signer.sign(conversationId, userId);
    return { conversationId, userId, token, expires_in: claims.exp - claims.iat };
  }

  /** Seconds left on a verified token. */
  remaining(claims: TokenClaims): number {
    return Math.max(0, claims.exp - this.signer.nowSeconds());
  }

  streamToken(claims: TokenClaims): string {
    return this.signer.sign(claims.conversationId, claims.userId, 'stream').token;
  }

  /**
   * Starts (or resumes) the token's conversation. A new conversation gets its conversationUpdate,
   * like Azure's: the bot and the user join, so the bot can greet.
   */
  async start(claims: TokenClaims, locale?: string): Promise<{ created: boolean }> {
    const { doc, created } = await this.transcripts.open(claims.conversationId, claims.userId, locale || DEFAULT_LOCALE);
    if (created) {
      this.deps.logger.info('[directline] conversation started', { conversationId: doc.conversationId });
      void this.bridge.deliver({
        type: 'conversationUpdate',
        id: `${doc.conversationId}|cu-${randomBytes(3).toString('hex')}`,
        timestamp: new Date(this.deps.clock()),
        channelId: 'directline',
        serviceUrl: this.deps.serviceUrl(),
        conversation: { id: doc.conversationId },
        from: { id: doc.userId, role: 'user' },
        recipient: { ...BOT_ACCOUNT },
        membersAdded: [{ ...BOT_ACCOUNT }, { id: doc.userId, role: 'user' }],
        locale: doc.locale,
      } as unknown as Activity);
    }
    return { created };
  }

  async exists(conversationId: string): Promise<boolean> {
    return this.transcripts.exists(conversationId);
  }

  /** A client's activity: checked, stored, echoed to the streams, then given to the bot. */
  /**
   * An activity from the person's page. `origin` is where that page reached us (PUBLIC_URL or the request's
   * host): it is given to the bot in channelData (never taken from the client) so links point back to it.
   */
  async postFromUser(conversationId: string, userId: string, body: unknown, origin?: string): Promise<Outcome<{ id: string }>> {
    const doc = await this.transcripts.header(conversationId);
    if (!doc) return { ok: false, ...notFound };
    const checked = checkUserActivity(body, conversationId, userId);
    if (!checked.ok) return checked;
    const activity = checked.activity;
    if (this.bridge.pending(conversationId) >= MAX_PENDING_TURNS) {
      return { ok: false, status: 429, code: 'TooManyRequests', message: 'Vous envoyez des messages trop vite : patientez un instant.' };
    }
    if (isEphemeral(activity.type)) {
      const live = {
        ...activity,
        id: `${conversationId}|t-${randomBytes(4).toString('hex')}`,
        timestamp: new Date(this.deps.clock()).toISOString(),
      };
      this.notifyUser(live, { conversationId, userId });
      return { ok: true, id: live.id };
    }
    const stored = await this.appendAndPublish(conversationId, activity);
    if (!stored) return { ok: false, ...notFound };
    this.notifyUser(stored, { conversationId, userId });
    const delivered = { ...structuredClone(stored), locale: stored.locale ?? doc.locale, serviceUrl: this.deps.serviceUrl() };
    delivered.channelData = withOrigin(delivered.channelData, origin);
    void this.bridge.deliver(delivered as unknown as Activity);
    return { ok: true, id: stored.id };
  }

  /** An activity from the bot or the advisor relay: stored (unless ephemeral) and pushed to the page. */
  async postFromBot(conversationId: string, body: unknown, replyToId?: string): Promise<Outcome<{ id: string }>> {
    const checked = checkBotActivity(body, conversationId);
    // A stored activity needs no separate existence check (one read or query less per reply): the
    // append itself answers "not found". The others are checked here, and so is an invalid one (404 first).
    if (!checked.ok || isInternal(checked.activity.type) || isEphemeral(checked.activity.type)) {
      if (!(await this.exists(conversationId))) return { ok: false, ...notFound };
    }
    if (!checked.ok) return checked;
    const activity = checked.activity;
    if (replyToId && !activity.replyToId) activity.replyToId = replyToId;
    if (isInternal(activity.type)) return { ok: true, id: `${conversationId}|internal` };
    if (isEphemeral(activity.type)) {
      const id = `${conversationId}|t-${randomBytes(4).toString('hex')}`;
      this.hub.publish(conversationId, { activities: [{ ...activity, id, timestamp: new Date(this.deps.clock()).toISOString() }] });
      return { ok: true, id };
    }
    const stored = await this.appendAndPublish(conversationId, activity);
    return stored ? { ok: true, id: stored.id } : { ok: false, ...notFound };
  }

  /** The bot's updateActivity: the stored copy is replaced and pushed again with the same id. */
  async updateFromBot(conversationId: string, activityId: string, body: unknown): Promise<Outcome<{ id: string }>> {
    const checked = checkBotActivity(body, conversationId);
    if (!checked.ok) return checked;
    const updated = await this.serial(conversationId, () =>
      this.transcripts.replace(conversationId, activityId, () => checked.activity as unknown as DlActivity),
    );
    if (!updated) return { ok: false, status: 404, code: 'NotFound', message: 'Activité introuvable.' };
    this.hub.publish(conversationId, { activities: [updated] });
    return { ok: true, id: activityId };
  }

  async deleteFromBot(conversationId: string, activityId: string): Promise<boolean> {
    return this.serial(conversationId, () => this.transcripts.remove(conversationId, activityId));
  }

  onUserActivity(listener: UserActivityListener): () => void {
    this.userListeners.add(listener);
    return () => this.userListeners.delete(listener);
  }

  /**
   * Forgets a conversation's live state after erasure: its streams close. The bot's last message (the
   * erasure confirmation) stays for FAREWELL_MS, for a polling client to fetch it: in memory, and with
   * several instances in Redis too, since the client's next poll may reach another instance.
   */
  ended(conversationId: string, lastBotMessage?: TranscriptEntry): void {
    this.hub.closeConversation(conversationId);
    const now = this.deps.clock();
    for (const [id, f] of this.farewells) if (f.until <= now) this.farewells.delete(id);
    if (lastBotMessage && this.farewells.size < MAX_FAREWELLS)
      this.farewells.set(conversationId, { entry: lastBotMessage, until: now + FAREWELL_MS });
    const shared = this.deps.cluster?.shared ? this.deps.cluster.keys : undefined;
    if (lastBotMessage && shared) {
      shared
        .put(`dl:farewell:${conversationId}`, JSON.stringify(lastBotMessage), FAREWELL_MS)
        .catch((err: Error) => this.deps.logger.warn('[directline] erasure confirmation not shared', { err: err.message }));
    }
  }

  /** What a polling client of a conversation erased a moment ago still gets: its confirmation, once. */
  async farewell(conversationId: string, watermark: number): Promise<{ activities: DlActivity[]; watermark: number } | undefined> {
    const f = this.farewells.get(conversationId);
    let entry = f && f.until > this.deps.clock() ? f.entry : undefined;
    const shared = this.deps.cluster?.shared ? this.deps.cluster.keys : undefined;
    if (!entry && shared) {
      const raw = await shared.get(`dl:farewell:${conversationId}`).catch(() => undefined);
      entry = raw ? (JSON.parse(raw) as TranscriptEntry) : undefined;
    }
    if (!entry) return undefined;
    return { activities: entry.seq > watermark ? [entry.activity] : [], watermark: entry.seq };
  }

  private notifyUser(activity: DlActivity, info: UserActivityInfo): void {
    for (const listener of this.userListeners) {
      try {
        listener(activity, info);
      } catch (err) {
        this.deps.logger.error('[directline] user-activity listener failed', { err: String(err) });
      }
    }
  }

  /** Store then publish, one at a time per conversation, so streams see watermarks in order. */
  private appendAndPublish(conversationId: string, activity: NewActivity): Promise<DlActivity | undefined> {
    return this.serial(conversationId, async () => {
      try {
        const { stored, watermark } = await this.transcripts.append(conversationId, [activity]);
        this.hub.publish(conversationId, { activities: stored, watermark });
        return stored[0];
      } catch (err) {
        if ((err as Error).name === 'ConversationNotFoundError') return undefined;
        throw err;
      }
    });
  }

  private serial<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const next = previous.then(fn, fn);
    const settled = next.catch(() => undefined);
    this.locks.set(key, settled);
    void settled.then(() => {
      if (this.locks.get(key) === settled) this.locks.delete(key);
    });
    return next;
  }
}
