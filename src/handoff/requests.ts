// Building and checking handoff records: references, limits on what the edge passes in, the short
// summary shown in the console list, and the domain error.
import { randomInt, randomUUID } from 'node:crypto';
import type {
  Contact,
  ContextPackage,
  DiagnosticSummary,
  HandoffRequest,
  HandoffStatus,
  ProgressSummary,
  TranscriptLine,
} from './types.js';

export const MAX_TRANSCRIPT = 30;
export const MAX_TEXT = 2000;
export const MAX_MESSAGES = 500;
export const MAX_NOTES = 200;

/** A domain refusal, with a French message; `code` maps to an HTTP status at the edge. */
export class HandoffError extends Error {
  constructor(
    readonly code: 'NotFound' | 'Conflict' | 'BadArgument',
    message: string,
  ) {
    super(message);
    this.name = 'HandoffError';
  }
}

const REF_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'; // no 0/O, 1/I/L: read over the phone

/** A random index below n (crypto by default; tests inject their own draws). */
export type RandomIndex = (n: number) => number;

export function newReference(taken: (ref: string) => boolean, random: RandomIndex = randomInt): string {
  for (;;) {
    let ref = 'VIR-';
    for (let i = 0; i < 5; i++) ref += REF_ALPHABET[random(REF_ALPHABET.length)];
    if (!taken(ref)) return ref;
  }
}

/** « vir 7k3q9 », « VIR-7K3Q9 » → « VIR-7K3Q9 »; undefined when it cannot be one. */
export function normaliseReference(input: string): string | undefined {
  const s = input
    .trim()
    .toUpperCase()
    .replace(/[\s_]/g, '-')
    .replace(/^VIR-?/, '');
  return /^[2-9A-HJKMNP-Z]{5}$/.test(s) ? `VIR-${s}` : undefined;
}

export const newRequestId = (): string => randomUUID();

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const clip = (s: unknown, max = MAX_TEXT): string => String(s ?? '').slice(0, max);

function cleanRecord(input: unknown, maxEntries = 30): Record<string, string> {
  const out: Record<string, string> = {};
  if (!input || typeof input !== 'object') return out;
  for (const [k, v] of Object.entries(input).slice(0, maxEntries)) {
    if (UNSAFE_KEYS.has(k) || v === undefined || v === null || typeof v === 'object') continue;
    Object.defineProperty(out, clip(k, 60), { value: clip(v, 300), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function cleanDiagnostic(d: DiagnosticSummary | undefined): DiagnosticSummary | undefined {
  if (!d || typeof d !== 'object') return undefined;
  const scores: Record<string, number> = {};
  for (const [k, v] of Object.entries(d.scores ?? {}).slice(0, 20)) {
    if (!UNSAFE_KEYS.has(k) && typeof v === 'number' && Number.isFinite(v)) {
      Object.defineProperty(scores, clip(k, 60), { value: Math.round(v), enumerable: true, writable: true, configurable: true });
    }
  }
  const list = (xs: unknown) => (Array.isArray(xs) ? xs.slice(0, 20).map((x) => clip(x, 300)) : []);
  return {
    scores,
    ...(typeof d.globalScore === 'number' && Number.isFinite(d.globalScore) ? { globalScore: Math.round(d.globalScore) } : {}),
    ...(d.level ? { level: clip(d.level, 120) } : {}),
    priorities: list(d.priorities),
    redFlags: list(d.redFlags),
    ...(d.completedAt ? { completedAt: clip(d.completedAt, 40) } : {}),
    ...cleanProgress(d.progress),
  };
}

function cleanProgress(p: ProgressSummary | undefined): { progress?: ProgressSummary } {
  if (!p || typeof p !== 'object' || !Array.isArray(p.rows)) return {};
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : null);
  const rows = p.rows.slice(0, 20).map((r) => ({ label: clip(r?.label, 60), before: n(r?.before), after: n(r?.after) }));
  return { progress: { since: clip(p.since, 40), rows } };
}

/** The context package as stored: the last MAX_TRANSCRIPT lines, bounded texts, no prototype keys. */
export function cleanContext(input: Partial<ContextPackage> | undefined): ContextPackage {
  const transcript: TranscriptLine[] = (Array.isArray(input?.transcript) ? input!.transcript : [])
    .slice(-MAX_TRANSCRIPT)
    .map((l) => ({ from: l?.from === 'user' ? 'user' : 'bot', text: clip(l?.text), ...(l?.at ? { at: clip(l.at, 40) } : {}) }));
  const diagnostic = cleanDiagnostic(input?.diagnostic);
  return { transcript, profile: cleanRecord(input?.profile), ...(diagnostic ? { diagnostic } : {}) };
}

export function cleanContact(c: Contact | undefined): Contact {
  const out: Contact = {};
  for (const k of ['name', 'company', 'email', 'phone'] as const) {
    const v = c?.[k];
    if (typeof v === 'string' && v.trim()) out[k] = clip(v.trim(), 200);
  }
  return out;
}

/** A message or note text: trimmed, 1–2 000 characters. */
export function checkText(text: unknown, what = 'Le message'): string {
  const s = typeof text === 'string' ? text.trim() : '';
  if (!s) throw new HandoffError('BadArgument', `${what} est vide.`);
  if (s.length > MAX_TEXT) throw new HandoffError('BadArgument', `${what} dépasse ${MAX_TEXT} caractères.`);
  return s;
}

export const STATUS_LABELS: Record<HandoffStatus, string> = {
  en_attente: 'en attente',
  en_cours: 'en cours',
  rappel: 'nouveau (à rappeler)',
  rappele: 'rappelé',
  clos: 'clos',
};

/** What the console list shows of a request (no transcript, no messages). */
export interface RequestSummary {
  id: string;
  reference: string;
  kind: HandoffRequest['kind'];
  status: HandoffStatus;
  statusLabel: string;
  cciId: string;
  createdAt: string;
  updatedAt: string;
  contactName?: string;
  company?: string;
  departement?: string;
  reason: string;
  advisor?: string;
  callbackLabel?: string;
  position?: number;
  expectedWaitMs?: number;
  messageCount: number;
}

export function summarize(r: HandoffRequest, queue?: { position: number; expectedWaitMs?: number }): RequestSummary {
  return {
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    cciId: r.cciId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    ...(r.contact.name ? { contactName: r.contact.name } : {}),
    ...(r.contact.company ? { company: r.contact.company } : {}),
    ...(r.departement ? { departement: r.departement } : {}),
    reason: r.reason.slice(0, 200),
    ...(r.advisor ? { advisor: r.advisor.displayName } : {}),
    ...(r.callbackLabel ? { callbackLabel: r.callbackLabel } : {}),
    ...(queue ? { position: queue.position, ...(queue.expectedWaitMs === undefined ? {} : { expectedWaitMs: queue.expectedWaitMs }) } : {}),
    messageCount: r.messages.length,
  };
}
