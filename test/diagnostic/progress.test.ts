// T0 → T1: the pure comparison of two diagnostics of the same firm, and how the card, its text version
// and the PDF show it.
import { baselineOf, changeText, compareResults, deltaText } from '../../src/diagnostic/progress.js';
import { buildResultCard, buildResultText } from '../../src/diagnostic/report/card.js';
import { renderReportPdf } from '../../src/diagnostic/report/pdf.js';
import { renderRadarSvg } from '../../src/diagnostic/report/radar.js';
import { compact, fixtureResult, links, pdfCompactText } from './report/helpers.js';

const t0 = {
  date: '2026-01-05T09:00:00.000Z',
  overall: 40,
  axes: [
    { axis: 'strategie' as const, score: 30 },
    { axis: 'presence' as const, score: 50 },
    { axis: 'vente' as const, score: null },
    { axis: 'cyber' as const, score: 70 },
  ],
};

describe('compareResults', () => {
  it('gives before, after and the change per axis and overall, in the axes’ order', () => {
    const p = compareResults(baselineOf(t0), {
      overall: 52.4,
      axes: [
        { axis: 'presence', score: 62 },
        { axis: 'strategie', score: 30 },
        { axis: 'vente', score: 20 },
        { axis: 'cyber', score: 55 },
        { axis: 'ia', score: null },
      ],
    });
    expect(p.since).toBe('2026-01-05T09:00:00.000Z');
    expect(p.overall).toEqual({ before: 40, after: 52, delta: 12 });
    expect(p.axes).toEqual([
      { axis: 'strategie', before: 30, after: 30, delta: 0 },
      { axis: 'presence', before: 50, after: 62, delta: 12 },
      { axis: 'vente', before: null, after: 20, delta: null },
      { axis: 'cyber', before: 70, after: 55, delta: -15 },
    ]);
    expect(p.improved).toBe(1);
    expect(p.declined).toBe(1);
  });

  it('keeps only dates and scores in the baseline, and writes changes the French way', () => {
    const b = baselineOf({ ...t0, ...({ plan: { priorities: ['x'] }, profile: { departement: '33' } } as object) });
    expect(Object.keys(b).sort()).toEqual(['axes', 'date', 'overall']);
    expect(deltaText(12)).toBe('+12');
    expect(deltaText(-5)).toBe('−5');
    expect(deltaText(0)).toBe('=');
    expect(deltaText(null)).toBe('–');
    expect(changeText({ before: 40, after: 62, delta: 22 })).toBe('40 → 62 (+22)');
    expect(changeText({ before: null, after: 35, delta: null })).toBe('non évalué → 35');
  });
});

describe('the progress in the card, the text and the PDF', () => {
  const t1 = fixtureResult('pme-ecommerce-sans-sauvegarde');
  const presence = t1.axes.find((a) => a.axis === 'presence')!;
  const withBaseline = {
    ...t1,
    baseline: {
      date: '2026-05-29T10:00:00.000Z',
      overall: (t1.overall ?? 0) - 10,
      axes: t1.axes.map((a) => ({ axis: a.axis, score: a.score === null ? null : Math.max(0, a.score - 10) })),
    },
  };

  it('a first diagnostic shows no progress section', () => {
    expect(JSON.stringify(buildResultCard(t1, links))).not.toMatch(/progrès/);
    expect(buildResultText(t1, links)).not.toMatch(/progrès/);
  });

  it('a second one shows each axis « before → after (change) » in the card and the text', () => {
    const card = JSON.stringify(buildResultCard(withBaseline, links));
    expect(card).toContain('Vos progrès depuis votre diagnostic du 29 mai 2026');
    expect(card).toContain(`${presence.score! - 10} → ${presence.score} (+10)`);
    const text = buildResultText(withBaseline, links);
    expect(text).toContain('**Vos progrès depuis votre diagnostic du 29 mai 2026**');
    expect(text).toContain(`- Présence : ${presence.score! - 10} → ${presence.score} (+10)`);
    expect(text).toContain(`- Score global : ${t1.overall! - 10} → ${t1.overall} (+10)`);
  });

  it('the PDF has the table (before, after, change) and the radar both series', async () => {
    const text = pdfCompactText(await renderReportPdf(withBaseline, { compress: false }));
    expect(text).toContain(compact('Vos progrès depuis votre diagnostic du 29 mai 2026'));
    expect(text).toContain(compact(`${presence.label}${presence.score! - 10}${presence.score}+10`));
    expect(text).toContain(compact('Barre grise : votre diagnostic précédent'));
    const svg = renderRadarSvg({ presence: 60 }, { previous: { presence: 40 }, previousLabel: 'Diagnostic du 29 mai 2026' });
    expect(svg).toContain('Diagnostic du 29 mai 2026');
    expect(svg).toContain('Aujourd’hui');
    expect(renderRadarSvg({ presence: 60 })).not.toContain('Aujourd’hui');
  });
});
