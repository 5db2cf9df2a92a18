// The edge adapter between botbuilder's `Storage` (read/write/delete of StoreItems) and one Collection of
// our DocumentStore. Same semantics and messages as botbuilder's MemoryStorage: an item's eTag absent or
// '*' overwrites, a missing item is written whatever the eTag, a stale eTag rejects with
// 'Storage: error writing "<key>" due to eTag conflict.'; items are cloned through JSON.
// The only file of src/storage that imports botbuilder.
import { randomBytes } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { Collection } from './types.js';

/** What we store: the item as botbuilder gave it, with the eTag we assigned. */
export type StoredItem = StoreItem & { eTag: string };

/** Sets `key` as an own property even when it is `__proto__` (plain assignment would re-prototype). */
function defineItem(target: StoreItems, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export class BotStorage implements Storage {
  private readonly bootId = randomBytes(4).toString('hex');
  private seq = 0;

  constructor(private readonly items: Collection<StoredItem>) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const found = await Promise.all(keys.map(async (key) => [key, await this.items.get(key)] as const));
    const data: StoreItems = {};
    for (const [key, item] of found) if (item !== undefined) defineItem(data, key, item);
    return data;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    // Like MemoryStorage, a conflict on one key does not stop the others from being written.
    const results = await Promise.allSettled(Object.keys(changes).map((key) => this.writeItem(key, changes[key])));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    await Promise.all(keys.map((key) => this.items.delete(key)));
  }

  private async writeItem(key: string, item: unknown): Promise<void> {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new TypeError(`Storage: error writing "${key}": the item must be an object.`);
    }
    // JSON clone (keeps an own `__proto__` key as data, unlike Object.assign) and catches values
    // that cannot be serialised before anything is stored.
    const clone = JSON.parse(JSON.stringify(item)) as StoredItem;
    const expected = (item as StoreItem).eTag as unknown;
    const eTag = `${this.bootId}-${(++this.seq).toString(36)}`;
    await this.items.update(key, (current) => {
      if (current && expected && expected !== '*' && current.eTag !== expected) {
        throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      }
      return Object.assign(clone, { eTag });
    });
  }
}
