// The radar chart of the 7 axes, drawn server-side by Apache ECharts (SVG renderer, no browser) and
// rasterised to PNG by resvg for the result card, Teams and the PDF: rings at 25/50/75/100, the firm's
// polygon in the CCI colour, axis names with their scores, a title and the overall score. Also the text
// alternative for screen readers. Fonts: the system's sans-serif (DejaVu, Liberation, Arial…).
import { Resvg } from '@resvg/resvg-js';
import { RadarChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { AXIS_IDS, type AxisId } from '../types.js';
import { SHORT_AXIS_LABELS, type ReportView } from './view.js';

echarts.use([RadarChart, TitleComponent, LegendComponent, SVGRenderer]);

export type RadarScores = Partial<Record<AxisId, number | null>>;

export interface RadarOptions {
  /** Width and height in pixels (square), 200–2000; default 600. */
  size?: number;
  /** The company polygon's colour (#RRGGBB), default the Virage blue. */
  color?: string;
  /** Shown under the chart: « Score global : 54/100 · Structuré ». */
  overall?: number | null;
  levelLabel?: string;
  title?: string;
  /** The previous diagnostic's scores (T0), drawn dashed in grey under the current ones, with a legend. */
  previous?: RadarScores;
  /** Legend of the previous series: « Diagnostic du 5 janvier 2026 ». */
  previousLabel?: string;
}

export const DEFAULT_CHART_COLOR = '#0b5394';
const FONT = 'DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif';
const INK = '#1f2933';
const MUTED = '#5f6b7a';

/** Checks a #RRGGBB colour; throws a French message otherwise. */
export function parseHexColor(hex: string): { r: number; g: number; b: number } {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`Couleur invalide : « ${hex} » (attendu : #RRGGBB)`);
  const n = parseInt(m[1]!, 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

/** A score clamped to 0–100, or null when absent or not a number. */
function clean(score: number | null | undefined): number | null {
  return typeof score === 'number' && Number.isFinite(score) ? Math.min(100, Math.max(0, score)) : null;
}

function checkSize(size: number): number {
  if (!Number.isInteger(size) || size < 200 || size > 2000) throw new RangeError(`[radar] size must be an integer in 200–2000, got ${size}`);
  return size;
}

/** The radar as an SVG document (also embeddable as vector). */
export function renderRadarSvg(scores: RadarScores, options: RadarOptions = {}): string {
  const size = checkSize(options.size ?? 600);
  const c = parseHexColor(options.color ?? DEFAULT_CHART_COLOR);
  const color = `rgb(${c.r}, ${c.g}, ${c.b})`;
  const k = size / 600;
  // ECharts turns counter-clockwise: the first axis on top, the others listed in reverse read clockwise.
  const order = [AXIS_IDS[0]!, ...AXIS_IDS.slice(1).reverse()];
  const values = order.map((a) => clean(scores[a]));
  const o = clean(options.overall);
  const before = options.previous ? order.map((a) => clean(options.previous![a])) : undefined;
  const beforeName = options.previousLabel ?? 'Diagnostic précédent';
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size, height: size });
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT },
    title: [
      { text: options.title ?? 'Votre maturité numérique', left: 'center', top: 14 * k, textStyle: { fontSize: 22 * k, color: INK, fontWeight: 'bold' } },
      ...(o === null
        ? []
        : [{ text: `Score global : ${Math.round(o)}/100${options.levelLabel ? ` · ${options.levelLabel}` : ''}`, left: 'center', bottom: 16 * k, textStyle: { fontSize: 18 * k, color } }]),
    ],
    radar: {
      center: ['50%', '52%'],
      radius: '56%',
      startAngle: 90,
      splitNumber: 4,
      shape: 'polygon',
      indicator: order.map((a, i) => ({ name: `${SHORT_AXIS_LABELS[a]}\n${values[i] === null ? '–' : Math.round(values[i]!)}`, max: 100, min: 0 })),
      axisName: { color: INK, fontSize: 15 * k, lineHeight: 19 * k },
      axisLine: { lineStyle: { color: '#cbd2d9' } },
      splitLine: { lineStyle: { color: ['#cbd2d9', '#cbd2d9', '#cbd2d9', '#9aa5b1'], width: 1.3 * k } },
      splitArea: { show: false },
    },
    ...(before ? { legend: { data: [beforeName, 'Aujourd’hui'], top: 44 * k, textStyle: { fontSize: 13 * k, color: INK }, itemWidth: 22 * k, itemHeight: 10 * k } } : {}),
    series: [
      ...(before
        ? [
            {
              type: 'radar',
              symbolSize: 4 * k,
              lineStyle: { color: MUTED, width: 2 * k, type: 'dashed' },
              itemStyle: { color: MUTED },
              data: [{ value: before.map((v) => v ?? 0), name: beforeName }],
            },
          ]
        : []),
      {
        type: 'radar',
        symbolSize: 6 * k,
        lineStyle: { color, width: 3 * k },
        itemStyle: { color },
        areaStyle: { color, opacity: 0.25 },
        data: [{ value: values.map((v) => v ?? 0), name: before ? 'Aujourd’hui' : 'Votre entreprise' }],
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** Renders the radar as PNG bytes. Same input → same bytes. */
export function renderRadarPng(scores: RadarScores, options: RadarOptions = {}): Buffer {
  const svg = renderRadarSvg(scores, options);
  return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: '#ffffff' }).render().asPng();
}

/** The scores of a report view, in the shape renderRadarPng takes. */
export function radarScoresOf(view: ReportView): RadarScores {
  return Object.fromEntries(view.axes.map((a) => [a.axis, a.score]));
}

/** The previous diagnostic's series of a view (T0), when there is one. */
export function previousSeriesOf(view: ReportView): Pick<RadarOptions, 'previous' | 'previousLabel'> {
  if (!view.progress) return {};
  return {
    previous: Object.fromEntries(view.progress.axes.map((a) => [a.axis, a.before])),
    previousLabel: `Diagnostic du ${view.progress.sinceLabel}`,
  };
}

/** The chart of a report view (title, overall score and level included; the previous diagnostic too). */
export function renderRadarForView(view: ReportView, options: Omit<RadarOptions, 'overall' | 'levelLabel'> = {}): Buffer {
  return renderRadarPng(radarScoresOf(view), {
    ...previousSeriesOf(view),
    ...options,
    overall: view.overall,
    levelLabel: view.overall === null ? undefined : view.levelLabel,
  });
}

/** Text alternative of the chart, in French, for screen readers and channels without images. */
export function radarAltText(scores: RadarScores, overall?: number | null, levelLabel?: string): string {
  const parts = AXIS_IDS.map((axis) => {
    const v = clean(scores[axis]);
    return `${SHORT_AXIS_LABELS[axis]} ${v === null ? 'non évalué' : `${Math.round(v)} sur 100`}`;
  });
  const o = clean(overall);
  const end = o === null ? '' : ` Score global : ${Math.round(o)} sur 100${levelLabel ? `, niveau « ${levelLabel} »` : ''}.`;
  return `Graphique radar de votre maturité numérique sur 7 axes : ${parts.join(', ')}.${end}`;
}
