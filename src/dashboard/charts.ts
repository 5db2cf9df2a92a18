// The dashboard's charts: horizontal bar charts drawn server-side by Apache ECharts (SVG renderer, no
// browser), as the report's radar. A suppressed cell is drawn as an empty bar labelled « < 5 » (a count)
// or « masqué » (a mean, share or time): the chart never shows more than the table beside it.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { MASKED, SUPPRESSED, type Count, type DashboardView } from './view.js';

echarts.use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

const FONT = 'DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif';
const INK = '#1f2933';
const PALETTE = ['#0b5394', '#b45309', '#1f7a4d', '#6b3fa0'];

export interface BarSeries {
  name: string;
  /** A count (« < 5 » when suppressed) or a derived figure (null when masked). */
  values: (Count | number | null)[];
}

export interface BarSpec {
  categories: string[];
  series: BarSeries[];
  /** Appended to the value labels (« min », « /100 »). */
  unit?: string;
  width?: number;
}

const numeric = (v: Count | number | null): number => (typeof v === 'number' ? v : 0);
const text = (v: Count | number | null, unit: string): string =>
  v === null ? MASKED : v === SUPPRESSED ? SUPPRESSED : `${String(v).replace('.', ',')}${unit}`;

/** One horizontal bar chart as an SVG document; categories read top to bottom. */
export function renderBarSvg(spec: BarSpec): string {
  const width = spec.width ?? 760;
  const perCategory = 14 + 20 * spec.series.length;
  const legend = spec.series.length > 1;
  const height = Math.max(120, 60 + (legend ? 30 : 0) + spec.categories.length * perCategory);
  const unit = spec.unit ?? '';
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT, color: INK },
    color: PALETTE,
    ...(legend ? { legend: { top: 4, left: 'center', textStyle: { color: INK, fontSize: 13 } } } : {}),
    // A fixed room for the category labels: without a browser ECharts estimates text widths short of
    // the real fonts, so labels wrap at 210 px (estimated) inside a 300 px margin.
    grid: { left: 300, right: 70, top: legend ? 36 : 8, bottom: 28, outerBoundsMode: 'none' },
    xAxis: { type: 'value', axisLabel: { color: INK, fontSize: 12 }, splitLine: { lineStyle: { color: '#d5dae0' } }, minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: spec.categories,
      axisLabel: { color: INK, fontSize: 13, width: 210, overflow: 'break' },
      axisLine: { lineStyle: { color: '#7b8794' } },
    },
    series: spec.series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values.map(numeric),
      barMaxWidth: 22,
      label: {
        show: true,
        position: 'right',
        color: INK,
        fontSize: 12,
        formatter: (p: { dataIndex: number }) => text(s.values[p.dataIndex] ?? null, unit),
      },
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** Every chart of the page, by the id of the section it illustrates. */
export function dashboardCharts(v: DashboardView): Map<string, BarSpec> {
  const charts = new Map<string, BarSpec>();
  const one = (name: string, rows: { label: string; count: Count }[]): BarSpec => ({
    categories: rows.map((r) => r.label),
    series: [{ name, values: rows.map((r) => r.count) }],
  });
  charts.set('diagnostics', {
    categories: ['Commencés', 'Terminés'],
    series: [{ name: 'Diagnostics', values: [v.diagnostics.started, v.diagnostics.finished] }],
  });
  if (v.stops.length) charts.set('arrets', one('Diagnostics arrêtés', v.stops));
  charts.set('axes', {
    categories: v.axes.map((a) => a.label),
    series: v.scoreBands.map((band, i) => ({ name: `Score de ${band}`, values: v.axes.map((a) => a.bands[i]!) })),
  });
  if (v.bySector.length)
    charts.set('secteurs', {
      categories: v.bySector.map((g) => g.label),
      series: [{ name: 'Score global moyen', values: v.bySector.map((g) => g.meanOverall) }],
      unit: '/100',
    });
  if (v.byDepartement.length) {
    charts.set('departements', {
      categories: v.byDepartement.map((g) => g.label),
      series: [{ name: 'Score global moyen', values: v.byDepartement.map((g) => g.meanOverall) }],
      unit: '/100',
    });
  }
  if (v.redFlags.length) charts.set('alertes', one('Diagnostics concernés', v.redFlags));
  if (v.priorities.length) charts.set('priorites', one('Diagnostics concernés', v.priorities));
  charts.set('mises-en-relation', {
    categories: ['En direct', 'Rappel'],
    series: [{ name: 'Demandes', values: [v.handoffs.live, v.handoffs.callback] }],
  });
  charts.set('delais', {
    categories: ['En direct', 'Rappel'],
    series: [
      { name: 'Médiane (p50)', values: [v.handoffs.take.live.p50Minutes, v.handoffs.take.callback.p50Minutes] },
      { name: '9 sur 10 en moins de (p90)', values: [v.handoffs.take.live.p90Minutes, v.handoffs.take.callback.p90Minutes] },
    ],
    unit: ' min',
  });
  charts.set('notes', {
    categories: ['1 étoile', '2 étoiles', '3 étoiles', '4 étoiles', '5 étoiles'],
    series: [{ name: 'Échanges notés', values: v.ratings.counts }],
  });
  return charts;
}
