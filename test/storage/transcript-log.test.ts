// The Direct Line transcripts on append-only logs: seqs survive restarts, removals and compaction.
import fs from 'node:fs';
import { ShardedFileStore } from '../../src/storage/sharded-store.js';
import { MAX_HISTORY_BYTES, TranscriptStore } from '../../src/server/directline/transcripts.js';
import type { FileLogCollection } from '../../src/storage/log-collection.js';
import { removeDir, tempDir } from './helpers.js';

let dir: string;
let store: ShardedFileStore;
const ID = 'transcriptLogTestConversation';

beforeEach(() => {
  dir = tempDir();
  store = new ShardedFileStore(dir);
});
afterEach(async () => {
  await store.close();
  removeDir(dir);
});

async function restart(): Promise<TranscriptStore> {
  await store.close();
  store = new ShardedFileStore(dir);
  return new TranscriptStore(store);
}

test('seqs go on after a restart, also when the last activity was replaced or removed', async () => {
  let t = new TranscriptStore(store);
  await t.open(ID, 'dl_user', 'fr-FR');
  await t.append(ID, [
    { type: 'message', text: 'un' },
    { type: 'message', text: 'deux' },
  ]);
  t = await restart();
  expect((await t.append(ID, [{ type: 'message', text: 'trois' }])).watermark).toBe(3);
  await t.replace(ID, `${ID}|0000003`, (a) => ({ ...a, text: 'trois bis' }));
  t = await restart();
  expect((await t.append(ID, [{ type: 'message', text: 'quatre' }])).watermark).toBe(4);
  await t.remove(ID, `${ID}|0000004`);
  t = await restart();
  expect((await t.append(ID, [{ type: 'message', text: 'cinq' }])).stored[0]!.id).toBe(`${ID}|0000005`);
  const doc = (await t.get(ID))!;
  expect(doc.entries.map((e) => e.activity.text)).toEqual(['un', 'deux', 'trois bis', 'cinq']);
  expect(doc.lastSeq).toBe(5);
});

test('a log past twice the byte cap is compacted to the kept history; the watermark never goes back', async () => {
  const t = new TranscriptStore(store);
  await t.open(ID, 'dl_user', 'fr-FR');
  const big = 'x'.repeat(50_000);
  let last = 0;
  for (let i = 0; i < 45; i++) last = (await t.append(ID, [{ type: 'message', text: `${i} ${big}` }])).watermark;
  const file = (store.log('transcripts') as unknown as FileLogCollection<unknown, unknown>).fileOf(ID);
  expect(fs.statSync(file).size).toBeLessThanOrEqual(2 * MAX_HISTORY_BYTES + 60_000);
  const again = await restart();
  const doc = (await again.get(ID))!;
  expect(doc.lastSeq).toBe(last);
  expect(doc.bytes).toBeLessThanOrEqual(MAX_HISTORY_BYTES);
  expect(doc.entries[doc.entries.length - 1]!.activity.text).toBe(`44 ${big}`);
  await again.remove(ID, doc.entries[doc.entries.length - 1]!.activity.id);
  expect((await again.append(ID, [{ type: 'message', text: 'suite' }])).watermark).toBe(last + 1);
});
