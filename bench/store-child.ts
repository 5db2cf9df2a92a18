// One measurement of the store benchmark, in its own process so that RSS belongs to this store alone:
// starts Virage on a pre-filled DATA_DIR, runs the retention purge (as at start) and takes RSS. Then a
// second Virage on an empty DATA_DIR starts in the same process, and both are measured interleaved
// (one sample on each, in turn), so the shared machine's load weighs the same on both: message writes
// into existing conversations (a random stored one, and 8 in use), bot-state writes, and Direct Line turns of users (WebSocket client,
// post → first bot reply). Prints one JSON line. Usage: node dist/bench/store-child.js DATA_DIR N [rss]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { createVirage, type Virage } from '../src/index.js';
import { ids, otherDocs } from './store-data.js';
import { summarize } from './stats.js';
import { fromBot, webUser } from './web-user.js';

const WRITES = Number(process.env.BENCH_STORE_WRITES ?? 300);
const USERS = 8;
const ROUNDS = Number(process.env.BENCH_STORE_TURNS ?? 25);

const [dataDir, countText, mode] = process.argv.slice(2);
const count = Number(countText);
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => Math.round(bytes / 1e6);

async function start(dir: string): Promise<{ virage: Virage; url: string }> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' });
  const virage = await createVirage(config);
  return { virage, url: `http://127.0.0.1:${await virage.start(0)}` };
}

/** USERS web-chat users, each in a new conversation, greeted; `turn` posts « aide » until the first bot reply. */
async function openUsers({ virage, url }: { virage: Virage; url: string }) {
  return Promise.all(
    Array.from({ length: USERS }, async () => {
      const { dl, next, post, greeted } = webUser(url, virage.directLine.issueToken(), 'bench/store');
      await greeted();
      const turn = async (text: string) => {
        const replied = next(fromBot);
        await post(text);
        await replied;
      };
      return { dl, turn };
    }),
  );
}

const t0 = performance.now();
const big = await start(dataDir!);
// The purge that runs 1 s after start, awaited here, plus the timer's own run.
await big.virage.retention.runOnce();
await new Promise((r) => setTimeout(r, 1500));
const startPurgeMs = performance.now() - t0;
gc?.();
const rss = {
  rssAfterPurgeMB: mb(process.memoryUsage().rss),
  maxRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / 1e6),
  startPurgeMs: Math.round(startPurgeMs),
};
if (mode === 'rss') {
  await big.virage.stop();
  console.log(JSON.stringify({ count, ...rss }));
  process.exit(0);
}

const emptyDir = mkdtempSync(path.join(tmpdir(), 'virage-bench-side-'));
const empty = await start(emptyDir);
const writers = await Promise.all(
  [big, empty].map(async ({ virage, url }) => {
    const tokens = Array.from({ length: 8 }, (_, k) => virage.directLine.issueToken(`dl_benchwriter${k}`));
    for (const t of tokens)
      await fetch(`${url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${t.token}` } });
    await virage.directLine.idle();
    return tokens.map((t) => t.conversationId);
  }),
);

let seed = 12345;
const pick = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % Math.max(count, 1);
const times = {
  big: { message: [] as number[], warm: [] as number[], state: [] as number[], turn: [] as number[], wall: 0 },
  empty: { message: [] as number[], warm: [] as number[], state: [] as number[], turn: [] as number[], wall: 0 },
};
// Besides a random stored conversation (its first write since start: its log is opened and its first 128 KB read),
// 8 stored conversations in use, like the empty store's 8: the same work on both sides but the store's size.
const inUse = (s: number) => ids((s % 8) * Math.max(1, Math.floor(count / 8))).conversationId;
for (let s = 0; s < WRITES + 20; s++) {
  const i = pick();
  for (const [side, app, conversationId, key] of [
    ['big', big, count > 0 ? ids(i).conversationId : writers[0]![s % 8]!, otherDocs(i)[0]![1]],
    ['empty', empty, writers[1]![s % 8]!, otherDocs(s % 8)[0]![1]],
  ] as const) {
    let at = performance.now();
    await app.virage.directLine.postBotActivity(conversationId, {
      type: 'message',
      from: { id: 'virage', role: 'bot' },
      text: `Message ${s} : voici la suite de votre diagnostic.`,
    } as never);
    if (s >= 20) times[side].message.push(performance.now() - at);
    if (side === 'big' && count > 0) {
      at = performance.now();
      await app.virage.directLine.postBotActivity(inUse(s), {
        type: 'message',
        from: { id: 'virage', role: 'bot' },
        text: `Message ${s} : voici la suite de votre diagnostic.`,
      } as never);
      if (s >= 20) times.big.warm.push(performance.now() - at);
    }
    at = performance.now();
    await app.virage.store.collection<unknown>('botstate').put(key, otherDocs(i)[0]![2]);
    if (s >= 20) times[side].state.push(performance.now() - at);
  }
}

const users = { big: await openUsers(big), empty: await openUsers(empty) };
for (let round = 0; round < ROUNDS + 1; round++) {
  for (const side of ['big', 'empty'] as const) {
    const roundStart = performance.now();
    await Promise.all(
      users[side].map(async (u) => {
        const at = performance.now();
        await u.turn('aide');
        if (round > 0) times[side].turn.push(performance.now() - at);
      }),
    );
    if (round > 0) times[side].wall += performance.now() - roundStart;
  }
}
for (const u of [...users.big, ...users.empty]) u.dl.end();
const figures = (side: 'big' | 'empty') => {
  const m = summarize(times[side].message);
  const w = times[side].warm.length ? summarize(times[side].warm) : m;
  const st = summarize(times[side].state);
  const tu = summarize(times[side].turn);
  return {
    message: { p50: m.p50, p95: m.p95 },
    warm: { p50: w.p50, p95: w.p95 },
    state: { p50: st.p50, p95: st.p95 },
    turn: { p50: tu.p50, p95: tu.p95, perSecond: (times[side].turn.length / times[side].wall) * 1000 },
  };
};
const result = { count, ...rss, ...figures('big'), side: figures('empty') };
await big.virage.stop();
await empty.virage.stop();
rmSync(emptyDir, { recursive: true, force: true });
console.log(JSON.stringify(result));
process.exit(0);
