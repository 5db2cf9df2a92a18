// The PostgreSQL DocumentStore (STORE=postgres, DATABASE_URL): every collection in one `documents` table,
// versioned migrations applied at start, transactions for privacy requests (export and erase of a
// person in one transaction), filters run as SQL (retention purges). Several instances may share it.
// The schema is the first one of the connection's search_path (add `?options=-c%20search_path%3Dname`
// to DATABASE_URL to use another than public).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { silentLogger, type Logger } from '../../log.js';
import { assertCollectionName } from '../sharded-store.js';
import { StoreUnavailableError, type Collection, type DocumentStore, type LogCollection } from '../types.js';
import { PostgresCollection, type PostgresHooks } from './collection.js';
import { Db } from './db.js';
import { PostgresLog } from './log.js';
import { migrate } from './migrate.js';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  logger?: Logger;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** Milliseconds to wait for a connection (default 5000). */
  connectTimeoutMs?: number;
}

/** PostgreSQL could not be reached (or migrated) at start: the server does not start. */
export class DatabaseUnreachableError extends Error {
  constructor(where: string, cause: unknown) {
    super(`PostgreSQL injoignable (${where}) : ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'DatabaseUnreachableError';
  }
}

const LOST = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * True when the database cannot take the work now (connection lost or refused, server shutting down,
 * disk full, too many connections): the request gets 503, not 500. SQLSTATE classes 08, 53 and 57P.
 */
export function isUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | undefined;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (LOST.has(code) || code.startsWith('08') || code.startsWith('53') || code.startsWith('57P')) return true;
  return (
    typeof e?.message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(e.message)
  );
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

export class PostgresStore implements DocumentStore {
  private readonly collections = new Map<string, PostgresCollection<unknown>>();
  private readonly logs = new Map<string, PostgresLog<unknown, unknown>>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly bootId = randomBytes(4).toString('hex');
  private seq = 0;
  private closed = false;
  private readonly hooks: PostgresHooks;

  private constructor(
    readonly db: Db,
    private readonly logger: Logger,
  ) {
    this.hooks = { db, nextETag: () => `${this.bootId}-${(++this.seq).toString(36)}`, run: (op) => this.run(op) };
  }

  /** Connects, applies the pending migrations and returns the store. */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const logger = options.logger ?? silentLogger;
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      application_name: 'virage',
    });
    // An idle connection dropped by the server must not crash the process: the pool replaces it.
    pool.on('error', (err) => logger.error('[postgres] idle connection lost', { error: err.message }));
    try {
      await migrate(pool, logger);
    } catch (err) {
      await pool.end().catch(() => undefined);
      if ((err as Error).name === 'MigrationError') throw err;
      throw new DatabaseUnreachableError(redactUrl(options.url), err);
    }
    return new PostgresStore(new Db(pool), logger);
  }

  collection<T>(name: string): Collection<T> {
    assertCollectionName(name);
    let c = this.collections.get(name);
    if (!c) this.collections.set(name, (c = new PostgresCollection<unknown>(name, this.hooks)));
    return c as Collection<T>;
  }

  /** Append-only logs in tables of their own (nothing to migrate from: `legacy` is for the file store). */
  log<H, R>(name: string): LogCollection<H, R> {
    assertCollectionName(name);
    let l = this.logs.get(name);
    if (!l) this.logs.set(name, (l = new PostgresLog<unknown, unknown>(name, this.hooks)));
    return l as LogCollection<H, R>;
  }

  /** Runs `fn` in one transaction (nested calls are savepoints): see Db.transaction. */
  transaction<R>(fn: () => Promise<R>): Promise<R> {
    return this.run(() => this.db.transaction(fn));
  }

  /** Every write is durable once its promise resolves; flush() only waits for operations in flight. */
  async flush(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flush();
    await this.db.pool.end();
  }

  async healthy(): Promise<boolean> {
    if (this.closed) return false;
    try {
      await this.db.pool.query('SELECT 1');
      return true;
    } catch (err) {
      this.logger.error('[postgres] health check failed', { error: (err as Error).message });
      return false;
    }
  }

  private run<R>(op: () => Promise<R>): Promise<R> {
    if (this.closed) return Promise.reject(new Error('[PostgresStore] the store is closed'));
    const p = op().catch((err: unknown) => {
      throw isUnavailable(err) ? new StoreUnavailableError('postgres', err) : err;
    });
    this.inFlight.add(p);
    const done = () => this.inFlight.delete(p);
    p.then(done, done);
    return p;
  }
}
