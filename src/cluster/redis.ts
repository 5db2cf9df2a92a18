// Redis connections (ioredis) for what several instances share. One command connection and, for the
// bus, one subscriber connection (a subscribed connection cannot run other commands). Every key and
// channel starts with the configured prefix (REDIS_PREFIX), so that several deployments or test suites
// can share one Redis.
import { Redis } from 'ioredis';
import type { Logger } from '../log.js';

export interface RedisOptions {
  url: string;
  /** Prepended to every key and channel, e.g. "virage:". */
  prefix: string;
  logger: Logger;
  /** Shown in Redis' CLIENT LIST, for operators. */
  name?: string;
}

/** The URL without its password, for logs and errors. */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'redis://?';
  }
}

/**
 * A connection that retries forever with a capped backoff; commands issued while disconnected wait
 * in ioredis' offline queue, and fail after a few retries rather than hanging a request.
 */
export function createRedis(options: RedisOptions): Redis {
  const client = new Redis(options.url, {
    connectionName: options.name ?? 'virage',
    maxRetriesPerRequest: 3,
    enableAutoPipelining: true,
    retryStrategy: (times) => Math.min(2000, 50 * 2 ** Math.min(times, 6)),
    lazyConnect: true,
  });
  let down = false;
  client.on('error', (err: Error) => {
    if (down) return;
    down = true;
    options.logger.error('[redis] connection lost', { url: redactRedisUrl(options.url), err: err.message });
  });
  client.on('ready', () => {
    if (down) options.logger.info('[redis] connection back', { url: redactRedisUrl(options.url) });
    down = false;
  });
  return client;
}

/** Connects, or throws a French/English message naming REDIS_URL (fail fast at start). */
export async function connectRedis(options: RedisOptions): Promise<Redis> {
  const client = createRedis(options);
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    client.disconnect();
    throw new Error(`Redis injoignable (REDIS_URL=${redactRedisUrl(options.url)}) : ${(err as Error).message} / Redis unreachable`);
  }
  return client;
}
