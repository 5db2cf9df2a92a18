// Hole 8 of issue 11 (bot state): the dialog state was saved after the reply was sent, so a crash right
// after a reply left the dialog one question behind. A real Virage runs in a child process on a real
// DATA_DIR; it is killed (SIGKILL, no graceful save) the moment the bot's reply « Question 2 » has been
// stored for the web chat; a new process on the same DATA_DIR must take the next message as the answer
// to question 2. Through the built-in Direct Line's REST API, with the same token across the restart.
import type { ChildProcess } from 'node:child_process';
import { spawnServer } from '../../scripts/lib/child-server.js';
import fs from 'node:fs';
import path from 'node:path';
import { buildSources } from '../storage/child-build.js';
import { removeDir, tempDir } from '../storage/helpers.js';

const APP = `
import { loadConfig } from './src/config.js';
import { createVirage } from './src/index.js';
import { DirectLineCore } from './src/server/directline/core.js';
const [dataDir, crashOn] = process.argv.slice(2);
if (crashOn) {
  // The crash: right after the bot's reply is stored and published, before the bot's turn goes on.
  const post = DirectLineCore.prototype.postFromBot;
  DirectLineCore.prototype.postFromBot = async function (...args) {
    const outcome = await post.apply(this, args);
    const text = args[1] && args[1].text;
    if (outcome.ok && typeof text === 'string' && text.includes(crashOn)) process.kill(process.pid, 'SIGKILL');
    return outcome;
  };
}
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
const virage = await createVirage(config);
const port = await virage.start(0);
process.stdout.write('port ' + port + '\\n');
`;

let built: string;
let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  built = await buildSources({ 'state-crash.js': APP });
}, 60_000);
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (dataDir) removeDir(dataDir);
});

/** Starts the app in a child process; resolves with its base URL and a promise of its exit signal. */
async function startChild(crashOn?: string): Promise<{ url: string; exited: Promise<NodeJS.Signals | null> }> {
  const server = spawnServer([path.join(built, 'state-crash.js'), dataDir, ...(crashOn ? [crashOn] : [])]);
  children.push(server.child);
  return { url: await server.url, exited: server.exited };
}

interface Conversation {
  token: string;
  conversationId: string;
  userId: string;
}

async function call(url: string, token: string, method: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

/** The bot's message texts after `watermark`, once one matches `until`. */
async function botTextsUntil(base: string, c: Conversation, watermark: number, until: RegExp, ms = 15_000): Promise<string[]> {
  const end = Date.now() + ms;
  let seen: string[] = [];
  while (Date.now() < end) {
    const res = await call(`${base}/v3/directline/conversations/${c.conversationId}/activities?watermark=${watermark}`, c.token, 'GET');
    if (res.status === 200) {
      seen = (res.json.activities as any[]).filter((a) => a.type === 'message' && a.from?.role === 'bot').map((a) => String(a.text ?? ''));
      if (seen.some((t) => until.test(t))) return seen;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timeout waiting for ${until}; bot said: ${JSON.stringify(seen)}`);
}

async function watermarkOf(base: string, c: Conversation): Promise<number> {
  const res = await call(`${base}/v3/directline/conversations/${c.conversationId}/activities`, c.token, 'GET');
  return Number(res.json.watermark ?? 0);
}

async function say(base: string, c: Conversation, text: string): Promise<number> {
  const watermark = await watermarkOf(base, c);
  const res = await call(`${base}/v3/directline/conversations/${c.conversationId}/activities`, c.token, 'POST', {
    type: 'message',
    from: { id: c.userId },
    text,
  });
  expect(res.status).toBe(200);
  return watermark;
}

describe('bot state survives a crash right after a reply (hole 8)', () => {
  it('after kill -9 right after « Question 2 », the restarted app takes the next message as the answer to question 2', async () => {
    dataDir = tempDir();
    const first = await startChild('Question 2/');
    const t = await (
      await fetch(`${first.url}/api/directline/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    ).json();
    const c: Conversation = { token: t.token, conversationId: t.conversationId, userId: t.userId };
    expect((await call(`${first.url}/v3/directline/conversations`, c.token, 'POST', {})).status).toBeLessThan(300);
    await botTextsUntil(first.url, c, 0, /Que souhaitez-vous faire/);
    await botTextsUntil(first.url, c, await say(first.url, c, 'Faire mon diagnostic numérique'), /Question 1\//);
    await say(first.url, c, '1 à 4 salariés'); // the reply « Question 2 » kills the app
    expect(await first.exited).toBe('SIGKILL');

    const second = await startChild();
    const history = await call(`${second.url}/v3/directline/conversations/${c.conversationId}/activities`, c.token, 'GET');
    expect(history.json.activities.some((a: any) => /Question 2\//.test(a.text ?? ''))).toBe(true); // the reply was out
    const replies = await botTextsUntil(
      second.url,
      c,
      await say(second.url, c, 'je tiens une boulangerie'),
      /Question \d+\/|pas bien compris|Je n’ai pas/,
    );
    expect(replies.join('\n')).toMatch(/Question 3\//);
    expect(replies.join('\n')).not.toMatch(/pas bien compris|Question 1\//);
  });
});
