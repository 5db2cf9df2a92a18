// Migration of a keyed collection written by an earlier version (DATA_DIR/<name>/_meta.json and shard
// files) to append-only logs: one shard at a time (memory stays bounded), each document written as a
// log, then the shard file removed. Interrupted, it resumes at the next start: a shard's documents are
// written again (replacing the logs made from it) until the shard file is gone.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log.js';
import { CorruptShardError, decodeShard, readTextIfExists } from './shard-file.js';

const SHARD_FILE = /^\d+\.json$/;

export async function migrateLegacyShards(
  dir: string,
  name: string,
  logger: Logger,
  write: (key: string, value: unknown) => Promise<void>,
): Promise<void> {
  const meta = path.join(dir, '_meta.json');
  if ((await readTextIfExists(meta)) === null) return;
  const files = (await fs.readdir(dir)).filter((f) => SHARD_FILE.test(f)).sort();
  logger.info('[ShardedFileStore] migrating a collection to append-only logs', { collection: name, shards: files.length });
  let documents = 0;
  for (const f of files) {
    const file = path.join(dir, f);
    const text = await readTextIfExists(file);
    if (text !== null) {
      try {
        for (const [key, entry] of decodeShard(text, file)) {
          await write(key, JSON.parse(entry.json));
          documents++;
        }
      } catch (err) {
        if (!(err instanceof CorruptShardError)) throw err;
        const aside = `${file}.corrupt-${new Date().toISOString().replace(/[-:.]/g, '')}`;
        await fs.rename(file, aside);
        logger.error('[ShardedFileStore] corrupt shard file moved aside during migration', { collection: name, reason: err.message });
        continue;
      }
    }
    await fs.rm(file, { force: true });
  }
  await fs.rm(meta, { force: true });
  for (const f of await fs.readdir(dir)) if (/\.json\.\d+\.\d+\.tmp$/.test(f)) await fs.rm(path.join(dir, f), { force: true });
  await fs.rmdir(dir).catch(() => undefined); // kept when something (a quarantined file) is left in it
  logger.info('[ShardedFileStore] collection migrated to append-only logs', { collection: name, documents });
}
