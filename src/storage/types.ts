// Storage contracts used by the whole domain. lowdb (src/storage/sharded-store.ts) implements them
// today; a PostgreSQL or Redis store can replace it later without touching dialogs or the domain.
// Keys and values are untrusted (they come from channels): implementations must use null-prototype
// maps or Map, never plain object property assignment with user-derived keys.

/** A stored value with its optimistic-concurrency tag. */
export interface Versioned<T> {
  value: T;
  eTag: string;
}

/** Thrown when a write carries an eTag that no longer matches the stored one. */
export class ConcurrencyError extends Error {
  constructor(
    readonly collection: string,
    readonly key: string,
  ) {
    super(`Storage: error writing "${key}" in "${collection}" due to eTag conflict.`);
    this.name = 'ConcurrencyError';
  }
}

/**
 * Thrown by a write whose document holds a value that must be unique and another document already holds
 * (PostgreSQL: a unique index, such as a handoff request's reference). Nothing was written.
 */
export class DuplicateValueError extends Error {
  constructor(
    readonly collection: string,
    readonly key: string,
    readonly constraint?: string,
  ) {
    super(`Storage: "${key}" in "${collection}" holds a value another document already holds${constraint ? ` (${constraint})` : ''}.`);
    this.name = 'DuplicateValueError';
  }
}

export interface PutOptions {
  /** Expected current eTag. Absent or '*' overwrites (last write wins), as botbuilder's MemoryStorage. */
  eTag?: string;
}

/** A keyed collection of JSON documents. Values must be JSON-serialisable. */
export interface Collection<T> {
  readonly name: string;
  get(key: string): Promise<T | undefined>;
  getVersioned(key: string): Promise<Versioned<T> | undefined>;
  /** Writes and resolves once the value is durable on disk; returns the new eTag. */
  put(key: string, value: T, options?: PutOptions): Promise<string>;
  /** Read-modify-write, serialised per key inside this process. Returning undefined deletes. */
  update(key: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined>;
  delete(key: string): Promise<boolean>;
  /** Every entry whose value matches (a full scan: for privacy requests, purges and admin lists). */
  find(predicate: (value: T, key: string) => boolean): Promise<Array<{ key: string; value: T }>>;
  count(): Promise<number>;
}

/**
 * Thrown by a write that the store could not make durable (full disk, read-only or failing device).
 * Nothing of that write stays in the store, in memory or on disk: the caller may retry it later.
 * HTTP routes answer 503.
 */
export class StoreUnavailableError extends Error {
  readonly code: string | undefined;
  constructor(collection: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    super(`Storage: write to "${collection}" failed${code ? ` (${code})` : ''}; nothing was kept.`);
    this.name = 'StoreUnavailableError';
    this.code = code;
  }
}

/**
 * Append-only logs, one per key: a header written once, then records in order (a conversation's
 * transcript). An append costs the same whatever the log's length or the number of logs.
 */
export interface LogCollection<H, R> {
  readonly name: string;
  /** Creates the log with `header` unless it exists; returns the stored header and whether this call created it. */
  open(key: string, header: H, at?: Date): Promise<{ header: H; created: boolean }>;
  /** The header only (cheap), or undefined when the log does not exist. */
  head(key: string): Promise<H | undefined>;
  /** The header and every record in order, or undefined. */
  read(key: string): Promise<{ header: H; records: R[] } | undefined>;
  /**
   * The last record (undefined when none) and the log's size in bytes, without reading the whole log.
   * Optional: without it, callers read the whole log once per key.
   */
  tail?(key: string): Promise<{ last: R | undefined; bytes: number } | undefined>;
  /** Appends durably, in order; false (nothing written) when the log does not exist. A failed append leaves nothing. */
  append(key: string, records: R[], at?: Date): Promise<boolean>;
  /** Replaces every record at once, atomically (compaction); false when the log does not exist. */
  rewrite(key: string, records: R[], at?: Date): Promise<boolean>;
  delete(key: string): Promise<boolean>;
  /**
   * Visits every log with its header and the time of its last write (`at` of the last open, append
   * or rewrite), one at a time: memory stays bounded whatever the number of logs.
   */
  scan(visit: (key: string, header: H, updatedAt: Date) => Promise<void> | void): Promise<void>;
}

export interface LogOptions<H, R> {
  /** Converts a document of a former keyed collection of the same name (lowdb migrates on first use). */
  legacy?: (value: unknown, key: string) => { header: H; records: R[]; updatedAt: Date } | undefined;
}

export interface DocumentStore {
  collection<T>(name: string): Collection<T>;
  log<H, R>(name: string, options?: LogOptions<H, R>): LogCollection<H, R>;
  /** Writes every pending change to disk. */
  flush(): Promise<void>;
  /** Flushes and releases files. */
  close(): Promise<void>;
  /** True when the store can read and write (used by /healthz). */
  healthy(): Promise<boolean>;
}
