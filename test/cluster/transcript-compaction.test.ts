// Direct Line transcripts on the shared path (two instances, each its own Redis connection and its own
// PostgresStore on one schema): a conversation's log that grows past twice the byte cap is compacted, and
// appends, replacements and removals sent to both instances at once — compactions included — lose nothing.
import { openCluster, type Cluster } from '../../src/cluster/index.js';
import { silentLogger } from '../../src/log.js';
import {
  MAX_HISTORY_BYTES,
  TRANSCRIPTS,
  TranscriptStore,
  type TranscriptHeader,
  type TranscriptRecord,
} from '../../src/server/directline/transcripts.js';
import { PostgresStore } from '../../src/storage/postgres/store.js';
import { createTestSchema, postgresAvailable, type TestSchema } from '../helpers/postgres.js';
import { dropPrefix, redisAvailable, testPrefix, TEST_REDIS_URL } from '../helpers/redis.js';

const prefix = testPrefix();
let on = false;
let clusters: Cluster[] = [];
let schema: TestSchema;
let stores: PostgresStore[] = [];

beforeAll(async () => {
  on =
    (await redisAvailable('compaction des transcriptions à deux instances (test/cluster/transcript-compaction.test.ts)')) &&
    (await postgresAvailable('compaction des transcriptions à deux instances (test/cluster/transcript-compaction.test.ts)'));
  if (!on) return;
  clusters = [
    await openCluster({ url: TEST_REDIS_URL, prefix, logger: silentLogger }),
    await openCluster({ url: TEST_REDIS_URL, prefix, logger: silentLogger }),
  ];
  schema = await createTestSchema();
  stores = [await PostgresStore.open({ url: schema.url }), await PostgresStore.open({ url: schema.url })];
});
afterAll(async () => {
  for (const s of stores) await s.close();
  for (const c of clusters) await c.close();
  if (!on) return;
  await schema.drop();
  await dropPrefix(prefix);
});

const instances = () =>
  [new TranscriptStore(stores[0]!, Date.now, clusters[0]!), new TranscriptStore(stores[1]!, Date.now, clusters[1]!)] as const;
/** The log as stored (records before materialisation), read directly. */
const raw = async (id: string) => (await stores[0]!.log<TranscriptHeader, TranscriptRecord>(TRANSCRIPTS).read(id))!.records;
const big = (label: string, size: number) => `${label} ${'x'.repeat(size)}`;

describe('Direct Line transcripts compacted on the shared path', () => {
  it('a log past twice the byte cap is compacted; the history and its numbers stay', async () => {
    if (!on) return;
    const [ta, tb] = instances();
    const id = 'sharedCompaction01';
    await ta.open(id, 'dl_compact', 'fr-FR');
    const n = 30; // 30 × ~100 KB: about 3 MB written, past 2 × 1 MB
    for (let i = 1; i <= n; i++) await (i % 2 ? ta : tb).append(id, [{ type: 'message', text: big(`m${i}`, 100_000) }]);
    const records = await raw(id);
    expect(records[0]).toEqual({ m: expect.any(Number) }); // rewritten by a compaction
    expect(records.length).toBeLessThan(n);
    expect(JSON.stringify(records).length).toBeLessThanOrEqual(2 * MAX_HISTORY_BYTES + 200_000);
    const doc = (await tb.get(id))!;
    expect(doc.lastSeq).toBe(n);
    const seqs = doc.entries.map((e) => e.seq);
    expect(seqs).toEqual([...Array(seqs.length).keys()].map((k) => n - seqs.length + 1 + k)); // the newest, in order
    expect(doc.entries.at(-1)!.activity.text).toBe(big(`m${n}`, 100_000));
    // Numbering goes on after the compaction, from either instance.
    expect((await ta.append(id, [{ type: 'message', text: 'après' }])).watermark).toBe(n + 1);
  });

  it('appends, replacements and removals from both instances at once, through compactions, lose nothing', async () => {
    if (!on) return;
    const [ta, tb] = instances();
    const id = 'sharedCompaction02';
    await ta.open(id, 'dl_compact', 'fr-FR');
    const n = 40; // 40 × ~60 KB appended, each replaced once: about 5 MB written
    // By activity number (appends run at once: the k-th call does not get number k).
    const removed = new Set<number>();
    const replaced = new Map<number, boolean>();
    const label = new Map<number, string>();
    await Promise.all(
      [...Array(n).keys()].map(async (k) => {
        const i = k + 1;
        const [own, other] = i % 2 ? [ta, tb] : [tb, ta];
        const { stored, watermark: seq } = await own.append(id, [{ type: 'message', text: big(`m${i}`, 60_000) }]);
        const activityId = stored[0]!.id;
        label.set(seq, `m${i}`);
        if (i % 10 === 0) {
          if (await other.remove(id, activityId)) removed.add(seq);
        } else {
          replaced.set(seq, (await other.replace(id, activityId, (a) => ({ ...a, text: big(`m${i} modifié`, 60_000) }))) !== undefined);
        }
      }),
    );
    const records = await raw(id);
    expect(records[0]).toEqual({ m: expect.any(Number) });
    const doc = (await ta.get(id))!;
    expect(doc.lastSeq).toBe(n);
    const kept = doc.entries.map((e) => e.seq);
    expect(kept.length).toBeGreaterThan(5);
    // Every number between the oldest kept and the last is there, but the removed ones.
    const first = kept[0]!;
    expect(kept).toEqual([...Array(n - first + 1).keys()].map((k) => first + k).filter((i) => !removed.has(i)));
    // A replacement that reported success is there (none dropped by a compaction). One that found its
    // activity already out of the capped history did nothing (a later removal may bring it back).
    const head = (text: string | undefined) => text?.split(' x')[0];
    for (const e of doc.entries)
      expect([e.seq, head(e.activity.text)]).toEqual([e.seq, `${label.get(e.seq)}${replaced.get(e.seq) ? ' modifié' : ''}`]);
    expect(doc.entries.filter((e) => replaced.get(e.seq)).length).toBeGreaterThan(5);
    expect(removed.size + replaced.size).toBe(n); // each removal or replacement was answered (true or not kept)
  });
});
