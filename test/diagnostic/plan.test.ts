import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readDiagnosticModel } from '../../src/diagnostic/model.js';
import type { FindAids } from '../../src/diagnostic/plan.js';
import { buildResult, type DiagnosticResult } from '../../src/diagnostic/result.js';
import type { Answer, Answers, Profile } from '../../src/diagnostic/types.js';
import { content, findAids } from '../helpers/content.js';
import { projectRoot } from '../../src/paths.js';

const fixtures = path.join(projectRoot, 'test', 'fixtures', 'diagnostic');
const model = content().diagnostic;
const q = model.questionnaire;
const now = new Date('2026-11-22T10:00:00Z');

function firm(name: string): Record<string, Answer> {
  return (JSON.parse(readFileSync(path.join(fixtures, `entreprise-${name}.json`), 'utf8')) as { answers: Record<string, Answer> }).answers;
}
function run(answers: Answers, extra: { profile?: Profile; findAids?: FindAids; askedAboutAids?: boolean } = {}): DiagnosticResult {
  return buildResult(q, extra.profile ?? {}, answers, {
    model,
    findAids: extra.findAids ?? findAids,
    now,
    askedAboutAids: extra.askedAboutAids,
  });
}
const ids = (r: DiagnosticResult): string[] => r.plan.priorities.map((p) => p.id);

describe('plans for typical firms (real aid catalogue)', () => {
  test('artisan without a site, small budget, no time: e-invoicing, Google listing, light actions', () => {
    const r = run(firm('artisan-sans-site'));
    expect(ids(r)).toEqual(['facture-electronique', 'fiche-google', 'double-verification']);
    expect(r.plan.priorities.every((p) => p.horizon !== 'pari')).toBe(true);
    expect(r.plan.priorities.reduce((sum, p) => sum + p.cost.min, 0)).toBeLessThanOrEqual(300);
    expect(r.level?.label).toBe('Premiers pas');
    expect(r.advisorSuggested?.reasons.join(' ')).toMatch(/Facture électronique.*score global est de \d+\/100/s);
    expect(r.plan.priorities[0].why).toContain('« Rien de prévu »');
    expect(r.plan.priorities[0].guides).toContain('facturation-electronique');
  });

  test('shop with only a Facebook page: remote booking/payment, a simple site, one try with AI', () => {
    const r = run(firm('boutique-facebook'));
    expect(ids(r)).toEqual(['vente-distance', 'site-vitrine', 'ia-premiers-usages']);
    expect(r.plan.priorities.map((p) => p.horizon)).toEqual(['quick-win', 'projet', 'pari']);
    expect(r.advisorSuggested).toBeNull();
    const site = r.plan.priorities[1];
    expect(site.aids.length).toBeGreaterThan(0);
    expect(site.aids.length).toBeLessThanOrEqual(3);
  });

  test('SME selling online without backup: backup first, e-invoicing, a bolder AI step; advisor offered', () => {
    const r = run(firm('pme-ecommerce-sans-sauvegarde'));
    expect(ids(r)).toEqual(['sauvegarde', 'facture-electronique', 'diagnostic-ia']);
    expect(r.plan.priorities[0].mandatory).toBe(true);
    expect(r.advisorSuggested?.reasons.some((x) => x.includes('sauvegarde'))).toBe(true);
    expect(r.advisorSuggested?.reasons.some((x) => x.includes('incident'))).toBe(true);
    expect(r.advisorSuggested?.urgent).toBe(false);
  });
});

describe('the plan adapts to région, budget and staff', () => {
  const shop = firm('boutique-facebook');

  test('région: regional schemes follow the firm’s région', () => {
    const idf = run(shop);
    const occitanie = run({ ...shop, profil_localisation: { type: 'location', departement: '31', region: '76' } });
    const names = (r: DiagnosticResult) => r.plan.priorities.flatMap((p) => p.aids.filter((a) => a.regional).map((a) => a.id));
    expect(names(idf).length).toBeGreaterThan(0);
    expect(names(idf)).not.toEqual(names(occitanie));
    expect(names(occitanie).some((id) => names(idf).includes(id))).toBe(false);
  });

  test('budget and time: no money → only free actions; more means and time → bigger projects', () => {
    const broke = run({ ...shop, profil_budget: { type: 'money', amount: 0, period: 'year' } });
    expect(broke.plan.priorities.every((p) => p.cost.min === 0)).toBe(true);
    expect(ids(broke)).not.toContain('site-vitrine');
    const artisan = firm('artisan-sans-site');
    const rich = run({
      ...artisan,
      profil_budget: { type: 'money', amount: 400, period: 'month' },
      profil_temps: { type: 'choice', value: 'demi-journee' },
    });
    expect(ids(rich)).toContain('facture-electronique');
    expect(rich.plan.priorities.map((p) => p.horizon)).toContain('pari');
    expect(ids(rich)).not.toEqual(ids(run(artisan)));
  });

  test('staff: the AI diagnostic is for firms of 10 or more; small firms get a lighter try', () => {
    const pme = firm('pme-ecommerce-sans-sauvegarde');
    const small = run({ ...pme, profil_effectif: { type: 'size', value: '1-4' } });
    expect(ids(small)).not.toContain('diagnostic-ia');
    expect(small.axes.find((a) => a.axis === 'ia')?.weight).toBe(0.5);
  });

  test('unknown budget and time are assumed prudently and said so', () => {
    const { profil_budget: _b, profil_temps: _t, ...rest } = firm('boutique-facebook');
    const r = run(rest);
    expect(r.plan.assumed).toEqual({ budget: true, time: true });
    expect(r.plan.priorities).toHaveLength(3);
  });
});

describe('result', () => {
  test('is JSON-serialisable and carries versions, date, scores, comparisons and plan', () => {
    const r = run(firm('boutique-facebook'));
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r).toMatchObject({ questionnaireVersion: q.version, date: '2026-11-22T10:00:00.000Z', complete: true });
    expect(r.axes).toHaveLength(7);
    expect(r.comparisons.find((c) => c.id === 'ia')?.text).toBe(
      "23 % des entreprises de 1 à 4 salariés utilisent l'intelligence artificielle ; vous : non",
    );
    for (const c of r.comparisons) expect(c.source.url).toMatch(/^https:\/\//);
  });

  test('an ongoing incident is urgent; asking about aid suggests an advisor', () => {
    const r = run({ ...firm('boutique-facebook'), cyber_incident: { type: 'choice', value: 'oui_en_cours' } }, { askedAboutAids: true });
    expect(r.advisorSuggested?.urgent).toBe(true);
    expect(r.advisorSuggested?.reasons.join(' ')).toContain('cybermalveillance.gouv.fr');
    expect(r.advisorSuggested?.reasons.join(' ')).toContain('aides');
  });

  test('a failing aid look-up is not hidden (the catalogue is checked at start, a plan never silently loses its aids)', () => {
    expect(() =>
      run(firm('boutique-facebook'), {
        findAids: () => {
          throw new Error('catalogue indisponible');
        },
      }),
    ).toThrow('catalogue indisponible');
  });

  test('a partial diagnostic still gives a result', () => {
    const r = run({ profil_effectif: { type: 'size', value: '0' }, presence_site: { type: 'choice', value: 'non' } });
    expect(r.complete).toBe(false);
    expect(r.overall).toBe(0);
    expect(r.plan.priorities.length).toBeGreaterThan(0);
  });

  test('broken plan rules are reported together, in French', () => {
    const refs = { guides: new Set(content().guides.map((g) => g.id)), aidTopics: new Set(content().aidTopics) };
    const { problems } = readDiagnosticModel({ recommandations: path.join(fixtures, 'recommandations-cassees.json') }, undefined, refs);
    expect(problems.map((p) => p.message).join('\n')).toMatch(
      /guide inconnu « guide-qui-n-existe-pas »[\s\S]*thème d'aide inconnu « licornes »[\s\S]*question inconnue « question_fantome »[\s\S]*« autre_fantome »/,
    );
  });
});
