// Teams send pacing shared by every instance (REDIS_URL): Teams' limits count the bot's sends per
// conversation and per tenant, whichever process makes them, so two instances pacing on their own could
// together send twice the allowed rate and be throttled (HTTP 429).
//
// Why not rate-limiter-flexible here, when the HTTP edge uses it (src/server/limits.ts): its limiters are
// fixed windows that start at the first point, so up to twice a limit can pass across a window's end
// (7 sends at 0.99 s and 7 more at 1.0 s), which Teams' sliding windows refuse; and they answer "refused,
// retry in N ms" for one window while Teams sets several at once (7/1 s, 8/2 s, 60/30 s, 1800/h). This is
// the in-memory SlidingWindowLimiter's algorithm, unchanged, on a Redis sorted set per key: one Lua script
// checks every window and records the send atomically, on Redis' clock (one clock for all instances).
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../log.js';
import { KeyedSerial } from '../serial.js';
import { SlidingWindowLimiter, systemClock, type Clock, type Pacer, type PacerFactory, type RateWindow } from './rate-limit.js';

/**
 * KEYS[1]: the send times (ms, as scores) of one key. ARGV: a unique member for this send, the safety
 * margin, how many times to keep (the largest limit), the key's TTL (the longest window), then pairs of
 * limit and window length. Returns 0 when the send is recorded, else the ms to wait before asking again.
 */
const ACQUIRE = `
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local safety = tonumber(ARGV[2])
local n = redis.call('ZCARD', KEYS[1])
local wait = 0
for i = 5, #ARGV, 2 do
  local limit = tonumber(ARGV[i])
  if n >= limit then
    local oldest = redis.call('ZRANGE', KEYS[1], n - limit, n - limit, 'WITHSCORES')
    local free = tonumber(oldest[2]) + tonumber(ARGV[i + 1]) + safety - now
    if free > wait then wait = free end
  end
end
if wait > 0 then return math.ceil(wait) end
redis.call('ZADD', KEYS[1], now, ARGV[1])
local keep = tonumber(ARGV[3])
if n + 1 > keep then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, n - keep) end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 0`;

/**
 * Sliding windows in Redis, shared by every instance. Sends of one key from this process queue up in
 * order first (one asks Redis at a time). While Redis cannot be reached, this instance paces alone with
 * its memory windows (as without REDIS_URL): a send is delayed, never refused.
 */
export class RedisSlidingWindow implements Pacer {
  private readonly queues = new KeyedSerial();
  private readonly fallback: SlidingWindowLimiter;
  private readonly args: string[];

  constructor(
    private readonly redis: Redis,
    /** Full key prefix, e.g. "virage:pace:conversation:". */
    private readonly keyPrefix: string,
    windows: readonly RateWindow[],
    private readonly safetyMs: number,
    private readonly logger: Logger,
    /** Shared by the pacers of one connection, so an outage is logged once. */
    private readonly link: { down: boolean } = { down: false },
    private readonly clock: Clock = systemClock,
  ) {
    this.fallback = new SlidingWindowLimiter(windows, clock, safetyMs);
    const longest = Math.max(...windows.map((w) => w.ms)) + safetyMs;
    const keep = Math.max(...windows.map((w) => w.limit));
    this.args = [String(safetyMs), String(keep), String(longest), ...windows.flatMap((w) => [String(w.limit), String(w.ms)])];
  }

  acquire(key: string): Promise<number> {
    return this.queues.run(key, () => this.take(key));
  }

  private async take(key: string): Promise<number> {
    let waited = 0;
    for (;;) {
      let wait: number;
      try {
        wait = Number(
          await this.redis.eval(ACQUIRE, 1, `${this.keyPrefix}${key}`, `${Date.now()}-${randomBytes(6).toString('hex')}`, ...this.args),
        );
        if (this.link.down) this.logger.info('[teams] shared pacing back (Redis)');
        this.link.down = false;
      } catch (err) {
        if (!this.link.down)
          this.logger.warn('[teams] Redis unreachable: this instance paces its sends alone', { err: (err as Error).message });
        this.link.down = true;
        return waited + (await this.fallback.acquire(key));
      }
      if (wait <= 0) return waited;
      waited += wait;
      await this.clock.sleep(wait);
    }
  }
}

/** Pacers in Redis under `<prefix>pace:<name>:<key>`, shared by every instance with the same prefix. */
export function redisPacers(redis: Redis, prefix: string, logger: Logger): PacerFactory {
  const link = { down: false };
  return (name, windows, safetyMs) => new RedisSlidingWindow(redis, `${prefix}pace:${name}:`, windows, safetyMs, logger, link);
}
