// The live queues, one per CCI, in memory (rebuilt from the store at start, kept in step with the other
// instances by the cluster bus: handoff/share.ts): order of arrival, positions, and the expected wait
// from recent take times (request → taken by an advisor) and the number of advisors free now. No take
// time measured yet: no estimate (undefined), never a made-up one.
import type { QueueEntry } from './events.js';

const WINDOW = 20;

interface Waiting {
  id: string;
  reference: string;
  subject: string;
  conversation: unknown;
  createdAt: number;
}

export class WaitQueues {
  private readonly queues = new Map<string, Waiting[]>();
  private readonly takeTimes = new Map<string, number[]>();

  /** `capacity`: how many advisors of the CCI can take a live exchange now. */
  constructor(private readonly capacity: (cciId: string) => number = () => 1) {}

  add(cciId: string, item: Waiting): void {
    const q = this.queues.get(cciId) ?? [];
    if (q.some((w) => w.id === item.id)) return;
    q.push(item);
    q.sort((a, b) => a.createdAt - b.createdAt);
    this.queues.set(cciId, q);
  }

  /** Removes a request; returns true when it was waiting. */
  remove(cciId: string, id: string): boolean {
    const q = this.queues.get(cciId);
    const i = q?.findIndex((w) => w.id === id) ?? -1;
    if (!q || i < 0) return false;
    q.splice(i, 1);
    return true;
  }

  /** Removes the waiting requests of a CCI that are not in `ids` (another instance's queue said so). */
  keepOnly(cciId: string, ids: Set<string>): void {
    const q = this.queues.get(cciId);
    if (q)
      this.queues.set(
        cciId,
        q.filter((w) => ids.has(w.id)),
      );
  }

  clear(): void {
    this.queues.clear();
    this.takeTimes.clear();
  }

  /** Records how long a request waited before an advisor took it. */
  recordTake(cciId: string, waitedMs: number): void {
    const times = this.takeTimes.get(cciId) ?? [];
    times.push(Math.max(0, waitedMs));
    if (times.length > WINDOW) times.splice(0, times.length - WINDOW);
    this.takeTimes.set(cciId, times);
  }

  /** Median of the last take times of this CCI; undefined when none was measured. */
  typicalTakeMs(cciId: string): number | undefined {
    const times = [...(this.takeTimes.get(cciId) ?? [])].sort((a, b) => a - b);
    if (!times.length) return undefined;
    const mid = Math.floor(times.length / 2);
    return times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  }

  /** Expected wait at a position: one typical take time per round of the advisors free now. */
  expectedWaitMs(cciId: string, position: number): number | undefined {
    const typical = this.typicalTakeMs(cciId);
    if (typical === undefined) return undefined;
    return Math.round(typical * Math.ceil(position / Math.max(1, this.capacity(cciId))));
  }

  entries(cciId: string): QueueEntry[] {
    return (this.queues.get(cciId) ?? []).map((w, i) => ({
      id: w.id,
      reference: w.reference,
      subject: w.subject,
      conversation: w.conversation,
      position: i + 1,
      expectedWaitMs: this.expectedWaitMs(cciId, i + 1),
    }));
  }

  entry(cciId: string, id: string): QueueEntry | undefined {
    return this.entries(cciId).find((e) => e.id === id);
  }

  /** Ids of requests that have waited longer than maxWaitMs at `now`, all CCIs. */
  overdue(now: number, maxWaitMs: number): Array<{ cciId: string; id: string }> {
    const out: Array<{ cciId: string; id: string }> = [];
    for (const [cciId, q] of this.queues) {
      for (const w of q) if (now - w.createdAt >= maxWaitMs) out.push({ cciId, id: w.id });
    }
    return out;
  }
}
