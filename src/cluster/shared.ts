// Small shared state with expiry, for what instances must agree on without the database: "seen once"
// marks (Teams dedupe), short-lived values listed by prefix (e.g. advisor presence), and counters
// (Direct Line sequence numbers). In memory for a single instance; in Redis with REDIS_URL.
import type { Redis } from 'ioredis';

export interface SharedKeys {
  /** Sets `key` unless it exists; true when this call set it. */
  setIfAbsent(key: string, ttlMs: number): Promise<boolean>;
  /** Sets `key` to `value` for `ttlMs`. */
  put(key: string, value: string, ttlMs: number): Promise<void>;
  get(key: string): Promise<string | undefined>;
  delete(key: string): Promise<void>;
  /** Every live key starting with `prefix`, with its value (order unspecified). */
  list(prefix: string): Promise<Array<[string, string]>>;
  /**
   * Allocates `count` numbers of the counter `key` and returns the last one. A counter that does not
   * exist (first use, or expired) starts after `floor()` — e.g. the last number already in the
   * database — so numbers are never given twice. The counter lives `ttlMs` after its last use.
   */
  allocate(key: string, count: number, floor: () => Promise<number>, ttlMs: number): Promise<number>;
}

/** One process: a map with expiry times (expired entries are dropped when met and on each write). */
export class MemoryKeys implements SharedKeys {
  private readonly values = new Map<string, { value: string; until: number }>();
  private writes = 0;

  constructor(private readonly now: () => number = Date.now) {}

  private live(key: string): { value: string; until: number } | undefined {
    const e = this.values.get(key);
    if (e && e.until <= this.now()) {
      this.values.delete(key);
      return undefined;
    }
    return e;
  }

  private set(key: string, value: string, ttlMs: number): void {
    this.values.set(key, { value, until: this.now() + ttlMs });
    if (++this.writes % 1000 === 0) for (const k of [...this.values.keys()]) this.live(k);
  }

  async setIfAbsent(key: string, ttlMs: number): Promise<boolean> {
    if (this.live(key)) return false;
    this.set(key, '1', ttlMs);
    return true;
  }

  async put(key: string, value: string, ttlMs: number): Promise<void> {
    this.set(key, value, ttlMs);
  }

  async get(key: string): Promise<string | undefined> {
    return this.live(key)?.value;
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }

  async list(prefix: string): Promise<Array<[string, string]>> {
    const out: Array<[string, string]> = [];
    for (const key of [...this.values.keys()]) {
      const e = key.startsWith(prefix) ? this.live(key) : undefined;
      if (e) out.push([key, e.value]);
    }
    return out;
  }

  async allocate(key: string, count: number, floor: () => Promise<number>, ttlMs: number): Promise<number> {
    let current = this.live(key);
    if (!current) {
      const start = await floor();
      current = this.live(key) ?? { value: String(start), until: 0 };
    }
    const last = Number(current.value) + count;
    this.set(key, String(last), ttlMs);
    return last;
  }
}

/** INCRBY only when the counter exists (nil otherwise), refreshing its expiry. */
const INCR_IF_EXISTS = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local v = redis.call('INCRBY', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return v`;
/** Starts the counter at max(current, floor), then INCRBY: atomic, so two instances never clash. */
const INCR_FROM_FLOOR = `
local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
local floor = tonumber(ARGV[3])
if floor > cur then redis.call('SET', KEYS[1], floor) end
local v = redis.call('INCRBY', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return v`;

export class RedisKeys implements SharedKeys {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private k(key: string): string {
    return `${this.prefix}${key}`;
  }

  async setIfAbsent(key: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.k(key), '1', 'PX', ttlMs, 'NX')) === 'OK';
  }

  async put(key: string, value: string, ttlMs: number): Promise<void> {
    await this.redis.set(this.k(key), value, 'PX', ttlMs);
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.k(key))) ?? undefined;
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.k(key));
  }

  async list(prefix: string): Promise<Array<[string, string]>> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await this.redis.scan(cursor, 'MATCH', `${this.k(escapeGlob(prefix))}*`, 'COUNT', 500);
      keys.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    if (!keys.length) return [];
    const values = await this.redis.mget(...keys);
    const out: Array<[string, string]> = [];
    keys.forEach((key, i) => {
      const v = values[i];
      if (v !== null && v !== undefined) out.push([key.slice(this.prefix.length), v]);
    });
    return out;
  }

  async allocate(key: string, count: number, floor: () => Promise<number>, ttlMs: number): Promise<number> {
    const fast = await this.redis.eval(INCR_IF_EXISTS, 1, this.k(key), count, ttlMs);
    if (fast !== null) return Number(fast);
    const start = await floor();
    return Number(await this.redis.eval(INCR_FROM_FLOOR, 1, this.k(key), count, ttlMs, start));
  }
}

function escapeGlob(s: string): string {
  return s.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}
