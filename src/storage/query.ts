// Declarative filters on one top-level string field of a document, so that a database store can run
// privacy lookups and retention purges as queries (PostgreSQL: an indexed WHERE / DELETE) while the
// embedded stores answer the same filter with a scan. Callers use findWhere()/deleteWhere() below,
// never the optional methods directly.
import type { Collection, LogCollection } from './types.js';

/** `field` equals, is before (<) or at most (<=) the given string (plain code-unit order, as JS). */
export type Where = { field: string; equals: string } | { field: string; before: string } | { field: string; atMost: string };

/** A collection that runs filters itself (PostgresCollection). */
export interface QueryableCollection<T> extends Collection<T> {
  findWhere(where: Where): Promise<Array<{ key: string; value: T }>>;
  /** Deletes the matching documents; returns their keys. */
  deleteWhere(where: Where): Promise<string[]>;
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function assertWhere(where: Where): void {
  if (!FIELD.test(where.field)) throw new TypeError(`[store] invalid filter field ${JSON.stringify(where.field)}`);
}

/** The filter as a predicate on a document (the reference semantics every store must match). */
export function matches(value: unknown, where: Where): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = Object.prototype.hasOwnProperty.call(value, where.field) ? (value as Record<string, unknown>)[where.field] : undefined;
  if (typeof v !== 'string') return false;
  if ('equals' in where) return v === where.equals;
  if ('before' in where) return v < where.before;
  return v <= where.atMost;
}

function isQueryable<T>(c: Collection<T>): c is QueryableCollection<T> {
  const q = c as Partial<QueryableCollection<T>>;
  return typeof q.findWhere === 'function' && typeof q.deleteWhere === 'function';
}

/** Every document matching the filter. */
export async function findWhere<T>(c: Collection<T>, where: Where): Promise<Array<{ key: string; value: T }>> {
  assertWhere(where);
  if (isQueryable(c)) return c.findWhere(where);
  return c.find((value) => matches(value, where));
}

/** Deletes every document matching the filter; returns the deleted keys. */
export async function deleteWhere<T>(c: Collection<T>, where: Where): Promise<string[]> {
  assertWhere(where);
  if (isQueryable(c)) return c.deleteWhere(where);
  const deleted: string[] = [];
  for (const { key } of await c.find((value) => matches(value, where))) if (await c.delete(key)) deleted.push(key);
  return deleted;
}

/** A log collection that finds expired logs itself (PostgresLog: an indexed query). */
interface QueryableLog {
  keysUpdatedBefore(cutoff: Date): Promise<string[]>;
}

/** The keys of the logs last written before `cutoff` (retention purges). */
export async function logKeysUpdatedBefore<H, R>(log: LogCollection<H, R>, cutoff: Date): Promise<string[]> {
  const q = log as LogCollection<H, R> & Partial<QueryableLog>;
  if (typeof q.keysUpdatedBefore === 'function') return q.keysUpdatedBefore(cutoff);
  const keys: string[] = [];
  await log.scan((key, _header, updatedAt) => {
    if (updatedAt.getTime() < cutoff.getTime()) keys.push(key);
  });
  return keys;
}
