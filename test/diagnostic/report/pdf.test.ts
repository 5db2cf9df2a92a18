import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadDiagnosticModel } from '../../../src/diagnostic/model.js';
import { buildResultCard } from '../../../src/diagnostic/report/card.js';
import { checkCard } from '../../../src/diagnostic/report/card-schema.js';
import { pdfText } from '../../../src/diagnostic/report/pdf-text.js';
import { renderReportPdf } from '../../../src/diagnostic/report/pdf.js';
import { DISCLAIMER, scoringSources } from '../../../src/diagnostic/report/view.js';
import { buildResult } from '../../../src/diagnostic/result.js';
import { content, findAids } from '../../helpers/content.js';
import { projectRoot } from '../../../src/paths.js';
import { compact, fixtureResult, links, pdfCompactText, pdfLines } from './helpers.js';

/** Keys and value types of a JSON value (arrays by their first element), to compare shapes. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? [shape(v[0])] : [];
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, shape((v as Record<string, unknown>)[k])]),
    );
  return v === null ? 'null' : typeof v;
}
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe('renderReportPdf', () => {
  const result = fixtureResult('pme-ecommerce-sans-sauvegarde');
  const model = content().diagnostic;
  let pdf: Buffer;
  let text: string;
  beforeAll(async () => {
    pdf = await renderReportPdf(result, { compress: false, guideUrl: links.guideUrl, sources: scoringSources(model.scoring) });
    text = pdfCompactText(pdf);
  });

  it('is a PDF of at least two pages with a footer « page n sur N » on each', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let i = 1; i <= pages; i++) expect(text).toContain(compact(`page ${i} sur ${pages}`));
  });

  it('is dated from the result, with deterministic metadata and bytes', async () => {
    const raw = pdf.toString('latin1');
    const ref = /\/CreationDate (\d+) 0 R/.exec(raw)![1];
    expect(raw).toMatch(new RegExp(`\\n${ref} 0 obj\\n\\(D:20261130080000Z\\)`));
    expect(text).toContain(compact('Réalisé le 30 novembre 2026 avec Virage · questionnaire version 2026.11-1'));
    const again = await renderReportPdf(result, { compress: false, guideUrl: links.guideUrl, sources: scoringSources(model.scoring) });
    expect(again.equals(pdf)).toBe(true);
  });

  it('carries the profile, score and level, the chart, the axis table, the plan, comparisons and sources', () => {
    expect(text).toContain(compact('Entreprise 10 à 49 salariés · secteur : commerce'));
    expect(text).toContain(compact(`Score global : ${result.overall}/100 · niveau « ${result.level!.label} »`));
    // The radar is vector (ECharts SVG through svg-to-pdfkit): no bitmap; its grid (#cbd2d9) and polygon (#0b5394) are strokes.
    expect(pdf.toString('latin1')).not.toMatch(/\/Subtype \/Image/);
    expect(pdf.toString('latin1')).toMatch(/0\.79607\d* 0\.82352\d* 0\.85098\d* SCN/);
    expect(pdf.toString('latin1')).toMatch(/0\.04313\d* 0\.32549\d* 0\.58039\d* SCN/);
    for (const axis of result.axes) expect(text).toContain(compact(`${axis.label}${axis.score}/100`));
    for (const p of result.plan.priorities) {
      expect(text).toContain(compact(p.title));
      expect(text).toContain(compact(p.cost.label));
      for (const slug of p.guides) expect(text).toContain(compact(links.guideUrl(slug)));
      for (const aid of p.aids) expect(text).toContain(compact(aid.url));
    }
    for (const c of result.comparisons) {
      expect(text).toContain(compact(c.text));
      expect(text).toContain(compact(c.source.url));
    }
    for (const s of scoringSources(model.scoring)) expect(text).toContain(compact(s.url));
    for (const reason of result.advisorSuggested!.reasons) expect(text).toContain(compact(reason));
  });

  it('ends with the disclaimer', () => {
    expect(text).toContain(compact(DISCLAIMER));
    expect(text.indexOf(compact(DISCLAIMER))).toBeGreaterThan(text.indexOf('Sources'));
  });

  it('prints French characters through WinAnsi (é à ç œ € ’) and replaces the others cleanly', async () => {
    const odd = fixtureResult('boutique-facebook');
    odd.plan.priorities[0].why = 'Vérifiez « é à ç œ € ’ » : coût ≥ 100\u202f€ ⚠️ → 2 cœurs.';
    const lines = pdfLines(await renderReportPdf(odd, { compress: false }));
    expect(lines.join(' ')).toContain('Vérifiez « é à ç œ € ’ » : coût >= 100\u00a0€ -> 2 cœurs.');
    expect(pdfText('✅ ok ⚠️')).toBe(' ok ');
    expect(pdfText('ŝ ñ')).toBe('s ñ');
  });
});

describe('a result fresh from buildResult', () => {
  it('renders as a valid card and a PDF (the stored fixtures have not drifted from the real shape)', async () => {
    const model = content().diagnostic;
    const file = path.join(projectRoot, 'test', 'fixtures', 'diagnostic', 'entreprise-boutique-facebook.json');
    const { answers } = JSON.parse(readFileSync(file, 'utf8'));
    const fresh = buildResult(model.questionnaire, {}, answers, { model, findAids, now: new Date('2026-12-01T16:05:00.000Z') });
    // same shape (keys and value types), not same content: the plan's data may change, the fixtures stay valid
    expect(shape(fresh)).toEqual(shape(fixtureResult('boutique-facebook')));
    expect(checkCard(buildResultCard(fresh, links))).toEqual([]);
    const pdf = await renderReportPdf(fresh);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
