// « Vos aides » in the régions that used to list only the CCI's advice (Martinique, Centre-Val de Loire,
// Bourgogne-Franche-Comté, Corse): real profiles through the real buildResult and the real catalogue — the
// région's scheme shows, named as the région's, and a scheme whose purpose or public does not fit does not.
import { buildResultText } from '../../src/diagnostic/report/card.js';
import { toReportView } from '../../src/diagnostic/report/view.js';
import type { Answers } from '../../src/diagnostic/types.js';
import { firm, resultsOn } from './aid-profiles.js';
import { links } from './report/helpers.js';

const { resultOf, ids } = resultsOn('2026-11-30T10:00:00Z');
const hacked: Answers = { cyber_incident: { type: 'choice', value: 'oui_en_cours' } };
const hasCyberPriority = (answers: Answers) => resultOf(answers).plan.priorities.some((p) => p.aidTopics.includes('cybersecurite'));

describe('« Vos aides » in the régions completed on 2026-11-30', () => {
  it('a Fort-de-France shop of 6 staff gets the CTM digital investment aid, named as Martinique’s and to confirm', () => {
    const result = resultOf(firm('5-9', 'commerce', 'dirigeant-salarie', '972', '02'));
    const view = toReportView(result);
    const aid = view.aids.find((a) => a.name === 'Aide à la création et au développement des activités numériques');
    expect(aid?.scope).toBe('En région Martinique');
    expect(aid?.verify).toBe(true);
    expect(view.aids.findIndex((a) => a.name.startsWith('Conseil numérique de votre CCI'))).toBeGreaterThan(view.aids.indexOf(aid!));
    expect(buildResultText(result, links)).toContain('https://zetwal.mq/?p=1792');
  });

  it('a Corsican craftsman with 3 staff gets Cresce; a Corsican firm of 20 staff does not (under 11 staff only)', () => {
    const view = toReportView(resultOf(firm('1-4', 'construction', 'artisan', '2B', '94')));
    const cresce = view.aids.find((a) => a.name.startsWith('Cresce'));
    expect(cresce?.scope).toBe('En région Corse');
    expect(cresce?.amount).toBe('Montant à vérifier auprès de votre CCI');
    expect(ids(firm('10-49', 'industrie', 'dirigeant-salarie', '2A', '94'))).not.toContain('corse-cresce');
  });

  it('an Orléans manufacturer of 20 staff gets CAP PME-PMI from the Région; a bakery in Tours does not', () => {
    const view = toReportView(resultOf(firm('10-49', 'industrie', 'dirigeant-salarie', '45', '24')));
    const cap = view.aids.find((a) => a.name.startsWith('CAP PME-PMI'));
    expect(cap?.scope).toBe('Aide de la région Centre-Val de Loire');
    const bakery = ids(firm('1-4', 'metiers_bouche', 'tns-commerce', '37', '24'));
    expect(bakery).not.toContain('centre-val-de-loire-cap-pme-pmi');
    expect(bakery).toContain('cci-centre-val-de-loire-conseil-numerique');
  });

  it('a Dijon firm hacked right now gets the regional cyber emergency centre; the same firm without a cyber priority does not', () => {
    const victim = firm('5-9', 'services_entreprises', 'dirigeant-salarie', '21', '27', hacked);
    expect(hasCyberPriority(victim)).toBe(true);
    const view = toReportView(resultOf(victim));
    const csirt = view.aids.find((a) => a.name.includes('CSIRT Bourgogne-Franche-Comté'));
    expect(csirt?.scope).toBe('En région Bourgogne-Franche-Comté');
    const calm = firm('5-9', 'services_entreprises', 'dirigeant-salarie', '21', '27');
    expect(hasCyberPriority(calm)).toBe(false);
    expect(ids(calm)).not.toContain('bourgogne-franche-comte-csirt');
    expect(ids(calm)).toContain('cci-bourgogne-franche-comte-conseil-numerique');
  });

  it('a Marseille SME gets the région’s EDIH; its cyber centre only once it has been hacked; no export support', () => {
    const sme = firm('10-49', 'services_entreprises', 'dirigeant-salarie', '13', '93');
    const got = ids(sme);
    expect(got).toContain('edih-move2digital');
    expect(got).not.toContain('provence-alpes-cote-d-azur-csirt');
    expect(got).not.toContain('team-france-export');
    const view = toReportView(resultOf({ ...sme, ...hacked }));
    expect(view.aids.find((a) => a.name.includes('CSIRT Provence'))?.verify).toBe(true);
  });
});
