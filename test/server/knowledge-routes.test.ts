import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type * as restify from 'restify';
import { loadConfig } from '../../src/config.js';
import { KnowledgeFeedback } from '../../src/knowledge/feedback.js';
import { loadGuides } from '../../src/knowledge/guides.js';
import { createKnowledgeBase } from '../../src/knowledge/search/index.js';
import { silentLogger } from '../../src/log.js';
import { projectRoot } from '../../src/paths.js';
import { createServer } from '../../src/server/server.js';
import { registerKnowledgeRoutes } from '../../src/server/knowledge-routes.js';
import { MemoryStore } from '../../src/storage/memory-store.js';

const guides = loadGuides(path.join(projectRoot, 'test', 'fixtures', 'kb-guides'));
const kb = createKnowledgeBase(guides, { synonyms: { expansions: {}, ignoredWords: ['comment', 'quoi'] } });
const store = new MemoryStore();
const feedback = new KnowledgeFeedback(store);
let server: restify.Server;
let base: string;

beforeAll(async () => {
  server = createServer({ config: loadConfig({ NODE_ENV: 'test' }, projectRoot), logger: silentLogger, version: 'test', health: [] });
  registerKnowledgeRoutes(server, { kb, feedback });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const get = (p: string) => fetch(base + p);

describe('guide pages', () => {
  it('serves a guide as sanitised French HTML with sources, date and a back link', async () => {
    const res = await get('/guides/site-vitrine');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h1>Créer un site vitrine</h1>');
    expect(html).toContain('Mis à jour le 22 novembre 2026');
    expect(html).toContain('href="https://www.francenum.gouv.fr/"');
    expect(html).toContain('consulté le 20 novembre 2026');
    expect(html).toContain('Retour');
    expect(html).toContain('id="combien-coute-un-site-vitrine"');
    expect(html).not.toMatch(/<script|alert\(1\)|href="http:\/\/exemple\.fr"/);
  });

  it('lists the guides', async () => {
    const html = await (await get('/guides')).text();
    for (const g of guides) expect(html).toContain(`href="/guides/${g.id}"`);
  });

  it('answers 404 in French for unknown or malformed slugs, without path traversal', async () => {
    for (const p of [
      '/guides/inconnu',
      '/guides/..%2F..%2Fpackage.json',
      '/guides/Site-Vitrine',
      '/guides/%00',
      `/guides/${'a'.repeat(200)}`,
    ]) {
      const res = await get(p);
      expect({ p, status: res.status }).toEqual({ p, status: 404 });
      const body = await res.text();
      expect(body).not.toContain('"name": "virage"');
      if (res.headers.get('content-type')?.includes('html')) expect(body).toContain('Page introuvable');
    }
  });
});

describe('/api/kb', () => {
  it('searches and returns the documented shape', async () => {
    const res = await get(`/api/kb/search?q=${encodeURIComponent('combien coûte un site vitrine')}&top=2`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { query: string; answered: boolean; results: Array<Record<string, unknown>> };
    expect(body.query).toBe('combien coûte un site vitrine');
    expect(body.answered).toBe(true);
    expect(body.results.length).toBeLessThanOrEqual(2);
    expect(body.results[0]).toMatchObject({
      id: 'site-vitrine',
      title: 'Créer un site vitrine',
      url: '/guides/site-vitrine#combien-coute-un-site-vitrine',
    });
    expect(typeof body.results[0]!.score).toBe('number');
    expect(typeof body.results[0]!.excerpt).toBe('string');
  });

  it('answers false off topic and logs the question for the curators, redacted', async () => {
    const res = await get(`/api/kb/search?q=${encodeURIComponent('météo à Lyon, rappelez-moi au 06 12 34 56 78')}`);
    expect(((await res.json()) as { answered: boolean }).answered).toBe(false);
    const logged = await feedback.questionsToCurate();
    expect(logged.map((q) => q.query)).toContain('météo à Lyon, rappelez-moi au [téléphone]');
  });

  it('rejects bad queries with clear 4xx JSON in French', async () => {
    const cases: Array<[string, string]> = [
      ['/api/kb/search', 'MissingQuery'],
      ['/api/kb/search?q=', 'MissingQuery'],
      ['/api/kb/search?q=a', 'QueryTooShort'],
      [`/api/kb/search?q=${'a'.repeat(301)}`, 'QueryTooLong'],
      ['/api/kb/search?q=site&top=0', 'BadTop'],
      ['/api/kb/search?q=site&top=11', 'BadTop'],
      ['/api/kb/search?q=site&top=abc', 'BadTop'],
      ['/api/kb/search?q=site&q=web', 'BadQuery'],
    ];
    for (const [p, code] of cases) {
      const res = await get(p);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect({ p, status: res.status, code: body.error.code }).toEqual({ p, status: 400, code });
      expect(body.error.message).toMatch(/[a-zé]/);
    }
  });

  it('lists guide ids and titles', async () => {
    const body = (await (await get('/api/kb/guides')).json()) as { guides: Array<{ id: string; title: string }> };
    expect(body.guides.map((g) => g.id).sort()).toEqual(guides.map((g) => g.id).sort());
  });

  it('records feedback and validates it', async () => {
    const post = (body: unknown) =>
      fetch(`${base}/api/kb/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ guideId: 'cybersecurite', sectionId: 'des-mots-de-passe-solides', vote: 'up', query: 'mdp' })).status).toBe(204);
    expect((await post({ guideId: 'inconnu', vote: 'up' })).status).toBe(400);
    expect((await post({ guideId: 'cybersecurite', sectionId: 'nope', vote: 'up' })).status).toBe(400);
    expect((await post({ guideId: 'cybersecurite', vote: 'bof' })).status).toBe(400);
    expect((await post([1, 2])).status).toBe(400);
    expect(await feedback.voteSummary()).toEqual([{ guideId: 'cybersecurite', sectionId: 'des-mots-de-passe-solides', up: 1, down: 0 }]);
  });
});
