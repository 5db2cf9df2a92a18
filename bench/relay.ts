// Live-relay latency with real clients on loopback: a web user through Microsoft's Direct Line client
// (WebSocket) and an advisor through the console (HTTP API + its WebSocket). user → advisor: the user
// posts, until the console socket announces the message; advisor → user: the console POST, until the
// message arrives in the user's Direct Line stream. Baseline: a bot turn (« aide ») over the same stream.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { loadConfig } from '../src/config.js';
import { EXAMPLE_DIRECTORY, loadDirectory, saveDirectory, upsertAdvisor } from '../src/handoff/directory.js';
import { hashPassword } from '../src/handoff/passwords.js';
import { createVirage } from '../src/index.js';
import type { BenchSection } from './types.js';
import { ms, ratio, summarize } from './stats.js';
import { fromBot, textOf, webUser } from './web-user.js';

const PASSWORD = 'mot-de-passe-de-bench-42';
const MONDAY_10H = Date.parse('2025-11-24T09:00:00.000Z');
const FORM = [
  'Parler à un conseiller',
  'oui',
  'Marie Dupont',
  'Boulangerie Dupont',
  'marie@boulangerie-dupont.fr',
  '06 12 34 56 78',
  '33',
  'Vendre en ligne',
  'Oui, c’est bien ça',
];

export async function benchRelay(rounds = 100): Promise<BenchSection> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'virage-bench-relay-'));
  const advisorsFile = path.join(dataDir, 'conseillers.json');
  saveDirectory(
    advisorsFile,
    upsertAdvisor(loadDirectory(EXAMPLE_DIRECTORY), 'cci-exemple-gironde', {
      login: 'claire.martin',
      displayName: 'Claire Martin',
      firstName: 'Claire',
      passwordHash: await hashPassword(PASSWORD),
    }),
  );
  let now = MONDAY_10H; // Monday 10:00 in Paris: the Gironde CCI is open
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    ADVISORS_FILE: advisorsFile,
  });
  const virage = await createVirage(config, { clock: () => new Date(now) });
  const url = `http://127.0.0.1:${await virage.start(0)}`;
  const { dl, next, post, greeted } = webUser(url, virage.directLine.issueToken(), 'bench/relay', 10_000);
  let console: WebSocket | undefined;
  try {
    await greeted();
    // Baseline: one bot turn over the same Direct Line stream (post → first reply in the WebSocket).
    const turn: number[] = [];
    for (let i = 0; i < rounds + 10; i++) {
      const started = performance.now();
      const replied = next(fromBot);
      await post('aide');
      await replied;
      await virage.directLine.idle();
      if (i >= 10) turn.push(performance.now() - started);
    }
    // The advisor: login, console socket, « disponible » (live is offered only then), then the request.
    const login = await fetch(`${url}/api/conseiller/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'claire.martin', password: PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
    console = new WebSocket(`${url.replace('http', 'ws')}/conseiller/ws`, { headers: { cookie, origin: url } });
    const hello = new Promise((resolve) =>
      console!.on('message', (data) => JSON.parse(String(data)).type === 'hello' && resolve(undefined)),
    );
    await new Promise((resolve, reject) => console!.once('open', resolve).once('error', reject));
    await hello;
    await fetch(`${url}/api/conseiller/presence`, { method: 'POST', headers, body: JSON.stringify({ statut: 'disponible' }) });
    for (const text of FORM) {
      const replied = next(fromBot);
      await post(text);
      await replied;
      await virage.directLine.idle();
    }
    const list = (await (await fetch(`${url}/api/conseiller/requests`, { headers })).json()) as { waiting: Array<{ id: string }> };
    const id = list.waiting[0]!.id;
    const taken = next((a) => fromBot(a) && /en relation avec Claire/.test(textOf(a)));
    await fetch(`${url}/api/conseiller/requests/${id}/take`, { method: 'POST', headers });
    await taken;
    const consoleWaiters = new Set<(m: any) => void>();
    console.on('message', (data) => {
      const m = JSON.parse(String(data));
      consoleWaiters.forEach((w) => w(m));
    });
    const consoleNext = (match: (m: any) => boolean) =>
      new Promise<void>((resolve) => {
        const w = (m: any) => {
          if (match(m)) {
            consoleWaiters.delete(w);
            resolve();
          }
        };
        consoleWaiters.add(w);
      });

    const up: number[] = [];
    const down: number[] = [];
    for (let i = 0; i < rounds + 10; i++) {
      now += 1000;
      let started = performance.now();
      const seen = consoleNext((m) => m.type === 'message' && m.id === id && m.from === 'user');
      await post(`message ${i}`);
      await seen;
      if (i >= 10) up.push(performance.now() - started);
      const text = `réponse ${i}`;
      started = performance.now();
      const arrived = next((a) => fromBot(a) && textOf(a).endsWith(text));
      const res = await fetch(`${url}/api/conseiller/requests/${id}/messages`, { method: 'POST', headers, body: JSON.stringify({ text }) });
      await res.arrayBuffer();
      await arrived;
      if (i >= 10) down.push(performance.now() - started);
    }
    const b = summarize(turn);
    const u = summarize(up);
    const d = summarize(down);
    return {
      title: `Live relay latency (${rounds} round trips, Direct Line WebSocket user, console HTTP + WebSocket advisor, loopback)`,
      lines: [
        `bot turn « aide » (baseline)        p50 ${ms(b.p50)}   p95 ${ms(b.p95)}   (post → first reply in the stream)`,
        `user → advisor (console socket)     p50 ${ms(u.p50)}   p95 ${ms(u.p95)}   ratio p50 ${ratio(u.p50, b.p50)}   p95 ${ratio(u.p95, b.p95)}`,
        `advisor → user (Direct Line stream) p50 ${ms(d.p50)}   p95 ${ms(d.p95)}   ratio p50 ${ratio(d.p50, b.p50)}   p95 ${ratio(d.p95, b.p95)}`,
      ],
    };
  } finally {
    console?.close();
    dl.end();
    await virage.stop();
  }
}
