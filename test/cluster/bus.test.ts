// The bus and shared keys between instances: the in-memory versions (one instance) and Redis (two
// clusters opened on the same Redis and prefix, as two instances would).
import { MemoryBus, MemoryKeys, openCluster, type SharedKeys } from '../../src/cluster/index.js';
import { silentLogger } from '../../src/log.js';
import { testPrefix, TEST_REDIS_URL, twoClusters } from '../helpers/redis.js';

const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timeout');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('in-memory bus (one instance)', () => {
  it('delivers synchronously to every subscriber of the topic, marked local, and stops after unsubscribe', async () => {
    const bus = new MemoryBus();
    const got: Array<[unknown, boolean]> = [];
    const off = await bus.subscribe('t', (m, d) => got.push([m, d.local]));
    await bus.subscribe('other', () => got.push(['wrong', false]));
    bus.publishNow('t', { n: 1 });
    expect(got).toEqual([[{ n: 1 }, true]]);
    off();
    await bus.publish('t', { n: 2 });
    expect(got).toHaveLength(1);
  });

  it('a handler that throws does not stop the others', async () => {
    const errors: string[] = [];
    const bus = new MemoryBus((err, topic) => errors.push(`${topic}:${String(err)}`));
    const got: unknown[] = [];
    await bus.subscribe('t', () => {
      throw new Error('boom');
    });
    await bus.subscribe('t', (m) => got.push(m));
    await bus.publish('t', 'x');
    expect(got).toEqual(['x']);
    expect(errors).toEqual(['t:Error: boom']);
  });
});

describe('in-memory shared keys', () => {
  it('setIfAbsent, expiry, list by prefix and counters from a floor', async () => {
    let now = 1000;
    const keys: SharedKeys = new MemoryKeys(() => now);
    expect(await keys.setIfAbsent('seen:a', 100)).toBe(true);
    expect(await keys.setIfAbsent('seen:a', 100)).toBe(false);
    now += 100;
    expect(await keys.setIfAbsent('seen:a', 100)).toBe(true);
    await keys.put('p:x', 'X', 50);
    await keys.put('q:y', 'Y', 50);
    expect(await keys.list('p:')).toEqual([['p:x', 'X']]);
    now += 50;
    expect(await keys.list('p:')).toEqual([]);
    expect(await keys.allocate('seq', 1, async () => 41, 1000)).toBe(42);
    expect(await keys.allocate('seq', 3, async () => 0, 1000)).toBe(45);
  });
});

describe('Redis bus and keys shared by two instances', () => {
  const two = twoClusters('bus Redis (test/cluster/bus.test.ts)');

  it('a message published by one instance reaches both, local only where published, in order', async () => {
    if (!two.on) return;
    const { a, b } = two;
    const got: Array<[string, unknown, boolean]> = [];
    const offA = await a.bus.subscribe('conv', (m, d) => got.push(['a', m, d.local]));
    const offB = await b.bus.subscribe('conv', (m, d) => got.push(['b', m, d.local]));
    for (let i = 0; i < 20; i++) await a.bus.publish('conv', i);
    await until(() => got.length === 40);
    expect(got.filter((g) => g[0] === 'a').map((g) => [g[1], g[2]])).toEqual([...Array(20).keys()].map((i) => [i, true]));
    expect(got.filter((g) => g[0] === 'b').map((g) => [g[1], g[2]])).toEqual([...Array(20).keys()].map((i) => [i, false]));
    offA();
    offB();
  });

  it('after unsubscribing, an instance gets nothing more on that topic; other prefixes never cross', async () => {
    if (!two.on) return;
    const { a, b } = two;
    const other = await openCluster({ url: TEST_REDIS_URL, prefix: testPrefix(), logger: silentLogger });
    const got: string[] = [];
    const offB = await b.bus.subscribe('t2', (m) => got.push(`b:${String(m)}`));
    const offOther = await other.bus.subscribe('t2', (m) => got.push(`other:${String(m)}`));
    await a.bus.publish('t2', 1);
    await until(() => got.includes('b:1'));
    offB();
    await new Promise((r) => setTimeout(r, 50));
    await a.bus.publish('t2', 2);
    const marker = await b.bus.subscribe('t3', (m) => got.push(`marker:${String(m)}`));
    await a.bus.publish('t3', 'end');
    await until(() => got.includes('marker:end'));
    expect(got).toEqual(['b:1', 'marker:end']);
    marker();
    offOther();
    await other.close();
  });

  it('counters never give a number twice across instances, and start after the floor', async () => {
    if (!two.on) return;
    const { a, b } = two;
    const floor = async () => 10;
    const all = await Promise.all([...Array(50).keys()].map((i) => (i % 2 ? a : b).keys.allocate('seq:c1', 1, floor, 60_000)));
    expect(new Set(all).size).toBe(50);
    expect(Math.min(...all)).toBe(11);
    expect(Math.max(...all)).toBe(60);
  });

  it('setIfAbsent is won by one instance only; values listed by prefix from the other', async () => {
    if (!two.on) return;
    const { a, b } = two;
    const wins = await Promise.all([a.keys.setIfAbsent('seen:x', 60_000), b.keys.setIfAbsent('seen:x', 60_000)]);
    expect(wins.filter(Boolean)).toHaveLength(1);
    await a.keys.put('presence:cci1:alice', 'on', 60_000);
    await a.keys.put('presence:cci2:bob', 'on', 60_000);
    expect(await b.keys.list('presence:cci1:')).toEqual([['presence:cci1:alice', 'on']]);
    await b.keys.delete('presence:cci1:alice');
    expect(await a.keys.get('presence:cci1:alice')).toBeUndefined();
  });
});
