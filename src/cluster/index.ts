// What the instances of Virage share besides the database (issue 12): a pub/sub bus, small shared keys
// with expiry, and the Redis connection itself (rate limits use it). Without REDIS_URL everything is in
// memory and one instance works exactly as before.
import type { Redis } from 'ioredis';
import type { Logger } from '../log.js';
import { MemoryBus, type Bus } from './bus.js';
import { connectRedis } from './redis.js';
import { RedisBus } from './redis-bus.js';
import { MemoryKeys, RedisKeys, type SharedKeys } from './shared.js';
import { MemoryLocks, RedisLocks, type Locks } from './locks.js';

export type { Bus, BusHandler, Delivery } from './bus.js';
export type { SharedKeys } from './shared.js';
export type { Locks, LockOptions } from './locks.js';
export { LockTimeoutError } from './locks.js';
export { MemoryBus } from './bus.js';
export { MemoryKeys } from './shared.js';

export interface Cluster {
  bus: Bus;
  keys: SharedKeys;
  locks: Locks;
  /** The command connection when REDIS_URL is set (rate-limiter-flexible's store uses it). */
  redis?: Redis;
  /** Prefix of every Redis key and channel. */
  prefix: string;
  /** True with Redis: several instances may run side by side. */
  shared: boolean;
  close(): Promise<void>;
}

export interface ClusterOptions {
  /** REDIS_URL; empty or absent: in memory, one instance. */
  url?: string;
  /** REDIS_PREFIX (default "virage:"). */
  prefix?: string;
  logger: Logger;
}

/** The in-memory cluster of one instance (also what tests get by default). */
export function memoryCluster(logger?: Logger): Cluster {
  return {
    bus: new MemoryBus((err, topic) => logger?.error('[bus] handler failed', { topic, err: String(err) })),
    keys: new MemoryKeys(),
    locks: new MemoryLocks(),
    prefix: '',
    shared: false,
    close: async () => undefined,
  };
}

export async function openCluster(options: ClusterOptions): Promise<Cluster> {
  if (!options.url) return memoryCluster(options.logger);
  const prefix = options.prefix ?? 'virage:';
  const redis = await connectRedis({ url: options.url, prefix, logger: options.logger, name: 'virage' });
  let sub: Redis;
  try {
    sub = await connectRedis({ url: options.url, prefix, logger: options.logger, name: 'virage-sub' });
  } catch (err) {
    redis.disconnect();
    throw err;
  }
  const bus = new RedisBus(redis, sub, prefix, options.logger);
  const locks = new RedisLocks(redis, prefix, { bus });
  await locks.start().catch((err: unknown) => {
    sub.disconnect();
    redis.disconnect();
    throw err;
  });
  return {
    bus,
    keys: new RedisKeys(redis, prefix),
    locks,
    redis,
    prefix,
    shared: true,
    async close() {
      await locks.stop();
      await bus.close();
      await Promise.all([sub.quit().catch(() => sub.disconnect()), redis.quit().catch(() => redis.disconnect())]);
    },
  };
}
