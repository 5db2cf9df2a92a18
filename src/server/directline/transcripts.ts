// Conversation transcripts of the self-hosted Direct Line, kept in the `transcripts` collection (one
// document per conversation), so that a reload or a server restart loses nothing. The history is capped
// (oldest activities dropped first) in number and in bytes, so one chatty conversation stays small.
import type { Activity } from 'botbuilder';
import type { PersonalDataSource } from '../../privacy/registry.js';
import { subjectId } from '../../privacy/registry.js';
import type { Collection, DocumentStore } from '../../storage/types.js';
import { activityId } from './ids.js';

export const TRANSCRIPTS = 'transcripts';
export const MAX_HISTORY_ACTIVITIES = 2000;
export const MAX_HISTORY_BYTES = 1_000_000;

/** An activity as the clients see it (no serviceUrl). */
export type DlActivity = Omit<Partial<Activity>, 'id' | 'type' | 'timestamp' | 'localTimestamp'> & { id: string; type: string; timestamp: string };

export interface TranscriptEntry {
  seq: number;
  size: number;
  activity: DlActivity;
}

export interface TranscriptDoc {
  conversationId: string;
  userId: string;
  locale: string;
  createdAt: string;
  updatedAt: string;
  lastSeq: number;
  bytes: number;
  entries: TranscriptEntry[];
}

export class ConversationNotFoundError extends Error {
  constructor(readonly conversationId: string) {
    super(`[directline] conversation not found`);
    this.name = 'ConversationNotFoundError';
  }
}

export class TranscriptStore {
  private readonly col: Collection<TranscriptDoc>;

  constructor(
    store: DocumentStore,
    private readonly clock: () => number = Date.now,
  ) {
    this.col = store.collection<TranscriptDoc>(TRANSCRIPTS);
  }

  get(conversationId: string): Promise<TranscriptDoc | undefined> {
    return this.col.get(conversationId);
  }

  /** Creates the conversation when absent; `created` tells whether this call created it. */
  async open(conversationId: string, userId: string, locale: string): Promise<{ doc: TranscriptDoc; created: boolean }> {
    let created = false;
    const doc = await this.col.update(conversationId, (current) => {
      if (current) return current;
      created = true;
      const now = new Date(this.clock()).toISOString();
      return { conversationId, userId, locale, createdAt: now, updatedAt: now, lastSeq: 0, bytes: 0, entries: [] };
    });
    return { doc: doc!, created };
  }

  /** Appends activities, giving each an id "<conversationId>|<seq>" and a timestamp. */
  async append(conversationId: string, activities: Array<Omit<DlActivity, 'id' | 'timestamp'> & { timestamp?: string }>): Promise<{ stored: DlActivity[]; watermark: number }> {
    const stored: DlActivity[] = [];
    let watermark = 0;
    const result = await this.col.update(conversationId, (doc) => {
      if (!doc) return undefined;
      const now = new Date(this.clock()).toISOString();
      for (const a of activities) {
        const seq = ++doc.lastSeq;
        const activity = { ...a, id: activityId(conversationId, seq), timestamp: now } as DlActivity;
        const size = JSON.stringify(activity).length;
        doc.entries.push({ seq, size, activity });
        doc.bytes += size;
        stored.push(activity);
      }
      while (doc.entries.length > MAX_HISTORY_ACTIVITIES || (doc.bytes > MAX_HISTORY_BYTES && doc.entries.length > 1)) {
        doc.bytes -= doc.entries.shift()!.size;
      }
      doc.updatedAt = now;
      watermark = doc.lastSeq;
      return doc;
    });
    if (!result) throw new ConversationNotFoundError(conversationId);
    return { stored, watermark };
  }

  /** Activities after the watermark, and the new watermark. */
  async since(conversationId: string, watermark: number): Promise<{ activities: DlActivity[]; watermark: number } | undefined> {
    const doc = await this.col.get(conversationId);
    if (!doc) return undefined;
    return { activities: doc.entries.filter((e) => e.seq > watermark).map((e) => e.activity), watermark: doc.lastSeq };
  }

  /** Replaces a stored activity (the bot's updateActivity); false when it is not (or no longer) kept. */
  async replace(conversationId: string, id: string, change: (old: DlActivity) => DlActivity): Promise<DlActivity | undefined> {
    let updated: DlActivity | undefined;
    await this.col.update(conversationId, (doc) => {
      if (!doc) return undefined;
      const entry = doc.entries.find((e) => e.activity.id === id);
      if (!entry) return doc;
      updated = { ...change(entry.activity), id, timestamp: entry.activity.timestamp };
      const size = JSON.stringify(updated).length;
      doc.bytes += size - entry.size;
      entry.size = size;
      entry.activity = updated;
      return doc;
    });
    return updated;
  }

  /** Removes a stored activity (the bot's deleteActivity). */
  async remove(conversationId: string, id: string): Promise<boolean> {
    let removed = false;
    await this.col.update(conversationId, (doc) => {
      if (!doc) return undefined;
      const i = doc.entries.findIndex((e) => e.activity.id === id);
      if (i >= 0) {
        doc.bytes -= doc.entries[i]!.size;
        doc.entries.splice(i, 1);
        removed = true;
      }
      return doc;
    });
    return removed;
  }

  delete(conversationId: string): Promise<boolean> {
    return this.col.delete(conversationId);
  }

  /** The privacy-registry source: export, erase and purge transcripts by subject. */
  privacySource(retentionDays: number, onErase: (conversationId: string) => void): PersonalDataSource {
    const ofSubject = (subject: string) => (doc: TranscriptDoc) => subjectId('directline', doc.userId) === subject;
    return {
      name: TRANSCRIPTS,
      description:
        'Historique de vos conversations avec Virage sur la page web (messages envoyés et reçus), conservé pour reprendre la conversation.',
      export: async (subject) =>
        (await this.col.find(ofSubject(subject))).map(({ value }) => ({
          conversationId: value.conversationId,
          createdAt: value.createdAt,
          updatedAt: value.updatedAt,
          activities: value.entries.map((e) => e.activity),
        })),
      erase: async (subject) => {
        let n = 0;
        for (const { key } of await this.col.find(ofSubject(subject))) {
          if (await this.col.delete(key)) n++;
          onErase(key);
        }
        return n;
      },
      purge: async (now) => {
        const limit = now.getTime() - retentionDays * 86_400_000;
        let n = 0;
        for (const { key } of await this.col.find((doc) => Date.parse(doc.updatedAt) < limit)) {
          if (await this.col.delete(key)) n++;
          onErase(key);
        }
        return n;
      },
    };
  }
}
