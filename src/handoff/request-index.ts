// The read side of the handoff service: requests in the `handoffs` collection, found through an index
// kept in memory (per id: CCI, subject, reference, status, creation time), rebuilt from the store at
// start and kept in step by the service after each write.
import { findWhere } from '../storage/query.js';
import { DuplicateValueError, type Collection } from '../storage/types.js';
import { newReference, normaliseReference, type RandomIndex } from './requests.js';
import type { HandoffRequest, HandoffStatus } from './types.js';

/** Draws of a new reference before giving up (a clash is rare: 31⁵ references). */
const MAX_REFERENCE_ATTEMPTS = 20;

interface IndexEntry {
  cciId: string;
  subject: string;
  reference: string;
  status: HandoffStatus;
  createdAt: string;
}

export class RequestIndex {
  private readonly entries = new Map<string, IndexEntry>();
  private readonly byReference = new Map<string, string>();

  constructor(
    readonly requests: Collection<HandoffRequest>,
    private readonly clock: () => Date,
  ) {}

  /** Every stored request, oldest first, after indexing them all again. */
  async rebuild(): Promise<HandoffRequest[]> {
    const all = (await this.requests.find(() => true)).map((e) => e.value).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    this.entries.clear();
    this.byReference.clear();
    for (const r of all) this.set(r);
    return all;
  }

  /** Stores a new request under a free reference, and indexes it: another instance may draw the same one at
   *  once, the store (PostgreSQL unique index) then refuses it with DuplicateValueError and a new one is drawn. */
  async insertNew(build: (reference: string) => HandoffRequest, random?: RandomIndex): Promise<HandoffRequest> {
    const refused = new Set<string>();
    for (let attempt = 1; ; attempt++) {
      const request = build(newReference((ref) => refused.has(ref) || this.referenceTaken(ref), random));
      try {
        await this.requests.put(request.id, request);
        this.set(request);
        return request;
      } catch (err) {
        if (!(err instanceof DuplicateValueError) || attempt >= MAX_REFERENCE_ATTEMPTS) throw err;
        refused.add(request.reference);
      }
    }
  }

  set(r: HandoffRequest): void {
    this.entries.set(r.id, { cciId: r.cciId, subject: r.subject, reference: r.reference, status: r.status, createdAt: r.createdAt });
    this.byReference.set(r.reference, r.id);
  }

  /** Forgets a request; returns its CCI when it was known. */
  forget(id: string): { cciId: string } | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    this.byReference.delete(entry.reference);
    return { cciId: entry.cciId };
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  referenceTaken(reference: string): boolean {
    return this.byReference.has(reference);
  }

  get(id: string): Promise<HandoffRequest | undefined> {
    return this.entries.has(id) ? this.requests.get(id) : Promise.resolve(undefined);
  }

  async getByReference(reference: string): Promise<HandoffRequest | undefined> {
    const ref = normaliseReference(reference);
    const id = ref ? this.byReference.get(ref) : undefined;
    return id ? this.get(id) : undefined;
  }

  /** The subject's most recent request, whatever its status. */
  async latestFor(subject: string): Promise<HandoffRequest | undefined> {
    let best: [string, IndexEntry] | undefined;
    for (const e of this.entries) if (e[1].subject === subject && (!best || e[1].createdAt >= best[1].createdAt)) best = e;
    return best ? this.get(best[0]) : undefined;
  }

  /** The request the relay must route the subject's messages to: waiting or live with an advisor. */
  async liveFor(subject: string): Promise<HandoffRequest | undefined> {
    const r = await this.latestFor(subject);
    return r && r.kind === 'live' && (r.status === 'en_attente' || r.status === 'en_cours') ? r : undefined;
  }

  /** Requests of a CCI: open ones, and the closed ones of the last `closedDays` days. */
  async listForCci(cciId: string, closedDays = 7): Promise<HandoffRequest[]> {
    const since = new Date(this.clock().getTime() - closedDays * 86_400_000).toISOString();
    const out: HandoffRequest[] = [];
    for (const [id, e] of this.entries) {
      if (e.cciId !== cciId) continue;
      const r = await this.requests.get(id);
      if (r && (r.status !== 'clos' && r.status !== 'rappele' ? true : r.updatedAt >= since)) out.push(r);
    }
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Every request of a subject, for export and erasure. */
  async allFor(subject: string): Promise<HandoffRequest[]> {
    return (await findWhere(this.requests, { field: 'subject', equals: subject })).map((e) => e.value);
  }

  async olderThan(cutoff: Date): Promise<HandoffRequest[]> {
    return (await findWhere(this.requests, { field: 'updatedAt', before: cutoff.toISOString() })).map((e) => e.value);
  }
}
