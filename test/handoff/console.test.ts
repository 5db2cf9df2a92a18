import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { webDir } from '../../src/paths.js';
import { ConsoleAuth } from '../../src/server/console-auth.js';
import { MemoryStore } from '../../src/storage/memory-store.js';
import type { HandoffEvent } from '../../src/handoff/events.js';
import { call, login, startConsole, type ConsoleHarness, type Session } from './harness.js';
import { MONDAY_10H_WINTER, PASSWORD, request, testDirectory } from './helpers.js';

let h: ConsoleHarness;
let claire: Session;
let karim: Session;
let giron: string;
let rhone: string;

beforeAll(async () => {
  h = await startConsole(await testDirectory(true), MONDAY_10H_WINTER);
  giron = (await h.service.create(request('webchat:alice', { departement: '33' }))).request.id;
  rhone = (
    await h.service.create(request('webchat:bob', { departement: '69', reason: 'Facturation électronique <script>alert(1)</script>' }))
  ).request.id;
  claire = await login(h.url, 'claire.martin', PASSWORD);
  karim = await login(h.url, 'karim.benali', PASSWORD);
});
afterAll(async () => h.stop());

describe('advisor console API', () => {
  test('a session is required', async () => {
    for (const [method, route] of [
      ['GET', '/api/conseiller/requests'],
      ['GET', `/api/conseiller/requests/${giron}`],
      ['POST', `/api/conseiller/requests/${giron}/take`],
      ['GET', '/api/conseiller/session'],
    ] as const) {
      const res = await call(h.url, method, route);
      expect(res.status).toBe(401);
      expect(res.json.error).toEqual({ code: 'Unauthorized', message: 'Session absente ou expirée : connectez-vous.' });
    }
    const forged = await call(h.url, 'GET', '/api/conseiller/requests', { cookie: 'virage_conseiller=' + 'A'.repeat(43), csrf: 'x' });
    expect(forged.status).toBe(401);
  });

  test('login: wrong password refused, session cookie HttpOnly + SameSite=Strict, bad body is a 400', async () => {
    const bad = await call(h.url, 'POST', '/api/conseiller/login', undefined, { login: 'claire.martin', password: 'faux' });
    expect(bad.status).toBe(401);
    expect(bad.json.error.message).toBe('Identifiant ou mot de passe incorrect.');
    expect((await call(h.url, 'POST', '/api/conseiller/login', undefined, { login: ['x'] })).status).toBe(400);
    const raw = await fetch(`${h.url}/api/conseiller/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{pas du json',
    });
    expect(raw.status).toBe(400);
    const ok = await fetch(`${h.url}/api/conseiller/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: 'karim.benali', password: PASSWORD }),
    });
    const cookie = ok.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^virage_conseiller=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    const secure = new ConsoleAuth({
      store: new MemoryStore(),
      directory: () => ({ version: 1, fallbackCci: 'x', ccis: [] }),
      secure: true,
    });
    expect(secure.cookie('abc')).toContain('; Secure');
  });

  test('CSRF: every POST needs the session’s token', async () => {
    const none = await call(h.url, 'POST', `/api/conseiller/requests/${giron}/notes`, claire, { text: 'x' }, '');
    expect(none.status).toBe(403);
    expect(none.json.error.code).toBe('CsrfRejected');
    const other = await call(h.url, 'POST', `/api/conseiller/requests/${giron}/notes`, claire, { text: 'x' }, karim.csrf);
    expect(other.status).toBe(403);
    const logout = await call(h.url, 'POST', '/api/conseiller/logout', claire, {}, 'faux');
    expect(logout.status).toBe(403);
  });

  test('isolation: an advisor sees and touches nothing of another CCI', async () => {
    const list = await call(h.url, 'GET', '/api/conseiller/requests', claire);
    expect(list.status).toBe(200);
    const ids = [...list.json.waiting, ...list.json.active, ...list.json.callbacks, ...list.json.done].map((r: { id: string }) => r.id);
    expect(ids).toContain(giron);
    expect(ids).not.toContain(rhone);
    expect(list.text).not.toContain('Facturation');
    for (const [method, suffix] of [
      ['GET', ''],
      ['POST', '/take'],
      ['POST', '/messages'],
      ['POST', '/notes'],
      ['POST', '/status'],
      ['POST', '/end'],
      ['POST', '/bot'],
    ] as const) {
      const res = await call(h.url, method, `/api/conseiller/requests/${rhone}${suffix}`, claire, { text: 'coucou', status: 'clos' });
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('Facturation');
    }
    expect((await h.service.get(rhone))!.status).toBe('en_attente');
    const karimList = await call(h.url, 'GET', '/api/conseiller/requests', karim);
    expect(karimList.json.waiting.map((r: { id: string }) => r.id)).toEqual([rhone]);
  });

  test('live: take, reply, guide link, typing, notes, give back to the bot — with events for the relay', async () => {
    const events: HandoffEvent[] = [];
    const off = h.service.onEvent((e) => events.push(e));
    const detail = await call(h.url, 'GET', `/api/conseiller/requests/${giron}`, claire);
    expect(detail.json).toMatchObject({
      position: 1,
      request: { reference: expect.stringMatching(/^VIR-/), context: { diagnostic: { level: 'Débutant' } } },
    });
    expect(detail.json.request.subject).toBeUndefined();
    expect(detail.json.request.conversation).toBeUndefined();
    expect((await call(h.url, 'POST', `/api/conseiller/requests/${giron}/messages`, claire, { text: 'trop tôt' })).status).toBe(409);
    const taken = await call(h.url, 'POST', `/api/conseiller/requests/${giron}/take`, claire);
    expect(taken.json.request).toMatchObject({ status: 'en_cours', advisor: { firstName: 'Claire' } });
    expect((await call(h.url, 'POST', `/api/conseiller/requests/${giron}/take`, claire)).status).toBe(409);
    const sent = await call(h.url, 'POST', `/api/conseiller/requests/${giron}/messages`, claire, { text: 'Bonjour, je suis Claire.' });
    expect(sent.json.request.messages.at(-1)).toMatchObject({ from: 'advisor', text: 'Bonjour, je suis Claire.', by: 'Claire' });
    expect((await call(h.url, 'POST', `/api/conseiller/requests/${giron}/messages`, claire, { text: 'x'.repeat(2001) })).status).toBe(400);
    const guide = await call(h.url, 'POST', `/api/conseiller/requests/${giron}/guide`, claire, { slug: 'site-vitrine' });
    expect(guide.json.request.messages.at(-1).text).toBe(
      `Voici un guide qui devrait vous aider : Créer un site vitrine — ${h.url}/guides/site-vitrine`,
    );
    expect((await call(h.url, 'POST', `/api/conseiller/requests/${giron}/guide`, claire, { slug: 'inconnu' })).status).toBe(404);
    expect((await call(h.url, 'POST', `/api/conseiller/requests/${giron}/guide`, claire, { slug: '../x' })).status).toBe(400);
    expect((await call(h.url, 'POST', `/api/conseiller/requests/${giron}/typing`, claire)).status).toBe(200);
    expect(
      (await call(h.url, 'POST', `/api/conseiller/requests/${giron}/notes`, claire, { text: 'Projet e-commerce, budget 3 k€' })).json
        .request.notes,
    ).toHaveLength(1);
    expect((await call(h.url, 'POST', `/api/conseiller/requests/${giron}/status`, claire, { status: '__proto__' })).status).toBe(400);
    const back = await call(h.url, 'POST', `/api/conseiller/requests/${giron}/bot`, claire);
    expect(back.json.request).toMatchObject({ status: 'clos', endedBy: 'bot' });
    off();
    const advisorMessages = events.filter((e) => e.type === 'message.advisor');
    expect(advisorMessages).toHaveLength(2);
    expect(advisorMessages[0]).toMatchObject({ request: { conversation: { conversation: { id: 'conv-webchat:alice' } } } });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['request.taken', 'typing', 'request.ended']));
  });

  test('the WebSocket needs a session and only carries the advisor’s own CCI', async () => {
    const ws = (s?: Session, origin?: string) =>
      new WebSocket(`${h.url.replace('http', 'ws')}/conseiller/ws`, {
        headers: { ...(s ? { Cookie: s.cookie } : {}), ...(origin ? { Origin: origin } : {}) },
      });
    const refused = await new Promise<number>((resolve) => ws().on('unexpected-response', (_req, res) => resolve(res.statusCode!)));
    expect(refused).toBe(401);
    const foreign = await new Promise<number>((resolve) =>
      ws(karim, 'https://evil.example').on('unexpected-response', (_req, res) => resolve(res.statusCode!)),
    );
    expect(foreign).toBe(403);
    const received: Array<Record<string, unknown>> = [];
    const socket = ws(karim, h.url);
    await new Promise<void>((resolve) =>
      socket.on('message', (d) => (received.push(JSON.parse(String(d))), received.length === 1 && resolve())),
    );
    await h.service.create(request('webchat:carol', { departement: '33' }));
    await h.service.postUserMessage(rhone, 'Bonjour ?');
    await new Promise((r) => setTimeout(r, 200));
    socket.close();
    expect(received[0]).toEqual({ type: 'hello', cciId: 'cci-exemple-rhone' });
    expect(received.slice(1)).toEqual([
      { type: 'message', id: rhone, reference: expect.any(String), status: 'en_attente', kind: 'live', from: 'user' },
    ]);
  });

  test('login backoff after 4 failures per login and address: short, and never for another address', async () => {
    const attempt = (password: string, localAddress?: string) =>
      new Promise<{ status: number; retryAfter: number }>((resolve, reject) => {
        const body = JSON.stringify({ login: 'karim.benali', password });
        import('node:http').then(({ request: req }) => {
          const r = req(
            `${h.url}/api/conseiller/login`,
            { method: 'POST', localAddress, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
            (res) => {
              res.resume();
              resolve({ status: res.statusCode!, retryAfter: Number(res.headers['retry-after'] ?? 0) });
            },
          );
          r.on('error', reject);
          r.end(body);
        }, reject);
      });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt('mauvais')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const slowed = await attempt(PASSWORD);
    expect(slowed.status).toBe(429);
    expect(slowed.retryAfter).toBeGreaterThan(0);
    expect(slowed.retryAfter).toBeLessThanOrEqual(60);
    expect((await attempt(PASSWORD, '127.0.0.2')).status).toBe(200);
    await new Promise((r) => setTimeout(r, slowed.retryAfter * 1000 + 100));
    expect((await attempt(PASSWORD)).status).toBe(200);
  });

  test('the page: CSP script-src self, and no innerHTML in the script', async () => {
    const page = await fetch(`${h.url}/conseiller`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).not.toMatch(/<script>(?!<)/);
    const js = readFileSync(path.join(webDir, 'conseiller', 'console.js'), 'utf8');
    expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect((await fetch(`${h.url}/conseiller/console.js`)).headers.get('content-type')).toContain('javascript');
  });

  test('a request the user ended carries endedBy « user » and endedAt to the console (for the line in the exchange)', async () => {
    const id = (await h.service.create(request('webchat:ended', { departement: '33' }))).request.id;
    await call(h.url, 'POST', `/api/conseiller/requests/${id}/take`, claire, {});
    await h.service.end(id, 'user');
    const res = await call(h.url, 'GET', `/api/conseiller/requests/${id}`, claire);
    expect(res.status).toBe(200);
    expect(res.json.request).toMatchObject({ status: 'clos', endedBy: 'user' });
    expect(Number.isNaN(Date.parse(res.json.request.endedAt))).toBe(false);
  });

  test('the page hides the lists until login: the [hidden] attribute wins over the layout CSS', async () => {
    const html = await (await fetch(`${h.url}/conseiller`)).text();
    expect(html).toMatch(/<div id="app" hidden>/);
    const css = await (await fetch(`${h.url}/conseiller/console.css`)).text();
    expect(css).toMatch(/\[hidden\]\s*\{\s*display:\s*none !important;?\s*\}/);
    expect(css).toMatch(/#reply-form\s*\{[^}]*position:\s*sticky;[^}]*bottom:\s*0/);
  });
});
