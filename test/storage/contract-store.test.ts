// The store contract, part 1: the Collection interface (read/write/delete, eTags, filters, odd keys,
// concurrent writers, restart). The same tests run against every backend (contract-backends.ts).
import { deleteWhere, findWhere, logKeysUpdatedBefore } from '../../src/storage/query.js';
import { ConcurrencyError } from '../../src/storage/types.js';
import { contractBackends, useBackend } from './contract-backends.js';

interface Doc {
  n: number;
  subject?: string;
  updatedAt?: string;
  text?: string;
}

const backends = await contractBackends('contrat du store (collections)');

describe.each(backends.map((b) => [b.name, b] as const))('store contract: collections on %s', (_name, backend) => {
  const stores = useBackend(backend);

  test('put, get, getVersioned, delete and count', async () => {
    const c = (await stores.open()).collection<Doc>('docs');
    expect(await c.get('k')).toBeUndefined();
    const eTag = await c.put('k', { n: 1 });
    expect(await c.getVersioned('k')).toEqual({ value: { n: 1 }, eTag });
    await c.put('k2', { n: 2 });
    expect(await c.count()).toBe(2);
    expect(await c.delete('k')).toBe(true);
    expect(await c.delete('k')).toBe(false);
    expect(await c.get('k')).toBeUndefined();
    expect(await c.count()).toBe(1);
  });

  test('collections are separate', async () => {
    const store = await stores.open();
    await store.collection<Doc>('one').put('k', { n: 1 });
    await store.collection<Doc>('two').put('k', { n: 2 });
    expect(await store.collection<Doc>('one').get('k')).toEqual({ n: 1 });
    expect(await store.collection<Doc>('three').count()).toBe(0);
  });

  test('eTags: the current one writes, a stale one or one on a missing key is a conflict, "*" and none overwrite', async () => {
    const c = (await stores.open()).collection<Doc>('docs');
    const first = await c.put('k', { n: 1 });
    const second = await c.put('k', { n: 2 }, { eTag: first });
    expect(second).not.toBe(first);
    await expect(c.put('k', { n: 3 }, { eTag: first })).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(c.put('missing', { n: 1 }, { eTag: first })).rejects.toThrow(/eTag conflict/);
    expect(await c.get('k')).toEqual({ n: 2 });
    expect(await c.get('missing')).toBeUndefined();
    await c.put('k', { n: 4 }, { eTag: '*' });
    await c.put('k', { n: 5 });
    expect(await c.get('k')).toEqual({ n: 5 });
  });

  test('values go through JSON: later changes to the object given or read do not reach the store', async () => {
    const c = (await stores.open()).collection<Record<string, unknown>>('docs');
    const value = { nested: { n: 1 }, when: new Date('2026-01-02T03:04:05Z'), gone: undefined };
    await c.put('k', value);
    value.nested.n = 99;
    const read = (await c.get('k'))!;
    expect(read).toEqual({ nested: { n: 1 }, when: '2026-01-02T03:04:05.000Z' });
    (read.nested as { n: number }).n = 7;
    expect(await c.get('k')).toEqual({ nested: { n: 1 }, when: '2026-01-02T03:04:05.000Z' });
    await expect(c.put('bad', (() => undefined) as unknown as Record<string, unknown>)).rejects.toThrow(TypeError);
  });

  test('update creates, changes and (returning undefined) deletes', async () => {
    const c = (await stores.open()).collection<Doc>('docs');
    expect(await c.update('k', (cur) => ({ n: (cur?.n ?? 0) + 1 }))).toEqual({ n: 1 });
    expect(await c.update('k', (cur) => ({ n: cur!.n + 1 }))).toEqual({ n: 2 });
    expect(await c.update('k', () => undefined)).toBeUndefined();
    expect(await c.get('k')).toBeUndefined();
    expect(await c.update('never', () => undefined)).toBeUndefined();
  });

  test('a change that throws leaves the document as it was', async () => {
    const c = (await stores.open()).collection<Doc>('docs');
    await c.put('k', { n: 1 });
    await expect(
      c.update('k', () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await c.get('k')).toEqual({ n: 1 });
  });

  test('concurrent writers: 40 updates of one key at once lose nothing', async () => {
    const store = await stores.open();
    const c = store.collection<Doc>('counters');
    await Promise.all(Array.from({ length: 40 }, () => c.update('k', (cur) => ({ n: (cur?.n ?? 0) + 1 }))));
    expect(await c.get('k')).toEqual({ n: 40 });
  });

  // lowdb is one process by design; memory has nothing to share.
  (backend.shared ? test : test.skip)('two instances on one database: concurrent updates from both lose nothing', async () => {
    const [a, b] = [await stores.open(), await stores.open()];
    const inc = (cur: Doc | undefined) => ({ n: (cur?.n ?? 0) + 1 });
    await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).collection<Doc>('counters').update('k', inc)));
    expect(await a.collection<Doc>('counters').get('k')).toEqual({ n: 30 });
    const eTag = await a.collection<Doc>('c').put('x', { n: 1 });
    await b.collection<Doc>('c').put('x', { n: 2 }, { eTag });
    await expect(a.collection<Doc>('c').put('x', { n: 3 }, { eTag })).rejects.toBeInstanceOf(ConcurrencyError);
  });

  test('odd keys: prototype names, unicode, separators, long ids, NUL and lone surrogates', async () => {
    const c = (await stores.open()).collection<Doc>('keys');
    const keys = [
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'toString',
      'prototype',
      '',
      ' ',
      'Ça va ? 😀 日本語',
      'emulator/conversations/a|b/',
      'A',
      'a',
      'x'.repeat(5000),
      'é'.repeat(600),
      'nul\0byte',
      'lone\ud800',
      '\uffffhash',
    ];
    for (const [i, key] of keys.entries()) await c.put(key, { n: i });
    for (const [i, key] of keys.entries()) expect(await c.get(key)).toEqual({ n: i });
    expect((await c.find(() => true)).map((e) => e.key).sort()).toEqual([...keys].sort());
    expect(await c.count()).toBe(keys.length);
    expect(await c.get('toString')).toEqual({ n: 3 });
    expect(await c.get('valueOf')).toBeUndefined();
    expect(await c.delete('x'.repeat(5000))).toBe(true);
    expect(await c.get('x'.repeat(5000))).toBeUndefined();
  });

  test('odd values: own __proto__ keys, NUL, lone surrogates, key order and numbers come back as written', async () => {
    const c = (await stores.open()).collection<Record<string, unknown>>('values');
    const value = JSON.parse('{"z":1,"__proto__":{"polluted":true},"a":"nul\\u0000 et \\ud800","big":12345678901234,"f":0.1}');
    await c.put('k', value);
    const back = (await c.get('k'))!;
    expect(JSON.stringify(back)).toBe(JSON.stringify(value));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('find scans every document, past any page size', async () => {
    const c = (await stores.open()).collection<Doc>('many');
    await Promise.all(Array.from({ length: 1200 }, (_, i) => c.put(`k${i}`, { n: i })));
    const odd = await c.find((v) => v.n % 2 === 1);
    expect(odd).toHaveLength(600);
    expect(await c.count()).toBe(1200);
  });

  test('filters: equals, before and atMost on a top-level string; other documents never match', async () => {
    const c = (await stores.open()).collection<Doc>('filtered');
    await c.put('a', { n: 1, subject: 'web:alice', updatedAt: '2026-01-01T00:00:00.000Z' });
    await c.put('b', { n: 2, subject: 'web:bob', updatedAt: '2026-03-01T00:00:00.000Z' });
    await c.put('c', { n: 3, subject: 'web:alice\0', updatedAt: '2026-02-01T00:00:00.000Z' });
    await c.put('d', { n: 4 });
    await c.put('e', { n: 5, subject: 'x'.repeat(400), updatedAt: 42 as unknown as string });
    const keys = (rows: Array<{ key: string }>) => rows.map((r) => r.key).sort();
    expect(keys(await findWhere(c, { field: 'subject', equals: 'web:alice' }))).toEqual(['a']);
    expect(keys(await findWhere(c, { field: 'subject', equals: 'web:alice\0' }))).toEqual(['c']);
    expect(keys(await findWhere(c, { field: 'subject', equals: 'x'.repeat(400) }))).toEqual(['e']);
    expect(keys(await findWhere(c, { field: 'updatedAt', before: '2026-02-01T00:00:00.000Z' }))).toEqual(['a']);
    expect(keys(await findWhere(c, { field: 'updatedAt', atMost: '2026-02-01T00:00:00.000Z' }))).toEqual(['a', 'c']);
    expect((await deleteWhere(c, { field: 'updatedAt', before: '2026-02-15T00:00:00.000Z' })).sort()).toEqual(['a', 'c']);
    expect(keys(await c.find(() => true))).toEqual(['b', 'd', 'e']);
    await expect(() => findWhere(c, { field: "x') OR true --", equals: '' })).rejects.toThrow(TypeError);
  });

  test('logs: open once, append in order, read, rewrite, delete; appending to a missing log writes nothing', async () => {
    const logs = (await stores.open()).log<{ who: string }, { n: number }>('journal');
    const at = new Date('2026-02-03T04:05:06.000Z');
    expect(await logs.open('__proto__', { who: 'a' }, at)).toEqual({ header: { who: 'a' }, created: true });
    expect(await logs.open('__proto__', { who: 'b' }, at)).toEqual({ header: { who: 'a' }, created: false });
    expect(await logs.append('__proto__', [{ n: 1 }, { n: 2 }], at)).toBe(true);
    expect(await logs.append('__proto__', [{ n: 3 }], at)).toBe(true);
    expect(await logs.read('__proto__')).toEqual({ header: { who: 'a' }, records: [{ n: 1 }, { n: 2 }, { n: 3 }] });
    expect(await logs.head('__proto__')).toEqual({ who: 'a' });
    expect(await logs.append('missing', [{ n: 1 }], at)).toBe(false);
    expect(await logs.read('missing')).toBeUndefined();
    expect(await logs.rewrite('__proto__', [{ n: 9 }], at)).toBe(true);
    expect((await logs.read('__proto__'))!.records).toEqual([{ n: 9 }]);
    await logs.open('😀'.repeat(300), { who: 'long' }, new Date('2026-03-01T00:00:00.000Z'));
    const seen: Array<[string, string, string]> = [];
    await logs.scan((key, header, updatedAt) => void seen.push([key, header.who, updatedAt.toISOString()]));
    expect(seen.sort()).toEqual(
      [
        ['__proto__', 'a', at.toISOString()],
        ['😀'.repeat(300), 'long', '2026-03-01T00:00:00.000Z'],
      ].sort(),
    );
    expect(await logKeysUpdatedBefore(logs, new Date('2026-02-03T04:05:06.000Z'))).toEqual([]);
    expect(await logKeysUpdatedBefore(logs, new Date('2026-02-03T04:05:06.001Z'))).toEqual(['__proto__']);
    expect((await logKeysUpdatedBefore(logs, new Date('2026-03-02T00:00:00.000Z'))).sort()).toEqual(['__proto__', '😀'.repeat(300)].sort());
    expect(await logs.delete('__proto__')).toBe(true);
    expect(await logs.delete('__proto__')).toBe(false);
    expect(await logs.read('__proto__')).toBeUndefined();
  });

  (backend.durable ? test : test.skip)('what was written is there after a restart', async () => {
    const first = await stores.open();
    const eTag = await first.collection<Doc>('docs').put('k', { n: 1 });
    await first.close();
    const again = await stores.open();
    expect(await again.collection<Doc>('docs').getVersioned('k')).toEqual({ value: { n: 1 }, eTag });
    expect(await again.healthy()).toBe(true);
  });

  (backend.durable ? test : test.skip)('a closed store refuses work and reports itself unhealthy', async () => {
    const store = await stores.open();
    await store.close();
    await expect(store.collection<Doc>('docs').get('k')).rejects.toThrow(/closed/);
    expect(await store.healthy()).toBe(false);
  });
});
