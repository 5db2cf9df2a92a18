// A LogCollection kept as one document per key in a Collection: for stores where a document update is
// cheap (the memory store; a database row). The file store has its own append-only files (log-collection.ts).
import type { Collection, LogCollection } from './types.js';

export interface LogDoc<H, R> {
  header: H;
  records: R[];
  updatedAt: string;
}

export class CollectionLog<H, R> implements LogCollection<H, R> {
  readonly name: string;
  constructor(private readonly docs: Collection<LogDoc<H, R>>) {
    this.name = docs.name;
  }

  async open(key: string, header: H, at = new Date()): Promise<{ header: H; created: boolean }> {
    let created = false;
    const doc = await this.docs.update(key, (current) => {
      if (current) return current;
      created = true;
      return { header, records: [], updatedAt: at.toISOString() };
    });
    return { header: doc!.header, created };
  }

  async head(key: string): Promise<H | undefined> {
    return (await this.docs.get(key))?.header;
  }

  async read(key: string): Promise<{ header: H; records: R[] } | undefined> {
    const doc = await this.docs.get(key);
    return doc ? { header: doc.header, records: doc.records } : undefined;
  }

  async tail(key: string): Promise<{ last: R | undefined; bytes: number } | undefined> {
    const doc = await this.docs.get(key);
    return doc ? { last: doc.records[doc.records.length - 1], bytes: JSON.stringify(doc.records).length } : undefined;
  }

  async append(key: string, records: R[], at = new Date()): Promise<boolean> {
    const doc = await this.docs.update(
      key,
      (current) => current && { ...current, records: [...current.records, ...records], updatedAt: at.toISOString() },
    );
    return doc !== undefined;
  }

  async rewrite(key: string, records: R[], at = new Date()): Promise<boolean> {
    const doc = await this.docs.update(key, (current) => current && { ...current, records, updatedAt: at.toISOString() });
    return doc !== undefined;
  }

  delete(key: string): Promise<boolean> {
    return this.docs.delete(key);
  }

  async scan(visit: (key: string, header: H, updatedAt: Date) => Promise<void> | void): Promise<void> {
    for (const { key, value } of await this.docs.find(() => true)) await visit(key, value.header, new Date(value.updatedAt));
  }
}
