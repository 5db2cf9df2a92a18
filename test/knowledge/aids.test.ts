import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAids, findAids as findIn, loadAids, type Aid } from '../../src/knowledge/aids.js';
import { content } from '../helpers/content.js';

const badDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'kb', 'aides-bad');
const catalogue: Aid[] = content().aids;
const REGION_CODES = Object.fromEntries(content().nlu.territories.regions.map((r) => [r.code, r.nom]));
const findAids = (query: Parameters<typeof findIn>[0], list: readonly Aid[] = catalogue) => findIn(query, list, content().aidVocabulary);
const ids = (list: ReturnType<typeof findAids>) => list.map((m) => m.aid.id);

describe('the real aid catalogue', () => {
  it('has a file and at least one entry for each of the 18 régions', () => {
    for (const code of Object.keys(REGION_CODES)) {
      expect(catalogue.filter((a) => a.regions.includes(code)).length).toBeGreaterThanOrEqual(1);
    }
    expect(Object.keys(REGION_CODES)).toHaveLength(18);
  });

  it('has unique ids, a source and a checked date on every entry', () => {
    expect(new Set(catalogue.map((a) => a.id)).size).toBe(catalogue.length);
    for (const a of catalogue) {
      expect(a.sources.length).toBeGreaterThanOrEqual(1);
      expect(a.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('checkAids on bad fixtures', () => {
  const messages = checkAids(badDir, { regions: REGION_CODES }).map((p) => `${p.file} | ${p.message}`);

  it('flags a duplicate id, a malformed URL, an unknown amount without note and a missing source', () => {
    expect(messages).toContainEqual(expect.stringMatching(/nationales\.fr\.json \| aide « france-num-ressources » : identifiant déjà utilisé/));
    expect(messages).toContainEqual(expect.stringMatching(/aide « adresse-cassee » : adresse mal formée « https:\/\/exemple »/));
    expect(messages).toContainEqual(expect.stringMatching(/aide « montant-sans-note » : montant inconnu/));
  });

  it('flags schema errors with the field', () => {
    expect(messages).toContainEqual(expect.stringMatching(/nationales\.fr\.json \| aide « sans-source » : sources : au moins 1 élément/));
  });

  it('flags a regional entry tagged with another région, unreadable JSON and missing régions', () => {
    expect(messages).toContainEqual(expect.stringMatching(/11-ile-de-france\.fr\.json \| aide « idf-cheque-numerique-commerce-connecte » : « regions » doit valoir \["11"\]/));
    expect(messages).toContainEqual(expect.stringMatching(/84-auvergne-rhone-alpes\.fr\.json \| JSON illisible/));
    expect(messages).toContainEqual(expect.stringMatching(/aucun fichier pour la région 94 \(Corse\)/));
  });

  it('loadAids throws with every problem', () => {
    expect(() => loadAids(badDir)).toThrow(/Catalogue des aides invalide : \d+ problème/);
  });
});

describe('findAids', () => {
  it('returns national schemes plus those of the région only', () => {
    const found = findAids({ region: '11' }, catalogue);
    expect(found.some((m) => m.aid.id === 'idf-cheque-numerique-commerce-connecte')).toBe(true);
    expect(found.some((m) => m.aid.id === 'france-num-ressources')).toBe(true);
    expect(found.every((m) => m.aid.regions.includes('*') || m.aid.regions.includes('11'))).toBe(true);
    expect(found.some((m) => m.aid.id === 'hdf-aden-digitalisation')).toBe(false);
  });

  it('without a région, returns national schemes only', () => {
    expect(findAids({}, catalogue).every((m) => !m.regional)).toBe(true);
  });

  it('ranks regional topic-matching schemes first', () => {
    const found = findAids({ region: '11', sizeBand: '1-4', status: 'tns-commerce', sector: 'commerce', topics: ['site'] }, catalogue);
    expect(found[0]?.aid.id).toBe('idf-cheque-numerique-commerce-connecte');
    expect(found[0]?.matchedTopics).toEqual(['site']);
    const firstUnmatched = found.findIndex((m) => m.matchedTopics.length === 0);
    expect(found.slice(firstUnmatched).every((m) => m.matchedTopics.length === 0)).toBe(true);
  });

  it('puts the AI diagnostic first for an AI need', () => {
    const found = findAids({ region: '84', sizeBand: '10-49', status: 'entreprise', topics: ['ia'] }, catalogue);
    expect(ids(found).slice(0, 2)).toContain('osez-ia-diag-data-ia');
  });

  it('filters on size, status and sector', () => {
    expect(ids(findAids({ region: '11', sizeBand: '50-249' }, catalogue))).not.toContain('idf-cheque-numerique-commerce-connecte');
    expect(ids(findAids({ region: '11', sector: 'industrie' }, catalogue))).not.toContain('idf-cheque-numerique-commerce-connecte');
    const artisan = ids(findAids({ status: 'artisan', topics: ['formation'] }, catalogue));
    expect(artisan).toContain('fafcea-formation-artisans');
    expect(artisan).not.toContain('agefice-formation-dirigeants');
    expect(artisan).not.toContain('fifpl-formation-liberaux');
    expect(ids(findAids({ sizeBand: '0', status: 'entreprise' }, catalogue))).not.toContain('opco-formation-salaries');
    expect(ids(findAids({ status: 'association' }, catalogue))).toContain('cpf-formation');
    expect(ids(findAids({ status: 'association' }, catalogue))).not.toContain('osez-ia-diag-data-ia');
  });

  it('keeps liberal professions out of a scheme that lists the other business statuses, not a business of unknown status', () => {
    const query = { region: '76', sizeBand: '10-49' as const, topics: ['transformation'] };
    expect(ids(findAids({ ...query, status: 'profession-liberale' }, catalogue))).not.toContain('pass-occitanie');
    expect(ids(findAids({ ...query, status: 'dirigeant-salarie' }, catalogue))).toContain('pass-occitanie');
    expect(ids(findAids({ ...query, status: 'entreprise' }, catalogue))).toContain('pass-occitanie');
    expect(ids(findAids({ ...query, status: 'association' }, catalogue))).not.toContain('pass-occitanie');
  });

  it('rejects a size band the schema does not name; a status it does not name filters nothing', () => {
    expect(() => findAids({ sizeBand: '12' }, catalogue)).toThrow(RangeError);
    expect(ids(findAids({ status: 'pdg', region: '76' }, catalogue))).toEqual(ids(findAids({ region: '76' }, catalogue)));
    expect(ids(findAids({ status: 'association', region: '76' }, catalogue))).not.toEqual(ids(findAids({ region: '76' }, catalogue)));
  });

  it('loads the default catalogue when none is given', () => {
    expect(findAids({ region: '94' }).some((m) => m.aid.id === 'cci-corse-conseil-numerique')).toBe(true);
  });
});

describe('export support only for firms that export', () => {
  it('is not offered for remote selling alone, and is offered when the firm exports', () => {
    const query = { region: '11', sizeBand: '1-4' as const, status: 'tns-commerce' as const, sector: 'commerce', topics: ['e-commerce'] };
    expect(findAids(query).map((m) => m.aid.id)).not.toContain('team-france-export');
    expect(findAids({ ...query, exports: true }).map((m) => m.aid.id)).toContain('team-france-export');
    expect(findAids({ ...query, topics: ['export'] }).map((m) => m.aid.id)).toContain('team-france-export');
  });
});
