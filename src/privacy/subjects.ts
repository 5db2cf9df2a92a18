// Which conversations each person has had, on which channel, and when they were last seen.
// Bot state is keyed by conversation; this index lets erasure and retention find it from a subject.
import { findWhere } from '../storage/query.js';
import type { Collection } from '../storage/types.js';

export interface SubjectRecord {
  subject: string;
  channelId: string;
  userId: string;
  conversations: string[];
  firstSeen: string;
  lastSeen: string;
}

export class SubjectIndex {
  constructor(private readonly records: Collection<SubjectRecord>) {}

  async touch(subject: string, channelId: string, userId: string, conversationId: string, now = new Date()): Promise<void> {
    await this.records.update(subject, (current) => {
      const at = now.toISOString();
      const rec = current ?? { subject, channelId, userId, conversations: [], firstSeen: at, lastSeen: at };
      if (!rec.conversations.includes(conversationId)) rec.conversations = [...rec.conversations, conversationId].slice(-50);
      rec.lastSeen = at;
      return rec;
    });
  }

  get(subject: string): Promise<SubjectRecord | undefined> {
    return this.records.get(subject);
  }

  remove(subject: string): Promise<boolean> {
    return this.records.delete(subject);
  }

  async seenBefore(cutoff: Date): Promise<SubjectRecord[]> {
    return (await findWhere(this.records, { field: 'lastSeen', before: cutoff.toISOString() })).map((e) => e.value);
  }
}
