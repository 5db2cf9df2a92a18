// « Vos aides » for real profiles through the real buildResult and the real catalogue (knowledge/aides):
// the région's schemes named as such, fitting national ones, no export support for a firm that does not export.
import { buildResultCard, buildResultText } from '../../src/diagnostic/report/card.js';
import { toReportView } from '../../src/diagnostic/report/view.js';
import type { Answers } from '../../src/diagnostic/types.js';
import { renderReportPdf } from '../../src/diagnostic/report/pdf.js';
import { firm, resultsOn } from './aid-profiles.js';
import { links, pdfCompactText } from './report/helpers.js';

const { resultOf, ids } = resultsOn('2026-11-22T10:00:00Z');

describe('« Vos aides » by région and profile', () => {
  it('a Gironde artisan with 3 staff gets the Nouvelle-Aquitaine TPE aid, first, named as the région’s', () => {
    const result = resultOf(firm('1-4', 'construction', 'artisan', '33', '75'));
    expect(result.plan.aids[0]?.id).toBe('nouvelle-aquitaine-investissement-transitions-tpe');
    const view = toReportView(result);
    expect(view.regionName).toBe('Nouvelle-Aquitaine');
    expect(view.aids[0]?.scope).toBe('Aide de la région Nouvelle-Aquitaine');
    expect(view.aids[0]?.amount).toBe('Montant à vérifier auprès de votre CCI');
    expect(view.aids.some((a) => a.scope === 'Dispositif national')).toBe(true);
  });

  it('a neighbourhood bakery in Paris gets the Île-de-France scheme and no export support, even with remote payment', () => {
    const bakery = firm('1-4', 'metiers_bouche', 'tns-commerce', '75', '11', {
      vente_en_ligne: { type: 'multi', values: ['aucun'] },
    } as Answers);
    const result = resultOf(bakery);
    const all = [...result.plan.aids, ...result.plan.priorities.flatMap((p) => p.aids)].map((a) => a.id);
    expect(all).toContain('idf-cheque-numerique-commerce-connecte');
    expect(all).not.toContain('team-france-export');
  });

  it('an Occitanie SME of 20 staff gets the Pass Occitanie, marked « à vérifier »', () => {
    const view = toReportView(resultOf(firm('10-49', 'industrie', 'entreprise', '31', '76')));
    const pass = view.aids.find((a) => a.name.includes('Pass Occitanie'));
    expect(pass?.verify).toBe(true);
    expect(pass?.scope).toBe('Aide de la région Occitanie');
  });

  it('an artisan in Auvergne-Rhône-Alpes and a liberal profession in Corse still get their CCI’s advice (not « entreprise » only)', () => {
    expect(ids(firm('1-4', 'construction', 'artisan', '69', '84'))).toContain('cci-auvergne-rhone-alpes-conseil-numerique');
    expect(ids(firm('0', 'services_entreprises', 'profession-liberale', '2A', '94'))).toContain('cci-corse-conseil-numerique');
  });

  it('a Grand Est firm of 60 staff does not get the scheme for under-50s', () => {
    const got = ids(firm('50-249', 'industrie', 'entreprise', '67', '44'));
    expect(got).not.toContain('grand-est-transformation-digitale');
    expect(got).toContain('cci-grand-est-conseil-numerique');
  });

  it('shows « Vos aides » in the card and the text version, with the links', () => {
    const result = resultOf(firm('1-4', 'construction', 'artisan', '33', '75'));
    const card = JSON.stringify(buildResultCard(result, links));
    expect(card).toContain('Vos aides (région Nouvelle-Aquitaine et nationales)');
    expect(card).toContain('Aide à l');
    const text = buildResultText(result, links);
    expect(text).toMatch(
      /\*\*Vos aides \(région Nouvelle-Aquitaine et nationales\)\*\*\n- \*\*Aide à l'investissement des transitions – TPE\*\* \(Région Nouvelle-Aquitaine\) — Aide de la région Nouvelle-Aquitaine/,
    );
    expect(text).toMatch(/https:\/\/les-aides\.nouvelle-aquitaine\.fr\//);
  });

  it('has a « Vos aides » part in the PDF, with the région named and « à vérifier auprès de votre CCI »', async () => {
    const pdf = pdfCompactText(await renderReportPdf(resultOf(firm('1-4', 'construction', 'artisan', '33', '75')), { compress: false }));
    expect(pdf).toContain('Vosaides(régionNouvelle-Aquitaineetnationales)');
    expect(pdf).toContain('AidedelarégionNouvelle-Aquitaine·RégionNouvelle-Aquitaine');
    expect(pdf).toContain('Montantàvérifierauprèsdevotre CCI'.replace(/\s/g, ''));
  });
});
