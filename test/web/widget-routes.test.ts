// The widget's routes: /widget.js (any site may load it: CORS and CORP, short cache with ETag, gzip),
// the chat frame (strict CSP, framed only by ALLOWED_ORIGINS), its assets, and the /demo page.
import vm from 'node:vm';
import { gunzipSync } from 'node:zlib';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { close, createServer, listen } from '../../src/server/server.js';
import { registerStaticRoutes } from '../../src/server/static-routes.js';
import { registerWidgetRoutes, WIDGET_CACHE } from '../../src/server/widget-routes.js';
import { tempDataDir } from '../helpers/virage.js';

async function start(env: Record<string, string> = {}) {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: tempDataDir(),
    BRAND_TITLE: 'Virage </script><b>CCI</b>',
    BRAND_PRIMARY_COLOR: '#123456',
    ALLOWED_ORIGINS: 'https://www.cci-exemple.fr',
    ...env,
  });
  const server = createServer({ config, logger: silentLogger, version: 'test', health: [] });
  registerWidgetRoutes(server, { config, logger: silentLogger });
  registerStaticRoutes(server, { config, logger: silentLogger });
  const port = await listen(server, 0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, stop: () => close(server) };
}

describe('widget routes', () => {
  let app: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    app = await start();
  });
  afterAll(() => app.stop());

  it('serves /widget.js to any site: JavaScript, CORS *, CORP cross-origin, short cache, ETag, gzip', async () => {
    const res = await fetch(`${app.url}/widget.js`, { headers: { Origin: 'https://www.autre-site.fr', 'Accept-Encoding': 'identity' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('cache-control')).toBe(WIDGET_CACHE);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const code = await res.text();
    expect(() => new vm.Script(code)).not.toThrow(); // one self-contained classic script
    expect(code).not.toContain('</script>'); // the configured title cannot close a script element
    expect(code).toContain('Virage \\u003c/script>\\u003cb>CCI\\u003c/b>');
    expect(code).toContain('#123456');
    expect(code).toContain('Ouvrir la conversation avec ');
    expect(code).toContain("'Fermer la conversation'");
    expect(code).toContain('/widget/frame?color=');
    const etag = res.headers.get('etag')!;
    expect((await fetch(`${app.url}/widget.js`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const gz = await fetch(`${app.url}/widget.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('vary')).toMatch(/Accept-Encoding/);
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    // fetch() decompresses transparently: same script either way
    expect(await gz.text()).toBe(code);
  });

  it('serves the chat frame with a strict CSP framed by ALLOWED_ORIGINS only, and no inline script', async () => {
    const res = await fetch(`${app.url}/widget/frame?color=%23123456&title=x`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'self' https://www.cci-exemple.fr");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(res.headers.get('x-frame-options')).toBeNull();
    const html = await res.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Conversation avec Virage &lt;/script&gt;&lt;b&gt;CCI&lt;/b&gt;');
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => m[1]!.match(/src="([^"?]+)/)?.[1])).toEqual([
      '/widget/contrast.js',
      '/session.js',
      '/widget/frame.js',
      '/webchat.js',
    ]);
    expect(scripts.every((m) => m[2]!.trim() === '')).toBe(true);
  });

  it('serves the frame assets, revalidated on each use', async () => {
    for (const [p, type] of [
      ['/widget/frame.js', 'text/javascript; charset=utf-8'],
      ['/widget/contrast.js', 'text/javascript; charset=utf-8'],
      ['/widget/frame.css', 'text/css; charset=utf-8'],
    ]) {
      const res = await fetch(`${app.url}${p}`);
      expect([p, res.status, res.headers.get('content-type'), res.headers.get('cache-control')]).toEqual([p, 200, type, 'no-cache']);
    }
    const frame = await (await fetch(`${app.url}/widget/frame.js`)).text();
    expect(frame).toContain('VirageSession.Session');
    const session = await (await fetch(`${app.url}/session.js`)).text();
    expect(session).toContain('/api/directline/token');
    expect(session).toContain("locale: 'fr-FR'");
  });

  it('serves /demo with the one-line snippet and the CSP a CCI site needs', async () => {
    const res = await fetch(`${app.url}/demo`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(
      `<script src="${app.url}/widget.js" data-title="CCI Exemple" data-color="#00594f" data-logo="/demo/logo.svg" async></script>`,
    );
    expect(html).toContain('&lt;script src=&quot;' + app.url + '/widget.js&quot;');
    expect(html).toContain('CCI Exemple');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain(`script-src 'self' ${app.url}`);
    expect(csp).toContain(`frame-src ${app.url}`);
    expect((await fetch(`${app.url}/demo/demo.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(`${app.url}/demo/logo.svg`)).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('leaves unknown widget addresses to the French 404', async () => {
    const res = await fetch(`${app.url}/widget/nope`, { headers: { Accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Page introuvable');
  });
});

describe('widget frame CSP by configuration', () => {
  it('lets any site frame the chat when ALLOWED_ORIGINS is *', async () => {
    const app = await start({ ALLOWED_ORIGINS: '*' });
    try {
      const csp = (await fetch(`${app.url}/widget/frame`)).headers.get('content-security-policy')!;
      expect(csp).toContain('frame-ancestors *');
    } finally {
      await app.stop();
    }
  });

  it('allows Azure Direct Line connections when DIRECTLINE_SECRET is set', async () => {
    const app = await start({ DIRECTLINE_SECRET: 'x'.repeat(40) });
    try {
      const csp = (await fetch(`${app.url}/widget/frame`)).headers.get('content-security-policy')!;
      expect(csp).toMatch(/connect-src [^;]*https:\/\/\*\.botframework\.com[^;]*wss:\/\/\*\.botframework\.com/);
    } finally {
      await app.stop();
    }
  });
});
