// One collection of the PostgresStore: rows of the `documents` table (see migrations.ts for the columns).
// eTags follow the other stores: a write with a stale eTag (or a specific eTag on a missing key) is a
// ConcurrencyError; '*' or no eTag overwrites. update() locks the row (SELECT … FOR UPDATE), so concurrent
// writers — in this process or another instance — never lose an update.
import { createHash } from 'node:crypto';
import { matches, type QueryableCollection, type Where } from '../query.js';
import { ConcurrencyError, DuplicateValueError, type PutOptions, type Versioned } from '../types.js';
import type { Db } from './db.js';

const PAGE = 500;
const MAX_PLAIN_BYTES = 512;
const ENCODED = '\uffff';

/** What a collection needs from its store. */
export interface PostgresHooks {
  db: Db;
  nextETag(): string;
  run<R>(op: () => Promise<R>): Promise<R>;
}

function assertKey(key: unknown): asserts key is string {
  if (typeof key !== 'string') throw new TypeError('[PostgresStore] a key must be a string');
}

const UNSTORABLE = /[\0\p{Cs}]/u; // NUL and lone surrogates: PostgreSQL text cannot hold them
const plain = (s: string) => !UNSTORABLE.test(s) && !s.startsWith(ENCODED) && Buffer.byteLength(s) <= MAX_PLAIN_BYTES;

/**
 * A string as PostgreSQL can store and index it, one-to-one: itself when it is short and storable,
 * else U+FFFF + its JSON form (which escapes NUL and lone surrogates) or, when long, U+FFFF# + SHA-256.
 * Encoded forms sort after every plain string below U+10000: order filters see them as « very late ».
 */
export function encode(s: string): string {
  if (plain(s)) return s;
  const json = JSON.stringify(s);
  if (Buffer.byteLength(json) <= MAX_PLAIN_BYTES) return ENCODED + json;
  return `${ENCODED}#${createHash('sha256').update(json).digest('hex')}`;
}

/** A unique index other than the primary key refused the write (SQLSTATE 23505): DuplicateValueError. */
function duplicate(collection: string, key: string): (err: unknown) => never {
  return (err) => {
    const e = err as { code?: unknown; constraint?: unknown } | undefined;
    if (e?.code === '23505' && typeof e.constraint === 'string' && e.constraint !== 'documents_pkey')
      throw new DuplicateValueError(collection, key, e.constraint);
    throw err;
  };
}

function serialise(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('[PostgresStore] value is not JSON-serialisable');
  return json;
}

/** The document's top-level strings, encoded: what SQL filters and indexes see. */
function props(value: unknown): string {
  const out: Record<string, string> = {};
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && plain(k))
        Object.defineProperty(out, k, { value: encode(v), enumerable: true, writable: true, configurable: true });
    }
  }
  return JSON.stringify(out);
}

/** The SQL condition for a filter on `props` ($2 is the compared string). */
function condition(where: Where): string {
  const field = `(props->>'${where.field}')`; // field checked by assertWhere (letters, digits, _)
  if ('equals' in where) return `${field} = $2`;
  return `${field} COLLATE "C" ${'before' in where ? '<' : '<='} $2`;
}

const whereValue = (where: Where) => ('equals' in where ? encode(where.equals) : 'before' in where ? where.before : where.atMost);
/** Order filters on strings SQL would not compare as JS does run as a scan. */
const scanned = (where: Where) => !('equals' in where) && !plain(whereValue(where));

export class PostgresCollection<T> implements QueryableCollection<T> {
  private readonly db: Db;

  constructor(
    readonly name: string,
    private readonly hooks: PostgresHooks,
  ) {
    this.db = hooks.db;
  }

  get(key: string): Promise<T | undefined> {
    return this.hooks.run(async () => (await this.getVersionedNow(key))?.value);
  }

  getVersioned(key: string): Promise<Versioned<T> | undefined> {
    return this.hooks.run(() => this.getVersionedNow(key));
  }

  put(key: string, value: T, options: PutOptions = {}): Promise<string> {
    return this.hooks.run(() => this.putNow(key, value, options).catch(duplicate(this.name, key)));
  }

  private async putNow(key: string, value: T, options: PutOptions): Promise<string> {
    assertKey(key);
    const body = serialise(value);
    const eTag = this.hooks.nextETag();
    if (options.eTag && options.eTag !== '*') {
      const { rowCount } = await this.db.query(
        `UPDATE documents SET body = $3, props = $4::jsonb, etag = $5, updated_at = now()
         WHERE collection = $1 AND id = $2 AND etag = $6`,
        [this.name, encode(key), body, props(value), eTag, options.eTag],
      );
      if (rowCount === 0) throw new ConcurrencyError(this.name, key);
      return eTag;
    }
    await this.db.query(
      `INSERT INTO documents (collection, id, key, body, props, etag) VALUES ($1, $2, $3, $4, $5::jsonb, $6)
       ON CONFLICT (collection, id) DO UPDATE SET body = EXCLUDED.body, props = EXCLUDED.props, etag = EXCLUDED.etag, updated_at = now()`,
      [this.name, encode(key), JSON.stringify(key), body, props(value), eTag],
    );
    return eTag;
  }

  update(key: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined> {
    return this.hooks.run(() => this.updateNow(key, change).catch(duplicate(this.name, key)));
  }

  private async updateNow(key: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined> {
    assertKey(key);
    const id = encode(key);
    for (;;) {
      const outcome = await this.db.atomically(async () => {
        const { rows } = await this.db.query<{ body: string }>('SELECT body FROM documents WHERE collection = $1 AND id = $2 FOR UPDATE', [
          this.name,
          id,
        ]);
        const current = rows[0] ? (JSON.parse(rows[0].body) as T) : undefined;
        const next = change(current);
        if (typeof (next as { then?: unknown } | undefined)?.then === 'function') {
          throw new TypeError('[PostgresStore] update() needs a synchronous change function');
        }
        if (next === undefined) {
          if (current !== undefined) await this.db.query('DELETE FROM documents WHERE collection = $1 AND id = $2', [this.name, id]);
          return { done: true as const, next };
        }
        const body = serialise(next);
        const params = [this.name, id, body, props(next), this.hooks.nextETag()];
        if (current !== undefined) {
          await this.db.query(
            'UPDATE documents SET body = $3, props = $4::jsonb, etag = $5, updated_at = now() WHERE collection = $1 AND id = $2',
            params,
          );
          return { done: true as const, next };
        }
        // A concurrent writer may create the row meanwhile: then read it again (and lock it) and retry.
        const { rowCount } = await this.db.query(
          `INSERT INTO documents (collection, id, body, props, etag, key) VALUES ($1, $2, $3, $4::jsonb, $5, $6)
           ON CONFLICT (collection, id) DO NOTHING`,
          [...params, JSON.stringify(key)],
        );
        return { done: rowCount === 1, next };
      });
      if (outcome.done) return outcome.next;
    }
  }

  delete(key: string): Promise<boolean> {
    return this.hooks.run(async () => {
      assertKey(key);
      const { rowCount } = await this.db.query('DELETE FROM documents WHERE collection = $1 AND id = $2', [this.name, encode(key)]);
      return (rowCount ?? 0) > 0;
    });
  }

  /** A full scan, read PAGE rows at a time (keyset pagination), so memory stays bounded per page. */
  find(predicate: (value: T, key: string) => boolean): Promise<Array<{ key: string; value: T }>> {
    return this.hooks.run(async () => {
      const out: Array<{ key: string; value: T }> = [];
      let after: string | null = null;
      for (;;) {
        const { rows }: { rows: Array<{ id: string; key: string; body: string }> } = await this.db.query(
          `SELECT id, key, body FROM documents WHERE collection = $1 AND ($2::text IS NULL OR id > $2) ORDER BY id LIMIT ${PAGE}`,
          [this.name, after],
        );
        for (const row of rows) {
          const key = JSON.parse(row.key) as string;
          const value = JSON.parse(row.body) as T;
          if (predicate(value, key)) out.push({ key, value });
        }
        if (rows.length < PAGE) return out;
        after = rows[rows.length - 1]!.id;
      }
    });
  }

  count(): Promise<number> {
    return this.hooks.run(async () => {
      const { rows } = await this.db.query<{ n: string }>('SELECT count(*) AS n FROM documents WHERE collection = $1', [this.name]);
      return Number(rows[0]!.n);
    });
  }

  findWhere(where: Where): Promise<Array<{ key: string; value: T }>> {
    if (scanned(where)) return this.find((value) => matches(value, where));
    return this.hooks.run(async () => {
      const { rows } = await this.db.query<{ key: string; body: string }>(
        `SELECT key, body FROM documents WHERE collection = $1 AND ${condition(where)} ORDER BY id`,
        [this.name, whereValue(where)],
      );
      // Exact for equality; for order filters, encoded (long or odd) strings are left to this check.
      return rows.map((r) => ({ key: JSON.parse(r.key) as string, value: JSON.parse(r.body) as T })).filter((e) => matches(e.value, where));
    });
  }

  /** SQL compares in UTF-8 byte order: the same as JS below U+E000 (ISO dates, ids). */
  deleteWhere(where: Where): Promise<string[]> {
    if (scanned(where)) return this.deleteScanned(where);
    return this.hooks.run(async () => {
      const { rows } = await this.db.query<{ key: string }>(
        `DELETE FROM documents WHERE collection = $1 AND ${condition(where)} RETURNING key`,
        [this.name, whereValue(where)],
      );
      return rows.map((r) => JSON.parse(r.key) as string);
    });
  }

  private async deleteScanned(where: Where): Promise<string[]> {
    const deleted: string[] = [];
    for (const { key } of await this.find((value) => matches(value, where))) if (await this.delete(key)) deleted.push(key);
    return deleted;
  }

  private async getVersionedNow(key: string): Promise<Versioned<T> | undefined> {
    assertKey(key);
    const { rows } = await this.db.query<{ body: string; etag: string }>(
      'SELECT body, etag FROM documents WHERE collection = $1 AND id = $2',
      [this.name, encode(key)],
    );
    return rows[0] ? { value: JSON.parse(rows[0].body) as T, eTag: rows[0].etag } : undefined;
  }
}
