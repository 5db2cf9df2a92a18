// The radar chart of the 7 axes as a PNG, drawn server-side (no browser, no system font): grid rings at
// 25/50/75/100, spokes, the firm's polygon in the CCI colour, axis names and scores in our stroke font,
// a title and the overall score. Same input → same bytes. Also the text alternative for screen readers.
import { PNG } from 'pngjs';
import { AXIS_IDS, type AxisId } from '../types.js';
import { Canvas, circle, parseHexColor, type Point, type Rgb } from './raster.js';
import { textPolylines } from './stroke-font.js';
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
}

export const DEFAULT_CHART_COLOR = '#0b5394';
const WHITE: Rgb = { r: 255, g: 255, b: 255 };
const GRID: Rgb = { r: 0xcb, g: 0xd2, b: 0xd9 };
const GRID_OUTER: Rgb = { r: 0x9a, g: 0xa5, b: 0xb1 };
const MUTED: Rgb = { r: 0x5f, g: 0x6b, b: 0x7a };
const INK: Rgb = { r: 0x1f, g: 0x29, b: 0x33 };

/** A score clamped to 0–100, or null when absent or not a number. */
function clean(score: number | null | undefined): number | null {
  return typeof score === 'number' && Number.isFinite(score) ? Math.min(100, Math.max(0, score)) : null;
}

function checkSize(size: number): number {
  if (!Number.isInteger(size) || size < 200 || size > 2000) throw new RangeError(`[radar] size must be an integer in 200–2000, got ${size}`);
  return size;
}

/** Renders the radar as PNG bytes (RGB, 8 bits). */
export function renderRadarPng(scores: RadarScores, options: RadarOptions = {}): Buffer {
  const size = checkSize(options.size ?? 600);
  const color = parseHexColor(options.color ?? DEFAULT_CHART_COLOR);
  const k = size / 600;
  const cx = 300 * k;
  const cy = 305 * k;
  const R = 155 * k;
  const canvas = new Canvas(size, size, WHITE);
  const angle = (i: number) => (2 * Math.PI * i) / AXIS_IDS.length;
  const at = (i: number, r: number): Point => [cx + r * Math.sin(angle(i)), cy - r * Math.cos(angle(i))];
  const ringPoints = (frac: number) => [...AXIS_IDS.map((_, i) => at(i, R * frac)), at(0, R * frac)];

  // Grid: inner rings and spokes, then the outer ring a little darker; ring values along the top spoke.
  canvas.stroke([ringPoints(0.25), ringPoints(0.5), ringPoints(0.75), ...AXIS_IDS.map((_, i) => [[cx, cy], at(i, R)] as Point[])], 1.3 * k, GRID);
  canvas.stroke([ringPoints(1)], 1.8 * k, GRID_OUTER);
  const ringLabels = [25, 50, 75, 100].flatMap((v) =>
    textPolylines(String(v), { x: cx + 5 * k, y: cy - (R * v) / 100 - 4 * k, capHeight: 9 * k }),
  );
  canvas.stroke(ringLabels, 1.2 * k, MUTED);

  // The firm's polygon: translucent fill, solid outline, a dot on each axis.
  const values = AXIS_IDS.map((axis) => clean(scores[axis]));
  const shape = values.map((v, i) => at(i, (R * (v ?? 0)) / 100));
  canvas.fill([shape], color, 0.28);
  canvas.stroke([[...shape, shape[0]]], 3 * k, color);
  canvas.fill(shape.map(([x, y]) => circle(x, y, 4.5 * k)), color);

  // Axis names (dark) and scores (CCI colour), outside the outer ring.
  const names: Point[][] = [];
  const numbers: Point[][] = [];
  const cap = 14 * k;
  const gap = 8 * k;
  AXIS_IDS.forEach((axis, i) => {
    const [ax, ay] = at(i, R + 22 * k);
    const ux = Math.sin(angle(i));
    const uy = -Math.cos(angle(i));
    const align = Math.abs(ux) < 0.2 ? 'center' : ux > 0 ? 'left' : 'right';
    const block = 2 * cap + gap;
    const top = uy < -0.5 ? ay - block : uy > 0.5 ? ay : ay - block / 2;
    names.push(...textPolylines(SHORT_AXIS_LABELS[axis], { x: ax, y: top + cap, capHeight: cap, align }));
    const v = values[i];
    numbers.push(...textPolylines(v === null ? '–' : String(Math.round(v)), { x: ax, y: top + block, capHeight: cap, align }));
  });
  canvas.stroke(names, 1.9 * k, INK);
  canvas.stroke(numbers, 2.4 * k, color);

  const title = options.title ?? 'Votre maturité numérique';
  canvas.stroke(textPolylines(title, { x: cx, y: 42 * k, capHeight: 18 * k, align: 'center' }), 2.4 * k, INK);
  const overall = clean(options.overall);
  if (overall !== null || options.levelLabel) {
    const line = [overall !== null ? `Score global : ${Math.round(overall)}/100` : '', options.levelLabel ?? ''].filter(Boolean).join(' – ');
    canvas.stroke(textPolylines(line, { x: cx, y: 568 * k, capHeight: 16 * k, align: 'center' }), 2.2 * k, color);
  }

  // RGB in, RGB out: pngjs takes its fast path (no conversion); one fixed filter (« Up ») instead of trying
  // all five per row keeps encoding cheap, and white rows compress to almost nothing anyway.
  const png = new PNG({ width: size, height: size, colorType: 2, inputColorType: 2, inputHasAlpha: false });
  png.data = Buffer.from(canvas.data.buffer, canvas.data.byteOffset, canvas.data.byteLength);
  return PNG.sync.write(png, { colorType: 2, inputColorType: 2, inputHasAlpha: false, filterType: 2, deflateLevel: 6 });
}

/** The scores of a report view, in the shape renderRadarPng takes. */
export function radarScoresOf(view: ReportView): RadarScores {
  return Object.fromEntries(view.axes.map((a) => [a.axis, a.score]));
}

/** The chart of a report view (title, overall score and level included). */
export function renderRadarForView(view: ReportView, options: Omit<RadarOptions, 'overall' | 'levelLabel'> = {}): Buffer {
  return renderRadarPng(radarScoresOf(view), { ...options, overall: view.overall, levelLabel: view.overall === null ? undefined : view.levelLabel });
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
