// Rate limits of the HTTP edge, on rate-limiter-flexible. Limiters come from one factory: memory
// counters for one instance; with Redis (REDIS_URL), the composition root sets redisLimiters so that
// several instances share their limits. Keys are client addresses (client-address.ts) or logins.
import type { Redis } from 'ioredis';
import type { Response } from 'restify';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { sendError } from './http-errors.js';

export interface LimitSpec {
  /** Requests allowed per window. */
  points: number;
  /** Window length, in seconds. */
  durationSeconds: number;
  /** Once exhausted, refuse for this long (seconds; default: until the window ends). */
  blockSeconds?: number;
}

export type LimiterFactory = (name: string, spec: LimitSpec) => RateLimiterAbstract;

export const memoryLimiters: LimiterFactory = (name, spec) =>
  new RateLimiterMemory({ keyPrefix: name, points: spec.points, duration: spec.durationSeconds, blockDuration: spec.blockSeconds ?? 0 });

/**
 * Limiters in Redis, shared by every instance using the same prefix. While Redis is unreachable each
 * instance falls back to its own memory counters (rate-limiter-flexible's insurance limiter).
 */
export function redisLimiters(redis: Redis, prefix: string): LimiterFactory {
  return (name, spec) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}rl:${name}`,
      points: spec.points,
      duration: spec.durationSeconds,
      blockDuration: spec.blockSeconds ?? 0,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memoryLimiters(name, spec) as RateLimiterMemory,
    });
}

let factory: LimiterFactory = memoryLimiters;

/** Replaces the store of every limiter created afterwards (e.g. Redis shared by several instances). */
export function setLimiterFactory(next: LimiterFactory): void {
  factory = next;
}

export function createLimiter(name: string, spec: LimitSpec): RateLimiterAbstract {
  return factory(name, spec);
}

export type Taken = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Consumes `points` for `key`. A store failure lets the request through (never a 500 for a limit). */
export async function take(limiter: RateLimiterAbstract, key: string, points = 1): Promise<Taken> {
  try {
    await limiter.consume(key, points);
    return { ok: true };
  } catch (err) {
    if (err instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
    return { ok: true };
  }
}

/** Answers 429 JSON with Retry-After. */
export function tooMany(res: Response, retryAfterSeconds: number, message = 'Trop de requêtes : réessayez dans un instant.'): void {
  res.header('Retry-After', String(retryAfterSeconds));
  sendError(res, 429, 'TooManyRequests', message);
}

/** Applies `limiter` to `key`; answers 429 and returns false when exhausted. */
export async function limitOrRefuse(limiter: RateLimiterAbstract, key: string, res: Response, message?: string): Promise<boolean> {
  const taken = await take(limiter, key);
  if (taken.ok) return true;
  tooMany(res, taken.retryAfterSeconds, message);
  return false;
}
