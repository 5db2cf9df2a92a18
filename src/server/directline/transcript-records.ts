// The transcript log's records and how they become the history the clients see (transcripts.ts keeps
// the logs). Pure functions and types: no store, no clock.
import type { Activity } from 'botbuilder';

export const MAX_HISTORY_ACTIVITIES = 2000;
export const MAX_HISTORY_BYTES = 1_000_000;

/** An activity as the clients see it (no serviceUrl). */
export type DlActivity = Omit<Partial<Activity>, 'id' | 'type' | 'timestamp' | 'localTimestamp'> & {
  id: string;
  type: string;
  timestamp: string;
};

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

/** What is written once, when the conversation starts. */
export interface TranscriptHeader {
  conversationId: string;
  userId: string;
  locale: string;
  createdAt: string;
}

/**
 * One line of the log: an activity stored (s: its seq), replaced (r: its id) or removed (d: its id), or
 * the last seq given so far (m: written by a compaction, so seqs are never given twice).
 */
export type TranscriptRecord = { s: number; a: DlActivity } | { r: string; a: DlActivity } | { d: string } | { m: number };

function sizeOf(activity: DlActivity): number {
  return JSON.stringify(activity).length;
}

/** The history as the clients see it, from the log's records (cap applied, oldest dropped first). */
export function materialize(header: TranscriptHeader, records: TranscriptRecord[]): TranscriptDoc {
  const entries: TranscriptEntry[] = [];
  let lastSeq = 0;
  let updatedAt = header.createdAt;
  for (const r of records) {
    if ('s' in r) {
      lastSeq = Math.max(lastSeq, r.s);
      updatedAt = r.a.timestamp;
      entries.push({ seq: r.s, size: sizeOf(r.a), activity: r.a });
    } else if ('m' in r) {
      lastSeq = Math.max(lastSeq, r.m);
    } else if ('r' in r) {
      const entry = entries.find((e) => e.activity.id === r.r);
      if (entry) Object.assign(entry, { activity: r.a, size: sizeOf(r.a) });
    } else {
      const i = entries.findIndex((e) => e.activity.id === r.d);
      if (i >= 0) entries.splice(i, 1);
    }
  }
  let bytes = entries.reduce((n, e) => n + e.size, 0);
  let drop = 0;
  while (entries.length - drop > MAX_HISTORY_ACTIVITIES || (bytes > MAX_HISTORY_BYTES && entries.length - drop > 1))
    bytes -= entries[drop++]!.size;
  return { ...header, updatedAt, lastSeq, bytes, entries: entries.slice(drop) };
}

/** A transcript document written by an earlier version (one document per conversation), as a log. */
export function fromLegacyDoc(value: unknown): { header: TranscriptHeader; records: TranscriptRecord[]; updatedAt: Date } | undefined {
  const doc = value as Partial<TranscriptDoc> | null;
  if (!doc || typeof doc.conversationId !== 'string' || typeof doc.userId !== 'string' || !Array.isArray(doc.entries)) return undefined;
  const header = {
    conversationId: doc.conversationId,
    userId: doc.userId,
    locale: doc.locale ?? 'fr-FR',
    createdAt: doc.createdAt ?? new Date().toISOString(),
  };
  const updatedAt = new Date(doc.updatedAt ?? header.createdAt);
  return {
    header,
    records: doc.entries.map((e) => ({ s: e.seq, a: e.activity })),
    updatedAt: Number.isNaN(updatedAt.getTime()) ? new Date() : updatedAt,
  };
}
