// Protection of the advisor login, checked BEFORE any password is hashed. scrypt runs on the libuv
// pool that the store's file writes share: unbounded logins (unknown ones too, hashed against a dummy
// to keep the timing) would starve the store. So:
//   - per client address: a few attempts per minute (429);
//   - per login + address: after a few failures, an exponential backoff capped at one minute — never a
//     long lockout, and keyed on the address too, so nobody can lock the real owner out from elsewhere;
//   - globally: at most HASH_BUDGET hashes per 5 seconds, HASH_CONCURRENCY at once and a short queue;
//     beyond it, 503 « occupé » (a CCI's advisors log in a few times a day).
import pLimit from 'p-limit';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { createLimiter, take } from './limits.js';

export const ATTEMPTS_PER_MINUTE = 20;
/** Failures of one login from one address before the backoff starts. */
export const FREE_FAILURES = 4;
export const MAX_BACKOFF_SECONDS = 60;
const HASH_CONCURRENCY = 1;
/** Hashes per 5 s for everyone together: 4 a second on average, in bursts of up to 20. */
const HASH_BUDGET = 20;
const MAX_QUEUED = 8;

export type Refusal = { status: 429 | 503; code: string; message: string; retryAfterSeconds: number };

export class LoginGuard {
  private readonly attempts: RateLimiterAbstract = createLimiter('login-address', { points: ATTEMPTS_PER_MINUTE, durationSeconds: 60 });
  /** Consecutive failures of login+address, forgotten 15 minutes after the last one. */
  private readonly failures: RateLimiterAbstract = createLimiter('login-failures', { points: 10_000, durationSeconds: 15 * 60 });
  /** Backoff blocks of login+address (block() sets the time). */
  private readonly backoff: RateLimiterAbstract = createLimiter('login-backoff', { points: 1, durationSeconds: 1 });
  private readonly hashRate: RateLimiterAbstract = createLimiter('login-hashes', { points: HASH_BUDGET, durationSeconds: 5 });
  private readonly hashing = pLimit(HASH_CONCURRENCY);

  /** A refusal when the attempt must not even be checked; undefined to go on. */
  async admit(login: string, address: string): Promise<Refusal | undefined> {
    const blocked = await this.backoff.get(this.key(login, address)).catch(() => null);
    if (blocked && blocked.consumedPoints > 1 && blocked.msBeforeNext > 0) {
      return slowDown(Math.ceil(blocked.msBeforeNext / 1000));
    }
    const taken = await take(this.attempts, address);
    if (!taken.ok) return slowDown(taken.retryAfterSeconds);
    if (this.hashing.pendingCount >= MAX_QUEUED || !(await take(this.hashRate, 'all')).ok) {
      return {
        status: 503,
        code: 'Busy',
        message: 'Trop de connexions en cours : réessayez dans quelques secondes.',
        retryAfterSeconds: 2,
      };
    }
    return undefined;
  }

  /** Runs a password check in the bounded queue. */
  check<T>(fn: () => Promise<T>): Promise<T> {
    return this.hashing(fn);
  }

  async failed(login: string, address: string): Promise<void> {
    const key = this.key(login, address);
    const res = await this.failures.penalty(key).catch(() => null);
    const n = res?.consumedPoints ?? 0;
    if (n >= FREE_FAILURES) {
      const seconds = Math.min(MAX_BACKOFF_SECONDS, 2 ** (n - FREE_FAILURES));
      await this.backoff.block(key, seconds).catch(() => undefined);
    }
  }

  async succeeded(login: string, address: string): Promise<void> {
    const key = this.key(login, address);
    await Promise.all([this.failures.delete(key), this.backoff.delete(key)]).catch(() => undefined);
  }

  private key(login: string, address: string): string {
    return `${login.toLowerCase()}|${address}`;
  }
}

function slowDown(seconds: number): Refusal {
  const s = Math.max(1, seconds);
  return {
    status: 429,
    code: 'TooManyAttempts',
    message: `Trop de tentatives de connexion : réessayez dans ${s} seconde${s > 1 ? 's' : ''}.`,
    retryAfterSeconds: s,
  };
}
