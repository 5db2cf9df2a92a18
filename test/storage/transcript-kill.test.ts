// kill -9 while messages are being stored in the append-only transcript logs: every message whose write
// was acknowledged is there after the restart, no log is corrupt, and seqs go on without reuse.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ShardedFileStore } from '../../src/storage/sharded-store.js';
import { TranscriptStore } from '../../src/server/directline/transcripts.js';
import { buildSources } from './child-build.js';
import { removeDir, tempDir } from './helpers.js';

const CONVERSATIONS = 12;
const WRITER = `
import { ShardedFileStore } from './src/storage/sharded-store.js';
import { TranscriptStore } from './src/server/directline/transcripts.js';
const store = new ShardedFileStore(process.argv[2]);
const transcripts = new TranscriptStore(store);
const ids = Array.from({ length: ${CONVERSATIONS} }, (_, i) => 'killTestConversation' + String(i).padStart(4, '0'));
for (const id of ids) await transcripts.open(id, 'dl_killtest', 'fr-FR');
process.stdout.write('ready\\n');
let n = 0;
await Promise.all(ids.map(async (id) => {
  for (;;) {
    const text = 'message ' + n++ + ' ' + 'é'.repeat(n % 300);
    const { stored } = await transcripts.append(id, [{ type: 'message', text }]);
    process.stdout.write(id + ' ' + stored[0].id + '\\n');
  }
}));
`;

let dir: string;
let built: string;

beforeAll(async () => {
  built = await buildSources({ 'transcript-writer.js': WRITER });
});
beforeEach(() => (dir = tempDir()));
afterEach(() => removeDir(dir));

function runAndKill(afterAcks: number): Promise<Array<[string, string]>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(built, 'transcript-writer.js'), dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: Array<[string, string]> = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdout.on('data', (d) => {
      buffer += String(d);
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const [conversation, id] = line.split(' ');
        if (id) acked.push([conversation!, id]);
      }
      if (acked.length >= afterAcks) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`writer exited ${code}: ${stderr}`))));
  });
}

test('three kill -9 during bursts of appends: every acknowledged message is kept, nothing is corrupt', async () => {
  let acknowledged: Array<[string, string]> = [];
  for (let round = 0; round < 3; round++) acknowledged = acknowledged.concat(await runAndKill(400 * (round + 1) - acknowledged.length));
  expect(acknowledged.length).toBeGreaterThanOrEqual(1200);

  const store = new ShardedFileStore(dir);
  try {
    const transcripts = new TranscriptStore(store);
    const kept = new Map<string, string[]>();
    for (const [conversation] of acknowledged) {
      if (!kept.has(conversation))
        kept.set(
          conversation,
          (await transcripts.get(conversation))!.entries.map((e) => e.activity.id),
        );
    }
    const missing = acknowledged.filter(([conversation, id]) => !kept.get(conversation)!.includes(id));
    expect(missing).toEqual([]);
    for (const ids of kept.values()) expect(new Set(ids).size).toBe(ids.length); // no seq given twice
    const files = fs.readdirSync(path.join(dir, 'transcripts.logs'), { recursive: true }).map(String);
    expect(files.filter((f) => f.includes('.corrupt-') || f.endsWith('.tmp'))).toEqual([]);
    const [conversation] = acknowledged[0]!;
    const before = (await transcripts.get(conversation))!.lastSeq;
    const { watermark } = await transcripts.append(conversation, [{ type: 'message', text: 'après' }]);
    expect(watermark).toBe(before + 1);
  } finally {
    await store.close();
  }
});
