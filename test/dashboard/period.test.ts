// The dashboard's period (Paris days, French words, bad input in French) and its suppression rules on
// exact figures: a count under 5, a mean or share from fewer than 5, a share that would reveal a small rest.
import { defaultPeriod, frenchPeriod, parsePeriod, periodOf } from '../../src/dashboard/period.js';
import { percentile } from '../../src/dashboard/aggregate.js';
import { dashboardCsv } from '../../src/dashboard/csv.js';
import { shown, type DashboardView } from '../../src/dashboard/view.js';

const NOW = new Date('2026-03-29T10:00:00Z'); // the day Paris moves to summer time

describe('period', () => {
  it('covers whole Paris days, both included, across the change of time', () => {
    const p = periodOf('2026-03-01', '2026-03-29');
    expect(p.startIso).toBe('2026-02-28T23:00:00.000Z'); // winter: UTC+1
    expect(p.endIso).toBe('2026-03-29T22:00:00.000Z'); // 30 March 00:00 in summer time: UTC+2
    expect(defaultPeriod(NOW)).toMatchObject({ from: '2026-02-28', to: '2026-03-29' });
  });

  it('reads ?du=&au=, defaults the missing bound, refuses bad input in French', () => {
    expect(parsePeriod({}, NOW)).toMatchObject({ from: '2026-02-28', to: '2026-03-29' });
    expect(parsePeriod({ au: '2026-01-31' }, NOW)).toMatchObject({ from: '2026-01-02', to: '2026-01-31' });
    expect(parsePeriod({ du: '2026-02-30' }, NOW)).toEqual({
      problem: 'Date de début invalide (« 2026-02-30 ») : attendu une date comme 2026-11-01.',
    });
    expect(parsePeriod({ du: '2026-03-02', au: '2026-03-01' }, NOW)).toEqual({
      problem: 'La date de début est après la date de fin : inversez-les.',
    });
    expect(parsePeriod({ du: '2024-01-01', au: '2026-01-01' }, NOW)).toEqual({
      problem: 'Période trop longue (732 jours) : 366 jours au plus.',
    });
    expect(parsePeriod({ du: ['2026-01-01', '2026-01-02'] }, NOW)).toHaveProperty('problem');
  });

  it('speaks French: « 1er », one day', () => {
    expect(frenchPeriod({ from: '2026-11-01', to: '2026-11-30' })).toBe('du 1er novembre 2026 au 30 novembre 2026');
    expect(frenchPeriod({ from: '2026-08-15', to: '2026-08-15' })).toBe('le 15 août 2026');
  });
});

describe('figures', () => {
  it('suppresses counts under 5, 0 included', () => {
    expect([0, 1, 4, 5, 12].map(shown)).toEqual(['< 5', '< 5', '< 5', 5, 12]);
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([1, 2, 3, 4, 5, 10], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 10], 90)).toBe(10);
    expect(percentile([7], 90)).toBe(7);
  });

  it('writes CSV fields Excel cannot take for formulas, and quotes separators', () => {
    expect(dashboardCsvLine('=1+1')).toBe(`Périmètre;CCI;nom;'=1+1`);
    expect(dashboardCsvLine('=HYPERLINK("x")')).toBe(`Périmètre;CCI;nom;"'=HYPERLINK(""x"")"`);
    expect(dashboardCsvLine('CCI A; B')).toBe('Périmètre;CCI;nom;"CCI A; B"');
  });
});

/** The CCI line of the CSV of an otherwise empty view. */
function dashboardCsvLine(name: string): string {
  const none = { started: 0, finished: 0 };
  const take = { taken: '< 5', p50Minutes: null, p90Minutes: null };
  const view: DashboardView = {
    cci: { id: 'x', name },
    period: { from: '2026-11-01', to: '2026-11-30', label: '' },
    smallCellThreshold: 5,
    diagnostics: { ...none, started: '< 5', finished: '< 5', completionRate: null },
    stops: [],
    scoreBands: [],
    axes: [],
    bySector: [],
    byDepartement: [],
    redFlags: [],
    priorities: [],
    handoffs: { live: '< 5', callback: '< 5', liveShare: null, take: { live: take as never, callback: take as never } },
    ratings: { counts: [], rated: '< 5', mean: null },
    knowledge: { questions: [], otherQuestions: { questions: '< 5', asked: '< 5' }, votes: { up: '< 5', down: '< 5', upShare: null } },
  };
  return dashboardCsv(view).split('\r\n')[1]!;
}
