// An in-memory DocumentStore with the same semantics as the file store (eTags, JSON cloning).
// For unit tests of the domain only; the product and the integration tests use the file store.
import { CollectionLog, type LogDoc } from './collection-log.js';
import { ConcurrencyError, type Collection, type DocumentStore, type LogCollection, type PutOptions, type Versioned } from './types.js';

function serialise(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('[MemoryStore] value is not JSON-serialisable');
  return json;
}

class MemoryCollection<T> implements Collection<T> {
  private readonly items = new Map<string, { json: string; eTag: number }>();
  private seq = 0;
  constructor(readonly name: string) {}

  async get(key: string): Promise<T | undefined> {
    return (await this.getVersioned(key))?.value;
  }
  async getVersioned(key: string): Promise<Versioned<T> | undefined> {
    const item = this.items.get(key);
    return item ? { value: JSON.parse(item.json) as T, eTag: String(item.eTag) } : undefined;
  }
  async put(key: string, value: T, options: PutOptions = {}): Promise<string> {
    const current = this.items.get(key);
    if (options.eTag && options.eTag !== '*' && (!current || String(current.eTag) !== options.eTag)) {
      throw new ConcurrencyError(this.name, key);
    }
    const eTag = ++this.seq;
    this.items.set(key, { json: serialise(value), eTag });
    return String(eTag);
  }
  /** Read, change and write in one synchronous step: concurrent updates never interleave. */
  async update(key: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined> {
    const item = this.items.get(key);
    const next = change(item ? (JSON.parse(item.json) as T) : undefined);
    if (next === undefined) this.items.delete(key);
    else this.items.set(key, { json: serialise(next), eTag: ++this.seq });
    return next;
  }
  async delete(key: string): Promise<boolean> {
    return this.items.delete(key);
  }
  async find(predicate: (value: T, key: string) => boolean): Promise<Array<{ key: string; value: T }>> {
    const out: Array<{ key: string; value: T }> = [];
    for (const [key, item] of this.items) {
      const value = JSON.parse(item.json) as T;
      if (predicate(value, key)) out.push({ key, value });
    }
    return out;
  }
  async count(): Promise<number> {
    return this.items.size;
  }
}

export class MemoryStore implements DocumentStore {
  private readonly collections = new Map<string, MemoryCollection<unknown>>();
  collection<T>(name: string): Collection<T> {
    let c = this.collections.get(name);
    if (!c) this.collections.set(name, (c = new MemoryCollection<unknown>(name)));
    return c as Collection<T>;
  }
  /** Logs as one document per key, in a collection apart from the keyed ones. */
  log<H, R>(name: string): LogCollection<H, R> {
    return new CollectionLog<H, R>(this.collection<LogDoc<H, R>>(`${name}.logs`));
  }
  async flush(): Promise<void> {}
  async close(): Promise<void> {}
  async healthy(): Promise<boolean> {
    return true;
  }
}
