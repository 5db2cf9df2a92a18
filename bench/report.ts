// Time to present a diagnostic result: the Adaptive Card alone (baseline: plain JSON building), the radar
// PNG (Apache ECharts SVG + resvg), the PDF report (pdfkit, chart embedded), and the three together, for one
// fixture result; sizes of what is sent. Run alone after `npm run build`: node dist/bench/index.js report
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildResultCard } from '../src/diagnostic/report/card.js';
import { renderReportPdf } from '../src/diagnostic/report/pdf.js';
import { renderRadarForView } from '../src/diagnostic/report/radar.js';
import { toReportView, type DiagnosticResult } from '../src/diagnostic/report/view.js';
import { projectRoot } from '../src/paths.js';
import { ms, ratio, summarize } from './stats.js';
import type { BenchSection } from './types.js';

const links = {
  chartUrl: 'https://virage.example.fr/diagnostic/AAAAAAAAAAAAAAAAAAAAAA/radar.png',
  pdfUrl: 'https://virage.example.fr/diagnostic/AAAAAAAAAAAAAAAAAAAAAA/rapport.pdf',
  guideUrl: (slug: string) => `https://virage.example.fr/guides/${slug}`,
};

async function time(n: number, task: () => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await task();
    samples.push(performance.now() - t);
  }
  return samples;
}

export async function benchReport(samples = 60, warmup = 10): Promise<BenchSection> {
  const file = path.join(projectRoot, 'test', 'fixtures', 'diagnostic', 'result-pme-ecommerce-sans-sauvegarde.json');
  const result = JSON.parse(readFileSync(file, 'utf8')) as DiagnosticResult;
  const card = () => buildResultCard(result, links);
  const chart = () => renderRadarForView(toReportView(result));
  const pdf = (png?: Buffer) => renderReportPdf(result, { guideUrl: links.guideUrl, chartPng: png });
  const all = async () => {
    card();
    await pdf(chart());
  };
  for (const task of [card, chart, () => pdf(), all]) await time(warmup, task);
  const c = summarize(await time(samples * 10, card));
  const g = summarize(await time(samples, chart));
  const png = chart();
  const p = summarize(await time(samples, () => pdf(png)));
  const a = summarize(await time(samples, all));
  const sizes = `card ${(JSON.stringify(card()).length / 1024).toFixed(1)} KB, PNG ${(png.length / 1024).toFixed(0)} KB, PDF ${((await pdf(png)).length / 1024).toFixed(0)} KB`;
  const line = (name: string, s: { p50: number; p95: number }) =>
    `${name.padEnd(28)} p50 ${ms(s.p50).padStart(10)}   p95 ${ms(s.p95).padStart(10)}   ×card p50 ${ratio(s.p50, c.p50)}`;
  return {
    title: `Result presentation for one diagnostic (fixture « pme-ecommerce », ${samples} samples each, sequential)`,
    lines: [
      line('card alone (baseline)', c),
      line('radar PNG 600×600', g),
      line('PDF (chart already made)', p),
      line('card + chart + PDF', a),
      `sizes: ${sizes}; the chart is cached per result id by the routes, so a PDF after the card costs the PDF line only`,
    ],
  };
}
