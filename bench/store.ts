// Storage write latency: one bot-state-sized document (~1.5 KB of JSON) written while 1k, 10k and 50k
// conversations are already stored, for the ShardedFileStore and, as the same-process baseline, the
// naive lowdb use (one JSONFile holding every conversation, rewritten on each write).
// Run alone after `npm run build`: node dist/bench/store.js
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { writeFileAtomic } from '../src/storage/shard-file.js';
import { DEFAULT_SHARDS, ShardedFileStore } from '../src/storage/sharded-store.js';
import type { BenchSection } from './types.js';
import { summarize, type Summary } from './stats.js';

const SIZES = [1_000, 10_000, 50_000];
const SHARDED_SAMPLES = 300;
/** The baseline rewrites the whole file per write (seconds at 50k): samples are capped by a time budget. */
const BASELINE_SAMPLES = 60;
const BASELINE_MIN_SAMPLES = 3;
const BASELINE_BUDGET_MS = 5_000;
const PREFILL_CHUNK = 5_000;
/** Heap used once the largest size is stored (after gc when run with --expose-gc). */
let heapAtMax = 0;
let coldScan = '';

/** A plausible ConversationState: dialog stack plus diagnostic answers, about 1.5 KB of JSON. */
export function botStateDoc(i: number): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (let q = 1; q <= 24; q++) answers[`q${q}`] = { choice: (i + q) % 4, at: 1_700_000_000_000 + i * 1000 + q };
  return {
    dialogState: {
      dialogStack: [
        { id: 'diagnostic', state: { options: {}, values: { instanceId: `inst-${i}` }, stepIndex: i % 24 } },
        { id: 'choicePrompt', state: { options: { prompt: { type: 'message', text: 'Avez-vous un site internet ?' } } } },
      ],
    },
    profile: { companyName: `Entreprise ${i}`, sector: 'commerce', employees: (i % 50) + 1, region: 'Occitanie' },
    answers,
    lastTurns: ['diagnostic.start', 'diagnostic.answer', 'kb.search:site vitrine', 'diagnostic.answer'].map((intent, t) => ({
      intent,
      score: 0.5 + ((i + t) % 50) / 100,
      at: 1_700_000_000_000 + i * 1000 + t,
    })),
    eTag: '*',
  };
}

type Stats = Summary;
const stats = summarize;

type Write = (key: string, i: number) => Promise<unknown>;

/**
 * Times `samples` writes of existing conversations (after `warmUp` untimed ones). When `floor` is given
 * it is timed right after each write, so both see the same machine load (the machine is shared).
 */
async function timeWrites(samples: number, warmUp: number, conversations: number, write: Write, floor?: () => Promise<unknown>, budgetMs = Infinity) {
  const times: number[] = [];
  const floorTimes: number[] = [];
  let seed = 12345;
  const deadline = performance.now() + budgetMs;
  for (let s = 0; s < warmUp + samples; s++) {
    if (times.length >= BASELINE_MIN_SAMPLES && performance.now() > deadline) break;
    seed = (seed * 1103515245 + 12345) % 2 ** 31; // deterministic choice of existing conversations
    const i = seed % conversations;
    let start = performance.now();
    await write(`directline/conversations/conv-${i}/`, i);
    if (s >= warmUp) times.push(performance.now() - start);
    if (!floor) continue;
    start = performance.now();
    await floor();
    if (s >= warmUp) floorTimes.push(performance.now() - start);
  }
  return { writes: stats(times), floor: floorTimes.length ? stats(floorTimes) : undefined };
}

async function benchSharded(root: string): Promise<Map<number, { writes: Stats; floor?: Stats }>> {
  const store = new ShardedFileStore(path.join(root, 'sharded'));
  const c = store.collection<Record<string, unknown>>('botstate');
  // The disk floor: the same atomic fsynced replace of a 1 KB file, whatever the number of conversations.
  const floorFile = path.join(root, 'floor.json');
  const floorText = JSON.stringify(botStateDoc(0)).slice(0, 1024);
  const out = new Map<number, { writes: Stats; floor?: Stats }>();
  let stored = 0;
  try {
    for (const size of SIZES) {
      // Bulk pre-fill through the store: concurrent puts coalesce into one write per shard per chunk.
      while (stored < size) {
        const end = Math.min(size, stored + PREFILL_CHUNK);
        const puts: Array<Promise<string>> = [];
        for (let i = stored; i < end; i++) puts.push(c.put(`directline/conversations/conv-${i}/`, botStateDoc(i)));
        await Promise.all(puts);
        stored = end;
      }
      if (size === SIZES[SIZES.length - 1]) {
        (globalThis as { gc?: () => void }).gc?.();
        heapAtMax = process.memoryUsage().heapUsed;
      }
      const write: Write = (key, i) => c.put(key, botStateDoc(i + 1));
      out.set(size, await timeWrites(SHARDED_SAMPLES, 30, size, write, () => writeFileAtomic(floorFile, floorText)));
    }
  } finally {
    await store.close();
  }
  // Cold full scan (what a privacy purge or an admin list costs right after a restart).
  const reopened = new ShardedFileStore(path.join(root, 'sharded'));
  try {
    const start = performance.now();
    const n = await reopened.collection('botstate').count();
    coldScan = `cold count() of ${n} conversations after a restart (reads every shard): ${(performance.now() - start).toFixed(0)} ms`;
  } finally {
    await reopened.close();
  }
  return out;
}

async function benchSingleFile(root: string): Promise<Map<number, Stats>> {
  type Data = { conversations: Record<string, unknown> };
  const db = new Low<Data>(new JSONFile<Data>(path.join(root, 'single', 'db.json')), { conversations: {} });
  fs.mkdirSync(path.join(root, 'single'), { recursive: true });
  const out = new Map<number, Stats>();
  let stored = 0;
  for (const size of SIZES) {
    for (; stored < size; stored++) db.data.conversations[`directline/conversations/conv-${stored}/`] = botStateDoc(stored);
    await db.write();
    const write: Write = async (key, i) => {
      db.data.conversations[key] = botStateDoc(i + 1);
      await db.write();
    };
    out.set(size, (await timeWrites(BASELINE_SAMPLES, 0, size, write, undefined, BASELINE_BUDGET_MS)).writes);
  }
  return out;
}

const ms = (n: number) => n.toFixed(n < 10 ? 2 : 0);

export async function benchStore(): Promise<BenchSection> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'virage-bench-store-'));
  const gc = (globalThis as { gc?: () => void }).gc;
  const started = performance.now();
  try {
    const sharded = await benchSharded(root);
    gc?.();
    const single = await benchSingleFile(root);
    gc?.();
    const docBytes = Buffer.byteLength(JSON.stringify(botStateDoc(1)));
    const lines = [
      `document ${docBytes} B of JSON; sharded: ${DEFAULT_SHARDS} shards, compact JSON, fsync + rename per write;`,
      'baseline: one lowdb JSONFile (pretty JSON, steno rename, no fsync) holding every conversation;',
      'disk floor: atomic fsynced replace of a 1 KB file, timed after each sharded write (same load).',
      'stored conv. | sharded p50 / p95 ms (n) | single file p50 / p95 ms (n) | single/sharded p50, p95 | disk floor p50 / p95 ms',
    ];
    for (const size of SIZES) {
      const a = sharded.get(size)!;
      const b = single.get(size)!;
      const f = a.floor!;
      lines.push(
        `${String(size).padStart(12)} | ${ms(a.writes.p50)} / ${ms(a.writes.p95)} (${a.writes.n}) | ` +
          `${ms(b.p50)} / ${ms(b.p95)} (${b.n}) | ${(b.p50 / a.writes.p50).toFixed(0)}x, ${(b.p95 / a.writes.p95).toFixed(0)}x | ${ms(f.p50)} / ${ms(f.p95)}`,
      );
    }
    const at50k = sharded.get(50_000)!;
    lines.push(coldScan);
    lines.push(`process heap with ${SIZES[SIZES.length - 1]} conversations in the sharded store: ${(heapAtMax / 1e6).toFixed(0)} MB`);
    lines.push(
      `target p95 <= 5 ms at 50k: ${at50k.writes.p95 <= 5 ? 'met' : 'NOT met'} (${ms(at50k.writes.p95)} ms, ` +
        `disk floor p95 ${ms(at50k.floor!.p95)} ms); bench took ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return { title: 'Storage: write latency of one bot state (sharded store vs one lowdb file)', lines };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const section = await benchStore();
  console.log(`## ${section.title}\n${section.lines.join('\n')}`);
}
