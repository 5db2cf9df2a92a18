// One collection of the ShardedFileStore: DATA_DIR/<collection>/_meta.json records the shard count and
// <shard>.json files hold the entries. Keys go to a shard by FNV-1a hash; each shard loads lazily and
// stays in the store's bounded cache (ShardCache) while used; scans read shards without keeping them.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log.js';
import { Shard } from './shard.js';
import { readTextIfExists, writeFileAtomic, type ShardData } from './shard-file.js';
import type { ShardCache } from './shard-cache.js';
import { ConcurrencyError, type Collection, type PutOptions, type Versioned } from './types.js';

const META_FILE = '_meta.json';
const STALE_TEMP = /\.json\.\d+\.\d+\.tmp$/;
const SCAN_BATCH = 8;

/** What a collection needs from its store. */
export interface StoreHooks {
  /** A new eTag, unique across restarts. */
  nextETag(): string;
  /** Runs an operation, rejecting after close and letting flush() wait for it. */
  run<R>(op: () => Promise<R>): Promise<R>;
  /** Never write to the directory (see ShardedFileStoreOptions.readOnly). */
  readonly readOnly: boolean;
  /** The loaded shards of the whole store, bounded in bytes. */
  readonly cache: ShardCache;
}

/** 32-bit FNV-1a over the key's UTF-8 bytes: stable across processes and versions. */
export function fnv1a(key: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(key, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function assertKey(key: unknown): asserts key is string {
  if (typeof key !== 'string') throw new TypeError('[ShardedFileStore] a key must be a string');
}

function serialise(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('[ShardedFileStore] value is not JSON-serialisable');
  return json;
}

export class ShardedCollection<T> implements Collection<T> {
  private shards: Array<Shard | undefined> = [];
  private opening: Promise<number> | undefined;

  constructor(
    readonly name: string,
    private readonly dir: string,
    private readonly defaultShards: number,
    private readonly logger: Logger,
    private readonly store: StoreHooks,
  ) {}

  get(key: string): Promise<T | undefined> {
    return this.store.run(async () => (await this.getVersionedNow(key))?.value);
  }

  getVersioned(key: string): Promise<Versioned<T> | undefined> {
    return this.store.run(() => this.getVersionedNow(key));
  }

  put(key: string, value: T, options: PutOptions = {}): Promise<string> {
    return this.store.run(async () => {
      assertKey(key);
      this.assertWritable();
      const json = serialise(value);
      return this.withShard(key, async (data, shard) => {
        // From here to persist() nothing awaits: the eTag check and the change are atomic in this process.
        const current = data.get(key);
        if (options.eTag && options.eTag !== '*' && (!current || current.eTag !== options.eTag)) {
          throw new ConcurrencyError(this.name, key);
        }
        const eTag = this.store.nextETag();
        data.set(key, { json, eTag });
        await shard.persist(data);
        return eTag;
      });
    });
  }

  update(key: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined> {
    return this.store.run(async () => {
      assertKey(key);
      this.assertWritable();
      return this.withShard(key, async (data, shard) => {
        // Read, change and set happen in one synchronous step, so concurrent updates of a key never
        // interleave (100 concurrent increments give +100); they then share the shard's next write.
        const current = data.get(key);
        const next = change(current ? (JSON.parse(current.json) as T) : undefined);
        if (typeof (next as { then?: unknown } | undefined)?.then === 'function') {
          throw new TypeError('[ShardedFileStore] update() needs a synchronous change function');
        }
        if (next === undefined) {
          if (!current) return undefined;
          data.delete(key);
        } else {
          data.set(key, { json: serialise(next), eTag: this.store.nextETag() });
        }
        await shard.persist(data);
        return next;
      });
    });
  }

  delete(key: string): Promise<boolean> {
    return this.store.run(async () => {
      assertKey(key);
      this.assertWritable();
      return this.withShard(key, async (data, shard) => {
        if (!data.delete(key)) return false;
        await shard.persist(data);
        return true;
      });
    });
  }

  find(predicate: (value: T, key: string) => boolean): Promise<Array<{ key: string; value: T }>> {
    return this.store.run(async () => {
      const out: Array<{ key: string; value: T }> = [];
      await this.scan((data) => {
        for (const [key, entry] of data) {
          const value = JSON.parse(entry.json) as T;
          if (predicate(value, key)) out.push({ key, value });
        }
      });
      return out;
    });
  }

  count(): Promise<number> {
    return this.store.run(async () => {
      let n = 0;
      await this.scan((data) => (n += data.size));
      return n;
    });
  }

  fileWrites(): number {
    return this.shards.reduce((n, s) => n + (s?.writes ?? 0), 0);
  }

  busy(): boolean {
    return this.shards.some((s) => s?.busy === true);
  }

  async idle(): Promise<void> {
    await Promise.all(this.shards.map((s) => s?.idle()));
  }

  release(): void {
    for (const s of this.shards) {
      if (!s) continue;
      s.release();
      this.store.cache.forget(s);
    }
  }

  private assertWritable(): void {
    if (this.store.readOnly) throw new Error(`[ShardedFileStore] collection "${this.name}" is read-only`);
  }

  private async getVersionedNow(key: string): Promise<Versioned<T> | undefined> {
    assertKey(key);
    return this.withShard(key, (data) => {
      const entry = data.get(key);
      return entry ? { value: JSON.parse(entry.json) as T, eTag: entry.eTag } : undefined;
    });
  }

  /** Runs `fn` on the key's shard, loaded and pinned (not evicted) until `fn` settles. */
  private async withShard<R>(key: string, fn: (data: ShardData, shard: Shard) => Promise<R> | R): Promise<R> {
    const shard = await this.shardFor(key);
    shard.pins++;
    try {
      return await fn(await shard.load(), shard);
    } finally {
      shard.pins--;
      this.store.cache.touch(shard);
    }
  }

  /**
   * Visits every shard's entries, SCAN_BATCH files at a time: loaded shards as they are, the others read
   * and dropped, so a full scan (a purge, a privacy request) never holds the whole collection.
   */
  private async scan(visit: (data: ShardData) => void): Promise<void> {
    const count = await this.open();
    // Shard files are created on first write: only those on disk (or loaded) are read.
    const present = new Set(await fs.readdir(this.dir).catch(() => [] as string[]));
    const shards = Array.from({ length: count }, (_, i) => this.shardAt(i, count)).filter(
      (s) => s.isLoaded || present.has(path.basename(s.file)),
    );
    for (let start = 0; start < shards.length; start += SCAN_BATCH) {
      for (const data of await Promise.all(shards.slice(start, start + SCAN_BATCH).map((s) => s.peek()))) visit(data);
    }
  }

  private async shardFor(key: string): Promise<Shard> {
    const count = await this.open();
    return this.shardAt(fnv1a(key) % count, count);
  }

  private shardAt(index: number, count: number): Shard {
    let shard = this.shards[index];
    if (!shard) {
      const file = path.join(this.dir, `${String(index).padStart(String(count - 1).length, '0')}.json`);
      shard = this.shards[index] = new Shard(file, this.logger, { collection: this.name, shard: index }, this.store.readOnly);
    }
    return shard;
  }

  /** Creates the directory, reads or records the shard count, removes temp files left by a crash. */
  private open(): Promise<number> {
    this.opening ??= this.openNow().catch((err: unknown) => {
      this.opening = undefined;
      throw err;
    });
    return this.opening;
  }

  private async openNow(): Promise<number> {
    const readOnly = this.store.readOnly;
    if (!readOnly) await fs.mkdir(this.dir, { recursive: true });
    const metaFile = path.join(this.dir, META_FILE);
    const text = await readTextIfExists(metaFile);
    let shards = this.defaultShards;
    if (text === null) {
      if (readOnly) return shards; // the collection was never written: every shard reads as empty
      await writeFileAtomic(metaFile, JSON.stringify({ format: 1, shards }));
    } else {
      const meta = (() => {
        try {
          return JSON.parse(text) as { shards?: unknown };
        } catch {
          return undefined;
        }
      })();
      if (!meta || !Number.isInteger(meta.shards) || (meta.shards as number) < 1) {
        throw new Error(`[ShardedFileStore] unreadable ${META_FILE} in collection "${this.name}": restore it before starting`);
      }
      shards = meta.shards as number;
      if (shards !== this.defaultShards) {
        this.logger.warn('[ShardedFileStore] collection keeps the shard count it was created with', {
          collection: this.name,
          shards,
          requested: this.defaultShards,
        });
      }
    }
    if (readOnly) return shards; // temp files may be the live server's writes in progress
    for (const name of await fs.readdir(this.dir)) {
      if (STALE_TEMP.test(name)) await fs.rm(path.join(this.dir, name), { force: true });
    }
    return shards;
  }
}
