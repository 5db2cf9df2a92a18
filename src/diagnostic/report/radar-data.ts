// What the radar chart shows, without drawing it: the scores of a report view, the previous series, the
// colour check and the French text alternative. The result card needs these, not ECharts (which
// src/diagnostic/report/radar.ts loads only where a chart is drawn).
import { AXIS_IDS, type AxisId } from '../types.js';
import { SHORT_AXIS_LABELS, type ReportView } from './view.js';

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

/** Checks a #RRGGBB colour; throws a French message otherwise. */
export function parseHexColor(hex: string): { r: number; g: number; b: number } {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`Couleur invalide : « ${hex} » (attendu : #RRGGBB)`);
  const n = parseInt(m[1]!, 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

/** A score clamped to 0–100, or null when absent or not a number. */
export function clean(score: number | null | undefined): number | null {
  return typeof score === 'number' && Number.isFinite(score) ? Math.min(100, Math.max(0, score)) : null;
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
