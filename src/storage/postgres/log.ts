// Append-only logs on PostgreSQL (the LogCollection of types.ts): a `logs` row per key (header, time of
// the last write) and one `log_records` row per record, in insertion order. An append inserts its records
// and touches the header in one transaction: its cost does not grow with the log's length.
import type { LogCollection } from '../types.js';
import { encode } from './collection.js';
import type { PostgresHooks } from './collection.js';

const PAGE = 200;

function assertKey(key: unknown): asserts key is string {
  if (typeof key !== 'string') throw new TypeError('[PostgresStore] a key must be a string');
}

function serialise(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('[PostgresStore] value is not JSON-serialisable');
  return json;
}

export class PostgresLog<H, R> implements LogCollection<H, R> {
  constructor(
    readonly name: string,
    private readonly hooks: PostgresHooks,
  ) {}

  open(key: string, header: H, at = new Date()): Promise<{ header: H; created: boolean }> {
    return this.hooks.run(async () => {
      assertKey(key);
      const { db } = this.hooks;
      for (;;) {
        const inserted = await db.query(
          `INSERT INTO logs (collection, id, key, header, updated_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (collection, id) DO NOTHING`,
          [this.name, encode(key), JSON.stringify(key), serialise(header), at],
        );
        if (inserted.rowCount === 1) return { header: JSON.parse(serialise(header)) as H, created: true };
        const stored = await this.headNow(key);
        if (stored !== undefined) return { header: stored, created: false };
        // Deleted between the two statements: try again.
      }
    });
  }

  head(key: string): Promise<H | undefined> {
    return this.hooks.run(() => this.headNow(key));
  }

  read(key: string): Promise<{ header: H; records: R[] } | undefined> {
    return this.hooks.run(async () => {
      assertKey(key);
      // One statement: the header and the records of one snapshot.
      const { rows } = await this.hooks.db.query<{ header: string; body: string | null }>(
        `SELECT l.header, r.body FROM logs l LEFT JOIN log_records r ON r.collection = l.collection AND r.id = l.id
         WHERE l.collection = $1 AND l.id = $2 ORDER BY r.seq`,
        [this.name, encode(key)],
      );
      if (rows.length === 0) return undefined;
      const records = rows.filter((r) => r.body !== null).map((r) => JSON.parse(r.body!) as R);
      return { header: JSON.parse(rows[0]!.header) as H, records };
    });
  }

  append(key: string, records: R[], at = new Date()): Promise<boolean> {
    return this.hooks.run(() => this.write(key, records, at, false));
  }

  rewrite(key: string, records: R[], at = new Date()): Promise<boolean> {
    return this.hooks.run(() => this.write(key, records, at, true));
  }

  delete(key: string): Promise<boolean> {
    return this.hooks.run(async () => {
      assertKey(key);
      const { rowCount } = await this.hooks.db.query('DELETE FROM logs WHERE collection = $1 AND id = $2', [this.name, encode(key)]);
      return (rowCount ?? 0) > 0;
    });
  }

  scan(visit: (key: string, header: H, updatedAt: Date) => Promise<void> | void): Promise<void> {
    return this.hooks.run(async () => {
      let after: string | null = null;
      for (;;) {
        const { rows }: { rows: Array<{ id: string; key: string; header: string; updated_at: Date }> } = await this.hooks.db.query(
          `SELECT id, key, header, updated_at FROM logs WHERE collection = $1 AND ($2::text IS NULL OR id > $2) ORDER BY id LIMIT ${PAGE}`,
          [this.name, after],
        );
        for (const row of rows) await visit(JSON.parse(row.key) as string, JSON.parse(row.header) as H, row.updated_at);
        if (rows.length < PAGE) return;
        after = rows[rows.length - 1]!.id;
      }
    });
  }

  /** The keys of the logs last written before `cutoff` (index logs_updated). */
  keysUpdatedBefore(cutoff: Date): Promise<string[]> {
    return this.hooks.run(async () => {
      const { rows } = await this.hooks.db.query<{ key: string }>('SELECT key FROM logs WHERE collection = $1 AND updated_at < $2', [
        this.name,
        cutoff,
      ]);
      return rows.map((r) => JSON.parse(r.key) as string);
    });
  }

  private async headNow(key: string): Promise<H | undefined> {
    assertKey(key);
    const { rows } = await this.hooks.db.query<{ header: string }>('SELECT header FROM logs WHERE collection = $1 AND id = $2', [
      this.name,
      encode(key),
    ]);
    return rows[0] ? (JSON.parse(rows[0].header) as H) : undefined;
  }

  /** Touches the header (false when the log does not exist) and writes the records, atomically. */
  private async write(key: string, records: R[], at: Date, replace: boolean): Promise<boolean> {
    assertKey(key);
    const { db } = this.hooks;
    const params = [this.name, encode(key), at, records.map(serialise)];
    // One statement (one round trip): the header update and the inserts stand or fall together.
    const appendSql = `WITH touched AS (UPDATE logs SET updated_at = $3 WHERE collection = $1 AND id = $2 RETURNING id),
      added AS (INSERT INTO log_records (collection, id, body)
        SELECT $1, t.id, r.body FROM touched t, unnest($4::text[]) WITH ORDINALITY AS r(body, n) ORDER BY r.n)
      SELECT count(*)::int AS n FROM touched`;
    if (!replace) return (await db.query<{ n: number }>(appendSql, params)).rows[0]!.n > 0;
    return db.atomically(async () => {
      await db.query('DELETE FROM log_records WHERE collection = $1 AND id = $2', params.slice(0, 2));
      return (await db.query<{ n: number }>(appendSql, params)).rows[0]!.n > 0;
    });
  }
}
