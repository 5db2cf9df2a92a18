// The file store's LogCollection: DATA_DIR/<name>.logs/<2 hex>/<30 hex>.jsonl, one append-only file per
// key, named by the key's SHA-256 (keys are untrusted: never a path). An append writes and fsyncs only its
// own lines, so its cost grows neither with the log's length nor with the number of logs. What is kept
// in memory is bounded: the end offset and header of the most recently used logs.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log.js';
import { LruMap } from './lru.js';
import { KeyedSerial } from '../serial.js';
import { appendAt, CorruptLogError, encodeRecords, openLogTail, readLog, readLogHead, writeLog } from './log-file.js';
import { migrateLegacyShards } from './log-migration.js';
import type { StoreHooks } from './sharded-collection.js';
import { StoreUnavailableError, type LogCollection, type LogOptions } from './types.js';

const CACHED_LOGS = 4096;
/** Files left open by tail() for the append that follows it, at most. */
const HELD_HANDLES = 16;
const STALE_TEMP = /\.jsonl\.\d+\.\d+\.tmp$/;

interface LogState<H> {
  header: H;
  /** Where the next append goes; undefined until known. */
  end?: number;
  /** The file has a torn tail past `end` (cut off by the next append). */
  torn?: boolean;
}

/** The file of `key`'s log in `dir`: named by the key's SHA-256, never by the key itself. */
export function logFile(dir: string, key: string): string {
  const hash = createHash('sha256').update(key, 'utf8').digest('hex');
  return path.join(dir, hash.slice(0, 2), `${hash.slice(2, 32)}.jsonl`);
}

/** A file-system-safe timestamp such as 20250131T235959123Z. */
export function stamp(): string {
  return new Date().toISOString().replace(/[-:.]/g, '');
}

export class FileLogCollection<H, R> implements LogCollection<H, R> {
  private readonly state = new LruMap<string, LogState<H>>(CACHED_LOGS);
  private readonly queues = new KeyedSerial();
  /**
   * The file of a log whose tail() was just read, left open for the append that usually follows (a cold
   * append then opens its file once). Only while the file is the one read: any other change drops it.
   */
  private readonly held = new Map<string, fs.FileHandle>();
  private readonly madeDirs = new Set<string>();
  private preparing: Promise<void> | undefined;

  constructor(
    readonly name: string,
    private readonly dir: string,
    private readonly legacyDir: string,
    private readonly logger: Logger,
    private readonly store: StoreHooks,
    private readonly options: LogOptions<H, R> = {},
  ) {}

  fileOf(key: string): string {
    return logFile(this.dir, key);
  }

  open(key: string, header: H, at = new Date()): Promise<{ header: H; created: boolean }> {
    return this.write(key, async () => {
      const existing = await this.headNow(key);
      if (existing !== undefined) return { header: existing, created: false };
      const file = this.fileOf(key);
      await this.mkdirFor(file);
      const end = await this.guard(() => writeLog(file, key, header, [], at));
      this.state.set(key, { header, end, torn: false });
      return { header, created: true };
    });
  }

  head(key: string): Promise<H | undefined> {
    return this.store.run(async () => {
      await this.prepare();
      return this.headNow(key);
    });
  }

  read(key: string): Promise<{ header: H; records: R[] } | undefined> {
    return this.store.run(async () => {
      await this.prepare();
      const content = await this.quarantineOnCorrupt(key, () => readLog(this.fileOf(key)));
      if (!content || content.key !== key) return undefined;
      return { header: content.header as H, records: content.records as R[] };
    });
  }

  tail(key: string): Promise<{ last: R | undefined; bytes: number } | undefined> {
    return this.store.run(async () => {
      await this.prepare();
      const opened = await this.quarantineOnCorrupt(key, () => openLogTail(this.fileOf(key), !this.store.readOnly));
      if (!opened) return undefined;
      const { handle, ...tail } = opened;
      // Where the next append goes, unless a change of this log is under way (it knows better).
      if (tail.key === key && !this.queues.busy(key) && !this.store.readOnly) {
        this.state.set(key, { header: tail.header as H, end: tail.end, torn: tail.size > tail.end });
        await this.hold(key, handle);
      } else {
        await handle.close();
      }
      return tail.key === key ? { last: tail.last as R | undefined, bytes: tail.end } : undefined;
    });
  }

  append(key: string, records: R[], at = new Date()): Promise<boolean> {
    const text = encodeRecords(records);
    return this.write(key, async () => {
      // The file tail() left open, when nothing changed since: `end` was read from it.
      const held = this.unhold(key);
      let s: LogState<H> | undefined;
      try {
        if ((await this.headNow(key)) !== undefined) s = this.state.get(key);
      } finally {
        if (s?.end === undefined) await held?.close().catch(() => undefined);
      }
      if (!s) return false;
      const file = this.fileOf(key);
      let handle = held;
      if (s.end === undefined) {
        const where = await this.whereToAppend(file);
        s.end = where.end;
        s.torn = where.torn;
        handle = where.handle;
      }
      try {
        s.end = await this.guard(() => appendAt(file, s.end!, s.torn === true, text, at, handle));
        s.torn = false;
      } catch (err) {
        this.state.delete(key); // the file is re-read before the next append
        throw err;
      }
      return true;
    });
  }

  rewrite(key: string, records: R[], at = new Date()): Promise<boolean> {
    return this.write(key, async () => {
      this.drop(key);
      const header = await this.headNow(key);
      if (header === undefined) return false;
      const end = await this.guard(() => writeLog(this.fileOf(key), key, header, records, at));
      this.state.set(key, { header, end, torn: false });
      return true;
    });
  }

  delete(key: string): Promise<boolean> {
    return this.write(key, async () => {
      this.state.delete(key);
      this.drop(key);
      try {
        await fs.rm(this.fileOf(key));
        return true;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw err;
      }
    });
  }

  scan(visit: (key: string, header: H, updatedAt: Date) => Promise<void> | void): Promise<void> {
    return this.store.run(async () => {
      await this.prepare();
      const subdirs = await fs.readdir(this.dir).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? [] : Promise.reject(err)));
      for (const sub of subdirs.sort()) {
        if (!/^[0-9a-f]{2}$/.test(sub)) continue;
        const names = await fs.readdir(path.join(this.dir, sub)).catch(() => [] as string[]);
        for (const name of names) {
          if (!name.endsWith('.jsonl')) continue;
          const file = path.join(this.dir, sub, name);
          const stat = await fs.stat(file).catch(() => undefined);
          const head = stat && (await this.quarantineFile(file, () => readLogHead(file)));
          if (head && this.fileOf(head.key) === file) await visit(head.key, head.header as H, stat.mtime);
        }
      }
    });
  }

  /** Runs a change of one log: after the migration, one at a time per key, tracked by flush(). */
  private write<T>(key: string, fn: () => Promise<T>): Promise<T> {
    if (typeof key !== 'string') return Promise.reject(new TypeError('[ShardedFileStore] a key must be a string'));
    if (this.store.readOnly) return Promise.reject(new Error(`[ShardedFileStore] log "${this.name}" is read-only`));
    return this.store.run(async () => {
      await this.prepare();
      return this.queues.run(key, fn);
    });
  }

  /** A failed file write becomes StoreUnavailableError (answered 503): nothing of it was kept. */
  private async guard<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      this.logger.error('[ShardedFileStore] log write failed', { collection: this.name, code: (err as NodeJS.ErrnoException).code });
      throw new StoreUnavailableError(this.name, err);
    }
  }

  private async headNow(key: string): Promise<H | undefined> {
    const cached = this.state.get(key);
    if (cached) return cached.header;
    const head = await this.quarantineOnCorrupt(key, () => readLogHead(this.fileOf(key)));
    if (!head || head.key !== key) return undefined;
    this.state.set(key, { header: head.header as H });
    return head.header as H;
  }

  /** Where to append, and the file opened for it (appendAt closes it). */
  private async whereToAppend(file: string): Promise<{ end: number; torn: boolean; handle: fs.FileHandle }> {
    const tail = await openLogTail(file, true);
    if (!tail) throw new Error(`[ShardedFileStore] log file vanished: ${path.basename(file)}`);
    return { end: tail.end, torn: tail.size > tail.end, handle: tail.handle };
  }

  /**
   * Keeps `handle` for the next append of `key`, closing the one it replaces and the oldest held past HELD_HANDLES;
   * resolves once they are closed, so that no more than HELD_HANDLES files stay open when tail() returns.
   */
  private async hold(key: string, handle: fs.FileHandle): Promise<void> {
    const replaced = this.unhold(key);
    this.held.set(key, handle);
    const oldest = this.held.size > HELD_HANDLES ? this.unhold(this.held.keys().next().value as string) : undefined;
    await Promise.all([replaced, oldest].map((h) => h?.close().catch(() => undefined)));
  }

  private unhold(key: string): fs.FileHandle | undefined {
    const handle = this.held.get(key);
    this.held.delete(key);
    return handle;
  }

  private drop(key: string): void {
    void this.unhold(key)
      ?.close()
      .catch(() => undefined);
  }

  /** Closes the files held open (the store closes). */
  async release(): Promise<void> {
    const handles = [...this.held.values()];
    this.held.clear();
    await Promise.all(handles.map((h) => h.close().catch(() => undefined)));
  }

  private quarantineOnCorrupt<T>(key: string, op: () => Promise<T | null>): Promise<T | null> {
    return this.quarantineFile(this.fileOf(key), op, () => {
      this.state.delete(key);
      this.drop(key);
    });
  }

  /** A corrupt log is moved aside (never deleted) and reads as absent; other logs are untouched. */
  private async quarantineFile<T>(file: string, op: () => Promise<T | null>, forget?: () => void): Promise<T | null> {
    try {
      return await op();
    } catch (err) {
      if (!(err instanceof CorruptLogError)) throw err;
      forget?.();
      if (this.store.readOnly) {
        this.logger.error('[ShardedFileStore] corrupt log file skipped (read-only store)', { collection: this.name, reason: err.message });
        return null;
      }
      const aside = `${file}.corrupt-${stamp()}`;
      await fs.rename(file, aside);
      this.logger.error('[ShardedFileStore] corrupt log file moved aside', {
        collection: this.name,
        reason: err.message,
        movedTo: path.basename(aside),
      });
      return null;
    }
  }

  private async mkdirFor(file: string): Promise<void> {
    const sub = path.dirname(file);
    if (this.madeDirs.has(sub)) return;
    await fs.mkdir(sub, { recursive: true });
    this.madeDirs.add(sub);
  }

  /** Once: removes temp files left by a crash and migrates a former keyed collection of the same name. */
  private prepare(): Promise<void> {
    this.preparing ??= this.prepareNow().catch((err: unknown) => {
      this.preparing = undefined;
      throw err;
    });
    return this.preparing;
  }

  private async prepareNow(): Promise<void> {
    if (this.store.readOnly) return;
    await fs.mkdir(this.dir, { recursive: true });
    for (const sub of await fs.readdir(this.dir)) {
      const names = await fs.readdir(path.join(this.dir, sub)).catch(() => [] as string[]);
      for (const name of names) if (STALE_TEMP.test(name)) await fs.rm(path.join(this.dir, sub, name), { force: true });
    }
    const legacy = this.options.legacy;
    if (!legacy) return;
    await migrateLegacyShards(this.legacyDir, this.name, this.logger, async (key, value) => {
      const converted = legacy(value, key);
      if (!converted) return;
      const file = this.fileOf(key);
      await this.mkdirFor(file);
      await writeLog(file, key, converted.header, converted.records, converted.updatedAt);
    });
  }
}
