// The radar chart of the 7 axes, drawn server-side by Apache ECharts (SVG renderer, no browser) and
// rasterised to PNG by resvg for the result card, Teams and the PDF: rings at 25/50/75/100, the firm's
// polygon in the CCI colour, axis names with their scores, a title and the overall score (the data and the
// text alternative: radar-data.ts). Loaded only where a chart is drawn. Fonts: the system's sans-serif (DejaVu, Liberation, Arial…).
import { Resvg } from '@resvg/resvg-js';
import { RadarChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { AXIS_IDS } from '../types.js';
import { SHORT_AXIS_LABELS, type ReportView } from './view.js';
import {
  clean,
  DEFAULT_CHART_COLOR,
  parseHexColor,
  previousSeriesOf,
  radarScoresOf,
  type RadarOptions,
  type RadarScores,
} from './radar-data.js';

echarts.use([RadarChart, TitleComponent, LegendComponent, SVGRenderer]);

const FONT = 'DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif';
const INK = '#1f2933';
const MUTED = '#5f6b7a';

function checkSize(size: number): number {
  if (!Number.isInteger(size) || size < 200 || size > 2000)
    throw new RangeError(`[radar] size must be an integer in 200–2000, got ${size}`);
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
      {
        text: options.title ?? 'Votre maturité numérique',
        left: 'center',
        top: 14 * k,
        textStyle: { fontSize: 22 * k, color: INK, fontWeight: 'bold' },
      },
      ...(o === null
        ? []
        : [
            {
              text: `Score global : ${Math.round(o)}/100${options.levelLabel ? ` · ${options.levelLabel}` : ''}`,
              left: 'center',
              bottom: 16 * k,
              textStyle: { fontSize: 18 * k, color },
            },
          ]),
    ],
    radar: {
      center: ['50%', '52%'],
      radius: '56%',
      startAngle: 90,
      splitNumber: 4,
      shape: 'polygon',
      indicator: order.map((a, i) => ({
        name: `${SHORT_AXIS_LABELS[a]}\n${values[i] === null ? '–' : Math.round(values[i]!)}`,
        max: 100,
        min: 0,
      })),
      axisName: { color: INK, fontSize: 15 * k, lineHeight: 19 * k },
      axisLine: { lineStyle: { color: '#cbd2d9' } },
      splitLine: { lineStyle: { color: ['#cbd2d9', '#cbd2d9', '#cbd2d9', '#9aa5b1'], width: 1.3 * k } },
      splitArea: { show: false },
    },
    ...(before
      ? {
          legend: {
            data: [beforeName, 'Aujourd’hui'],
            top: 44 * k,
            textStyle: { fontSize: 13 * k, color: INK },
            itemWidth: 22 * k,
            itemHeight: 10 * k,
          },
        }
      : {}),
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

/** The chart of a report view (title, overall score and level included; the previous diagnostic too). */
export function renderRadarForView(view: ReportView, options: Omit<RadarOptions, 'overall' | 'levelLabel'> = {}): Buffer {
  return renderRadarPng(radarScoresOf(view), {
    ...previousSeriesOf(view),
    ...options,
    overall: view.overall,
    levelLabel: view.overall === null ? undefined : view.levelLabel,
  });
}
