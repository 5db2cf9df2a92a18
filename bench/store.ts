// The store as a CCI's data grows: Virage started on a DATA_DIR already holding 0, 5k, 20k and 50k
// finished web-chat diagnostics (realistic documents, ~76 KB of store each: see store-data.ts), one
// child process per size so RSS is that store's alone. Reported as ratios to the empty store: message
// write p95 (an activity appended to an existing conversation), bot-state write p95, Direct Line turn
// p50 and throughput, RSS after start + retention purge (and peak RSS).
// Environment: BENCH_STORE_SIZES (e.g. "0,2000"), BENCH_STORE_MESSAGES (user messages per transcript),
// BENCH_STORE_LAYOUT (logs | shards: the transcript layout generated; shards is the pre-2026-11 one),
// BENCH_STORE_DIR (where to generate; default the OS temp dir). Run alone: node dist/bench/store.js
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { BenchSection } from './types.js';
import { bytesPerConversation, generateStore, MESSAGES, type Layout } from './store-data.js';

const run = promisify(execFile);
const SIZES = (process.env.BENCH_STORE_SIZES ?? '0,5000,20000,50000').split(',').map(Number);
const LAYOUT = (process.env.BENCH_STORE_LAYOUT ?? 'logs') as Layout;

interface Figures {
  message: { p50: number; p95: number };
  /** Writes into 8 stored conversations in use (the empty store's `message` is the same work). */
  warm: { p50: number; p95: number };
  state: { p50: number; p95: number };
  turn: { p50: number; p95: number; perSecond: number };
}

interface RssResult {
  count: number;
  startPurgeMs: number;
  rssAfterPurgeMB: number;
  maxRssMB: number;
}

/** The store's figures, and `side`: an empty store's, measured interleaved in the same process. */
type ChildResult = RssResult & Figures & { side: Figures };

function duBytes(dir: string): number {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) n += fs.statSync(path.join(e.parentPath, e.name)).size;
  }
  return n;
}

async function runChild<T>(dataDir: string, count: number, mode = 'all'): Promise<T> {
  const child = fileURLToPath(new URL('./store-child.js', import.meta.url));
  const { stdout } = await run(process.execPath, ['--no-deprecation', '--expose-gc', child, dataDir, String(count), mode], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as T;
}

type Measured = ChildResult & { diskMB: number; generateS: number; empty: RssResult };

/**
 * Sizes in increasing order on one directory (each adds to the previous one). Before each size, an
 * empty store is measured again: the machine is shared, so each size is compared with the empty store
 * measured just before it, under the same load.
 */
async function measureAll(base: string): Promise<Measured[]> {
  const dataDir = fs.mkdtempSync(path.join(base, 'virage-bench-store-'));
  const out: Measured[] = [];
  let generated = 0;
  try {
    for (const size of SIZES) {
      const emptyDir = fs.mkdtempSync(path.join(base, 'virage-bench-empty-'));
      const empty = await runChild<RssResult>(emptyDir, 0, 'rss').finally(() => fs.rmSync(emptyDir, { recursive: true, force: true }));
      const g0 = performance.now();
      await generateStore(path.join(dataDir, 'store'), size, LAYOUT, generated);
      generated = size;
      const generateS = (performance.now() - g0) / 1000;
      const diskMB = Math.round(duBytes(dataDir) / 1e6);
      out.push({ ...(await runChild<ChildResult>(dataDir, size)), diskMB, generateS, empty });
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}

const f1 = (x: number) => x.toFixed(x < 10 ? 2 : 1);
const r = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');

export async function benchStore(): Promise<BenchSection> {
  const base = process.env.BENCH_STORE_DIR ?? os.tmpdir();
  const started = performance.now();
  const results = await measureAll(base);
  const perConv = bytesPerConversation();
  const total = Object.values(perConv).reduce((a, b) => a + b, 0);
  const lines = [
    `per finished diagnostic: ${(total / 1000).toFixed(1)} KB of JSON (${Object.entries(perConv)
      .map(([c, b]) => `${c} ${(b / 1000).toFixed(1)}`)
      .join(', ')}); ` + `${MESSAGES} user messages; transcript layout: ${LAYOUT}`,
    'each size against an empty store: writes and turns interleaved in the same process (empty store in brackets);',
    'RSS against an empty store started alone just before (in brackets).',
    'stored | disk MB | message write p50/p95 ms | state write p50/p95 ms | turn p50 ms, turns/s | RSS after start+purge, peak MB | start+purge s',
  ];
  for (const x of results) {
    const e = x.side;
    lines.push(
      `${String(x.count).padStart(6)} | ${String(x.diskMB).padStart(7)} | ${f1(x.message.p50)} / ${f1(x.message.p95)} [${f1(e.message.p50)} / ${f1(e.message.p95)}] | ` +
        `${f1(x.state.p50)} / ${f1(x.state.p95)} [${f1(e.state.p50)} / ${f1(e.state.p95)}] | ${f1(x.turn.p50)}, ${x.turn.perSecond.toFixed(1)} [${f1(e.turn.p50)}, ${e.turn.perSecond.toFixed(1)}] | ` +
        `${x.rssAfterPurgeMB}, ${x.maxRssMB} [${x.empty.rssAfterPurgeMB}, ${x.empty.maxRssMB}] | ${(x.startPurgeMs / 1000).toFixed(1)}`,
    );
  }
  lines.push("message write into 8 stored conversations in use (as the empty store's 8) p50/p95 ms [empty store], ratio p50, p95:");
  for (const x of results.filter((y) => y.count > 0)) {
    const e = x.side;
    lines.push(
      `${String(x.count).padStart(6)} | ${f1(x.warm.p50)} / ${f1(x.warm.p95)} [${f1(e.message.p50)} / ${f1(e.message.p95)}] | ${r(x.warm.p50, e.message.p50)}, ${r(x.warm.p95, e.message.p95)}`,
    );
  }
  lines.push(
    'ratios to the empty store (message: a random stored conversation, first write since start): message p95 | state p95 | turn p50 | turns/s | RSS after start+purge | peak RSS',
  );
  for (const x of results.filter((y) => y.count > 0)) {
    const e = x.side;
    lines.push(
      `${String(x.count).padStart(6)} | ${r(x.message.p95, e.message.p95)} | ${r(x.state.p95, e.state.p95)} | ${r(x.turn.p50, e.turn.p50)} | ` +
        `${r(x.turn.perSecond, e.turn.perSecond)} | ${r(x.rssAfterPurgeMB, x.empty.rssAfterPurgeMB)} | ${r(x.maxRssMB, x.empty.maxRssMB)}`,
    );
  }
  const last = results[results.length - 1]!;
  if (last.count > 0) {
    const ok =
      last.message.p95 <= 1.5 * last.side.message.p95 &&
      last.turn.p50 <= 1.5 * last.side.turn.p50 &&
      last.rssAfterPurgeMB <= 2 * last.empty.rssAfterPurgeMB;
    lines.push(`target at ${last.count} (write p95 and turn p50 <= 1.5x, RSS <= 2x the empty store): ${ok ? 'met' : 'NOT met'}`);
  }
  lines.push(
    `generation: ${results.map((x) => `${x.count} in ${x.generateS.toFixed(0)} s`).join(', ')}; section took ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  return { title: 'Store as the data grows (realistic finished diagnostics, one process per size)', lines };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const section = await benchStore();
  console.log(`## ${section.title}\n${section.lines.join('\n')}`);
}
