import fs from 'node:fs';
import path from 'node:path';
import { fnv1a, ShardedFileStore } from '../../src/storage/sharded-store.js';
import { ConcurrencyError } from '../../src/storage/types.js';
import { removeDir, tempDir } from './helpers.js';

interface Conv {
  n: number;
  text?: string;
}

let dir: string;
let store: ShardedFileStore;

beforeEach(() => {
  dir = tempDir();
  store = new ShardedFileStore(dir, { shards: 8 });
});

afterEach(async () => {
  await store.close();
  removeDir(dir);
});

describe('ShardedFileStore basics', () => {
  test('put, get, getVersioned, delete, find and count', async () => {
    const c = store.collection<Conv>('conversations');
    expect(await c.get('missing')).toBeUndefined();
    const e1 = await c.put('a', { n: 1 });
    await c.put('b', { n: 2, text: 'bonjour' });
    await c.put('c', { n: 3 });
    expect(await c.get('a')).toEqual({ n: 1 });
    expect(await c.getVersioned('a')).toEqual({ value: { n: 1 }, eTag: e1 });
    expect(await c.count()).toBe(3);
    const odd = await c.find((v) => v.n % 2 === 1);
    expect(odd.map((e) => e.key).sort()).toEqual(['a', 'c']);
    expect(await c.delete('b')).toBe(true);
    expect(await c.delete('b')).toBe(false);
    expect(await c.get('b')).toBeUndefined();
    expect(await c.count()).toBe(2);
  });

  test('values are cloned: mutating what was put or read changes nothing stored', async () => {
    const c = store.collection<Conv>('conversations');
    const value = { n: 1 };
    await c.put('k', value);
    value.n = 99;
    const read = (await c.get('k'))!;
    read.n = 42;
    expect(await c.get('k')).toEqual({ n: 1 });
  });

  test('collections are separate directories', async () => {
    await store.collection<Conv>('one').put('k', { n: 1 });
    await store.collection<Conv>('two').put('k', { n: 2 });
    expect(await store.collection<Conv>('one').get('k')).toEqual({ n: 1 });
    expect(fs.existsSync(path.join(dir, 'one', '_meta.json'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'two', '_meta.json'))).toBe(true);
  });

  test.each(['', '..', '../x', 'a/b', 'A', 'con', '.hidden', 'x'.repeat(65), 'é'])('rejects the collection name %j', (name) => {
    expect(() => store.collection(name)).toThrow(/invalid collection name/);
  });

  test('rejects a non-string key and a value that is not JSON', async () => {
    const c = store.collection<unknown>('misc');
    await expect(c.put(42 as unknown as string, {})).rejects.toThrow(TypeError);
    await expect(c.put('k', undefined)).rejects.toThrow(/JSON/);
    await expect(c.put('k', { big: 1n })).rejects.toThrow(TypeError);
    expect(await c.count()).toBe(0);
  });

  test('any string is a key, including empty, long, unicode and lone surrogates', async () => {
    const c = store.collection<Conv>('keys');
    const keys = ['', 'x'.repeat(5000), 'directline/conversations/ÀÉ-été 🚀/users/u1', '\ud800', '"quoted"\n\\'];
    for (const [i, key] of keys.entries()) await c.put(key, { n: i });
    for (const [i, key] of keys.entries()) expect(await c.get(key)).toEqual({ n: i });
  });

  test('with the default shard count, count() and find() scan every shard', async () => {
    const dflt = new ShardedFileStore(tempDir());
    try {
      const c = dflt.collection<Conv>('conversations');
      await Promise.all(Array.from({ length: 300 }, (_, i) => c.put(`conv-${i}`, { n: i })));
      expect(await c.count()).toBe(300);
      expect((await c.find((v) => v.n >= 290)).length).toBe(10);
      const files = fs.readdirSync(path.join(dflt.dir, 'conversations')).filter((f) => /^\d+\.json$/.test(f));
      expect(files.length).toBeGreaterThan(100); // keys spread over many shards
    } finally {
      await dflt.close();
      removeDir(dflt.dir);
    }
  });

  test('FNV-1a matches the reference vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  test('opening the same directory twice in one process is refused', () => {
    expect(() => new ShardedFileStore(dir)).toThrow(/already open/);
  });

  test('after close, operations reject and healthy() is false', async () => {
    const c = store.collection<Conv>('conversations');
    await store.close();
    await expect(c.get('a')).rejects.toThrow(/closed/);
    expect(await store.healthy()).toBe(false);
  });

  test('healthy() is true on a writable directory and false on an unusable one', async () => {
    expect(await store.healthy()).toBe(true);
    const file = path.join(dir, 'not-a-dir');
    fs.writeFileSync(file, 'x');
    const broken = new ShardedFileStore(path.join(file, 'data'));
    expect(await broken.healthy()).toBe(false);
    await broken.close();
  });
});

describe('eTags', () => {
  test('a stale eTag is rejected, the current one and "*" are accepted', async () => {
    const c = store.collection<Conv>('conversations');
    const e1 = await c.put('k', { n: 1 });
    const e2 = await c.put('k', { n: 2 }, { eTag: e1 });
    expect(e2).not.toBe(e1);
    await expect(c.put('k', { n: 3 }, { eTag: e1 })).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(c.put('k', { n: 3 }, { eTag: e1 })).rejects.toThrow('Storage: error writing "k" in "conversations" due to eTag conflict.');
    expect(await c.get('k')).toEqual({ n: 2 });
    await c.put('k', { n: 4 }, { eTag: '*' });
    await c.put('k', { n: 5 });
    expect(await c.get('k')).toEqual({ n: 5 });
  });

  test('a specific eTag on a missing key is a conflict (as in MemoryStore)', async () => {
    const c = store.collection<Conv>('conversations');
    await expect(c.put('nope', { n: 1 }, { eTag: 'x-1' })).rejects.toBeInstanceOf(ConcurrencyError);
  });

  test('of two concurrent writers holding the same eTag, exactly one wins', async () => {
    const c = store.collection<Conv>('conversations');
    const e1 = await c.put('k', { n: 0 });
    const results = await Promise.allSettled([c.put('k', { n: 1 }, { eTag: e1 }), c.put('k', { n: 2 }, { eTag: e1 })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });

  test('eTags stay unique across a restart', async () => {
    const c = store.collection<Conv>('conversations');
    const before = await c.put('k', { n: 1 });
    await store.close();
    store = new ShardedFileStore(dir, { shards: 8 });
    const after = await store.collection<Conv>('conversations').put('k2', { n: 1 });
    expect(after).not.toBe(before);
    await expect(store.collection<Conv>('conversations').put('k', { n: 2 }, { eTag: before })).resolves.toBeDefined();
  });
});

describe('update', () => {
  test('100 concurrent increments of one key give 100', async () => {
    const c = store.collection<Conv>('counters');
    await Promise.all(Array.from({ length: 100 }, () => c.update('hits', (cur) => ({ n: (cur?.n ?? 0) + 1 }))));
    expect(await c.get('hits')).toEqual({ n: 100 });
  });

  test('returning undefined deletes; a throwing change stores nothing', async () => {
    const c = store.collection<Conv>('counters');
    await c.put('k', { n: 1 });
    await expect(
      c.update('k', () => {
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await c.get('k')).toEqual({ n: 1 });
    expect(await c.update('k', () => undefined)).toBeUndefined();
    expect(await c.get('k')).toBeUndefined();
    expect(await c.update('never', () => undefined)).toBeUndefined();
  });

  test('the change receives a clone', async () => {
    const c = store.collection<Conv>('counters');
    await c.put('k', { n: 1 });
    await c
      .update('k', (cur) => {
        cur!.n = 50;
        throw new Error('abort');
      })
      .catch(() => undefined);
    expect(await c.get('k')).toEqual({ n: 1 });
  });
});

describe('coalesced writes', () => {
  test('many concurrent puts to one shard make fewer file writes than puts, all durable on resolve', async () => {
    const one = new ShardedFileStore(tempDir(), { shards: 1 });
    try {
      const c = one.collection<Conv>('burst');
      await c.put('warm-up', { n: 0 });
      const before = one.fileWrites('burst');
      await Promise.all(Array.from({ length: 200 }, (_, i) => c.put(`k${i}`, { n: i })));
      const writes = one.fileWrites('burst') - before;
      expect(writes).toBeGreaterThanOrEqual(1);
      expect(writes).toBeLessThan(10);
      // Every put had resolved, so every value is already in the file on disk.
      const raw = JSON.parse(fs.readFileSync(path.join(one.dir, 'burst', '0.json'), 'utf8')) as { entries: unknown[][] };
      expect(raw.entries).toHaveLength(201);
    } finally {
      await one.close();
      removeDir(one.dir);
    }
  });

  test('a put issued while a write is in flight is written by a later write before it resolves', async () => {
    const one = new ShardedFileStore(tempDir(), { shards: 1 });
    try {
      const c = one.collection<Conv>('burst');
      const first = c.put('a', { n: 1 });
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setImmediate(r));
      await c.put('b', { n: 2 });
      const raw = fs.readFileSync(path.join(one.dir, 'burst', '0.json'), 'utf8');
      expect(raw).toContain('"b"');
      await first;
    } finally {
      await one.close();
      removeDir(one.dir);
    }
  });

  test('flush() waits for writes that were not awaited', async () => {
    const c = store.collection<Conv>('conversations');
    for (let i = 0; i < 50; i++) void c.put(`k${i}`, { n: i });
    await store.flush();
    expect(store.fileWrites('conversations')).toBeGreaterThan(0);
    const files = fs.readdirSync(path.join(dir, 'conversations')).filter((f) => /^\d+\.json$/.test(f));
    const total = files
      .map((f) => (JSON.parse(fs.readFileSync(path.join(dir, 'conversations', f), 'utf8')) as { entries: unknown[] }).entries.length)
      .reduce((a, b) => a + b, 0);
    expect(total).toBe(50);
  });
});
