// Memory bounded whatever the directory holds: loaded shards stay within the cache budget (the least
// recently used idle ones are dropped and read again), and full scans read shards without keeping them.
import { ShardedFileStore } from '../../src/storage/sharded-store.js';
import { removeDir, tempDir } from './helpers.js';

const BUDGET = 40_000;
let dir: string;
let store: ShardedFileStore;

beforeEach(() => {
  dir = tempDir();
  store = new ShardedFileStore(dir, { shards: 64, cacheBytes: BUDGET });
});

afterEach(async () => {
  await store.close();
  removeDir(dir);
});

const doc = (i: number) => ({ i, text: `conversation ${i} `.repeat(25) });

test('loaded shards stay within the budget, evicted shards read back intact, and a scan does not fill the cache', async () => {
  const c = store.collection<{ i: number; text: string }>('botstate');
  for (let start = 0; start < 2000; start += 200) {
    await Promise.all(Array.from({ length: 200 }, (_, k) => c.put(`key-${start + k}`, doc(start + k))));
  }
  await store.flush();
  await c.get('key-0'); // a use when every shard is idle: the cache evicts down to its budget
  const shardBytes = (2000 * 520) / 64; // about one shard
  expect(store.cache.bytes).toBeLessThanOrEqual(BUDGET + 2 * shardBytes);
  expect(store.cache.size).toBeLessThan(64);
  for (let i = 0; i < 2000; i += 37) expect(await c.get(`key-${i}`)).toEqual(doc(i));
  const before = store.cache.size;
  const all = await c.find(() => true);
  expect(all).toHaveLength(2000);
  expect(await c.count()).toBe(2000);
  expect(store.cache.size).toBe(before);
  expect(store.cache.bytes).toBeLessThanOrEqual(BUDGET + 2 * shardBytes);
});

test('a write to an evicted shard keeps the entries written before the eviction', async () => {
  const c = store.collection<{ i: number; text: string }>('botstate');
  for (let i = 0; i < 600; i++) await c.put(`key-${i}`, doc(i));
  for (let i = 0; i < 600; i++) await c.update(`key-${i}`, (d) => ({ ...d!, i: d!.i + 1 }));
  await store.close();
  store = new ShardedFileStore(dir, { shards: 64 });
  const again = store.collection<{ i: number; text: string }>('botstate');
  expect(await again.count()).toBe(600);
  for (let i = 0; i < 600; i += 13) expect((await again.get(`key-${i}`))!.i).toBe(i + 1);
});
