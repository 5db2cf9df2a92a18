// Turn throughput with one and with two instances of Virage (child processes) on one PostgreSQL schema and
// one Redis prefix, as behind a reverse proxy without sticky sessions: web-chat users (Microsoft's Direct
// Line client over WebSocket) each post a message and wait for the bot's first reply to it, many in flight. With
// two instances a user's stream is on one instance and every other message is posted to the other, so the
// reply crosses Redis half of the time. Runs 1, 2, 1, 2 instances and reports the best of each as ratios.
// On 2 cores shared with the load generator a second instance cannot add much; what must hold is that
// every turn is answered. Needs PostgreSQL (BENCH_DATABASE_URL / DATABASE_URL_TEST) and Redis
// (BENCH_REDIS_URL / REDIS_URL_TEST); skipped with one line otherwise.
import type { ChildProcess } from 'node:child_process';
import { spawnServer } from '../scripts/lib/child-server.js';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { redactUrl } from '../src/storage/postgres/store.js';
import type { BenchSection } from './types.js';
import { load, ms, ratio, summarize } from './stats.js';
import { fromBot, webUser } from './web-user.js';

const PG_URL = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL_TEST || 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.BENCH_REDIS_URL || process.env.REDIS_URL_TEST || 'redis://127.0.0.1:6379';
const USERS = Number(process.env.BENCH_INSTANCES_USERS ?? 16);
const TURNS = Number(process.env.BENCH_INSTANCES_TURNS ?? 240);
const title = 'Instances — turn throughput with 1 and 2 instances (PostgreSQL + Redis, Direct Line WebSocket)';

interface Instance {
  url: string;
  child: ChildProcess;
}

function startInstance(dataDir: string, env: Record<string, string>): Promise<Instance> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'instance-child.js');
  const server = spawnServer([script, dataDir], { ...process.env, ...env });
  return server.url.then((url) => ({ url, child: server.child }));
}

let visitors = 0;

/**
 * A greeted web-chat user whose stream is on `home`; `turn(via)` posts through `via` and waits for the
 * reply. Each user comes from its own address through the "proxy" (X-Forwarded-For, TRUST_PROXY), as
 * real visitors do: the token limit is per address.
 */
async function openUser(home: string) {
  const address = `198.51.${100 + Math.floor(visitors / 250)}.${(visitors++ % 250) + 1}`;
  const res = await fetch(`${home}/api/directline/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: '{}',
  });
  if (res.status !== 200) throw new Error(`bench/instances: token answered ${res.status}`);
  const t = (await res.json()) as { token: string; conversationId: string; userId: string };
  const { dl, greeted, listen } = webUser(home, t, 'bench/instances');
  await greeted();
  // The reply to this message (replyToId), not any bot message: a reply still coming from the previous
  // turn would otherwise count as this one's, and posts would pile up ahead of the bot.
  const answered = new Set<string>();
  const waiting = new Map<string, () => void>();
  listen((a) => {
    const to = (a as { replyToId?: string }).replyToId;
    if (!fromBot(a) || !to) return;
    answered.add(to);
    waiting.get(to)?.();
  });
  const turn = async (via: string) => {
    const r = await fetch(`${via}/v3/directline/conversations/${t.conversationId}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.token}` },
      body: JSON.stringify({ type: 'message', from: { id: t.userId }, text: 'aide' }),
    });
    if (r.status !== 200) throw new Error(`bench/instances: post answered ${r.status}`);
    const { id } = (await r.json()) as { id: string };
    if (answered.delete(id)) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('bench/instances: no reply in time')), 60_000);
      waiting.set(id, () => {
        clearTimeout(timer);
        waiting.delete(id);
        answered.delete(id);
        resolve();
      });
    });
  };
  return { turn, end: () => dl.end() };
}

async function measure(urls: string[]): Promise<{ perSecond: number; p50: number; p95: number }> {
  const users = await Promise.all(Array.from({ length: USERS }, (_, i) => openUser(urls[i % urls.length]!)));
  const counts = new Array<number>(USERS).fill(0);
  try {
    await load(USERS, USERS, (i) => users[i]!.turn(urls[i % urls.length]!)); // untimed warm-up
    const { samples, wallMs } = await load(TURNS, USERS, async (i) => {
      const u = i % USERS;
      // Alternate the instance each user posts to: no sticky sessions.
      await users[u]!.turn(urls[(u + counts[u]!++) % urls.length]!);
    });
    const s = summarize(samples);
    return { perSecond: (TURNS / wallMs) * 1000, p50: s.p50, p95: s.p95 };
  } finally {
    for (const u of users) u.end();
  }
}

export async function benchInstances(): Promise<BenchSection> {
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await admin.connect();
    await redis.connect();
  } catch (err) {
    await admin.end().catch(() => undefined);
    redis.disconnect();
    return {
      title,
      lines: [`PostgreSQL (${redactUrl(PG_URL)}) ou Redis (${REDIS_URL}) indisponible (${(err as Error).message}) : section ignorée`],
    };
  }
  const schema = `virage_bench_${randomBytes(4).toString('hex')}`;
  const prefix = `virage_bench:${randomBytes(4).toString('hex')}:`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'virage-bench-instances-'));
  const instances: Instance[] = [];
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = new URL(PG_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const env = { STORE: 'postgres', DATABASE_URL: url.toString(), REDIS_URL, REDIS_PREFIX: prefix, TRUST_PROXY: 'loopback' };
    instances.push(await startInstance(dataDir, env)); // first alone: it creates the secrets and migrates
    instances.push(await startInstance(dataDir, env));
    const urls = instances.map((i) => i.url);
    const one: Array<Awaited<ReturnType<typeof measure>>> = [];
    const two: Array<Awaited<ReturnType<typeof measure>>> = [];
    for (let round = 0; round < 2; round++) {
      one.push(await measure(urls.slice(0, 1)));
      two.push(await measure(urls));
    }
    const best = (runs: typeof one) => runs.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
    const [b1, b2] = [best(one), best(two)];
    const fmt = (runs: typeof one) => runs.map((r) => r.perSecond.toFixed(1)).join(', ');
    return {
      title,
      lines: [
        `${USERS} users in flight, ${TURNS} turns per run (post « aide » → first bot reply on the user's stream); runs 1, 2, 1, 2 instances`,
        `1 instance:  ${b1.perSecond.toFixed(1)} turns/s (runs: ${fmt(one)}), turn p50 ${ms(b1.p50, 0)}, p95 ${ms(b1.p95, 0)}`,
        `2 instances: ${b2.perSecond.toFixed(1)} turns/s (runs: ${fmt(two)}), turn p50 ${ms(b2.p50, 0)}, p95 ${ms(b2.p95, 0)}`,
        `ratio 2 / 1 instances: throughput ${ratio(b2.perSecond, b1.perSecond)}, turn p50 ${ratio(b2.p50, b1.p50)} (2 cores shared with the load generator)`,
      ],
    };
  } finally {
    for (const i of instances) i.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin.end().catch(() => undefined);
    let cursor = '0';
    do {
      const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = nextCursor;
    } while (cursor !== '0');
    redis.disconnect();
  }
}
