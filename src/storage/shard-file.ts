// One shard file on disk: its JSON format and a lowdb Adapter that reads it and writes it atomically.
// lowdb's own JSONFile pretty-prints the whole object graph and steno renames without fsync (see
// research §B.2): here entries keep their value as a JSON string, so a write is a string concat of
// pre-serialised entries, and the temp file is fsynced before the rename, so a crash leaves either the
// old or the new file, never a torn one.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';

/** One stored document: its value as JSON text (clone-on-read) and its eTag. */
export interface ShardEntry {
  json: string;
  eTag: string;
  /** This entry as it appears in the file, cached by encodeShard (entries are replaced, never mutated). */
  encoded?: string;
}

/** The in-memory content of one shard. A Map, so untrusted keys like `__proto__` are plain keys. */
export type ShardData = Map<string, ShardEntry>;

/** Thrown by the adapter when a shard file exists but is not a valid shard. */
export class CorruptShardError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`[ShardedFileStore] corrupt shard file ${path.basename(file)}: ${reason}`);
    this.name = 'CorruptShardError';
  }
}

export const SHARD_FORMAT = 1;

/**
 * File format (compact JSON): {"format":1,"entries":[["<key>","<eTag>",<value>],...]}.
 * Entries are an array of triples rather than an object keyed by key, so no key can ever be taken
 * for an object property by any reader of the file.
 */
export function encodeShard(data: ShardData): string {
  const parts: string[] = [];
  for (const [key, entry] of data) {
    entry.encoded ??= `[${JSON.stringify(key)},${JSON.stringify(entry.eTag)},${entry.json}]`;
    parts.push(entry.encoded);
  }
  return `{"format":${SHARD_FORMAT},"entries":[${parts.join(',')}]}`;
}

export function decodeShard(text: string, file: string): ShardData {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not the parser's message: V8 quotes the file's content in it, and logs must not carry user text.
    throw new CorruptShardError(file, `invalid JSON (${text.length} characters)`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CorruptShardError(file, 'not a JSON object');
  }
  const { format, entries } = parsed as { format?: unknown; entries?: unknown };
  if (format !== SHARD_FORMAT) throw new CorruptShardError(file, `unknown format ${JSON.stringify(format)}`);
  if (!Array.isArray(entries)) throw new CorruptShardError(file, 'entries is not an array');
  const data: ShardData = new Map();
  for (const item of entries) {
    if (!Array.isArray(item) || item.length !== 3 || typeof item[0] !== 'string' || typeof item[1] !== 'string') {
      throw new CorruptShardError(file, 'malformed entry');
    }
    data.set(item[0], { eTag: item[1], json: JSON.stringify(item[2]) });
  }
  return data;
}

let tempSeq = 0;

/**
 * Replaces `file` with `text` atomically: write a uniquely named temp file in the same directory, fsync
 * it, then rename it over the target. A crash leaves the old or the new content, never a torn file.
 * (The directory is not fsynced: after a power cut the last rename may be lost, never half-applied.)
 * Unique temp names avoid the shared-`.tmp` rename races of lowdb#610.
 */
export async function writeFileAtomic(file: string, text: string, mtime?: Date): Promise<void> {
  const temp = `${file}.${process.pid}.${++tempSeq}.tmp`;
  const handle = await fs.open(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.datasync();
    if (mtime && Math.abs(mtime.getTime() - Date.now()) > 1000) await handle.utimes(mtime, mtime);
  } catch (err) {
    await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
  await handle.close();
  try {
    await fs.rename(temp, file);
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}

/** Reads a whole text file, or null when it does not exist. */
export async function readTextIfExists(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** lowdb Adapter for one shard file. Counts its completed writes (tests check write coalescing). */
export class ShardFileAdapter implements Adapter<ShardData> {
  writes = 0;
  /** Length of the file last read or written (the shard's approximate size in memory). */
  bytes = 0;
  constructor(readonly file: string) {}

  async read(): Promise<ShardData | null> {
    const text = await readTextIfExists(this.file);
    this.bytes = text?.length ?? 0;
    return text === null ? null : decodeShard(text, this.file);
  }

  async write(data: ShardData): Promise<void> {
    // Serialised synchronously, before the first await: the snapshot is exactly the state at call time.
    const text = encodeShard(data);
    await writeFileAtomic(this.file, text);
    this.bytes = text.length;
    this.writes++;
  }
}
