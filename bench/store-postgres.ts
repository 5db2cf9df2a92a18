// The store on PostgreSQL (STORE=postgres): bot-state write and transcript append latency, and the store's
// part of a bot turn (read the conversation and user state, append the user's message and the reply,
// write the state back with its eTag) with 8 turns in flight — on an empty database, then with thousands
// of realistic conversations stored (bot state, user state, diagnostics, a ~70-activity transcript each),
// as ratios to the empty database in the same run. Both runs work on the same 50 active conversations. Works in a schema of its own, dropped at the end.
// Database: BENCH_DATABASE_URL, else DATABASE_URL_TEST, else postgres://postgres@127.0.0.1:5432/test.
// Run alone after `npm run build`: node dist/bench/store-postgres.js
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { BotStorage, type StoredItem } from '../src/storage/bot-storage.js';
import { PostgresStore, redactUrl } from '../src/storage/postgres/store.js';
import { TranscriptStore } from '../src/server/directline/transcripts.js';
import type { BenchSection } from './types.js';
import { load, ratio, summarize, type Summary } from './stats.js';

const URL_ = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL_TEST || 'postgres://postgres@127.0.0.1:5432/test';
const STORED = Number(process.env.BENCH_PG_CONVERSATIONS || 5_000);
const ACTIVITIES = 70; // a finished diagnostic by buttons: ~35 turns, a message and a reply each
const SAMPLES = 300;
const TURNS = 400;
const IN_FLIGHT = 8;
const FRESH = 50; // conversations the empty-database runs write to

const convKey = (i: number) => `directline/conversations/conv-${i}/`;
const userKey = (i: number) => `directline/users/dl_user-${i}/`;

/** A conversation state mid-diagnostic (dialog stack and the answers so far), ~1.5 KB of JSON. */
function conversationState(i: number, turn = 0): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (let q = 1; q <= 20; q++) answers[`question_${q}`] = { type: 'choice', value: `option-${(i + q) % 4}` };
  return {
    DialogState: {
      dialogStack: [
        { id: 'main', state: { stepIndex: 1, values: { instanceId: `m-${i}` } } },
        { id: 'diagnostic', state: { stepIndex: 2, values: { instanceId: `d-${i}`, turn }, options: { resume: false } } },
        { id: 'diagnostic.question', state: { options: { prompt: { type: 'message', text: 'Avez-vous un site internet à vous ?' } } } },
      ],
    },
    recentTexts: Array.from({ length: 6 }, (_, t) => ({
      from: t % 2 ? 'bot' : 'user',
      text: `Message ${t} de la conversation ${i}`,
      at: '2026-11-30T10:00:00.000Z',
    })),
    answers,
  };
}

/** A bot message as the web chat stores it (text, suggested actions, channel data), ~1 KB. */
function activity(i: number, n: number): Record<string, unknown> {
  return {
    type: 'message',
    from: n % 2 ? { id: 'virage', name: 'Virage', role: 'bot' } : { id: `dl_user-${i}`, role: 'user' },
    text: `Question ${n}/34 · Présence en ligne\n\nVotre entreprise a-t-elle un site internet à elle, tenu à jour, où vos clients trouvent vos horaires et vos produits ?`,
    locale: 'fr-FR',
    suggestedActions: {
      actions: ['Oui, un site à nous', 'Une page sur une plateforme', 'Non', 'Je ne sais pas'].map((t) => ({
        type: 'imBack',
        title: t,
        value: t,
      })),
    },
    channelData: { virage: { question: `presence_site_${n}`, progress: { index: n, total: 34 } } },
    replyToId: `conv-${i}|${String(n).padStart(7, '0')}`,
  };
}

async function prefill(client: pg.Client, count: number): Promise<number> {
  const t0 = performance.now();
  const records = Array.from({ length: ACTIVITIES }, (_, n) =>
    JSON.stringify({ s: n + 1, a: { ...activity(0, n), id: `conv|${n + 1}`, timestamp: '2026-11-30T10:00:00.000Z' } }),
  );
  const header = JSON.stringify({ conversationId: 'conv', userId: 'dl_user', locale: 'fr-FR', createdAt: '2026-11-30T10:00:00.000Z' });
  const diag = JSON.stringify({
    subject: 'directline:dl_user',
    completed: [{ answers: conversationState(0).answers, resultId: 'x'.repeat(22) }],
    updatedAt: '2026-11-30T10:00:00.000Z',
  });
  for (let from = 0; from < count; from += 1000) {
    const to = Math.min(count, from + 1000) - 1;
    const doc = `INSERT INTO documents (collection, id, key, body, props, etag)
      SELECT $1, k, to_json(k)::text, $2, $3::jsonb, 'prefill' FROM (SELECT format($4, g) AS k FROM generate_series(${from}, ${to}) g) s`;
    await client.query(doc, [
      'botstate',
      JSON.stringify({ ...conversationState(0), eTag: 'prefill' }),
      '{}',
      'directline/conversations/conv-%s/',
    ]);
    await client.query(doc, [
      'botstate',
      JSON.stringify({ profile: { name: 'Marie' }, eTag: 'prefill' }),
      '{}',
      'directline/users/dl_user-%s/',
    ]);
    await client.query(doc, [
      'diagnostics',
      diag,
      JSON.stringify({ subject: 'directline:dl_user', updatedAt: '2026-11-30T10:00:00.000Z' }),
      'directline:dl_user-%s',
    ]);
    await client.query(
      `INSERT INTO logs (collection, id, key, header, updated_at)
       SELECT 'transcripts', k, to_json(k)::text, $1, now() FROM (SELECT 'conv-' || g AS k FROM generate_series(${from}, ${to}) g) s`,
      [header],
    );
    await client.query(
      `INSERT INTO log_records (collection, id, body)
       SELECT 'transcripts', 'conv-' || g, r.body FROM generate_series(${from}, ${to}) g, unnest($1::text[]) WITH ORDINALITY AS r(body, n) ORDER BY g, r.n`,
      [records],
    );
  }
  // A database that grew over months has been vacuumed along the way: without this, autovacuum's first
  // pass over millions of fresh rows and the checkpoint of the bulk load land in the measurement (figures
  // of the load, not of the store). CHECKPOINT needs a superuser or pg_checkpoint; skipped otherwise.
  await client.query('VACUUM (ANALYZE) documents, logs, log_records');
  await client.query('CHECKPOINT').catch(() => undefined);
  return performance.now() - t0;
}

interface Figures {
  write: Summary;
  append: Summary;
  turn: Summary;
  turnsPerSecond: number;
}

async function measure(store: PostgresStore, pick: () => number, ensure: (i: number) => Promise<void>): Promise<Figures> {
  const bot = new BotStorage(store.collection<StoredItem>('botstate'));
  const transcripts = new TranscriptStore(store);
  // The same working set in both runs (FRESH active conversations), touched once untimed: what differs is
  // only how much else the database holds.
  for (let i = 0; i < FRESH; i++) {
    await ensure(i);
    await transcripts.append(`conv-${i}`, [activity(i, 0) as never]);
  }
  const turn = async () => {
    const i = pick();
    const items = await bot.read([convKey(i), userKey(i)]);
    const state = items[convKey(i)] as StoredItem | undefined;
    await transcripts.append(`conv-${i}`, [activity(i, 0) as never]);
    await transcripts.append(`conv-${i}`, [activity(i, 1) as never]);
    // A conflicting turn of the same conversation (two workers on one conversation) is what eTags are for.
    await bot.write({ [convKey(i)]: { ...conversationState(i, 1), eTag: state?.eTag ?? '*' } }).catch(() => undefined);
  };
  const writes: number[] = [];
  const appends: number[] = [];
  await load(100, IN_FLIGHT, () => turn()); // untimed: JIT, pool connections, PostgreSQL caches
  for (let s = 0; s < SAMPLES; s++) {
    const i = pick();
    let t = performance.now();
    await bot.write({ [convKey(i)]: { ...conversationState(i, s), eTag: '*' } });
    writes.push(performance.now() - t);
    t = performance.now();
    await transcripts.append(`conv-${i}`, [activity(i, s) as never]);
    appends.push(performance.now() - t);
  }
  const run = await load(TURNS, IN_FLIGHT, turn);
  return {
    write: summarize(writes),
    append: summarize(appends),
    turn: summarize(run.samples),
    turnsPerSecond: (TURNS / run.wallMs) * 1000,
  };
}

const f = (n: number) => n.toFixed(n < 10 ? 2 : 1);

export async function benchStorePostgres(): Promise<BenchSection> {
  const title = 'Storage on PostgreSQL (STORE=postgres): write, append and turn, empty vs stored conversations';
  const schema = `virage_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: URL_, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    return { title, lines: [`PostgreSQL indisponible sur ${redactUrl(URL_)} (${(err as Error).message}) : section ignorée`] };
  }
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = new URL(URL_);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const store = await PostgresStore.open({ url: url.toString(), poolSize: IN_FLIGHT + 2 });
    await admin.query(`SET search_path = ${schema}`);
    let figures: { empty: Figures; full: Figures; prefillMs: number; bytes: number };
    try {
      const transcripts = new TranscriptStore(store);
      const ensure = async (i: number) => void (await transcripts.open(`conv-${i}`, `dl_user-${i}`, 'fr-FR'));
      let seed = 7;
      const random = (n: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
      const empty = await measure(store, random(FRESH), ensure);
      await admin.query('TRUNCATE documents, logs, log_records');
      const prefillMs = await prefill(admin, STORED);
      const bytes = Number(
        (
          await admin.query<{ b: string }>(
            `SELECT sum(pg_total_relation_size(c.oid))::bigint AS b FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
            [schema],
          )
        ).rows[0]!.b,
      );
      const full = await measure(store, random(FRESH), async () => undefined);
      figures = { empty, full, prefillMs, bytes };
    } finally {
      await store.close();
    }
    const { empty, full } = figures;
    return {
      title,
      lines: [
        `${STORED} conversations stored: bot and user state, diagnostics, ${ACTIVITIES}-activity transcript each; ` +
          `${(figures.bytes / 1e6).toFixed(0)} MB in PostgreSQL (tables, TOAST and indexes), filled in ${(figures.prefillMs / 1000).toFixed(1)} s`,
        'figure                       | empty p50 / p95 ms | stored p50 / p95 ms | stored/empty p50, p95',
        ...(
          [
            ['bot state write (eTag *)', 'write'],
            ['transcript append (1 act.)', 'append'],
            [`turn (${IN_FLIGHT} in flight)`, 'turn'],
          ] as const
        ).map(
          ([label, k]) =>
            `${label.padEnd(28)} | ${f(empty[k].p50)} / ${f(empty[k].p95)} | ${f(full[k].p50)} / ${f(full[k].p95)} | ` +
            `${ratio(full[k].p50, empty[k].p50)}, ${ratio(full[k].p95, empty[k].p95)}`,
        ),
        `turn throughput: ${empty.turnsPerSecond.toFixed(0)} turns/s empty, ${full.turnsPerSecond.toFixed(0)} turns/s with ${STORED} stored ` +
          `(${ratio(full.turnsPerSecond, empty.turnsPerSecond)}); the store's part of a turn only (no dialogs, no HTTP), ${FRESH} active conversations`,
      ],
    };
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const section = await benchStorePostgres();
  console.log(`## ${section.title}\n${section.lines.join('\n')}`);
}
