// Counts said in words for a question whose options are count bands (« Moins de 100 », « De 100 à 1 000 »).
import { findQuestion, loadQuestionnaire } from '../../src/diagnostic/index.js';
import { choiceFromCount, countBands, timesPerYear } from '../../src/diagnostic/understand.js';

const q = loadQuestionnaire();
const factures = findQuestion(q, 'profil_factures')!;

describe('count bands', () => {
  it('reads the bands from the option labels, only when every option is a count', () => {
    expect(countBands(factures)).toEqual([
      { id: 'moins_100', min: 0, max: 99 },
      { id: '100_1000', min: 100, max: 1000 },
      { id: 'plus_1000', min: 1001, max: Infinity },
    ]);
    expect(countBands(findQuestion(q, 'profil_clientele')!)).toBeUndefined();
    expect(countBands(findQuestion(q, 'profil_effectif')!)).toBeUndefined();
  });

  it.each([
    [50, 'une cinquantaine', 'moins_100'],
    [50, 'une cinquantaine par mois', '100_1000'],
    [30, '30 par semaine', 'plus_1000'],
    [5, 'cinq par jour', 'plus_1000'],
    [100, 'une centaine', '100_1000'],
    [1000, 'mille', '100_1000'],
    [2500, '2500 par an', 'plus_1000'],
  ])('%d (« %s ») → %s', (n, text, id) => {
    expect(choiceFromCount(factures, n, text)).toEqual({ type: 'choice', value: id });
  });

  it('knows the common periods and refuses what is not a count', () => {
    expect([timesPerYear('par mois'), timesPerYear('chaque semaine'), timesPerYear('10/jour'), timesPerYear('une cinquantaine')]).toEqual([12, 52, 250, undefined]);
    expect(choiceFromCount(factures, -1, '')).toBeUndefined();
    expect(choiceFromCount(findQuestion(q, 'profil_clientele')!, 3, '')).toBeUndefined();
  });
});
