// Teams send pacing shared by the instances (issue 12): Teams' limits are per bot and conversation, not per
// process, so with Redis every instance counts against the same sliding windows (a sorted set per key in
// Redis). Without Redis the in-memory limiter keeps its behaviour: each process paces on its own.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { Redis } from 'ioredis';
import { memoryPacers, SlidingWindowLimiter, type Clock, type RateWindow } from '../../src/bot/rate-limit.js';
import { redisPacers, RedisSlidingWindow } from '../../src/bot/shared-pacing.js';
import { installTeamsDelivery } from '../../src/bot/teams-delivery.js';
import { createAdapter } from '../../src/bot/adapter.js';
import { loadConfig } from '../../src/config.js';
import { createLogger, silentLogger } from '../../src/log.js';
import { proactiveSends } from '../helpers/emulator.js';
import { twoClusters } from '../helpers/redis.js';

const two = twoClusters('rythme d’envoi Teams partagé (test/cluster/teams-pacing.test.ts)');
const prefix = two.prefix;

/** Send times as Redis recorded them (its own clock), for the windows' check. */
async function recorded(name: string, key: string): Promise<number[]> {
  const flat = await two.a.redis!.zrange(`${prefix}pace:${name}:${key}`, '0', '-1', 'WITHSCORES');
  return flat.filter((_, i) => i % 2 === 1).map(Number);
}

/** The texts instance `n` sends in the two-adapter tests. */
const messages = (n: number, count: number) => Array.from({ length: count }, (_, i) => `instance ${n} message ${i}`);

/** True when no window of `windows` holds more than its limit among `times` (sorted). */
function withinWindows(times: number[], windows: readonly RateWindow[]): boolean {
  return windows.every((w) => times.every((t, i) => times.slice(0, i + 1).filter((u) => u > t - w.ms).length <= w.limit));
}

describe('in-memory pacing (no REDIS_URL)', () => {
  it('paces each process on its own, as before', async () => {
    const t = { now: 0 };
    const clock: Clock = { now: () => t.now, sleep: async (ms) => void (t.now += ms) };
    const windows = [{ limit: 2, ms: 1000 }];
    const one = memoryPacers(clock)('conversation', windows, 0);
    const other = memoryPacers(clock)('conversation', windows, 0);
    expect(one).toBeInstanceOf(SlidingWindowLimiter);
    expect([await one.acquire('c'), await one.acquire('c'), await other.acquire('c'), await other.acquire('c')]).toEqual([0, 0, 0, 0]);
    expect(await one.acquire('c')).toBe(1000);
  });
});

describe('pacing shared by two instances (Redis sorted-set sliding window)', () => {
  // The long window keeps every send time in Redis (a key keeps its largest limit's worth), for the checks.
  const windows: RateWindow[] = [
    { limit: 2, ms: 400 },
    { limit: 3, ms: 1000 },
    { limit: 100, ms: 60_000 },
  ];

  it('two limiters on the same Redis share one conversation’s budget', async () => {
    if (!two.on) return;
    const { a, b } = two;
    const pa = redisPacers(a.redis!, prefix, silentLogger)('conversation', windows, 0);
    const pb = redisPacers(b.redis!, prefix, silentLogger)('conversation', windows, 0);
    expect(pa).toBeInstanceOf(RedisSlidingWindow);
    const started = Date.now();
    const waited = [];
    for (let i = 0; i < 5; i++) waited.push(await (i % 2 ? pb : pa).acquire('a:shared'));
    const elapsed = Date.now() - started;
    // Alone, each instance would have sent its first two at once; together the third send already waits.
    expect(waited.slice(0, 2)).toEqual([0, 0]);
    expect(waited[2]).toBeGreaterThan(0);
    const times = await recorded('conversation', 'a:shared');
    expect(times).toHaveLength(5);
    expect(withinWindows(times, windows)).toBe(true);
    // 5 sends with 3 per second: the 4th and 5th come at least a second after the 1st and 2nd.
    expect(elapsed).toBeGreaterThanOrEqual(1000 - 20);
  });

  it('sends in flight on both instances at once never exceed a window', async () => {
    if (!two.on) return;
    const { a, b } = two;
    const tenantWindows = [
      { limit: 3, ms: 500 },
      { limit: 100, ms: 60_000 },
    ];
    const pa = redisPacers(a.redis!, prefix, silentLogger)('tenant', tenantWindows, 0);
    const pb = redisPacers(b.redis!, prefix, silentLogger)('tenant', tenantWindows, 0);
    const started = Date.now();
    await Promise.all([...Array(8).keys()].map((i) => (i % 2 ? pb : pa).acquire('tenant-1')));
    // 8 sends at 3 per 500 ms: the last ones wait for two full windows, whichever instance sends them.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000 - 20);
    const times = await recorded('tenant', 'tenant-1');
    expect(times).toHaveLength(8);
    expect(withinWindows(times, [{ limit: 3, ms: 500 }])).toBe(true);
  });

  it('keeps keys (conversations) independent', async () => {
    if (!two.on) return;
    const { a, b } = two;
    const p = redisPacers(a.redis!, prefix, silentLogger)('conversation', [{ limit: 1, ms: 60_000 }], 0);
    expect(await p.acquire('a:one')).toBe(0);
    expect(await p.acquire('a:two')).toBe(0);
    const quick = redisPacers(b.redis!, prefix, silentLogger)('quick', [{ limit: 1, ms: 50 }], 0);
    for (let i = 0; i < 3; i++) await quick.acquire('a:one');
    expect(await recorded('quick', 'a:one')).toHaveLength(1); // a key keeps its largest limit's worth of times
    expect(await a.redis!.pttl(`${prefix}pace:conversation:a:one`)).toBeGreaterThan(59_000); // idle keys expire
  });

  it('two adapters (two instances) replying in one Teams conversation are paced as one bot', async () => {
    if (!two.on) return;
    const { a, b } = two;
    const conversationWindows = [
      { limit: 3, ms: 600 },
      { limit: 100, ms: 60_000 },
    ];
    const adapters = [a, b].map((c) =>
      installTeamsDelivery(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), {
        conversationWindows,
        safetyMs: 0,
        pacers: redisPacers(c.redis!, c.prefix, silentLogger),
      }),
    );
    const { received, ms } = await proactiveSends(adapters, 'a:two-instances', (n) => messages(n, 3));
    expect(received).toHaveLength(6);
    // Per instance 3 sends fit one window; the bot's 6 sends need a second one.
    expect(ms).toBeGreaterThanOrEqual(600 - 20);
    const times = await recorded('conversation', 'a:two-instances');
    expect(times).toHaveLength(6);
    expect(withinWindows(times, conversationWindows)).toBe(true);
  });
});

describe('the /api/messages adapter', () => {
  it('paces Teams sends across instances when the cluster has Redis (Teams windows: 7 per second)', async () => {
    if (!two.on) return;
    const { a, b } = two;
    const config = loadConfig({ NODE_ENV: 'test' });
    const adapters = [createAdapter(config, silentLogger, a), createAdapter(config, silentLogger, b)];
    const { received, ms } = await proactiveSends(adapters, 'a:wired', (n) => messages(n, 5));
    expect(received).toHaveLength(10);
    // 5 sends per instance fit Teams' 7 per second; 10 sends of the bot need a second window.
    expect(ms).toBeGreaterThanOrEqual(1000);
  });
});

describe('Redis unreachable', () => {
  it('pacing falls back to this instance’s memory windows, and sends are never refused', async () => {
    // Nothing listens on this port (the helper's range): every command fails at once.
    const down = new Redis('redis://127.0.0.1:3939', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    down.on('error', () => undefined);
    const warnings: string[] = [];
    const logger = { ...createLogger('error'), warn: (msg: string) => void warnings.push(msg) };
    const p = redisPacers(down, prefix, logger)('conversation', [{ limit: 1, ms: 300 }], 0);
    const started = Date.now();
    expect(await p.acquire('c')).toBe(0);
    await p.acquire('c');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300 - 20);
    expect(warnings.length).toBe(1); // said once, not on every send
    down.disconnect();
  });
});
