// BotStorage must behave like botbuilder's MemoryStorage, on real files, and carry ConversationState.
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Storage, type StoreItems } from 'botbuilder';
import { BotStorage, type StoredItem } from '../../src/storage/bot-storage.js';
import { ShardedFileStore } from '../../src/storage/sharded-store.js';
import { removeDir, tempDir } from './helpers.js';

let dir: string;
let store: ShardedFileStore;

function open(): BotStorage {
  store = new ShardedFileStore(dir, { shards: 4 });
  return new BotStorage(store.collection<StoredItem>('botstate'));
}

beforeEach(() => {
  dir = tempDir();
});

afterEach(async () => {
  await store?.close();
  removeDir(dir);
});

// The same conformance checks run against MemoryStorage, so any divergence from botbuilder shows up.
describe.each([
  ['BotStorage', () => open() as Storage],
  ['botbuilder MemoryStorage (reference)', () => new MemoryStorage() as Storage],
])('%s', (_name, make) => {
  test('reading missing keys gives an empty object', async () => {
    expect(await make().read(['nope', 'nada'])).toEqual({});
  });

  test('write then read returns the items with a new eTag', async () => {
    const s = make();
    await s.write({ a: { count: 1 }, b: { text: 'Bonjour' } });
    const items = await s.read(['a', 'b', 'c']);
    expect(Object.keys(items).sort()).toEqual(['a', 'b']);
    expect(items.a).toEqual({ count: 1, eTag: expect.any(String) });
    expect(items.b.text).toBe('Bonjour');
  });

  test('a stale eTag is rejected with MemoryStorage\'s message; the current eTag, "*" and none overwrite', async () => {
    const s = make();
    await s.write({ k: { v: 1 } });
    const first = (await s.read(['k'])).k as StoredItem;
    await s.write({ k: { v: 2, eTag: first.eTag } });
    await expect(s.write({ k: { v: 3, eTag: first.eTag } })).rejects.toThrow('Storage: error writing "k" due to eTag conflict.');
    expect((await s.read(['k'])).k.v).toBe(2);
    await s.write({ k: { v: 4, eTag: '*' } });
    expect((await s.read(['k'])).k.v).toBe(4);
    await s.write({ k: { v: 5 } });
    expect((await s.read(['k'])).k.v).toBe(5);
  });

  test('an eTag on a missing item writes it', async () => {
    const s = make();
    await s.write({ fresh: { v: 1, eTag: 'whatever' } });
    expect((await s.read(['fresh'])).fresh.v).toBe(1);
  });

  test('delete removes items; deleting a missing key is fine', async () => {
    const s = make();
    await s.write({ a: { v: 1 }, b: { v: 2 } });
    await s.delete(['a', 'missing']);
    expect(Object.keys(await s.read(['a', 'b']))).toEqual(['b']);
  });

  test('items are cloned through JSON', async () => {
    const s = make();
    const item = { when: new Date('2025-01-01T00:00:00Z'), nested: { n: 1 } };
    await s.write({ k: item });
    item.nested.n = 99;
    const read = (await s.read(['k'])).k;
    expect(read.when).toBe('2025-01-01T00:00:00.000Z');
    expect(read.nested.n).toBe(1);
  });

  test('keys are required', async () => {
    const s = make();
    await expect(s.read(undefined as unknown as string[])).rejects.toThrow(ReferenceError);
    await expect(s.write(undefined as unknown as StoreItems)).rejects.toThrow(ReferenceError);
  });
});

describe('BotStorage only', () => {
  test('data survives a restart', async () => {
    await open().write({ 'directline/conversations/c1/': { step: 3 } });
    await store.close();
    expect((await open().read(['directline/conversations/c1/']))['directline/conversations/c1/'].step).toBe(3);
  });

  test('a __proto__ key is read back as an own item, without re-prototyping the result', async () => {
    const s = open();
    await s.write(JSON.parse('{"__proto__":{"isAdvisor":true}}') as StoreItems);
    const items = await s.read(['__proto__']);
    expect(Object.getPrototypeOf(items)).toBe(Object.prototype);
    expect(Object.keys(items)).toEqual(['__proto__']);
    expect((items as Record<string, unknown>).isAdvisor).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(items, '__proto__')?.value).toEqual({ isAdvisor: true, eTag: expect.any(String) });
  });

  test('a conflict on one key does not stop the other keys of the same write', async () => {
    const s = open();
    await s.write({ a: { v: 1 }, b: { v: 1 } });
    await expect(s.write({ a: { v: 2, eTag: 'stale' }, b: { v: 2 } })).rejects.toThrow(/"a" due to eTag conflict/);
    const items = await s.read(['a', 'b']);
    expect([items.a.v, items.b.v]).toEqual([1, 2]);
  });

  test('a non-object item is refused with a clear error', async () => {
    await expect(open().write({ k: 'text' as unknown as object })).rejects.toThrow(/must be an object/);
  });

  test('ConversationState persists across turns and across a restart', async () => {
    const countTurns = async (storage: Storage, expectReply: string) => {
      const state = new ConversationState(storage);
      const turns = state.createProperty<number>('turns');
      const adapter = new TestAdapter(async (context) => {
        if (context.activity.type !== ActivityTypes.Message) return;
        const n = (await turns.get(context, 0)) + 1;
        await turns.set(context, n);
        await context.sendActivity(`tour ${n}`);
        await state.saveChanges(context);
      });
      await adapter.send('bonjour').assertReply(expectReply);
    };
    await countTurns(open(), 'tour 1');
    await store.close();
    const storage = open();
    await countTurns(storage, 'tour 2');
    const keys = (await store.collection<StoredItem>('botstate').find(() => true)).map((e) => e.key);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/conversations\//);
  });
});
