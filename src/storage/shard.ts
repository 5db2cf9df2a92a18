// One shard: one lowdb `Low` instance on one file, loaded lazily, with coalesced and serialised writes.
// Mutations are applied to the in-memory Map synchronously by the caller, then `persist()` is awaited:
// every caller that mutated before a write starts shares that write, and one write runs at a time.
// A write that fails (full disk…) is rolled back: the Map is restored from the file, and every caller
// whose change is undone gets StoreUnavailableError, so nothing refused is written later.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import type { Logger } from '../log.js';
import { CorruptShardError, ShardFileAdapter, type ShardData } from './shard-file.js';
import type { Cacheable } from './shard-cache.js';
import { StoreUnavailableError } from './types.js';

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A file-system-safe timestamp such as 20250131T235959123Z (no ':' so it also works on Windows). */
function stamp(): string {
  return new Date().toISOString().replace(/[-:.]/g, '');
}

export class Shard implements Cacheable {
  /** Operations holding this shard's data (between load and persist): it is not evicted meanwhile. */
  pins = 0;
  private readonly adapter: ShardFileAdapter;
  private readonly low: Low<ShardData>;
  private loading: Promise<ShardData> | undefined;
  private loaded: ShardData | undefined;
  /** The batch waiting for the next write (callers that mutated since the current write started). */
  private pending: Deferred | undefined;
  /** The write loop, while it runs. */
  private running: Promise<void> | undefined;

  constructor(
    readonly file: string,
    private readonly logger: Logger,
    private readonly label: { collection: string; shard: number },
    private readonly readOnly = false,
  ) {
    this.adapter = new ShardFileAdapter(file);
    this.low = new Low<ShardData>(this.adapter, new Map());
  }

  /** Completed file writes of this shard (tests check that writes are coalesced). */
  get writes(): number {
    return this.adapter.writes;
  }

  /** True while a write runs or is queued. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Approximate size in memory: the length of the file last read or written. */
  get bytes(): number {
    return this.loaded ? this.adapter.bytes : 0;
  }

  get isLoaded(): boolean {
    return this.loaded !== undefined;
  }

  evictable(): boolean {
    return this.loaded !== undefined && this.running === undefined && this.pins === 0;
  }

  /**
   * The entries for a scan: the loaded Map when there is one, else read from the file and not kept
   * (a full scan never fills memory). A corrupt file goes through load() and is quarantined.
   */
  async peek(): Promise<ShardData> {
    if (this.loaded) return this.loaded;
    if (this.loading) return this.loading;
    try {
      return (await this.adapter.read()) ?? new Map();
    } catch (err) {
      if (err instanceof CorruptShardError) return this.load();
      throw err;
    }
  }

  /** The shard's entries, read from disk on first use. A corrupt file is quarantined: the shard starts empty. */
  load(): Promise<ShardData> {
    if (this.loaded) return Promise.resolve(this.loaded);
    this.loading ??= this.readOrQuarantine().then(
      (data) => (this.loaded = data),
      (err: unknown) => {
        this.loading = undefined; // an I/O error (not corruption) is retried on the next call
        throw err;
      },
    );
    return this.loading;
  }

  private async readOrQuarantine(): Promise<ShardData> {
    try {
      await this.low.read();
      return this.low.data;
    } catch (err) {
      if (!(err instanceof CorruptShardError)) throw err;
      if (this.readOnly) {
        this.logger.error('[ShardedFileStore] corrupt shard file skipped (read-only store)', { ...this.label, reason: err.message });
        this.low.data = new Map();
        return this.low.data;
      }
      // Never delete: move the file aside so a person can inspect or repair it, and carry on empty.
      // If the rename fails we rethrow: starting empty would let the next write destroy the file.
      const aside = `${this.file}.corrupt-${stamp()}`;
      await fs.rename(this.file, aside);
      this.logger.error('[ShardedFileStore] corrupt shard file moved aside; shard starts empty', {
        ...this.label,
        reason: err.message,
        movedTo: path.basename(aside),
      });
      this.low.data = new Map();
      return this.low.data;
    }
  }

  /**
   * Writes the current state of the shard. Resolves once a write that started after this call is on
   * disk; calls made before that write starts share it (coalescing). One write runs at a time.
   */
  persist(data: ShardData): Promise<void> {
    // A Map this shard no longer holds (dropped after a failed roll-back) must never be taken for written.
    if (data !== this.loaded) return Promise.reject(new StoreUnavailableError(this.label.collection, undefined));
    if (!this.pending) {
      this.pending = deferred();
      this.running ??= this.writeLoop();
    }
    return this.pending.promise;
  }

  private async writeLoop(): Promise<void> {
    // Coalescing window: let every mutation queued in this turn of the event loop join the first write.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.pending) {
      const batch = this.pending;
      this.pending = undefined;
      if (!this.loaded) {
        batch.reject(new StoreUnavailableError(this.label.collection, undefined));
        continue;
      }
      try {
        this.low.data = this.loaded;
        await this.low.write();
        batch.resolve();
      } catch (err) {
        this.logger.error('[ShardedFileStore] shard write failed; its changes are rolled back', {
          ...this.label,
          code: (err as NodeJS.ErrnoException).code,
        });
        const refused = new StoreUnavailableError(this.label.collection, err);
        await this.rollBack(refused); // before answering: a caller told of the failure sees the rolled-back state
        batch.reject(refused);
      }
    }
    this.running = undefined;
  }

  /**
   * Undoes every change that is not on disk: the failed batch's and those made since (their callers
   * are refused too). The Map keeps its identity and gets the file's content back; when the file
   * cannot be read, the Map is dropped and read again on next use.
   */
  private async rollBack(refused: StoreUnavailableError): Promise<void> {
    let disk: ShardData | null | undefined;
    try {
      disk = await this.adapter.read();
    } catch {
      disk = undefined;
    }
    const later = this.pending;
    this.pending = undefined;
    later?.reject(refused);
    const data = this.loaded;
    if (data && disk !== undefined) {
      data.clear();
      for (const [key, entry] of disk ?? []) data.set(key, entry);
    } else {
      this.release();
    }
  }

  /** Resolves when no write is running or queued. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Drops the in-memory copy (after close, or evicted from the cache when idle). */
  release(): void {
    this.loaded = undefined;
    this.loading = undefined;
    this.low.data = new Map();
  }
}
