import { PNG } from 'pngjs';
import type { Server } from 'restify';
import { loadConfig } from '../../../src/config.js';
import { newResultId } from '../../../src/diagnostic/records.js';
import type { DiagnosticResult } from '../../../src/diagnostic/result.js';
import { silentLogger } from '../../../src/log.js';
import { registerReportRoutes, reportLinks } from '../../../src/server/report-routes.js';
import { LruMap } from '../../../src/storage/lru.js';
import { close, createServer, listen } from '../../../src/server/server.js';
import { fixtureResult } from './helpers.js';

describe('report routes', () => {
  const stored = new Map<string, DiagnosticResult>();
  const id = newResultId();
  let lookups = 0;
  let server: Server;
  let base: string;
  let cache: LruMap<string, Buffer>;
  beforeAll(async () => {
    stored.set(id, fixtureResult('artisan-sans-site'));
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    server = createServer({ config, logger: silentLogger, version: 'test', health: [] });
    ({ cache } = registerReportRoutes(server, {
      getResult: async (key) => {
        lookups++;
        return stored.get(key);
      },
      guideUrl: (slug) => `https://virage.example.fr/guides/${slug}`,
      cacheSize: 2,
    }));
    base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });
  afterAll(() => close(server));

  it('ids are 128 random bits in base64url', () => {
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newResultId()).not.toBe(id);
  });

  it('serves the radar chart as image/png, cached after the first request', async () => {
    const res = await fetch(`${base}/diagnostic/${id}/radar.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    expect([png.width, png.height]).toEqual([600, 600]);
    expect(cache.size).toBe(1);
    const before = lookups;
    const marked = Buffer.concat([cache.get(id)!, Buffer.from('cached')]);
    cache.set(id, marked);
    const again = await fetch(`${base}/diagnostic/${id}/radar.png`);
    expect(Buffer.from(await again.arrayBuffer()).equals(marked)).toBe(true); // served from the cache
    expect(lookups).toBe(before + 1); // the result is still looked up: an erased result is not served from the cache
  });

  it('serves the PDF as a dated attachment', async () => {
    const res = await fetch(`${base}/diagnostic/${id}/rapport.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="rapport-virage-2026-11-22.pdf"');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it.each(['abc', 'x'.repeat(80), '..%2F..%2Fetc%2Fpasswd', 'AAAAAAAAAAAAAAAAAAAAA%3D'])(
    'answers 400 in French for a malformed id (%s)',
    async (bad) => {
      for (const file of ['radar.png', 'rapport.pdf']) {
        const res = await fetch(`${base}/diagnostic/${bad}/${file}`);
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({
          error: { code: 'BadArgument', message: 'Identifiant de diagnostic invalide : vérifiez le lien.' },
        });
      }
    },
  );

  it('answers 404 in French for an unknown or erased id', async () => {
    for (const file of ['radar.png', 'rapport.pdf']) {
      const res = await fetch(`${base}/diagnostic/${newResultId()}/${file}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await res.json()).error.message).toMatch(/^Diagnostic introuvable/);
    }
    const erased = newResultId();
    stored.set(erased, fixtureResult('boutique-facebook'));
    expect((await fetch(`${base}/diagnostic/${erased}/radar.png`)).status).toBe(200);
    expect(cache.get(erased)).toBeDefined();
    stored.delete(erased);
    expect((await fetch(`${base}/diagnostic/${erased}/radar.png`)).status).toBe(404);
    expect(cache.get(erased)).toBeUndefined();
  });

  it('answers 500 JSON, not a crash, when a stored result cannot be rendered', async () => {
    const broken = newResultId();
    stored.set(broken, { ...fixtureResult('boutique-facebook'), date: 'pas une date' });
    const res = await fetch(`${base}/diagnostic/${broken}/rapport.pdf`);
    expect(res.status).toBe(500);
    expect((await res.json()).error.code).toBe('ServiceError');
  });
});

describe('LruMap (the report cache)', () => {
  it('keeps the most recently used entries', () => {
    const lru = new LruMap<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([1, undefined, 3]);
  });
});

describe('reportLinks', () => {
  it('builds absolute URLs for the card', () => {
    const l = reportLinks('https://virage.cci.fr/', 'AAAAAAAAAAAAAAAAAAAAAA');
    expect(l.chartUrl).toBe('https://virage.cci.fr/diagnostic/AAAAAAAAAAAAAAAAAAAAAA/radar.png');
    expect(l.pdfUrl).toBe('https://virage.cci.fr/diagnostic/AAAAAAAAAAAAAAAAAAAAAA/rapport.pdf');
    expect(l.guideUrl('site-vitrine')).toBe('https://virage.cci.fr/guides/site-vitrine');
  });
});
