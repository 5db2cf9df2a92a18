// Hole 8 of issue 11 (full disk): a write refused by a full disk stayed in memory and was written later
// (one message appeared 4 times in a transcript). Now the refused write is rolled back, the caller gets
// 503 with a French JSON message, and once space is back the message is stored exactly once.
// A real full file system: a 16 MB tmpfs mounted for the test (needs root, as in CI).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ShardedFileStore } from '../../src/storage/sharded-store.js';
import { StoreUnavailableError } from '../../src/storage/types.js';
import { startVirage, type Running } from '../helpers/virage.js';

let mountPoint: string;
let filler: string;

beforeAll(() => {
  mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'virage-full-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mountPoint], { stdio: 'pipe' });
  } catch (err) {
    throw new Error(`full-disk test: cannot mount a tmpfs at ${mountPoint} (run as root): ${String(err)}`);
  }
  filler = path.join(mountPoint, 'filler');
});

afterAll(() => {
  execFileSync('umount', [mountPoint], { stdio: 'pipe' });
  fs.rmSync(mountPoint, { recursive: true, force: true });
});

/** Fills the file system until not one more byte fits. */
function fillDisk(): void {
  const fd = fs.openSync(filler, 'a');
  try {
    for (const size of [1 << 20, 4096, 1]) {
      const chunk = Buffer.alloc(size, 1);
      for (;;) {
        try {
          fs.writeSync(fd, chunk);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw err;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

const freeDisk = () => fs.rmSync(filler, { force: true });

async function post(url: string, token: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json().catch(() => undefined) };
}

describe('a write refused by a full disk (hole 8)', () => {
  let app: Running | undefined;
  afterEach(async () => {
    freeDisk();
    await app?.stop();
    app = undefined;
  });

  it('a web-chat message gets 503 in French, is not kept, and is stored once when it is sent again', async () => {
    const dataDir = fs.mkdtempSync(path.join(mountPoint, 'data-'));
    app = await startVirage({}, dataDir);
    const t = (await (await fetch(`${app.url}/api/directline/token`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
      userId: string;
    };
    const base = `${app.url}/v3/directline/conversations/${t.conversationId}`;
    expect((await post(`${app.url}/v3/directline/conversations`, t.token)).status).toBeLessThan(300);
    await app.virage.directLine.idle();
    const text = `Bonjour, je voudrais faire mon diagnostic. ${'Nous sommes une boulangerie à Bordeaux. '.repeat(90)}`;
    const message = { type: 'message', from: { id: t.userId }, text };

    fillDisk();
    for (let attempt = 0; attempt < 4; attempt++) {
      const refused = await post(`${base}/activities`, t.token, message);
      expect(refused.status).toBe(503);
      expect(refused.json).toEqual({ error: { code: 'ServiceUnavailable', message: expect.stringMatching(/réessayez/) } });
    }
    freeDisk();
    await app.virage.directLine.idle();
    const history = async () => (await app!.virage.directLine.history(t.conversationId)).filter((a) => a.text === text);
    expect(await history()).toHaveLength(0);

    const accepted = await post(`${base}/activities`, t.token, message);
    expect(accepted.status).toBe(200);
    await app.virage.directLine.idle();
    await app.virage.store.flush();
    expect(await history()).toHaveLength(1);

    await app.stop();
    app = await startVirage({}, dataDir);
    expect(await history()).toHaveLength(1);
  });

  it('a keyed document refused by the full disk is rolled back in memory and never written later', async () => {
    const dir = fs.mkdtempSync(path.join(mountPoint, 'store-'));
    const store = new ShardedFileStore(dir, { shards: 1 });
    try {
      const c = store.collection<{ text: string }>('botstate');
      await c.put('before', { text: 'déjà là' });
      fillDisk();
      for (let attempt = 0; attempt < 4; attempt++) {
        await expect(c.put(`refused`, { text: 'x'.repeat(20_000) })).rejects.toBeInstanceOf(StoreUnavailableError);
      }
      expect(await c.get('refused')).toBeUndefined();
      freeDisk();
      await c.put('after', { text: 'ensuite' });
      await store.close();
      const raw = fs.readFileSync(path.join(dir, 'botstate', '0.json'), 'utf8');
      expect(raw).not.toContain('xxxxxxxx');
      expect((JSON.parse(raw) as { entries: string[][] }).entries.map((e) => e[0]).sort()).toEqual(['after', 'before']);
    } finally {
      await store.close();
    }
  });
});
