// Restart, corruption and hostile keys: what must hold on real files.
import fs from 'node:fs';
import path from 'node:path';
import { fnv1a, ShardedFileStore } from '../../src/storage/sharded-store.js';
import { StoreUnavailableError } from '../../src/storage/types.js';
import { recordingLogger, removeDir, tempDir } from './helpers.js';

interface Doc {
  n: number;
  tags?: string[];
}

const SHARDS = 4;
let dir: string;
let store: ShardedFileStore;

function shardFile(collection: string, key: string): string {
  return path.join(dir, collection, `${fnv1a(key) % SHARDS}.json`);
}

beforeEach(() => {
  dir = tempDir();
  store = new ShardedFileStore(dir, { shards: SHARDS });
});

afterEach(async () => {
  await store.close();
  removeDir(dir);
});

describe('restart', () => {
  test('data written before close is back in a new store on the same directory, and is on disk', async () => {
    // lowdb's JSONFilePreset keeps data in memory under NODE_ENV=test: prove this store really writes.
    expect(process.env.NODE_ENV).toBe('test');
    const c = store.collection<Doc>('conversations');
    for (let i = 0; i < 30; i++) await c.put(`conv-${i}`, { n: i, tags: ['é', '"'] });
    await c.delete('conv-3');
    await store.close();

    const raw = fs.readFileSync(shardFile('conversations', 'conv-7'), 'utf8');
    expect(raw.startsWith('{"format":1,"entries":[')).toBe(true);
    expect(raw).not.toContain('\n'); // compact, not pretty-printed
    const entries = (JSON.parse(raw) as { entries: Array<[string, string, Doc]> }).entries;
    expect(entries.find(([key]) => key === 'conv-7')?.[2]).toEqual({ n: 7, tags: ['é', '"'] });

    store = new ShardedFileStore(dir, { shards: SHARDS });
    const again = store.collection<Doc>('conversations');
    expect(await again.count()).toBe(29);
    expect(await again.get('conv-7')).toEqual({ n: 7, tags: ['é', '"'] });
    expect(await again.get('conv-3')).toBeUndefined();
  });

  test('a collection keeps the shard count it was created with', async () => {
    const logger = recordingLogger();
    await store.collection<Doc>('c').put('k', { n: 1 });
    await store.close();
    store = new ShardedFileStore(dir, { shards: 64, logger });
    expect(await store.collection<Doc>('c').get('k')).toEqual({ n: 1 });
    expect(logger.lines.some((l) => l.level === 'warn' && l.fields?.shards === SHARDS)).toBe(true);
  });

  test('temp files left by a crash are removed; no temp file stays after writes', async () => {
    const c = store.collection<Doc>('c');
    await c.put('k', { n: 1 });
    await store.close();
    const leftover = path.join(dir, 'c', '0.json.12345.7.tmp');
    fs.writeFileSync(leftover, '{"format":1,"entr');
    store = new ShardedFileStore(dir, { shards: SHARDS });
    expect(await store.collection<Doc>('c').get('k')).toEqual({ n: 1 });
    expect(fs.existsSync(leftover)).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'c')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('an unreadable _meta.json makes the collection fail loudly instead of guessing', async () => {
    await store.collection<Doc>('c').put('k', { n: 1 });
    await store.close();
    fs.writeFileSync(path.join(dir, 'c', '_meta.json'), 'garbage');
    store = new ShardedFileStore(dir, { shards: SHARDS });
    await expect(store.collection<Doc>('c').get('k')).rejects.toThrow(/_meta\.json/);
  });
});

describe('corruption of one shard', () => {
  test('the corrupt file is moved aside with its content, logged, and the other shards keep working', async () => {
    const c = store.collection<Doc>('conversations');
    const keys = Array.from({ length: 40 }, (_, i) => `conv-${i}`);
    for (const [i, key] of keys.entries()) await c.put(key, { n: i });
    await store.close();

    const victimKey = keys[0]!;
    const victim = shardFile('conversations', victimKey);
    const garbage = '{"format":1,"entries":[["conv-0","x",{"n":0,"text":secret}],["conv-';
    fs.writeFileSync(victim, garbage);

    const logger = recordingLogger();
    store = new ShardedFileStore(dir, { shards: SHARDS, logger });
    const again = store.collection<Doc>('conversations');
    const healthyKeys = keys.filter((k) => shardFile('conversations', k) !== victim);
    expect(healthyKeys.length).toBeGreaterThan(0);

    expect(await again.get(victimKey)).toBeUndefined(); // its shard is now empty
    for (const key of healthyKeys) expect(await again.get(key)).toEqual({ n: keys.indexOf(key) });

    const aside = fs.readdirSync(path.dirname(victim)).filter((f) => f.startsWith(`${path.basename(victim)}.corrupt-`));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(path.dirname(victim), aside[0]!), 'utf8')).toBe(garbage);
    expect(logger.lines.filter((l) => l.level === 'error')).toHaveLength(1);
    expect(JSON.stringify(logger.lines)).not.toMatch(/secret|conv-0/); // ids of the shard, never its content

    // The quarantined shard is writable again, and so are the others.
    await again.put(victimKey, { n: 100 });
    await again.put(healthyKeys[0]!, { n: 101 });
    expect(await again.get(victimKey)).toEqual({ n: 100 });
    expect(JSON.parse(fs.readFileSync(victim, 'utf8'))).toEqual({ format: 1, entries: [[victimKey, expect.any(String), { n: 100 }]] });
  });

  test.each([
    ['an empty file', ''],
    ['a JSON array', '[]'],
    ['an unknown format', '{"format":2,"entries":[]}'],
    ['a malformed entry', '{"format":1,"entries":[["k",{"n":1}]]}'],
    ['NUL bytes', '\u0000\u0000\u0000'],
  ])('%s is quarantined too', async (_label, content) => {
    await store.close();
    fs.mkdirSync(path.join(dir, 'c'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'c', '_meta.json'), JSON.stringify({ format: 1, shards: 1 }));
    fs.writeFileSync(path.join(dir, 'c', '0.json'), content);
    store = new ShardedFileStore(dir, { shards: 1 });
    expect(await store.collection<Doc>('c').count()).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'c')).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
  });
});

describe('read-only store (reports next to a running server)', () => {
  test('reads the live data, rejects writes and never touches the directory', async () => {
    const c = store.collection<Doc>('c');
    await c.put('k', { n: 1 });
    const temp = path.join(dir, 'c', '0.json.99999.1.tmp'); // as if the server were writing right now
    fs.writeFileSync(temp, 'in progress');
    const victim = path.join(dir, 'c', `${(fnv1a('k') + 1) % SHARDS}.json`); // another shard than k's
    fs.writeFileSync(victim, '{"format":1,"entr');
    const before = fs.readdirSync(dir, { recursive: true }).sort();

    const logger = recordingLogger();
    const reader = new ShardedFileStore(dir, { readOnly: true, logger }); // allowed while `store` is open
    try {
      expect(await reader.collection<Doc>('c').get('k')).toEqual({ n: 1 });
      expect(await reader.collection<Doc>('c').count()).toBe(1);
      expect(await reader.collection<Doc>('never-written').count()).toBe(0);
      await expect(reader.collection<Doc>('c').put('x', { n: 2 })).rejects.toThrow(/read-only/);
      await expect(reader.collection<Doc>('c').update('k', () => ({ n: 3 }))).rejects.toThrow(/read-only/);
      await expect(reader.collection<Doc>('c').delete('k')).rejects.toThrow(/read-only/);
      expect(await reader.healthy()).toBe(true);
      expect(logger.lines.filter((l) => l.level === 'error' && /skipped/.test(l.msg))).toHaveLength(1);
    } finally {
      await reader.close();
    }
    expect(fs.readdirSync(dir, { recursive: true }).sort()).toEqual(before);
    expect(await c.get('k')).toEqual({ n: 1 });
  });
});

describe('a failed write', () => {
  test('rejects the put with StoreUnavailableError, is logged, and the refused change is rolled back, never written later', async () => {
    await store.close();
    const logger = recordingLogger();
    store = new ShardedFileStore(dir, { shards: 1, logger });
    const c = store.collection<Doc>('c');
    await c.put('k1', { n: 1 });
    // Make the rename fail: the shard file's path becomes a non-empty directory (its content kept aside).
    const file = path.join(dir, 'c', '0.json');
    const content = fs.readFileSync(file);
    fs.rmSync(file);
    fs.mkdirSync(path.join(file, 'blocker'), { recursive: true });
    await expect(c.put('k2', { n: 2 })).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(logger.lines.some((l) => l.level === 'error' && /write failed/.test(l.msg))).toBe(true);
    fs.rmSync(file, { recursive: true });
    fs.writeFileSync(file, content);
    await c.put('k3', { n: 3 });
    expect(await c.get('k2')).toBeUndefined();
    const keys = (JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: string[][] }).entries.map((e) => e[0]);
    expect(keys.sort()).toEqual(['k1', 'k3']);
    expect(fs.readdirSync(path.join(dir, 'c')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('a change made while the failing write runs is refused and rolled back too; the Map keeps what is on disk', async () => {
    await store.close();
    store = new ShardedFileStore(dir, { shards: 1 });
    const c = store.collection<Doc>('c');
    await c.put('k1', { n: 1 });
    const file = path.join(dir, 'c', '0.json');
    const content = fs.readFileSync(file);
    fs.rmSync(file);
    fs.mkdirSync(path.join(file, 'blocker'), { recursive: true });
    const first = c.put('k2', { n: 2 });
    await new Promise((resolve) => setImmediate(resolve)); // the write of k2 has started
    const second = c.update('k1', (d) => ({ n: (d?.n ?? 0) + 10 }));
    await expect(first).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(second).rejects.toBeInstanceOf(StoreUnavailableError);
    fs.rmSync(file, { recursive: true });
    fs.writeFileSync(file, content);
    expect(await c.get('k1')).toEqual({ n: 1 });
    expect(await c.get('k2')).toBeUndefined();
    await store.flush();
    expect(fs.readFileSync(file)).toEqual(content);
  });
});

describe('untrusted keys and values (prototype pollution)', () => {
  const hostile = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', '__defineGetter__'];

  test('hostile keys are stored, counted and read back like any other key, also after a restart', async () => {
    const c = store.collection<Doc>('users');
    for (const [i, key] of hostile.entries()) await c.put(key, { n: i });
    expect(await c.count()).toBe(hostile.length);
    await store.close();
    store = new ShardedFileStore(dir, { shards: SHARDS });
    const again = store.collection<Doc>('users');
    for (const [i, key] of hostile.entries()) expect(await again.get(key)).toEqual({ n: i });
    expect((await again.find(() => true)).map((e) => e.key).sort()).toEqual([...hostile].sort());
    expect(({} as Record<string, unknown>).n).toBeUndefined();
  });

  test('a value carrying an own __proto__ key round-trips as data and pollutes nothing', async () => {
    const c = store.collection<Record<string, unknown>>('users');
    const value = JSON.parse('{"name":"x","__proto__":{"isAdvisor":true},"constructor":{"prototype":{"polluted":1}}}') as Record<
      string,
      unknown
    >;
    await c.put('u', value);
    await store.close();
    store = new ShardedFileStore(dir, { shards: SHARDS });
    const back = (await store.collection<Record<string, unknown>>('users').get('u'))!;
    expect(Object.keys(back)).toEqual(['name', '__proto__', 'constructor']);
    expect(back.isAdvisor).toBeUndefined();
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).isAdvisor).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
