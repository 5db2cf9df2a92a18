// « Vos aides » overseas (issue 14): Guadeloupe, Guyane and Mayotte used to list only the CCI's advice. Real profiles
// through the real buildResult and the real catalogue: the territory's scheme shows for a firm it fits, named as the
// territory's, figures flagged « à vérifier »; a firm outside its public (size, status) does not get it. The firm's
// age is not asked by the questionnaire: an age condition (the Guadeloupe loan: firms under 3 years) cannot filter,
// so it is shown in the scheme's conditions.
import { buildResultText } from '../../src/diagnostic/report/card.js';
import { toReportView } from '../../src/diagnostic/report/view.js';
import { firm, resultsOn } from './aid-profiles.js';
import { links } from './report/helpers.js';

const { resultOf, ids } = resultsOn('2026-12-01T10:00:00Z');
const adviceIndex = (names: string[]) => names.findIndex((n) => n.startsWith('Conseil numérique de votre CCI'));

describe('« Vos aides » in Guadeloupe, Guyane and Mayotte (checked 2026-12-01)', () => {
  it('a Pointe-à-Pitre shop of 3 staff gets the Région’s Prêt Croissance TPE, to confirm, with its age and size conditions', () => {
    const result = resultOf(firm('1-4', 'commerce', 'tns-commerce', '971', '01'));
    const view = toReportView(result);
    const loan = view.aids.find((a) => a.name === 'Prêt Croissance TPE Région Guadeloupe');
    expect(loan?.scope).toBe('Aide de la région Guadeloupe');
    expect(loan?.verify).toBe(true);
    expect(loan?.amount).toMatch(/^De 10 000 à 50 000 €.*\(à vérifier auprès de votre CCI\)$/);
    expect(loan?.conditions).toContain('moins de 3 ans');
    expect(loan?.conditions).toContain('moins de 20 salariés');
    expect(adviceIndex(view.aids.map((a) => a.name))).toBeGreaterThan(view.aids.indexOf(loan!));
    expect(buildResultText(result, links)).toContain('https://pretcroissancetpe.regionguadeloupe.fr/');
  });

  it('a Guadeloupe firm of 60 staff does not get the loan (under 20 staff only) but gets the overseas development loan', () => {
    const got = ids(firm('50-249', 'industrie', 'dirigeant-salarie', '971', '01'));
    expect(got).not.toContain('guadeloupe-pret-croissance-tpe');
    expect(got).toContain('bpifrance-pdom-guadeloupe');
    expect(got).toContain('cci-guadeloupe-conseil-numerique');
  });

  it('a Mamoudzou craftsman with 4 staff gets the Département’s investment aid, named as Mayotte’s, its ceiling to confirm', () => {
    const view = toReportView(resultOf(firm('1-4', 'construction', 'artisan', '976', '06')));
    const ai = view.aids.find((a) => a.name === 'Aide à l’investissement (AI) du Département de Mayotte');
    expect(ai?.scope).toBe('En région Mayotte');
    expect(ai?.amount).toBe('Jusqu’à 50 000 € par projet (à vérifier auprès de votre CCI)');
    expect(ai?.conditions).toContain('50 personnes au plus');
    expect(ai?.purpose).toBe('Pour : matériel, projet numérique');
    expect(adviceIndex(view.aids.map((a) => a.name))).toBeGreaterThan(view.aids.indexOf(ai!));
  });

  it('a Mayotte firm of 60 staff and a Mayotte liberal profession (outside the trade and craft registers) do not get it', () => {
    const large = ids(firm('50-249', 'commerce', 'dirigeant-salarie', '976', '06'));
    expect(large).not.toContain('mayotte-aide-investissement');
    expect(large).toContain('cci-mayotte-conseil-numerique');
    const liberal = ids(firm('1-4', 'sante_social', 'profession-liberale', '976', '06'));
    expect(liberal).not.toContain('mayotte-aide-investissement');
    expect(liberal).toContain('cci-mayotte-conseil-numerique');
  });

  it('a Cayenne company of 8 gets the overseas development loan before the CCI’s advice; a micro-entrepreneur does not (companies only)', () => {
    const view = toReportView(resultOf(firm('5-9', 'services_entreprises', 'dirigeant-salarie', '973', '03')));
    const pdom = view.aids.find((a) => a.name === 'Prêt de développement outre-mer (PDOM)');
    expect(pdom?.scope).toBe('En région Guyane');
    expect(pdom?.verify).toBe(true);
    expect(adviceIndex(view.aids.map((a) => a.name))).toBeGreaterThan(view.aids.indexOf(pdom!));
    const micro = ids(firm('0', 'services_entreprises', 'micro-entrepreneur', '973', '03'));
    expect(micro).not.toContain('bpifrance-pdom-guyane');
    expect(micro).toContain('cci-guyane-conseil-numerique');
  });
});
