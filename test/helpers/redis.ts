// Redis for tests: REDIS_URL_TEST (default redis://127.0.0.1:6379). Each suite uses a key prefix of its
// own (virage_test:<pid>:<random>:) and deletes its keys at the end, so parallel runs never clash. When
// Redis is unreachable, suites are skipped with one line — unless VIRAGE_REQUIRE_SERVICES=true (.ci/run).
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { openCluster, type Cluster } from '../../src/cluster/index.js';
import { silentLogger } from '../../src/log.js';

export const TEST_REDIS_URL = process.env.REDIS_URL_TEST || 'redis://127.0.0.1:6379';
const required = process.env.VIRAGE_REQUIRE_SERVICES === 'true';

let reachable: Promise<string | undefined> | undefined;

function probe(): Promise<string | undefined> {
  reachable ??= (async () => {
    const client = new Redis(TEST_REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      connectTimeout: 2000,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      return undefined;
    } catch (err) {
      return (err as Error).message || String(err);
    } finally {
      client.disconnect();
    }
  })();
  return reachable;
}

/** True when Redis answers; otherwise one line « Redis indisponible … : suite ignorée » (or a failure in CI). */
export async function redisAvailable(suite: string): Promise<boolean> {
  const why = await probe();
  if (why === undefined) return true;
  const line = `Redis indisponible sur ${TEST_REDIS_URL} (${why}) : suite ignorée — ${suite}`;
  if (required) throw new Error(`${line} — mais VIRAGE_REQUIRE_SERVICES=true : échec`);
  console.warn(line);
  return false;
}

/** A fresh key prefix for one suite. */
export function testPrefix(): string {
  return `virage_test:${process.pid}:${randomBytes(4).toString('hex')}:`;
}

/** Deletes every key under `prefix` (end of a suite). */
export async function dropPrefix(prefix: string): Promise<void> {
  const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}

/** Two clusters on one Redis and key prefix, as two instances would open them; `on` is false when Redis is away. */
export interface TwoClusters {
  readonly on: boolean;
  readonly prefix: string;
  readonly a: Cluster;
  readonly b: Cluster;
}

/**
 * Registers, in the calling file or describe block, the opening of two clusters before its tests (when Redis
 * answers, see redisAvailable) and their closing and key removal after. Read the fields inside tests only.
 */
export function twoClusters(suite: string): TwoClusters {
  const state: { on: boolean; prefix: string; a?: Cluster; b?: Cluster } = { on: false, prefix: testPrefix() };
  beforeAll(async () => {
    state.on = await redisAvailable(suite);
    if (!state.on) return;
    state.a = await openCluster({ url: TEST_REDIS_URL, prefix: state.prefix, logger: silentLogger });
    state.b = await openCluster({ url: TEST_REDIS_URL, prefix: state.prefix, logger: silentLogger });
  });
  afterAll(async () => {
    if (!state.on) return;
    await state.a?.close();
    await state.b?.close();
    await dropPrefix(state.prefix);
  });
  return {
    get on() {
      return state.on;
    },
    prefix: state.prefix,
    get a() {
      return state.a!;
    },
    get b() {
      return state.b!;
    },
  };
}
