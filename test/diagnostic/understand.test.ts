// Counts said in words for a count question (countedPer; options carry their range of the count per period).
import { findQuestion, loadQuestionnaire } from '../../src/diagnostic/index.js';
import { choiceFromCount, countBands, timesPerYear } from '../../src/diagnostic/understand.js';

const q = loadQuestionnaire();
const factures = findQuestion(q, 'profil_factures')!;

describe('count bands', () => {
  it('reads the bands from the questionnaire (countedPer, each option its range), never from the labels', () => {
    expect(countBands(factures)).toEqual([
      { id: 'moins_100', min: 0, max: 100 },
      { id: '100_1000', min: 100, max: 1001 },
      { id: 'plus_1000', min: 1001, max: 1_000_000_000 },
    ]);
    // Labels that look like counts are not enough: the content says which questions count.
    const lookalike = { ...factures, countedPer: undefined };
    expect(countBands(lookalike)).toBeUndefined();
    // Counted per month: « 30 par semaine » is about 130 a month.
    const monthly = { ...factures, countedPer: 'mois' as const };
    expect(choiceFromCount(monthly, 30, '30 par semaine')).toEqual({ type: 'choice', value: '100_1000' });
    expect(choiceFromCount(monthly, 30, 'une trentaine')).toEqual({ type: 'choice', value: 'moins_100' });
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
    expect([timesPerYear('par mois'), timesPerYear('chaque semaine'), timesPerYear('10/jour'), timesPerYear('une cinquantaine')]).toEqual([
      12,
      52,
      250,
      undefined,
    ]);
    expect(choiceFromCount(factures, -1, '')).toBeUndefined();
    expect(choiceFromCount(findQuestion(q, 'profil_clientele')!, 3, '')).toBeUndefined();
  });
});
