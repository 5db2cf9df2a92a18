// One append-only log file: JSON lines, the first one the header {"log":1,"key":…,"header":…}, then one
// record per line. A log is created and compacted by an atomic replace (temp file, fsync, rename) and
// grows by appends written at its known end and fsynced (datasync) before they are acknowledged.
// A last line without its newline is an append that was never acknowledged (a crash mid-write): readers
// skip it and the next append cuts it off. Any other unreadable line makes the file corrupt.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './shard-file.js';

export const LOG_FORMAT = 1;
const HEAD_CHUNK = 4096;
const FIRST_READ = 128 * 1024;

export class CorruptLogError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`[ShardedFileStore] corrupt log file ${path.basename(file)}: ${reason}`);
    this.name = 'CorruptLogError';
  }
}

export function encodeHeader(key: string, header: unknown): string {
  return `{"log":${LOG_FORMAT},"key":${JSON.stringify(key)},"header":${JSON.stringify(header)}}\n`;
}

export function encodeRecords(records: unknown[]): string {
  let text = '';
  for (const r of records) {
    const json = JSON.stringify(r);
    if (json === undefined) throw new TypeError('[ShardedFileStore] a log record is not JSON-serialisable');
    text += json + '\n';
  }
  return text;
}

function decodeHeaderLine(line: string, file: string): { key: string; header: unknown } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new CorruptLogError(file, `unreadable header (${line.length} characters)`);
  }
  const p = parsed as { log?: unknown; key?: unknown; header?: unknown } | null;
  if (!p || typeof p !== 'object' || p.log !== LOG_FORMAT || typeof p.key !== 'string' || !('header' in p)) {
    throw new CorruptLogError(file, 'not a log header');
  }
  return { key: p.key, header: p.header };
}

export interface LogContent {
  key: string;
  header: unknown;
  records: unknown[];
  /** Bytes up to the end of the last complete line (where the next append goes). */
  end: number;
}

/** Reads a whole log, or null when the file does not exist. */
export async function readLog(file: string): Promise<LogContent | null> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const end = buf.lastIndexOf(0x0a) + 1;
  if (end === 0) throw new CorruptLogError(file, 'no complete header line');
  const lines = buf.toString('utf8', 0, end - 1).split('\n');
  const { key, header } = decodeHeaderLine(lines[0]!, file);
  const records: unknown[] = [];
  for (let i = 1; i < lines.length; i++) {
    try {
      records.push(JSON.parse(lines[i]!));
    } catch {
      throw new CorruptLogError(file, `unreadable record on line ${i + 1}`);
    }
  }
  return { key, header, records, end };
}

async function openIfExists(file: string, flags = 'r'): Promise<fs.FileHandle | null> {
  try {
    return await fs.open(file, flags);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

async function headOf(handle: fs.FileHandle, file: string): Promise<{ key: string; header: unknown }> {
  let buf = Buffer.alloc(HEAD_CHUNK);
  let length = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buf, length, buf.length - length, length);
    length += bytesRead;
    const nl = buf.subarray(0, length).indexOf(0x0a);
    if (nl >= 0) return decodeHeaderLine(buf.toString('utf8', 0, nl), file);
    if (bytesRead === 0) throw new CorruptLogError(file, 'no complete header line');
    if (length === buf.length) buf = Buffer.concat([buf, Buffer.alloc(buf.length)]);
  }
}

/** Reads the header line only, or null when the file does not exist. */
export async function readLogHead(file: string): Promise<{ key: string; header: unknown } | null> {
  const handle = await openIfExists(file);
  if (!handle) return null;
  try {
    return await headOf(handle, file);
  } finally {
    await handle.close();
  }
}

export interface LogTail {
  key: string;
  header: unknown;
  /** The end of the last complete line (where the next append goes; a torn tail is not counted). */
  end: number;
  size: number;
  /** The last record (undefined when the log holds only its header). */
  last: unknown;
}

/**
 * The header, the end of the last complete line, the file's size and the last record, reading from the
 * end only: reads the header and the tail of a log in as few operations as possible. The first read
 * (FIRST_READ bytes from 0, what the kernel's readahead brings in anyway) holds the whole of most logs;
 * a longer one is read at its end only. Returns the open file handle (opened for reading, and for writing
 * too when `writable`): the caller closes it, or hands it to appendAt. Null when the file does not exist.
 */
export async function openLogTail(file: string, writable: boolean): Promise<(LogTail & { handle: fs.FileHandle }) | null> {
  const handle = await openIfExists(file, writable ? 'r+' : 'r');
  if (!handle) return null;
  try {
    const first = Buffer.allocUnsafe(FIRST_READ);
    const { bytesRead } = await handle.read(first, 0, FIRST_READ, 0);
    const text = first.subarray(0, bytesRead);
    const nl = text.indexOf(0x0a);
    const { key, header } = nl >= 0 ? decodeHeaderLine(text.toString('utf8', 0, nl), file) : await headOf(handle, file);
    // A read shorter than asked for reached the end of the file: all of it is in `text`.
    const tail = bytesRead < FIRST_READ ? lastLine(text, 0, bytesRead, file) : await tailOf(handle, file);
    if (!tail) throw new CorruptLogError(file, 'no complete header line');
    return { key, header, ...tail, handle };
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw err;
  }
}

/** The same as openLogTail, the file closed again. */
export async function readLogTail(file: string): Promise<LogTail | null> {
  const opened = await openLogTail(file, false);
  if (!opened) return null;
  const { handle, ...tail } = opened;
  await handle.close();
  return tail;
}

/**
 * In `text`, the bytes of the file from offset `from` up to its `size`: the end of the last complete line
 * and that line parsed; null when `text` holds no newline; `last` undefined when the last complete line
 * is the header (known when `from` is 0). Throws when more is needed but `from` is 0.
 */
function lastLine(text: Buffer, from: number, size: number, file: string): { end: number; size: number; last: unknown } | null {
  const nl = text.lastIndexOf(0x0a);
  if (nl < 0) return null;
  const end = from + nl + 1;
  // The last complete line starts after the newline before it (or at 0: the header).
  const prev = nl >= 1 ? text.lastIndexOf(0x0a, nl - 1) : -1;
  if (prev < 0) {
    if (from === 0) return { end, size, last: undefined };
    return null;
  }
  const line = text.toString('utf8', prev + 1, nl);
  try {
    return { end, size, last: JSON.parse(line) };
  } catch {
    throw new CorruptLogError(file, 'unreadable last record');
  }
}

/** Reads a long log from its end, 4 KB first, more while the last complete line does not fit. */
async function tailOf(handle: fs.FileHandle, file: string): Promise<{ end: number; size: number; last: unknown }> {
  const { size } = await handle.stat();
  for (let length = Math.min(size, HEAD_CHUNK); ; length = Math.min(size, length * 4)) {
    const from = size - length;
    const chunk = Buffer.allocUnsafe(length);
    const { bytesRead } = await handle.read(chunk, 0, length, from);
    const found = lastLine(chunk.subarray(0, bytesRead), from, size, file);
    if (found) return found;
    if (from === 0) throw new CorruptLogError(file, 'no complete header line');
  }
}

/**
 * Writes `text` at offset `end` (first cutting off a torn tail when `torn`), fsyncs, and sets the file's
 * times to `at`. On failure the file is cut back to `end`, so a refused append leaves nothing behind.
 * Returns the new end.
 */
export async function appendAt(file: string, end: number, torn: boolean, text: string, at: Date, opened?: fs.FileHandle): Promise<number> {
  const buf = Buffer.from(text, 'utf8');
  const handle = opened ?? (await fs.open(file, 'r+'));
  try {
    try {
      if (torn) await handle.truncate(end);
      // A nearly full disk gives a short write first, then ENOSPC: write until all of it is out.
      for (let done = 0; done < buf.length;) {
        const { bytesWritten } = await handle.write(buf, done, buf.length - done, end + done);
        if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
        done += bytesWritten;
      }
      await handle.datasync();
    } catch (err) {
      await handle.truncate(end).catch(() => undefined);
      throw err;
    }
    if (Math.abs(at.getTime() - Date.now()) > 1000) await handle.utimes(at, at).catch(() => undefined);
  } finally {
    await handle.close();
  }
  return end + buf.length;
}

/** Creates or replaces a whole log atomically, with its times set to `at`. Returns its length. */
export async function writeLog(file: string, key: string, header: unknown, records: unknown[], at: Date): Promise<number> {
  const text = encodeHeader(key, header) + encodeRecords(records);
  await writeFileAtomic(file, text, at);
  return Buffer.byteLength(text);
}
