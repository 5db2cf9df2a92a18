// Mutual exclusion per key across instances: the turns of one conversation, the appends of one
// transcript. In memory, a promise chain per key (one process); with Redis, SET NX PX with a random
// token, renewed while the holder works and released only by it, so a killed holder frees the key
// within one TTL.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

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

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

export class RedisLocks implements Locks {
  /** Same-process callers queue locally first: Redis is asked once per holder, not polled by each. */
  private readonly local = new MemoryLocks();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  run<T>(key: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
    return this.local.run(key, () => this.hold(key, fn, options));
  }

  private async hold<T>(key: string, fn: () => Promise<T>, options: LockOptions): Promise<T> {
    const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
    const name = `${this.prefix}lock:${key}`;
    const token = randomBytes(12).toString('base64url');
    let pause = 2;
    while ((await this.redis.set(name, token, 'PX', ttlMs, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new LockTimeoutError(key);
      await new Promise((r) => setTimeout(r, pause));
      pause = Math.min(25, pause * 2);
    }
    const renew = setInterval(() => void this.redis.eval(RENEW, 1, name, token, ttlMs).catch(() => undefined), Math.max(50, ttlMs / 3));
    renew.unref();
    try {
      return await fn();
    } finally {
      clearInterval(renew);
      await this.redis.eval(RELEASE, 1, name, token).catch(() => undefined);
    }
  }
}
