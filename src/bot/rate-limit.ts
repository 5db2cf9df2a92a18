// Sliding-window pacing: before each send, wait until every window of the key has room again.
// Used for Microsoft Teams, whose per-bot-per-conversation limits are several windows at once
// (learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit, checked 2026-11-22):
// 7 sends per 1 s, 8 per 2 s, 60 per 30 s and 1800 per hour. Teams says the exact values may
// change, so the retry layer (teams-delivery.ts) still handles HTTP 429.
import { KeyedSerial } from '../serial.js';

export interface RateWindow {
  /** Most operations allowed in any period of `ms` milliseconds. */
  limit: number;
  ms: number;
}

/** Teams, per bot per conversation ("thread"): send or create conversation. */
export const TEAMS_CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { limit: 7, ms: 1_000 },
  { limit: 8, ms: 2_000 },
  { limit: 60, ms: 30_000 },
  { limit: 1800, ms: 3_600_000 },
];

/**
 * Teams, global per app per tenant: the stored doc says 30 requests per second, a Microsoft Q&A
 * answer says 50. We pace at the lower figure.
 */
export const TEAMS_TENANT_WINDOWS: readonly RateWindow[] = [{ limit: 30, ms: 1_000 }];

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Waits for room on a key, then records a send; resolves with the time waited, in ms. */
export interface Pacer {
  acquire(key: string): Promise<number>;
}

/**
 * Makes the pacer of one kind of limit (`name`: "conversation", "tenant"). In memory for one instance;
 * with Redis (shared-pacing.ts) every instance counts against the same windows.
 */
export type PacerFactory = (name: string, windows: readonly RateWindow[], safetyMs: number) => Pacer;

/** One process: each pacer keeps its own windows. */
export const memoryPacers =
  (clock: Clock = systemClock): PacerFactory =>
  (_name, windows, safetyMs) =>
    new SlidingWindowLimiter(windows, clock, safetyMs);

/**
 * Per-key sliding-window limiter. Memory is bounded: a key keeps at most as many timestamps as its
 * largest window's limit, and keys idle for longer than the longest window are dropped.
 */
export class SlidingWindowLimiter implements Pacer {
  private readonly sent = new Map<string, number[]>();
  /** Serialises acquisitions per key, so that concurrent turns of one conversation queue up. */
  private readonly queues = new KeyedSerial();
  private readonly longest: number;
  private readonly keep: number;
  private lastSweep = 0;

  /**
   * @param safetyMs added to every window: we time a send when it leaves, Teams when it arrives, so
   *   network jitter could otherwise squeeze 8 arrivals into one of Teams' seconds.
   */
  constructor(
    private readonly windows: readonly RateWindow[],
    private readonly clock: Clock = systemClock,
    private readonly safetyMs = 0,
  ) {
    if (windows.length === 0) throw new Error('[rate-limit] at least one window');
    this.longest = Math.max(...windows.map((w) => w.ms)) + safetyMs;
    this.keep = Math.max(...windows.map((w) => w.limit));
  }

  /** Milliseconds to wait before `key` may send, 0 when it may send now. */
  delayFor(key: string, now = this.clock.now()): number {
    const times = this.sent.get(key);
    if (!times) return 0;
    let wait = 0;
    for (const w of this.windows) {
      // times is sorted; the window is full when `limit` sends happened within the last `ms`.
      if (times.length < w.limit) continue;
      const oldestInWindow = times[times.length - w.limit];
      const free = oldestInWindow + w.ms + this.safetyMs - now;
      if (free > wait) wait = free;
    }
    return wait;
  }

  /** Waits for room on `key`, then records a send. Returns the time waited, in ms. */
  acquire(key: string): Promise<number> {
    return this.queues.run(key, async () => {
      let waited = 0;
      let delay = this.delayFor(key);
      while (delay > 0) {
        waited += delay;
        await this.clock.sleep(delay);
        delay = this.delayFor(key);
      }
      this.record(key, this.clock.now());
      return waited;
    });
  }

  /** Number of keys currently tracked (for tests and health checks). */
  get size(): number {
    return this.sent.size;
  }

  private record(key: string, now: number): void {
    const times = this.sent.get(key) ?? [];
    times.push(now);
    if (times.length > this.keep) times.splice(0, times.length - this.keep);
    this.sent.set(key, times);
    this.sweep(now);
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.longest) return;
    this.lastSweep = now;
    for (const [key, times] of this.sent) {
      if (now - times[times.length - 1] >= this.longest) this.sent.delete(key);
    }
  }
}
