// Mutual exclusion per key across instances: the turns of one conversation, the appends of one
// transcript. In memory, a promise chain per key (one process); with Redis, SET NX PX with a random
// token, renewed while the holder works and released only by it, so a killed holder frees the key
// within one TTL.
// Hand-over between instances: a waiter marks the key as awaited; the holder that frees an awaited key
// says so on the bus, which wakes the waiter at once (a user's next message reaching the other instance
// while the previous turn ends). Polling remains, slower, for a message lost while Redis reconnects.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Bus } from './bus.js';

export interface LockOptions {
  /** How long the key stays held without renewal (a killed holder frees it after this). */
  ttlMs?: number;
  /** Give up after waiting this long (throws LockTimeoutError). */
  waitMs?: number;
}

export interface Locks {
  /** Runs `fn` while holding `key`; callers on every instance wait their turn. */
  run<T>(key: string, fn: () => Promise<T>, options?: LockOptions): Promise<T>;
}

export class LockTimeoutError extends Error {
  constructor(readonly key: string) {
    super(`[cluster] lock not acquired in time: ${key}`);
    this.name = 'LockTimeoutError';
  }
}

const DEFAULT_TTL_MS = 10_000;
const DEFAULT_WAIT_MS = 30_000;

export class MemoryLocks implements Locks {
  private readonly chains = new Map<string, Promise<unknown>>();

  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous.then(fn, fn);
    const settled = next.catch(() => undefined);
    this.chains.set(key, settled);
    void settled.then(() => {
      if (this.chains.get(key) === settled) this.chains.delete(key);
    });
    return next;
  }
}

/** Frees KEYS[1] if we hold it: 0 not ours, 1 freed, 2 freed and awaited (KEYS[2] marks waiters). */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) return 1 + redis.call('EXISTS', KEYS[2]) end return 0`;
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

/** Bus topic of "this key was freed" (the message is the key). */
export const LOCK_FREED_TOPIC = 'lock-freed';
/** Polling of a waiter without a bus: 2 ms, doubling, at most 25 ms. */
const MAX_POLL_MS = 25;
/** With a bus, waiters are woken; they still look again after this long. */
const WOKEN_POLL_MS = 100;

export interface RedisLocksOptions {
  /** The cluster bus: waiters are woken when another instance frees their key. */
  bus?: Bus;
  /** With a bus, how long a waiter waits for a wake-up before looking again (default 100 ms). */
  pollMs?: number;
}

export class RedisLocks implements Locks {
  /** Same-process callers queue locally first: Redis is asked once per holder, not polled by each. */
  private readonly local = new MemoryLocks();
  /** This instance's waiter per key (one at most: local callers queue first). */
  private readonly wakers = new Map<string, () => void>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly options: RedisLocksOptions = {},
  ) {}

  /** Listens for freed keys (with a bus); until then waiters poll. */
  async start(): Promise<void> {
    if (!this.options.bus || this.unsubscribe) return;
    this.unsubscribe = await this.options.bus.subscribe(LOCK_FREED_TOPIC, (message) => this.wakers.get(String(message))?.());
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  run<T>(key: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
    return this.local.run(key, () => this.hold(key, fn, options));
  }

  private async hold<T>(key: string, fn: () => Promise<T>, options: LockOptions): Promise<T> {
    const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    const name = `${this.prefix}lock:${key}`;
    const awaited = `${this.prefix}lock-awaited:${key}`;
    const token = randomBytes(12).toString('base64url');
    if ((await this.redis.set(name, token, 'PX', ttlMs, 'NX')) !== 'OK') {
      await this.wait(key, name, awaited, token, ttlMs, Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS));
    }
    const renew = setInterval(() => void this.redis.eval(RENEW, 1, name, token, ttlMs).catch(() => undefined), Math.max(50, ttlMs / 3));
    renew.unref();
    try {
      return await fn();
    } finally {
      clearInterval(renew);
      const freed = await this.redis.eval(RELEASE, 2, name, awaited, token).catch(() => 0);
      if (freed === 2) this.options.bus?.publish(LOCK_FREED_TOPIC, key).catch(() => undefined);
    }
  }

  /** Until the key is ours: woken by the bus when its holder frees it, else polling. */
  private async wait(key: string, name: string, awaited: string, token: string, ttlMs: number, deadline: number): Promise<void> {
    const woken = this.unsubscribe !== undefined;
    let pause = woken ? (this.options.pollMs ?? WOKEN_POLL_MS) : 2;
    let markedUntil = 0;
    try {
      for (;;) {
        let wake: () => void = () => undefined;
        const freed = new Promise<void>((resolve) => (wake = resolve));
        if (woken) this.wakers.set(key, wake);
        if (woken && Date.now() + pause >= markedUntil) {
          // Marked before looking again: a holder freeing the key after this look will wake us.
          markedUntil = Date.now() + pause + 1000;
          await this.redis.set(awaited, '1', 'PX', pause + 1000);
        }
        if ((await this.redis.set(name, token, 'PX', ttlMs, 'NX')) === 'OK') return;
        if (Date.now() > deadline) throw new LockTimeoutError(key);
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([freed, new Promise((r) => (timer = setTimeout(r, Math.min(pause, Math.max(1, deadline - Date.now())))))]);
        clearTimeout(timer);
        if (!woken) pause = Math.min(MAX_POLL_MS, pause * 2);
      }
    } finally {
      this.wakers.delete(key);
    }
  }
}
