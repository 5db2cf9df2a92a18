// What two instances share through Redis, each instance being its own connection (its own cluster):
// rate limits and login backoff (rate-limiter-flexible's Redis store), Teams dedupe across a restart,
// locks, and Direct Line activity numbers of one conversation appended from both instances at once
// (on one PostgreSQL schema).
import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { openCluster } from '../../src/cluster/index.js';
import { RedisLocks } from '../../src/cluster/locks.js';
import { DuplicateActivityFilter, DUPLICATE_SKIPPED, sharedSeen } from '../../src/bot/dedupe.js';
import { silentLogger } from '../../src/log.js';
import { createLimiter, memoryLimiters, redisLimiters, setLimiterFactory, take } from '../../src/server/limits.js';
import { FREE_FAILURES, LoginGuard } from '../../src/server/login-guard.js';
import { TranscriptStore } from '../../src/server/directline/transcripts.js';
import { PostgresStore } from '../../src/storage/postgres/store.js';
import { createTestSchema, postgresAvailable, type TestSchema } from '../helpers/postgres.js';
import { TEST_REDIS_URL, twoClusters } from '../helpers/redis.js';

const two = twoClusters('état partagé Redis (test/cluster/shared-state.test.ts)');
const prefix = two.prefix;
afterAll(() => setLimiterFactory(memoryLimiters));

/** A limiter of the same name made by each instance's factory. */
function pair(name: string, spec: { points: number; durationSeconds: number }) {
  const { a, b } = two;
  return [redisLimiters(a.redis!, a.prefix)(name, spec), redisLimiters(b.redis!, b.prefix)(name, spec)] as const;
}

describe('rate limits shared by two instances (RateLimiterRedis)', () => {
  it('points taken on one instance count on the other', async () => {
    if (!two.on) return;
    const [la, lb] = pair('dl-token', { points: 5, durationSeconds: 60 });
    const results = [];
    for (let i = 0; i < 6; i++) results.push((await take(i % 2 ? lb : la, '203.0.113.7')).ok);
    expect(results).toEqual([true, true, true, true, true, false]);
    expect((await take(la, '203.0.113.8')).ok).toBe(true); // another address has its own budget
  });

  it('login backoff after failures on one instance applies on the other', async () => {
    if (!two.on) return;
    const { a, b } = two;
    setLimiterFactory(redisLimiters(a.redis!, a.prefix));
    const guardA = new LoginGuard();
    setLimiterFactory(redisLimiters(b.redis!, b.prefix));
    const guardB = new LoginGuard();
    setLimiterFactory(memoryLimiters);
    for (let i = 0; i < FREE_FAILURES; i++) {
      expect(await guardA.admit('claire.martin', '198.51.100.4')).toBeUndefined();
      await guardA.failed('claire.martin', '198.51.100.4');
    }
    expect(await guardB.admit('claire.martin', '198.51.100.4')).toMatchObject({ status: 429, code: 'TooManyAttempts' });
    expect(await guardB.admit('claire.martin', '198.51.100.5')).toBeUndefined(); // not from elsewhere
    await guardB.succeeded('claire.martin', '198.51.100.4');
    expect(await guardA.admit('claire.martin', '198.51.100.4')).toBeUndefined();
  });

  it('without Redis, limiters stay per process (the default factory)', async () => {
    const l1 = createLimiter('x', { points: 1, durationSeconds: 60 });
    const l2 = createLimiter('x', { points: 1, durationSeconds: 60 });
    expect((await take(l1, 'k')).ok).toBe(true);
    expect((await take(l2, 'k')).ok).toBe(true);
  });
});

describe('Teams dedupe in Redis', () => {
  const teams = (id: string): Partial<Activity> => ({
    type: 'message',
    id,
    channelId: 'msteams',
    text: 'bonjour',
    conversation: { id: 'a:teams-conv' } as any,
    from: { id: 'u1', name: 'Marie' },
    recipient: { id: 'bot', name: 'Virage' },
  });
  const run = async (filter: DuplicateActivityFilter, activity: Partial<Activity>) => {
    const context = new TurnContext(new TestAdapter(), activity);
    let ran = false;
    await filter.onTurn(context, async () => void (ran = true));
    return { ran, skipped: context.turnState.get(DUPLICATE_SKIPPED) === true };
  };

  it('a re-delivery reaching another instance, or the same one after a restart, is skipped', async () => {
    if (!two.on) return;
    const { a, b } = two;
    expect(await run(new DuplicateActivityFilter({ seen: sharedSeen(a.keys) }), teams('act-1'))).toEqual({ ran: true, skipped: false });
    expect(await run(new DuplicateActivityFilter({ seen: sharedSeen(b.keys) }), teams('act-1'))).toEqual({ ran: false, skipped: true });
    const restarted = await openCluster({ url: TEST_REDIS_URL, prefix, logger: silentLogger });
    try {
      expect(await run(new DuplicateActivityFilter({ seen: sharedSeen(restarted.keys) }), teams('act-1'))).toEqual({
        ran: false,
        skipped: true,
      });
      expect(await run(new DuplicateActivityFilter({ seen: sharedSeen(restarted.keys) }), teams('act-2'))).toEqual({
        ran: true,
        skipped: false,
      });
    } finally {
      await restarted.close();
    }
  });

  it('a turn that failed is forgotten, so its re-delivery runs', async () => {
    if (!two.on) return;
    const { a, b } = two;
    const filter = new DuplicateActivityFilter({ seen: sharedSeen(a.keys) });
    const context = new TurnContext(new TestAdapter(), teams('act-3'));
    await expect(filter.onTurn(context, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await run(new DuplicateActivityFilter({ seen: sharedSeen(b.keys) }), teams('act-3'))).toEqual({ ran: true, skipped: false });
  });
});

describe('locks across instances', () => {
  it('holders never overlap, whichever instance asks', async () => {
    if (!two.on) return;
    const { a, b } = two;
    let inside = 0;
    let most = 0;
    const work = async () => {
      inside++;
      most = Math.max(most, inside);
      await new Promise((r) => setTimeout(r, 5));
      inside--;
    };
    await Promise.all([...Array(12).keys()].map((i) => (i % 2 ? a : b).locks.run('turn:c1', work)));
    expect(most).toBe(1);
  });

  it('the key of a holder that vanished frees itself after its TTL', async () => {
    if (!two.on) return;
    const { a, b } = two;
    await a.redis!.set(`${prefix}lock:turn:c2`, 'a-dead-holder', 'PX', 300);
    const started = Date.now();
    await b.locks.run('turn:c2', async () => undefined, { ttlMs: 1000, waitMs: 5000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });
});

describe('lock hand-over between instances', () => {
  it('a waiter on another instance is woken when the key is freed, not at its next poll', async () => {
    if (!two.on) return;
    const { a, b } = two;
    // Waiters that would poll again only after 3 s: only the "freed" message can hand the key over quickly.
    const slowA = new RedisLocks(a.redis!, prefix, { bus: a.bus, pollMs: 3000 });
    const slowB = new RedisLocks(b.redis!, prefix, { bus: b.bus, pollMs: 3000 });
    await slowA.start();
    await slowB.start();
    try {
      for (let round = 0; round < 3; round++) {
        let released = 0;
        const [holder, waiter] = round % 2 ? [slowB, slowA] : [slowA, slowB];
        const held = holder.run('turn:handover', async () => {
          await new Promise((r) => setTimeout(r, 150));
          released = Date.now();
        });
        await new Promise((r) => setTimeout(r, 20));
        const got = await waiter.run('turn:handover', async () => Date.now());
        await held;
        expect(got - released).toBeLessThan(1000);
      }
    } finally {
      await slowA.stop();
      await slowB.stop();
    }
  });
});

describe('Direct Line activity numbers, two instances appending to one conversation', () => {
  let pgOn = false;
  let schema: TestSchema;
  let stores: PostgresStore[] = [];
  beforeAll(async () => {
    if (!two.on) return;
    pgOn = await postgresAvailable('numéros d’activités à deux instances (test/cluster/shared-state.test.ts)');
    if (!pgOn) return;
    schema = await createTestSchema();
    stores = [await PostgresStore.open({ url: schema.url }), await PostgresStore.open({ url: schema.url })];
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    if (pgOn) await schema.drop();
  });

  it('gives each number once, stores them in order, and a reader after any watermark misses nothing', async () => {
    if (!two.on || !pgOn) return;
    const { a, b } = two;
    const [ta, tb] = [new TranscriptStore(stores[0]!, Date.now, a), new TranscriptStore(stores[1]!, Date.now, b)];
    const id = 'twoInstancesConversation01';
    await ta.open(id, 'dl_two', 'fr-FR');
    await ta.append(id, [{ type: 'message', text: 'avant' }]);
    const watermarks: number[] = [];
    await Promise.all(
      [...Array(40).keys()].map(async (i) => {
        const { watermark } = await (i % 2 ? tb : ta).append(id, [{ type: 'message', text: `m${i}` }]);
        watermarks.push(watermark);
        // Whatever a client read at this watermark, everything up to it is already stored.
        const seen = await (i % 2 ? ta : tb).since(id, 0);
        expect(seen!.activities.length).toBeGreaterThanOrEqual(watermark);
      }),
    );
    const doc = (await tb.get(id))!;
    const seqs = doc.entries.map((e) => e.seq);
    expect(seqs).toEqual([...Array(41).keys()].map((i) => i + 1));
    expect(new Set(doc.entries.map((e) => e.activity.id)).size).toBe(41);
    expect(watermarks.sort((x, y) => x - y)).toEqual([...Array(40).keys()].map((i) => i + 2));
  });

  it('with Redis gone, an append is refused as "store unavailable" (503) and nothing is stored', async () => {
    if (!two.on || !pgOn) return;
    const gone = await openCluster({ url: TEST_REDIS_URL, prefix, logger: silentLogger });
    const t = new TranscriptStore(stores[0]!, Date.now, gone);
    const id = 'twoInstancesConversation02';
    await t.open(id, 'dl_two', 'fr-FR');
    await gone.close();
    await expect(t.append(id, [{ type: 'message', text: 'perdu ?' }])).rejects.toMatchObject({ name: 'StoreUnavailableError' });
    expect((await t.get(id))!.entries).toEqual([]);
  });
});
