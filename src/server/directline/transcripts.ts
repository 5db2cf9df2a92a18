// Conversation transcripts of the self-hosted Direct Line, kept in the `transcripts` log collection (one
// append-only log per conversation: an activity stored costs one small append, whatever the history's
// length), so that a reload or a server restart loses nothing. The history is capped (oldest activities
// dropped first) in number and in bytes when read; a log that grows past twice the cap is compacted. With
// several instances, every change of a log (append, replace, remove, compaction) holds the conversation's
// cluster lock, and its size is a shared counter (see SharedSequence).
import type { Locks, SharedKeys } from '../../cluster/index.js';
import type { PersonalDataSource } from '../../privacy/registry.js';
import { subjectId } from '../../privacy/registry.js';
import { StoreUnavailableError, type DocumentStore, type LogCollection } from '../../storage/types.js';
import { LruMap } from '../../storage/lru.js';
import { logKeysUpdatedBefore } from '../../storage/query.js';
import { KeyedSerial } from '../../serial.js';
import { activityId } from './ids.js';
import {
  fromLegacyDoc,
  materialize,
  MAX_HISTORY_BYTES,
  type DlActivity,
  type TranscriptDoc,
  type TranscriptEntry,
  type TranscriptHeader,
  type TranscriptRecord,
} from './transcript-records.js';

export { materialize, MAX_HISTORY_ACTIVITIES, MAX_HISTORY_BYTES } from './transcript-records.js';
export type { DlActivity, TranscriptDoc, TranscriptEntry, TranscriptHeader, TranscriptRecord } from './transcript-records.js';

export const TRANSCRIPTS = 'transcripts';

export class ConversationNotFoundError extends Error {
  constructor(readonly conversationId: string) {
    super(`[directline] conversation not found`);
    this.name = 'ConversationNotFoundError';
  }
}

/** Per conversation, what an append needs without reading the log: the last seq and the log's size. */
interface Tail {
  lastSeq: number;
  bytes: number;
}

const CACHED_TAILS = 10_000;
/** A shared counter of activity numbers outlives its last use by this long (then starts again from the log). */
const SEQ_TTL_MS = 2 * 86_400_000;

/**
 * With several instances: activity numbers and the log's size in bytes from shared counters; the changes
 * of a conversation's log one at a time across instances (its cluster lock), so that a compaction never
 * drops a record another instance appends meanwhile.
 */
export interface SharedSequence {
  keys: SharedKeys;
  locks: Locks;
}

export class TranscriptStore {
  private readonly log: LogCollection<TranscriptHeader, TranscriptRecord>;
  private readonly tails = new LruMap<string, Tail>(CACHED_TAILS);
  /** One change at a time per conversation (seqs come from the cached tail). */
  private readonly changes = new KeyedSerial();

  constructor(
    store: DocumentStore,
    private readonly clock: () => number = Date.now,
    private readonly shared?: SharedSequence,
  ) {
    this.log = store.log<TranscriptHeader, TranscriptRecord>(TRANSCRIPTS, { legacy: fromLegacyDoc });
  }

  async get(conversationId: string): Promise<TranscriptDoc | undefined> {
    const content = await this.log.read(conversationId);
    if (!content) return undefined;
    const doc = materialize(content.header, content.records);
    this.tails.set(conversationId, { lastSeq: doc.lastSeq, bytes: JSON.stringify(content.records).length });
    return doc;
  }

  /** True when the conversation exists (reads its header only). */
  async exists(conversationId: string): Promise<boolean> {
    return (await this.log.head(conversationId)) !== undefined;
  }

  /** The conversation's header (who, which locale), without its history. */
  header(conversationId: string): Promise<TranscriptHeader | undefined> {
    return this.log.head(conversationId);
  }

  /** Creates the conversation when absent; `created` tells whether this call created it. */
  async open(conversationId: string, userId: string, locale: string): Promise<{ doc: TranscriptHeader; created: boolean }> {
    const now = new Date(this.clock());
    const { header, created } = await this.log.open(conversationId, { conversationId, userId, locale, createdAt: now.toISOString() }, now);
    if (created) this.tails.set(conversationId, { lastSeq: 0, bytes: 0 });
    return { doc: header, created };
  }

  /**
   * Appends activities, giving each an id "<conversationId>|<seq>" and a timestamp. Callers serialise
   * the appends of one conversation (DirectLineCore does). Nothing is kept when the write fails.
   */
  append(
    conversationId: string,
    activities: Array<Omit<DlActivity, 'id' | 'timestamp'> & { timestamp?: string }>,
  ): Promise<{ stored: DlActivity[]; watermark: number }> {
    return this.changes.run(conversationId, () => this.appendNow(conversationId, activities));
  }

  private async appendNow(
    conversationId: string,
    activities: Array<Omit<DlActivity, 'id' | 'timestamp'> & { timestamp?: string }>,
  ): Promise<{ stored: DlActivity[]; watermark: number }> {
    if (this.shared) return this.appendShared(conversationId, activities, this.shared);
    const tail = await this.tail(conversationId);
    if (!tail) throw new ConversationNotFoundError(conversationId);
    const now = new Date(this.clock());
    const stored = activities.map(
      (a, i) => ({ ...a, id: activityId(conversationId, tail.lastSeq + i + 1), timestamp: now.toISOString() }) as DlActivity,
    );
    const records: TranscriptRecord[] = stored.map((a, i) => ({ s: tail.lastSeq + i + 1, a }));
    if (!(await this.log.append(conversationId, records, now))) {
      this.tails.delete(conversationId);
      throw new ConversationNotFoundError(conversationId);
    }
    this.grow(conversationId, tail, records, tail.lastSeq + stored.length);
    if (tail.bytes > 2 * MAX_HISTORY_BYTES) await this.compact(conversationId);
    return { stored, watermark: tail.lastSeq };
  }

  /**
   * Several instances: under the conversation's cluster lock, numbers from the shared counter (started
   * after the log's last number) and the append, so numbers are unique and stored in order; then the
   * compaction when the log grew past twice the cap.
   */
  private async appendShared(
    conversationId: string,
    activities: Array<Omit<DlActivity, 'id' | 'timestamp'> & { timestamp?: string }>,
    shared: SharedSequence,
  ): Promise<{ stored: DlActivity[]; watermark: number }> {
    return this.locked(conversationId, async () => {
      const floor = async () => {
        const content = await this.log.read(conversationId);
        if (!content) throw new ConversationNotFoundError(conversationId);
        return materialize(content.header, content.records).lastSeq;
      };
      const last = await shared.keys.allocate(`dl:seq:${conversationId}`, activities.length, floor, SEQ_TTL_MS).catch((err: Error) => {
        // Redis away: nothing was stored, the client may send again (503, not 500).
        throw err instanceof ConversationNotFoundError || err.name === 'StoreUnavailableError'
          ? err
          : new StoreUnavailableError(TRANSCRIPTS, err);
      });
      const first = last - activities.length + 1;
      const now = new Date(this.clock());
      const stored = activities.map(
        (a, i) => ({ ...a, id: activityId(conversationId, first + i), timestamp: now.toISOString() }) as DlActivity,
      );
      const records: TranscriptRecord[] = stored.map((a, i) => ({ s: first + i, a }));
      if (!(await this.log.append(conversationId, records, now))) throw new ConversationNotFoundError(conversationId);
      await this.grown(conversationId, records);
      return { stored, watermark: last };
    });
  }

  /** With several instances, `fn` under the conversation's cluster lock (the one every change takes); else `fn`. */
  private locked<T>(conversationId: string, fn: () => Promise<T>): Promise<T> {
    if (!this.shared) return fn();
    return this.shared.locks.run(`dl:append:${conversationId}`, fn, { ttlMs: 5_000, waitMs: 15_000 }).catch((err: Error) => {
      throw err.name === 'LockTimeoutError' ||
        err.name === 'ReplyError' ||
        /Connection is closed|max retries|Stream isn't writeable/i.test(err.message)
        ? new StoreUnavailableError(TRANSCRIPTS, err)
        : err;
    });
  }

  /**
   * After records were written (under the lock): grows the log's size, a shared counter with several
   * instances (started from the log's size when absent), the cached tail otherwise; compacts past twice the cap.
   */
  private async grown(conversationId: string, records: TranscriptRecord[]): Promise<void> {
    const added = JSON.stringify(records).length;
    let bytes: number;
    if (this.shared) {
      const floor = async () => Math.max(0, JSON.stringify((await this.log.read(conversationId))?.records ?? []).length - added);
      bytes = await this.shared.keys.allocate(`dl:bytes:${conversationId}`, added, floor, SEQ_TTL_MS);
    } else {
      const tail = this.tails.get(conversationId);
      if (!tail) return;
      this.grow(conversationId, tail, records, tail.lastSeq);
      bytes = tail.bytes;
    }
    if (bytes > 2 * MAX_HISTORY_BYTES) await this.compact(conversationId);
  }

  /** Activities after the watermark, and the new watermark. */
  async since(conversationId: string, watermark: number): Promise<{ activities: DlActivity[]; watermark: number } | undefined> {
    const doc = await this.get(conversationId);
    if (!doc) return undefined;
    return { activities: doc.entries.filter((e) => e.seq > watermark).map((e) => e.activity), watermark: doc.lastSeq };
  }

  /** Replaces a stored activity (the bot's updateActivity); undefined when it is not (or no longer) kept. */
  replace(conversationId: string, id: string, change: (old: DlActivity) => DlActivity): Promise<DlActivity | undefined> {
    return this.changes.run(conversationId, () => this.replaceNow(conversationId, id, change));
  }

  private replaceNow(conversationId: string, id: string, change: (old: DlActivity) => DlActivity): Promise<DlActivity | undefined> {
    return this.locked(conversationId, () => this.replaceLocked(conversationId, id, change));
  }

  private async replaceLocked(
    conversationId: string,
    id: string,
    change: (old: DlActivity) => DlActivity,
  ): Promise<DlActivity | undefined> {
    const entry = (await this.get(conversationId))?.entries.find((e) => e.activity.id === id);
    if (!entry) return undefined;
    const updated = { ...change(entry.activity), id, timestamp: entry.activity.timestamp };
    const record: TranscriptRecord = { r: id, a: updated };
    if (!(await this.log.append(conversationId, [record], new Date(this.clock())))) return undefined;
    await this.grown(conversationId, [record]);
    return updated;
  }

  /** Removes a stored activity (the bot's deleteActivity). */
  remove(conversationId: string, id: string): Promise<boolean> {
    return this.changes.run(conversationId, () => this.removeNow(conversationId, id));
  }

  private removeNow(conversationId: string, id: string): Promise<boolean> {
    return this.locked(conversationId, () => this.removeLocked(conversationId, id));
  }

  private async removeLocked(conversationId: string, id: string): Promise<boolean> {
    if (!(await this.get(conversationId))?.entries.some((e) => e.activity.id === id)) return false;
    const record: TranscriptRecord = { d: id };
    if (!(await this.log.append(conversationId, [record], new Date(this.clock())))) return false;
    await this.grown(conversationId, [record]);
    return true;
  }

  delete(conversationId: string): Promise<boolean> {
    this.tails.delete(conversationId);
    return this.log.delete(conversationId);
  }

  /** The last seq from the log's last record (cheap); the whole log is read only when that record has none. */
  private async tail(conversationId: string): Promise<Tail | undefined> {
    const cached = this.tails.get(conversationId);
    if (cached) return cached;
    const t = this.log.tail ? await this.log.tail(conversationId) : undefined;
    if (!t) {
      if (this.log.tail) return undefined;
      await this.get(conversationId);
      return this.tails.get(conversationId);
    }
    const last = t.last;
    if (last === undefined || 's' in last || 'm' in last) {
      const tail = { lastSeq: last === undefined ? 0 : 's' in last ? last.s : last.m, bytes: t.bytes };
      this.tails.set(conversationId, tail);
      return tail;
    }
    await this.get(conversationId);
    return this.tails.get(conversationId);
  }

  private grow(conversationId: string, tail: Tail, records: TranscriptRecord[], lastSeq: number): void {
    tail.lastSeq = lastSeq;
    tail.bytes += JSON.stringify(records).length;
    this.tails.set(conversationId, tail);
  }

  /**
   * Rewrites a log that grew past twice the byte cap as the kept history only (amortised: rare). Runs
   * under the conversation's lock (cluster lock with several instances): no change can slip in between
   * the read and the rewrite.
   */
  private async compact(conversationId: string): Promise<void> {
    const content = await this.log.read(conversationId);
    if (!content) return;
    const doc = materialize(content.header, content.records);
    const records: TranscriptRecord[] = [{ m: doc.lastSeq }, ...doc.entries.map((e) => ({ s: e.seq, a: e.activity }))];
    if (!(await this.log.rewrite(conversationId, records, new Date(this.clock())))) return;
    const bytes = JSON.stringify(records).length;
    if (this.shared) await this.shared.keys.put(`dl:bytes:${conversationId}`, String(bytes), SEQ_TTL_MS);
    else this.tails.set(conversationId, { lastSeq: doc.lastSeq, bytes });
  }

  /** The privacy-registry source: export, erase and purge transcripts by subject (one log at a time). */
  privacySource(retentionDays: number, onErase: (conversationId: string, lastBotMessage?: TranscriptEntry) => void): PersonalDataSource {
    const keysOf = async (match: (header: TranscriptHeader, updatedAt: Date) => boolean) => {
      const keys: string[] = [];
      await this.log.scan((key, header, updatedAt) => {
        if (match(header, updatedAt)) keys.push(key);
      });
      return keys;
    };
    const ofSubject = (subject: string) => (header: TranscriptHeader) => subjectId('directline', header.userId) === subject;
    // On the person's erasure (not on retention purges), the conversation's last entry when the bot
    // wrote it — the confirmation — goes to onErase, for a polling client that has not fetched it yet.
    const erase = async (keys: string[], keepLast = false) => {
      let n = 0;
      for (const key of keys) {
        const last = keepLast ? (await this.get(key))?.entries.at(-1) : undefined;
        if (await this.delete(key)) n++;
        onErase(key, last?.activity.from?.role === 'bot' ? last : undefined);
      }
      return n;
    };
    return {
      name: TRANSCRIPTS,
      holdsConversation: true,
      description:
        'Historique de vos conversations avec Virage sur la page web (messages envoyés et reçus), conservé pour reprendre la conversation.',
      export: async (subject) => {
        const out = [];
        for (const key of await keysOf(ofSubject(subject))) {
          const doc = await this.get(key);
          if (doc)
            out.push({
              conversationId: doc.conversationId,
              createdAt: doc.createdAt,
              updatedAt: doc.updatedAt,
              activities: doc.entries.map((e) => e.activity),
            });
        }
        return out;
      },
      erase: async (subject) => erase(await keysOf(ofSubject(subject)), true),
      purge: async (now) => {
        const limit = new Date(now.getTime() - retentionDays * 86_400_000);
        return erase(await logKeysUpdatedBefore(this.log, limit));
      },
    };
  }
}
