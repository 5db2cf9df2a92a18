import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KnowledgeFeedback, queryHash, redactQuery } from '../../src/knowledge/feedback.js';
import { ShardedFileStore } from '../../src/storage/sharded-store.js';

describe('redactQuery', () => {
  it('removes e-mails, phone numbers, links and long digit runs', () => {
    const q = 'Je suis jean.dupont@exemple.fr, 06 12 34 56 78 ou +33 6 12 34 56 78, SIRET 123 456 789 00012, voir https://x.fr/a?b=1';
    const r = redactQuery(q);
    expect(r).not.toMatch(/dupont|exemple\.fr|06 12|123 456|x\.fr/);
    expect(r).toContain('[e-mail]');
    expect(r).toContain('[téléphone]');
    expect(r).toContain('[nombre]');
    expect(r).toContain('[lien]');
  });
  it('keeps short numbers that carry meaning and caps the length', () => {
    expect(redactQuery('facture électronique 2026 pour 3 salariés')).toBe('facture électronique 2026 pour 3 salariés');
    expect(redactQuery('a'.repeat(1000))).toHaveLength(300);
  });
  it('hashes the same question the same way, whatever the accents and case', () => {
    expect(queryHash('Facture électronique ?')).toBe(queryHash('facture electronique'));
  });
});

describe('KnowledgeFeedback on the file store', () => {
  let dir: string;
  let store: ShardedFileStore;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'virage-kbfb-'));
    store = new ShardedFileStore(dir, { shards: 4 });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores votes without any user id and summarises them per section', async () => {
    const fb = new KnowledgeFeedback(store);
    await fb.vote({ guideId: 'rgpd', sectionId: 'le-registre', vote: 'down', query: 'mon mail a@b.fr rgpd' });
    await fb.vote({ guideId: 'rgpd', sectionId: 'le-registre', vote: 'up' });
    await fb.vote({ guideId: 'rgpd', sectionId: 'le-registre', vote: 'down' });
    await fb.vote({ guideId: 'site-vitrine', vote: 'up' });
    expect(await fb.voteSummary()).toEqual([
      { guideId: 'rgpd', sectionId: 'le-registre', up: 1, down: 2 },
      { guideId: 'site-vitrine', sectionId: '', up: 1, down: 0 },
    ]);
    const stored = await fb.votes.find(() => true);
    expect(JSON.stringify(stored)).not.toContain('a@b.fr');
    expect(Object.keys(stored[0]!.value).sort()).toEqual(['day', 'guideId', 'query', 'queryHash', 'sectionId', 'vote']);
  });

  it('rejects invalid votes', async () => {
    const fb = new KnowledgeFeedback(store);
    await expect(fb.vote({ guideId: '../etc', vote: 'up' })).rejects.toThrow(RangeError);
    await expect(fb.vote({ guideId: 'rgpd', vote: 'maybe' as 'up' })).rejects.toThrow(RangeError);
    await expect(fb.vote({ guideId: 'rgpd', sectionId: 'a b', vote: 'up' })).rejects.toThrow(RangeError);
  });

  it('merges the same unanswered question, counts it, and survives a restart', async () => {
    const fb = new KnowledgeFeedback(store);
    const now = new Date('2026-11-22T10:00:00Z');
    await fb.logQuestion({ query: 'Quelle météo à Lyon ?', answered: false, bestGuide: null, bestConfidence: 0 }, now);
    await fb.logQuestion({ query: 'quelle meteo a lyon', answered: false, bestGuide: null, bestConfidence: 0 }, now);
    await fb.logQuestion({ query: 'appelez-moi au 0612345678', answered: true, bestGuide: 'accompagnement-cci', bestConfidence: 0.4 }, now);
    await store.close();
    store = new ShardedFileStore(dir, { shards: 4 });
    const list = await new KnowledgeFeedback(store).questionsToCurate();
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ query: 'Quelle météo à Lyon ?', count: 2, kind: 'unanswered', lastDay: '2026-11-22' });
    expect(list[1]).toMatchObject({ query: 'appelez-moi au [téléphone]', kind: 'low-confidence', bestGuide: 'accompagnement-cci' });
  });

  it('purges records older than the retention', async () => {
    const fb = new KnowledgeFeedback(store);
    await fb.vote({ guideId: 'rgpd', vote: 'up' }, new Date('2025-01-01T00:00:00Z'));
    await fb.logQuestion({ query: 'vieille question', answered: false, bestGuide: null, bestConfidence: 0 }, new Date('2025-01-01T00:00:00Z'));
    await fb.vote({ guideId: 'rgpd', vote: 'up' }, new Date('2026-11-20T00:00:00Z'));
    expect(await fb.purge(new Date('2026-11-22T00:00:00Z'), 365)).toBe(2);
    expect(await fb.votes.count()).toBe(1);
    expect(await fb.curation.count()).toBe(0);
  });
});
