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

export interface DocumentStore {
  collection<T>(name: string): Collection<T>;
  /** Writes every pending change to disk. */
  flush(): Promise<void>;
  /** Flushes and releases files. */
  close(): Promise<void>;
  /** True when the store can read and write (used by /healthz). */
  healthy(): Promise<boolean>;
}
