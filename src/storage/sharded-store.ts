// The embedded DocumentStore: lowdb files under a data directory, DATA_DIR/<collection>/<shard>.json.
// Keys are hashed (FNV-1a) over N shards per collection so that a write rewrites one small file, not the
// whole database (research §B.5: one 46 MB lowdb file takes ~400 ms per write at 50k conversations).
// Single process only: one Low instance per file, and this process must be the only writer of DATA_DIR.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { silentLogger, type Logger } from '../log.js';
import { ShardedCollection, type StoreHooks } from './sharded-collection.js';
import { writeFileAtomic } from './shard-file.js';
import { FileLogCollection } from './log-collection.js';
import { ShardCache } from './shard-cache.js';
import type { Collection, DocumentStore, LogCollection, LogOptions } from './types.js';

export { fnv1a } from './sharded-collection.js';

export interface ShardedFileStoreOptions {
  /**
   * Shards per new collection. 16384 keeps a bot-state shard near 3.5 KB at 50k finished diagnostics
   * (two keys each), so a write (compact JSON + fsync + rename) and a cache miss cost about what they cost
   * in an empty store (bench/store.ts: with 4096 shards, 14 KB shards made the state write p95 1.3x, 2.0x and
   * 2.6x the empty store's at 5k, 20k and 50k; with 16384, 1.4x, 1.2x and 1.2x — no growth with the data).
   * Transcripts are not keyed documents: they are logs (log-collection.ts).
   * Shard files are created on first write only. The count is recorded in `<collection>/_meta.json`
   * when the collection is created; an existing collection keeps its own.
   */
  shards?: number;
  logger?: Logger;
  /**
   * For tools that read the data of a running server (reports): never touches the files (no _meta.json,
   * no temp-file cleanup, a corrupt shard is skipped, not moved aside) and every write rejects.
   * Each shard is read once, on first use: the tool sees a snapshot, not later writes.
   */
  readOnly?: boolean;
  /**
   * Memory for loaded shards, in bytes of their files, for the whole store (default 16 MB). Beyond it
   * the least recently used idle shards are dropped and read again on next use.
   */
  cacheBytes?: number;
}

export const DEFAULT_SHARDS = 16384;
export const DEFAULT_CACHE_BYTES = 16 * 1024 * 1024;
const COLLECTION_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/;

export function assertCollectionName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name) || WINDOWS_DEVICE.test(name)) {
    throw new TypeError(`[ShardedFileStore] invalid collection name ${JSON.stringify(name)} (expected [a-z0-9][a-z0-9_-]{0,63})`);
  }
}

/** Directories opened by a live store in this process: a second Low on the same file loses updates. */
const openDirs = new Set<string>();

export class ShardedFileStore implements DocumentStore, StoreHooks {
  readonly dir: string;
  private readonly shardsPerCollection: number;
  private readonly logger: Logger;
  readonly readOnly: boolean;
  readonly cache: ShardCache;
  private readonly collections = new Map<string, ShardedCollection<unknown>>();
  private readonly logs = new Map<string, FileLogCollection<unknown, unknown>>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly bootId = randomBytes(4).toString('hex');
  private seq = 0;
  private closed = false;

  constructor(dir: string, options: ShardedFileStoreOptions = {}) {
    const shards = options.shards ?? DEFAULT_SHARDS;
    if (!Number.isInteger(shards) || shards < 1 || shards > 65536) {
      throw new RangeError('[ShardedFileStore] shards must be an integer between 1 and 65536');
    }
    this.dir = path.resolve(dir);
    this.readOnly = options.readOnly ?? false;
    if (!this.readOnly) {
      if (openDirs.has(this.dir)) throw new Error(`[ShardedFileStore] ${this.dir} is already open in this process`);
      openDirs.add(this.dir);
    }
    this.shardsPerCollection = shards;
    this.cache = new ShardCache(options.cacheBytes ?? DEFAULT_CACHE_BYTES);
    this.logger = options.logger ?? silentLogger;
  }

  collection<T>(name: string): Collection<T> {
    assertCollectionName(name);
    let c = this.collections.get(name);
    if (!c) {
      c = new ShardedCollection<unknown>(name, path.join(this.dir, name), this.shardsPerCollection, this.logger, this);
      this.collections.set(name, c);
    }
    return c as Collection<T>;
  }

  /**
   * Append-only logs in DATA_DIR/<name>.logs/ (a name no collection can have). A keyed collection of the
   * same name written by an earlier version is migrated on first use with `options.legacy`.
   */
  log<H, R>(name: string, options: LogOptions<H, R> = {}): LogCollection<H, R> {
    assertCollectionName(name);
    let l = this.logs.get(name);
    if (!l) {
      l = new FileLogCollection<H, R>(
        name,
        path.join(this.dir, `${name}.logs`),
        path.join(this.dir, name),
        this.logger,
        this,
        options,
      ) as FileLogCollection<unknown, unknown>;
      this.logs.set(name, l);
    }
    return l as LogCollection<H, R>;
  }

  /** Completed shard-file writes, for one collection or all (tests check coalescing with it). */
  fileWrites(collection?: string): number {
    let n = 0;
    for (const [name, c] of this.collections) if (collection === undefined || name === collection) n += c.fileWrites();
    return n;
  }

  async flush(): Promise<void> {
    // Loop: an operation that was waiting for its shard to load may schedule a write meanwhile.
    for (;;) {
      if (this.inFlight.size > 0) {
        await Promise.allSettled([...this.inFlight]);
        continue;
      }
      const busy = [...this.collections.values()].filter((c) => c.busy());
      if (busy.length === 0) return;
      await Promise.all(busy.map((c) => c.idle()));
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.flush();
    } finally {
      for (const c of this.collections.values()) c.release();
      await Promise.all([...this.logs.values()].map((l) => l.release()));
      if (!this.readOnly) openDirs.delete(this.dir);
    }
  }

  async healthy(): Promise<boolean> {
    if (this.closed) return false;
    if (this.readOnly)
      return fs.access(this.dir).then(
        () => true,
        () => false,
      );
    try {
      await fs.mkdir(this.dir, { recursive: true });
      const probe = path.join(this.dir, `.healthcheck-${process.pid}`);
      await writeFileAtomic(probe, new Date().toISOString());
      await fs.rm(probe, { force: true });
      return true;
    } catch (err) {
      this.logger.error('[ShardedFileStore] data directory is not writable', { code: (err as NodeJS.ErrnoException).code });
      return false;
    }
  }

  /** @internal A new eTag, unique across restarts (random boot id + counter). */
  nextETag(): string {
    return `${this.bootId}-${(++this.seq).toString(36)}`;
  }

  /** @internal Runs a collection operation, rejecting after close and letting flush() wait for it. */
  run<R>(op: () => Promise<R>): Promise<R> {
    if (this.closed) return Promise.reject(new Error('[ShardedFileStore] the store is closed'));
    const p = op();
    this.inFlight.add(p);
    const done = () => this.inFlight.delete(p);
    p.then(done, done);
    return p;
  }
}
