// A DATA_DIR written by the version that kept transcripts in a sharded collection (one document per
// conversation) still loads: migrated to append-only logs on first use, shard by shard, nothing lost.
import fs from 'node:fs';
import path from 'node:path';
import { ShardedFileStore } from '../../src/storage/sharded-store.js';
import { TranscriptStore, type TranscriptDoc } from '../../src/server/directline/transcripts.js';
import { recordingLogger, removeDir, tempDir } from './helpers.js';

let dir: string;
let store: ShardedFileStore;

afterEach(async () => {
  await store?.close();
  removeDir(dir);
});

const BASE = Date.now() - 10 * 86_400_000;
const at = (hours: number) => new Date(BASE + hours * 3_600_000).toISOString();

/** A transcript document exactly as the former TranscriptStore wrote it. */
function legacyDoc(i: number): TranscriptDoc {
  const conversationId = `legacyConversation${String(i).padStart(4, '0')}`;
  const entries = Array.from({ length: 5 }, (_, k) => {
    const activity = {
      type: 'message',
      id: `${conversationId}|${String(k + 3).padStart(7, '0')}`,
      timestamp: at(k - 5),
      text: `message ${k} « é »`,
    };
    return { seq: k + 3, size: JSON.stringify(activity).length, activity };
  });
  return {
    conversationId,
    userId: `dl_user${i}`,
    locale: 'fr-FR',
    createdAt: at(-6),
    updatedAt: at(-1),
    lastSeq: 7,
    bytes: entries.reduce((n, e) => n + e.size, 0),
    entries,
  };
}

test('every conversation of the former layout is read back, continues its seqs, and the old shards are gone', async () => {
  dir = tempDir();
  store = new ShardedFileStore(dir, { shards: 8 });
  const old = store.collection<TranscriptDoc>('transcripts');
  for (let i = 0; i < 60; i++) await old.put(legacyDoc(i).conversationId, legacyDoc(i));
  await store.close();
  expect(fs.existsSync(path.join(dir, 'transcripts', '_meta.json'))).toBe(true);

  const logger = recordingLogger();
  store = new ShardedFileStore(dir, { shards: 8, logger });
  const transcripts = new TranscriptStore(store);
  const doc = await transcripts.get(legacyDoc(7).conversationId);
  expect(doc).toMatchObject({ conversationId: legacyDoc(7).conversationId, userId: 'dl_user7', locale: 'fr-FR', lastSeq: 7 });
  expect(doc!.entries).toEqual(legacyDoc(7).entries);
  expect(fs.existsSync(path.join(dir, 'transcripts'))).toBe(false);
  expect(logger.lines.some((l) => /migrated/.test(l.msg) && l.fields?.documents === 60)).toBe(true);

  const { stored, watermark } = await transcripts.append(legacyDoc(7).conversationId, [{ type: 'message', text: 'suite' }]);
  expect(watermark).toBe(8);
  expect(stored[0]!.id).toBe(`${legacyDoc(7).conversationId}|0000008`);
  await store.close();

  store = new ShardedFileStore(dir, { shards: 8 });
  const again = new TranscriptStore(store);
  for (let i = 0; i < 60; i++) expect((await again.get(legacyDoc(i).conversationId))!.entries.length).toBe(i === 7 ? 6 : 5);
  // The retention purge still sees the time of the last message of a migrated conversation.
  const source = again.privacySource(60, () => undefined);
  expect(await source.purge!(new Date(Date.now() + 86_400_000))).toBe(0);
  expect(await source.purge!(new Date(BASE + 61 * 86_400_000))).toBe(59);
});
