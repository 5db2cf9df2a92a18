// Two real Virage servers (child processes: restify, self-hosted Direct Line, console) on one PostgreSQL
// schema and one Redis prefix, as behind a reverse proxy without sticky sessions. A web user talks
// through Microsoft's Direct Line client on each instance in turn (WebSocket streams on both), the
// advisor works on the other instance; then one instance is killed (kill -9) in the middle of a
// diagnostic and the user goes on through the other, nothing lost.
import type { ChildProcess } from 'node:child_process';
import { spawnServer } from '../../scripts/lib/child-server.js';
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { saveDirectory } from '../../src/handoff/directory.js';
import { createNodeDirectLine, type DirectLine } from '../../scripts/lib/directline-node.js';
import { collect, texts } from '../server/directline/harness.js';
import { createTestSchema, postgresAvailable, type TestSchema } from '../helpers/postgres.js';
import { dropPrefix, redisAvailable, testPrefix, TEST_REDIS_URL } from '../helpers/redis.js';
import { tempDataDir } from '../helpers/virage.js';
import { buildSources } from '../storage/child-build.js';
import { removeDir } from '../storage/helpers.js';
import { FORM } from '../handoff/clients.js';
import { call, login } from '../handoff/harness.js';
import { PASSWORD, testDirectory } from '../handoff/helpers.js';

/** The handoff clock of the children starts on a Monday at 10:00 in Paris (advisors on duty). */
const MONDAY_10H = '2025-11-24T09:00:00.000Z';
const APP = `
import { loadConfig } from './src/config.js';
import { createVirage } from './src/index.js';
const offset = Date.parse('${MONDAY_10H}') - Date.now();
const config = loadConfig({ ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1' });
const virage = await createVirage(config, { clock: () => new Date(Date.now() + offset) });
const port = await virage.start(0);
process.stdout.write('port ' + port + '\\n');
`;

let on = false;
let built: string;
let schema: TestSchema;
let dataDir: string;
const prefix = testPrefix();
const children: ChildProcess[] = [];

interface Instance {
  url: string;
  child: ChildProcess;
  exited: Promise<NodeJS.Signals | null>;
}

async function startInstance(): Promise<Instance> {
  const env = {
    ...process.env,
    LOG_LEVEL: 'error',
    DATA_DIR: dataDir,
    ADVISORS_FILE: path.join(dataDir, 'conseillers.json'),
    STORE: 'postgres',
    DATABASE_URL: schema.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: prefix,
  };
  const server = spawnServer([path.join(built, 'two-instances.js')], env);
  children.push(server.child);
  return { url: await server.url, child: server.child, exited: server.exited };
}

beforeAll(async () => {
  on =
    (await postgresAvailable('deux instances (test/cluster/two-instances.test.ts)')) &&
    (await redisAvailable('deux instances (test/cluster/two-instances.test.ts)'));
  if (!on) return;
  built = await buildSources({ 'two-instances.js': APP });
  schema = await createTestSchema();
  dataDir = tempDataDir('virage-two-');
  saveDirectory(path.join(dataDir, 'conseillers.json'), await testDirectory(true));
}, 90_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (!on) return;
  await Promise.all(
    children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : undefined)),
  );
  removeDir(dataDir);
  await schema.drop();
  await dropPrefix(prefix);
});

async function token(url: string, body: Record<string, string> = {}) {
  const res = await fetch(`${url}/api/directline/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { token: string; conversationId: string; userId: string };
}

/** Microsoft's client on one instance's Direct Line, over WebSocket; `conversationId` resumes one. */
function client(url: string, t: { token: string; userId: string }, conversationId?: string) {
  const dl: DirectLine = createNodeDirectLine({
    domain: `${url}/v3/directline`,
    token: t.token,
    webSocket: true,
    ...(conversationId ? { conversationId } : {}),
  });
  const c = collect(dl);
  const botTexts = () => texts(c.received, 'bot').map((x) => x ?? '');
  const post = (text: string) =>
    new Promise<string>((resolve, reject) =>
      dl.postActivity({ type: 'message', from: { id: t.userId }, text } as any).subscribe(resolve, reject),
    );
  return { dl, ...c, botTexts, post };
}
type Client = ReturnType<typeof client>;

/** Posts through `via` and waits until every client in `watch` has a new bot message matching `until`. */
async function say(via: Client, text: string, until: RegExp, watch: Client[] = [via]): Promise<void> {
  const before = watch.map((w) => w.botTexts().length);
  await via.post(text);
  await Promise.all(
    watch.map((w, i) =>
      w.waitFor(
        () =>
          w
            .botTexts()
            .slice(before[i])
            .some((x) => until.test(x)),
        15_000,
      ),
    ),
  );
}

/** The console socket of an advisor session (cookie), collecting its messages. */
async function consoleSocket(url: string, cookie: string): Promise<{ messages: any[]; ws: WebSocket }> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/conseiller/ws`, { headers: { cookie } });
  const messages: any[] = [];
  ws.on('message', (d) => messages.push(JSON.parse(String(d))));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return { messages, ws };
}

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('two instances on one PostgreSQL and one Redis', () => {
  let a: Instance;
  let b: Instance;

  // Both instances for every test (each test also passes alone with -t); the kill test restarts A.
  beforeAll(async () => {
    if (!on) return;
    a = await startInstance();
    b = await startInstance();
  }, 60_000);

  it('starts two instances side by side', async () => {
    if (!on) return;
    for (const i of [a, b]) expect((await fetch(`${i.url}/healthz`)).status).toBe(200);
  });

  it('a user alternates between instances: every reply reaches both streams; the advisor works on the other instance', async () => {
    if (!on) return;
    const advisor = await login(b.url, 'claire.martin', PASSWORD);
    // The session made on B is valid on A (sessions in the shared store).
    expect((await call(a.url, 'GET', '/api/conseiller/session', advisor)).status).toBe(200);
    const consoleB = await consoleSocket(b.url, advisor.cookie);
    // Live is offered only with an advisor « disponible »: said on B, seen by A through the shared presence.
    await until(() => consoleB.messages.find((m) => m.type === 'hello'));
    expect((await call(b.url, 'POST', '/api/conseiller/presence', advisor, { statut: 'disponible' })).status).toBe(200);
    expect(
      (await call(a.url, 'GET', '/api/conseiller/presence', advisor)).json.advisors.find((x: any) => x.login === 'claire.martin').state,
    ).toBe('disponible');

    const t = await token(a.url);
    const onA = client(a.url, t);
    await onA.waitFor(() => onA.botTexts().some((x) => /Que souhaitez-vous faire/.test(x)));
    const onB = client(b.url, t, t.conversationId);
    const both = [onA, onB];
    try {
      // The diagnostic, one message on each instance in turn; each turn's reply reaches both streams.
      const steps: Array<[string, RegExp]> = [
        ['Faire mon diagnostic numérique', /Question 1\/34/],
        ['1 à 4 salariés', /Question 2\/34/],
        ['je tiens une boulangerie', /Question 3\/34/],
        ['Des particuliers', /Question 4\/34/],
        ['on est dans le 33', /Question 5\/34/],
        ['pause', /reprendre mon diagnostic/],
      ];
      for (const [i, [text, expected]] of steps.entries()) await say(both[i % 2]!, text, expected, both);

      // The handoff form, alternating too; the advisor's socket is on B whichever instance creates the request.
      await say(onB, 'Parler à un conseiller', /Êtes-vous d’accord/, both);
      for (const [i, text] of FORM.entries()) await say(both[i % 2]!, text, /./, both);
      await say(onA, 'Oui, c’est bien ça', /position/, both);
      const created = await until(() => consoleB.messages.find((m) => m.type === 'request' && m.event === 'request.created'));
      const id = created.id as string;
      // Both instances see the request waiting in the live queue.
      for (const url of [a.url, b.url]) {
        const { json } = await call(url, 'GET', '/api/conseiller/requests', advisor);
        expect(json.waiting.map((r: any) => r.id)).toEqual([id]);
      }

      expect((await call(b.url, 'POST', `/api/conseiller/requests/${id}/take`, advisor)).status).toBe(200);
      await Promise.all(both.map((c) => c.waitFor(() => c.botTexts().some((x) => x.startsWith('Vous êtes en relation avec Claire')))));
      // Taken on B: A's queue is empty too (a second take, on A, is refused).
      expect((await call(a.url, 'GET', '/api/conseiller/requests', advisor)).json.waiting).toEqual([]);
      expect((await call(a.url, 'POST', `/api/conseiller/requests/${id}/take`, advisor)).status).toBe(409);

      await call(b.url, 'POST', `/api/conseiller/requests/${id}/messages`, advisor, { text: 'Bonjour Marie, je regarde votre demande.' });
      await Promise.all(both.map((c) => c.waitFor(() => c.botTexts().includes('**Claire** : Bonjour Marie, je regarde votre demande.'))));
      const onceOnly = onA.botTexts().filter((x) => x === '**Claire** : Bonjour Marie, je regarde votre demande.');
      expect(onceOnly).toHaveLength(1); // relayed once, by the instance that took the message

      // The user answers through A; the advisor's socket on B hears of it and B has the message.
      await onA.post('Merci, je vous écoute');
      await until(() => consoleB.messages.find((m) => m.type === 'message' && m.id === id && m.from === 'user'));
      const seen = await call(b.url, 'GET', `/api/conseiller/requests/${id}`, advisor);
      expect(seen.json.request.messages.map((m: any) => m.text)).toContain('Merci, je vous écoute');

      // Same history on both streams: same ids, same order, no gap, no duplicate.
      const ids = (c: Client) => c.received.filter((x) => x.type === 'message').map((x) => x.id!);
      await until(() => ids(onA).length === ids(onB).length && ids(onA).length > 0);
      expect(ids(onB)).toEqual(ids(onA));
      const seqs = ids(onA).map((x) => Number(x.split('|')[1]));
      expect(new Set(seqs).size).toBe(seqs.length);
      expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
      consoleB.ws.close();
    } finally {
      onA.dl.end();
      onB.dl.end();
    }
  }, 120_000);

  it('kill -9 of one instance in the middle of a diagnostic: the user goes on through the other, nothing lost', async () => {
    if (!on) return;
    const t = await token(a.url);
    const onA = client(a.url, t);
    let onB: Client | undefined;
    try {
      await onA.waitFor(() => onA.botTexts().some((x) => /Que souhaitez-vous faire/.test(x)));
      await say(onA, 'Faire mon diagnostic numérique', /Question 1\/34/);
      await say(onA, '1 à 4 salariés', /Question 2\/34/);
      await say(onA, 'je tiens une boulangerie', /Question 3\/34/);
      a.child.kill('SIGKILL');
      expect(await a.exited).toBe('SIGKILL');
      onA.dl.end();

      // The page reconnects through the proxy, which now sends it to B: same token, same conversation.
      onB = client(b.url, t, t.conversationId);
      await onB.waitFor(() => onB!.botTexts().some((x) => /Question 3\/34/.test(x)));
      await say(onB, 'Des particuliers', /Question 4\/34/);
      await say(onB, 'on est dans le 33', /Question 5\/34/);

      // Every message the user sent is in the history, once, and the answers were all kept.
      const user = onB.received.filter((x) => x.type === 'message' && x.from?.role === 'user').map((x) => (x as any).text);
      expect(user).toEqual([
        'Faire mon diagnostic numérique',
        '1 à 4 salariés',
        'je tiens une boulangerie',
        'Des particuliers',
        'on est dans le 33',
      ]);
      const ids = onB.received.filter((x) => x.type === 'message').map((x) => x.id!);
      expect(new Set(ids).size).toBe(ids.length);
      const recap = await say(onB, 'pause', /reprendre mon diagnostic/).then(() => onB!.botTexts().join('\n'));
      expect(recap).toMatch(/diagnostic est enregistré/);

      // A restarted instance joins again and serves the same conversation.
      a = await startInstance();
      const again = await fetch(`${a.url}/v3/directline/conversations/${t.conversationId}/activities`, {
        headers: { Authorization: `Bearer ${t.token}` },
      });
      const history = (await again.json()) as { activities: Array<{ id: string }> };
      expect(history.activities.map((x) => x.id).filter((x) => ids.includes(x))).toEqual(ids);
    } finally {
      onA.dl.end();
      onB?.dl.end();
    }
  }, 120_000);
});
