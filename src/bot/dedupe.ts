// Idempotent turns: an activity delivered twice is processed once.
//
// Teams re-sends an activity when the bot has not answered the HTTP request in time (about 15 s;
// learn.microsoft.com/microsoft-365-copilot/extensibility/custom-engine-agent-asynchronous-flow),
// with the same activity id. This middleware remembers (channelId, conversation id, activity id) and
// skips the turn of a copy: the copy gets HTTP 200 and no reply, while the first delivery goes on.
//
// Teams' retries arrive within seconds to a few minutes of the first delivery, so a 10-minute window
// covers them. One instance: a bounded LRU in memory (flat whatever the traffic; persisting every id
// would cost one store write per turn for a rare event), so a retry landing on a freshly restarted
// instance is processed again, which at worst repeats one answer. With Redis (REDIS_URL) the ids are
// kept there with the same expiry (sharedSeen): shared by the instances and kept across restarts.
import { createHash } from 'node:crypto';
import type { Middleware, TurnContext } from 'botbuilder';
import type { SharedKeys } from '../cluster/index.js';

export interface DedupeOptions {
  /** How long an activity id is remembered. */
  ttlMs?: number;
  /** Most ids remembered; the oldest are forgotten first. */
  maxEntries?: number;
  /** Channels whose activities are de-duplicated (default: Teams only). */
  channels?: readonly string[];
  now?: () => number;
  /** Where ids are remembered (default: in memory, this process). */
  seen?: SeenIds;
}

/** Remembers activity ids: add() is false when the id was already there (and not expired). */
export interface SeenIds {
  add(key: string): Promise<boolean> | boolean;
  delete(key: string): Promise<void> | void;
  readonly size?: number;
}

/** Ids kept in the cluster's shared keys (Redis): every instance, and after a restart. */
export function sharedSeen(keys: SharedKeys, ttlMs = DEDUPE_TTL_MS): SeenIds {
  const k = (key: string) => `dedupe:${createHash('sha256').update(key).digest('base64url')}`;
  return {
    add: (key) => keys.setIfAbsent(k(key), ttlMs),
    delete: (key) => keys.delete(k(key)),
  };
}

export const DEDUPE_TTL_MS = 10 * 60 * 1000;
export const DEDUPE_MAX_ENTRIES = 20_000;
/** Set on the turn state of a skipped copy (for tests and logs). */
export const DUPLICATE_SKIPPED = Symbol('virage.duplicateSkipped');

/** A map used as an LRU with expiry: insertion order is age order. */
export class ExpiringSet implements SeenIds {
  private readonly entries = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Adds `key`; returns false when it was already there and not expired. */
  add(key: string): boolean {
    const t = this.now();
    this.expire(t);
    const seen = this.entries.get(key);
    if (seen !== undefined && t - seen < this.ttlMs) return false;
    this.entries.delete(key);
    this.entries.set(key, t);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return true;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private expire(t: number): void {
    for (const [key, at] of this.entries) {
      if (t - at < this.ttlMs) break;
      this.entries.delete(key);
    }
  }
}

export function dedupeKey(context: TurnContext): string | undefined {
  const { channelId, conversation, id, type } = context.activity;
  // Invokes wait for a synchronous invoke response: a skipped copy would get 501, so let them run.
  if (!id || !conversation?.id || type === 'invoke') return undefined;
  return JSON.stringify([channelId, conversation.id, id]);
}

export class DuplicateActivityFilter implements Middleware {
  private readonly seen: SeenIds;
  private readonly channels: ReadonlySet<string>;

  constructor(options: DedupeOptions = {}) {
    this.seen = options.seen ?? new ExpiringSet(options.ttlMs ?? DEDUPE_TTL_MS, options.maxEntries ?? DEDUPE_MAX_ENTRIES, options.now);
    this.channels = new Set(options.channels ?? ['msteams']);
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const key = this.channels.has(context.activity.channelId) ? dedupeKey(context) : undefined;
    if (key === undefined) return next();
    let first: boolean;
    try {
      first = await this.seen.add(key);
    } catch {
      first = true; // the shared store is away: better answer twice than not at all
    }
    if (!first) {
      context.turnState.set(DUPLICATE_SKIPPED, true);
      return;
    }
    try {
      await next();
    } catch (error) {
      // A failed turn may be delivered again and processed: forget it.
      await Promise.resolve(this.seen.delete(key)).catch(() => undefined);
      throw error;
    }
  }

  get size(): number {
    return this.seen.size ?? 0;
  }
}
