// The web chat page: served at / with the brand, a strict CSP (no inline script), Web Chat's bundle
// with a long cache, a clear message when the bundle is missing, and French 404 pages.
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/log.js';
import { webDir } from '../../../src/paths.js';
import { close, createServer, listen } from '../../../src/server/server.js';
import { registerStaticRoutes } from '../../../src/server/static-routes.js';
import { tempDir } from './harness.js';

async function start(dir?: string) {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: tempDir(),
    BRAND_TITLE: 'Virage — CCI <Test> & Cie',
    BRAND_PRIMARY_COLOR: '#123456',
  });
  const server = createServer({ config, logger: silentLogger, version: 'test', health: [] });
  registerStaticRoutes(server, { config, logger: silentLogger, webDir: dir });
  const port = await listen(server, 0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, stop: () => close(server) };
}

describe('web chat page', () => {
  let app: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    app = await start();
  });
  afterAll(() => app.stop());

  it('serves the page with the escaped title, external scripts only and a strict CSP', async () => {
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('<title>Virage — CCI &lt;Test&gt; &amp; Cie</title>');
    expect(html).toMatch(/<html lang="fr">/);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => m[1]!.match(/src="([^"]+)"/)?.[1])).toEqual([
      expect.stringMatching(/^\/webchat\.js\?v=/),
      '/session.js',
      '/chat.js',
    ]);
    expect(scripts.every((m) => m[2]!.trim() === '')).toBe(true);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval)/);
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+/);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(await (await fetch(`${app.url}/chat-theme.css`)).text()).toContain('--virage-primary: #123456');
    expect(await (await fetch(`${app.url}/api/webchat/config`)).json()).toMatchObject({
      title: 'Virage — CCI <Test> & Cie',
      locale: 'fr-FR',
      tokenUrl: '/api/directline/token',
    });
  });

  it('serves chat.js and chat.css, with the French messages the page needs', async () => {
    const js = await fetch(`${app.url}/chat.js`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    const code = await js.text();
    expect(code).toContain('Le module de conversation n’est pas installé : lancez npm install.');
    const session = await (await fetch(`${app.url}/session.js`)).text();
    expect(session).toContain("locale: 'fr-FR'");
    expect(session).toContain('/api/directline/token');
    const etag = js.headers.get('etag')!;
    expect((await fetch(`${app.url}/chat.js`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await fetch(`${app.url}/chat.css`)).headers.get('content-type')).toMatch(/text\/css/);
  });

  it('serves Web Chat’s bundle with a long cache, gzipped when accepted', async () => {
    const raw = readFileSync(path.join(webDir, 'vendor', 'webchat', 'webchat.js'));
    const res = await fetch(`${app.url}/webchat.js?v=4.18.1`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // fetch decompresses transparently: the bytes are the bundle's.
    expect(Buffer.from(await res.arrayBuffer()).equals(raw)).toBe(true);
    expect(gunzipSync(await gzipOf(app.url)).equals(raw)).toBe(true);
  });

  it('keeps idle connections open longer than a reverse proxy does (no reset when one is reused)', async () => {
    const res = await fetch(`${app.url}/healthz`);
    await res.arrayBuffer();
    expect(res.headers.get('keep-alive')).toBe('timeout=65');
  });

  it('answers unknown addresses with a French page for people and JSON for programs', async () => {
    const page = await fetch(`${app.url}/nulle-part`, { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Page introuvable');
    const api = await fetch(`${app.url}/api/nulle-part`);
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: { code: 'NotFound', message: expect.any(String) } });
  });
});

/** The raw gzip body, read without fetch's transparent decompression. */
async function gzipOf(url: string): Promise<Buffer> {
  const http = await import('node:http');
  return new Promise((resolve, reject) => {
    http
      .get(`${url}/webchat.js`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
        expect(res.headers['content-encoding']).toBe('gzip');
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      })
      .on('error', reject);
  });
}

describe('web chat page without the Web Chat bundle', () => {
  it('tells in French that npm install is needed', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    for (const f of ['index.html', 'chat.js', 'chat.css']) cpSync(path.join(webDir, f), path.join(dir, f));
    const app = await start(dir);
    try {
      const res = await fetch(`${app.url}/webchat.js`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('lancez npm install');
      expect((await fetch(`${app.url}/`)).status).toBe(200);
    } finally {
      await app.stop();
    }
  });
});
