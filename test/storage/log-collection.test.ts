// Append-only logs of the file store (transcripts): real files, restarts, torn tails, corruption.
import fs from 'node:fs';
import path from 'node:path';
import { ShardedFileStore } from '../../src/storage/sharded-store.js';
import type { FileLogCollection } from '../../src/storage/log-collection.js';
import type { LogCollection } from '../../src/storage/types.js';
import { recordingLogger, removeDir, tempDir } from './helpers.js';

interface Head {
  who: string;
}
type Rec = { n: number; text?: string };

let dir: string;
let store: ShardedFileStore;
let logger: ReturnType<typeof recordingLogger>;

function logs(): LogCollection<Head, Rec> {
  return store.log<Head, Rec>('journal');
}
const fileOf = (key: string) => (logs() as unknown as FileLogCollection<Head, Rec>).fileOf(key);

beforeEach(() => {
  dir = tempDir();
  logger = recordingLogger();
  store = new ShardedFileStore(dir, { shards: 4, logger });
});

afterEach(async () => {
  await store.close();
  removeDir(dir);
});

async function reopen(): Promise<void> {
  await store.close();
  store = new ShardedFileStore(dir, { shards: 4, logger });
}

test('open, append, read, rewrite and delete; everything is back after a restart, as JSON lines', async () => {
  const l = logs();
  expect(await l.open('conv-1', { who: 'a' })).toEqual({ header: { who: 'a' }, created: true });
  expect(await l.open('conv-1', { who: 'b' })).toEqual({ header: { who: 'a' }, created: false });
  expect(await l.append('conv-1', [{ n: 1 }, { n: 2, text: 'é"\n' }])).toBe(true);
  expect(await l.append('absent', [{ n: 1 }])).toBe(false);
  expect(fs.existsSync(fileOf('absent'))).toBe(false);
  await l.open('__proto__', { who: 'c' });
  await reopen();
  expect(await logs().read('conv-1')).toEqual({ header: { who: 'a' }, records: [{ n: 1 }, { n: 2, text: 'é"\n' }] });
  expect(await logs().head('__proto__')).toEqual({ who: 'c' });
  const lines = fs.readFileSync(fileOf('conv-1'), 'utf8').split('\n');
  expect(lines).toHaveLength(4); // header, two records, and the final newline
  expect(JSON.parse(lines[0]!)).toEqual({ log: 1, key: 'conv-1', header: { who: 'a' } });
  expect(await logs().rewrite('conv-1', [{ n: 9 }])).toBe(true);
  expect(await logs().append('conv-1', [{ n: 10 }])).toBe(true);
  expect((await logs().read('conv-1'))!.records).toEqual([{ n: 9 }, { n: 10 }]);
  expect(await logs().delete('conv-1')).toBe(true);
  expect(await logs().read('conv-1')).toBeUndefined();
  expect(await logs().delete('conv-1')).toBe(false);
});

test('an append writes only its own lines: the file grows by exactly them, whatever the log holds', async () => {
  const l = logs();
  await l.open('long', { who: 'a' });
  await l.append(
    'long',
    Array.from({ length: 500 }, (_, n) => ({ n, text: 'x'.repeat(100) })),
  );
  const before = fs.statSync(fileOf('long')).size;
  const inode = fs.statSync(fileOf('long')).ino;
  await l.append('long', [{ n: 500 }]);
  expect(fs.statSync(fileOf('long')).size - before).toBe(Buffer.byteLength('{"n":500}\n'));
  expect(fs.statSync(fileOf('long')).ino).toBe(inode); // appended in place, not rewritten
});

test('a torn last line (a crash mid-append) is skipped on read and cut off by the next append', async () => {
  await logs().open('c', { who: 'a' });
  await logs().append('c', [{ n: 1 }]);
  await reopen();
  fs.appendFileSync(fileOf('c'), '{"n":2,"te');
  expect((await logs().read('c'))!.records).toEqual([{ n: 1 }]);
  await reopen();
  await logs().append('c', [{ n: 3 }]);
  expect((await logs().read('c'))!.records).toEqual([{ n: 1 }, { n: 3 }]);
  expect(fs.readFileSync(fileOf('c'), 'utf8')).not.toContain('"te');
});

test('a corrupt log is moved aside with its content and reads as absent; the other logs are untouched', async () => {
  await logs().open('bad', { who: 'a' });
  await logs().open('good', { who: 'b' });
  await logs().append('good', [{ n: 1 }]);
  await reopen();
  fs.writeFileSync(fileOf('bad'), '{"log":1,"key":"bad","header":{}}\nnot json\n{"n":1}\n');
  expect(await logs().read('bad')).toBeUndefined();
  const aside = fs.readdirSync(path.dirname(fileOf('bad'))).filter((f) => f.includes('.corrupt-'));
  expect(aside).toHaveLength(1);
  expect(fs.readFileSync(path.join(path.dirname(fileOf('bad')), aside[0]!), 'utf8')).toContain('not json');
  expect(logger.lines.some((l) => l.level === 'error' && /corrupt log/.test(l.msg))).toBe(true);
  expect((await logs().read('good'))!.records).toEqual([{ n: 1 }]);
  expect((await logs().open('bad', { who: 'new' })).created).toBe(true);
});

test('scan visits every log with its header and the time of its last write, one at a time', async () => {
  const l = logs();
  for (let i = 0; i < 40; i++) await l.open(`k${i}`, { who: `w${i}` }, new Date(Date.UTC(2025, 0, 1 + i)));
  await l.append('k3', [{ n: 1 }], new Date(Date.UTC(2026, 5, 1)));
  const seen = new Map<string, [string, string]>();
  await l.scan((key, header, at) => void seen.set(key, [header.who, at.toISOString()]));
  expect(seen.size).toBe(40);
  expect(seen.get('k7')).toEqual(['w7', '2025-01-08T00:00:00.000Z']);
  expect(seen.get('k3')).toEqual(['w3', '2026-06-01T00:00:00.000Z']);
});

test('tail gives the last record and the size without reading the whole log, also past a torn line', async () => {
  const l = logs();
  expect(await l.tail!('c')).toBeUndefined();
  await l.open('c', { who: 'a' });
  expect((await l.tail!('c'))!.last).toBeUndefined();
  await l.append(
    'c',
    Array.from({ length: 300 }, (_, n) => ({ n, text: 'y'.repeat(200) })),
  );
  await reopen();
  expect(await logs().tail!('c')).toEqual({ last: { n: 299, text: 'y'.repeat(200) }, bytes: fs.statSync(fileOf('c')).size });
  fs.appendFileSync(fileOf('c'), '{"n":300,"te');
  await reopen();
  expect((await logs().tail!('c'))!.last).toEqual({ n: 299, text: 'y'.repeat(200) });
  await logs().append('c', [{ n: 301 }]);
  expect((await logs().tail!('c'))!.last).toEqual({ n: 301 });
  expect((await logs().read('c'))!.records.length).toBe(301);
});

test('concurrent appends to one log keep their order and lose nothing', async () => {
  const l = logs();
  await l.open('c', { who: 'a' });
  await Promise.all(Array.from({ length: 50 }, (_, n) => l.append('c', [{ n }])));
  expect((await l.read('c'))!.records.map((r) => r.n)).toEqual(Array.from({ length: 50 }, (_, n) => n));
});

test('a read-only store reads logs and refuses to write them', async () => {
  await logs().open('c', { who: 'a' });
  await logs().append('c', [{ n: 1 }]);
  const reader = new ShardedFileStore(dir, { readOnly: true });
  try {
    const l = reader.log<Head, Rec>('journal');
    expect((await l.read('c'))!.records).toEqual([{ n: 1 }]);
    await expect(l.append('c', [{ n: 2 }])).rejects.toThrow(/read-only/);
  } finally {
    await reader.close();
  }
});

test('an append after tail() goes into the file as it is now: after a rewrite, a delete or a torn line in between', async () => {
  const l = logs();
  await l.open('c', { who: 'a' });
  await l.append('c', [{ n: 1 }, { n: 2 }]);
  await reopen();
  // tail() keeps the file open for the append that follows; a rewrite replaces the file meanwhile.
  expect((await logs().tail!('c'))!.last).toEqual({ n: 2 });
  expect(await logs().rewrite('c', [{ n: 7 }])).toBe(true);
  expect(await logs().append('c', [{ n: 8 }])).toBe(true);
  await reopen();
  expect((await logs().read('c'))!.records).toEqual([{ n: 7 }, { n: 8 }]);
  // A torn line written by another hand after tail(): the append after it still cuts it off.
  fs.appendFileSync(fileOf('c'), '{"n":9,"te');
  expect((await logs().tail!('c'))!.last).toEqual({ n: 8 });
  expect(await logs().append('c', [{ n: 10 }])).toBe(true);
  expect((await logs().read('c'))!.records).toEqual([{ n: 7 }, { n: 8 }, { n: 10 }]);
  await reopen();
  expect((await logs().tail!('c'))!.last).toEqual({ n: 10 });
  expect(await logs().delete('c')).toBe(true);
  expect(await logs().append('c', [{ n: 11 }])).toBe(false);
  expect(fs.existsSync(fileOf('c'))).toBe(false);
});

test('tail() of many logs without appends holds only a few files open, and closing the store closes them', async () => {
  const l = logs();
  for (let i = 0; i < 40; i++) await l.open(`k${i}`, { who: 'a' });
  await reopen();
  // Only the descriptors open on this store's files: the worker's other handles (sockets, timers' files of earlier
  // suites closing late) come and go and are not this store's doing.
  const real = fs.realpathSync(dir);
  const fds = () =>
    fs.readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(real);
      } catch {
        return false;
      }
    }).length;
  const before = fds();
  for (let i = 0; i < 40; i++) expect((await logs().tail!(`k${i}`))!.last).toBeUndefined();
  expect(fds() - before).toBeLessThanOrEqual(16);
  for (let i = 0; i < 40; i++) expect(await logs().append(`k${i}`, [{ n: i }])).toBe(true);
  await store.close();
  expect(fds()).toBeLessThanOrEqual(before);
  store = new ShardedFileStore(dir, { shards: 4, logger });
  expect((await logs().read('k39'))!.records).toEqual([{ n: 39 }]);
});
