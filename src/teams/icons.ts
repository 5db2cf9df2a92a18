// The Teams app icons, drawn from simple geometry (no image asset): a "V" whose right arm turns
// into an arrow going up — the turn (virage) the dirigeant takes. Teams wants a 192×192 colour icon
// and a 32×32 outline icon, white on a transparent background.
// `scripts/teams-icons.ts` writes them to teams/icons/; the test checks the committed files match.
import { PNG } from 'pngjs';

export const COLOR_SIZE = 192;
export const OUTLINE_SIZE = 32;
export const ICON_COLORS = { background: '#0b5394', stroke: '#ffffff', arrow: '#e69138' } as const;

type Point = [number, number];
type Rgb = [number, number, number];

/** The shape on a 0..1 square: the V's polyline and the arrow head's triangle. */
const V: Point[] = [
  [0.25, 0.3],
  [0.47, 0.74],
  [0.69, 0.36],
];
const ARROW_TIP: Point = [0.8, 0.17];
const ARROW_HALF_WIDTH = 0.12;

function hex(c: string): Rgb {
  return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as Rgb;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function inTriangle(p: Point, a: Point, b: Point, c: Point): boolean {
  const s = (u: Point, v: Point, w: Point) => (u[0] - w[0]) * (v[1] - w[1]) - (v[0] - w[0]) * (u[1] - w[1]);
  const d1 = s(p, a, b);
  const d2 = s(p, b, c);
  const d3 = s(p, c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

/** The arrow head: a triangle at the end of the V's right arm, pointing along it. */
function arrowHead(): [Point, Point, Point] {
  const [from, to] = [V[1], V[2]];
  const len = Math.hypot(to[0] - from[0], to[1] - from[1]);
  const [ux, uy] = [(to[0] - from[0]) / len, (to[1] - from[1]) / len];
  const base: Point = [to[0] - ux * 0.02, to[1] - uy * 0.02];
  return [
    ARROW_TIP,
    [base[0] - uy * ARROW_HALF_WIDTH, base[1] + ux * ARROW_HALF_WIDTH],
    [base[0] + uy * ARROW_HALF_WIDTH, base[1] - ux * ARROW_HALF_WIDTH],
  ];
}

/** Coverage (0..1) of the stroke and of the arrow head at one pixel, by 4×4 supersampling. */
function coverage(x: number, y: number, size: number, strokeWidth: number): { stroke: number; arrow: number } {
  const head = arrowHead();
  let stroke = 0;
  let arrow = 0;
  const n = 4;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const p: Point = [(x + (i + 0.5) / n) / size, (y + (j + 0.5) / n) / size];
      if (inTriangle(p, ...head)) arrow++;
      else if (distanceToSegment(p, V[0], V[1]) <= strokeWidth / 2 || distanceToSegment(p, V[1], V[2]) <= strokeWidth / 2) stroke++;
    }
  }
  return { stroke: stroke / (n * n), arrow: arrow / (n * n) };
}

function setPixel(png: PNG, x: number, y: number, [r, g, b]: Rgb, a: number): void {
  const i = (png.width * y + x) << 2;
  png.data[i] = r;
  png.data[i + 1] = g;
  png.data[i + 2] = b;
  png.data[i + 3] = Math.round(a * 255);
}

/** 192×192, full-bleed brand background, white V, accent arrow head. */
export function drawColorIcon(colors = ICON_COLORS): PNG {
  const png = new PNG({ width: COLOR_SIZE, height: COLOR_SIZE });
  const [bg, fg, ac] = [hex(colors.background), hex(colors.stroke), hex(colors.arrow)];
  for (let y = 0; y < COLOR_SIZE; y++) {
    for (let x = 0; x < COLOR_SIZE; x++) {
      const { stroke, arrow } = coverage(x, y, COLOR_SIZE, 0.11);
      const rest = 1 - stroke - arrow;
      const mix = [0, 1, 2].map((k) => Math.round(bg[k] * rest + fg[k] * stroke + ac[k] * arrow)) as Rgb;
      setPixel(png, x, y, mix, 1);
    }
  }
  return png;
}

/** 32×32, white shape on transparent: only the alpha channel varies. */
export function drawOutlineIcon(): PNG {
  const png = new PNG({ width: OUTLINE_SIZE, height: OUTLINE_SIZE });
  for (let y = 0; y < OUTLINE_SIZE; y++) {
    for (let x = 0; x < OUTLINE_SIZE; x++) {
      const { stroke, arrow } = coverage(x, y, OUTLINE_SIZE, 0.12);
      setPixel(png, x, y, [255, 255, 255], Math.min(1, stroke + arrow));
    }
  }
  return png;
}

export function encodePng(png: PNG): Buffer {
  return PNG.sync.write(png, { colorType: 6 });
}
