// Sector-restricted aid schemes (knowledge/aides: « commerce », « artisanat »…) reach the firms they are
// for, although the sector question speaks another vocabulary (« metiers_bouche », « construction »).
import { loadDiagnosticModel } from '../../src/diagnostic/model.js';
import { buildResult } from '../../src/diagnostic/result.js';
import type { Answers } from '../../src/diagnostic/types.js';
import { content, findAids } from '../helpers/content.js';

const model = content().diagnostic;
const aidsOf = (answers: Answers) =>
  buildResult(model.questionnaire, {}, answers, { model, findAids, now: new Date('2026-11-22T10:00:00Z') }).plan.priorities.flatMap((p) =>
    p.aids.map((a) => a.id),
  );

const firm = (sector: string, status: string, departement: string, region: string): Answers => ({
  profil_effectif: { type: 'size', value: '1-4' },
  profil_secteur: { type: 'sector', value: sector },
  profil_localisation: { type: 'location', departement, region },
  profil_statut: { type: 'choice', value: status },
  gestion_facture_electronique: { type: 'choice', value: 'rien_prevu' },
});

describe('aid schemes by sector', () => {
  it('a bakery in Paris gets the Île-de-France scheme for shops and crafts', () => {
    expect(aidsOf(firm('metiers_bouche', 'tns-commerce', '75', '11'))).toContain('idf-cheque-numerique-commerce-connecte');
    expect(aidsOf(firm('metiers_bouche', 'artisan', '75', '11'))).toContain('idf-cheque-numerique-commerce-connecte');
  });

  it('an artisan plumber in Normandy gets the scheme for craft businesses; a consultancy does not', () => {
    expect(aidsOf(firm('construction', 'artisan', '14', '28'))).toContain('normandie-impulsion-transition');
    expect(aidsOf(firm('services_entreprises', 'dirigeant-salarie', '14', '28'))).not.toContain('normandie-impulsion-transition');
  });
});
