// Our own single-line (stroke) font for the chart labels: A–Z, a–z, digits and a few signs, drawn as
// polylines on a grid where the capitals are 10 units high (baseline 0, x-height 7, y upwards). French
// accents (é è ê à ç ô î ï ù û …) are composed: base letter + accent strokes, found through Unicode NFD.
// No font file, no system font: the chart looks the same on every machine.
import type { Point } from './raster.js';

type Line = Point[];
interface Glyph {
  advance: number;
  lines: Line[];
}

/** Points of an elliptical arc, angles in degrees (counter-clockwise, 0 = right); a0 > a1 goes clockwise. */
function arc(cx: number, cy: number, rx: number, ry: number, a0: number, a1: number): Point[] {
  const steps = Math.max(4, Math.ceil(Math.abs(a1 - a0) / 12));
  return Array.from({ length: steps + 1 }, (_, i) => {
    const a = ((a0 + ((a1 - a0) * i) / steps) * Math.PI) / 180;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)] as Point;
  });
}
const ring = (cx: number, cy: number, rx: number, ry: number) => arc(cx, cy, rx, ry, 0, 360);
const P = (...pts: Point[]): Line => pts;
const g = (advance: number, ...lines: Line[]): Glyph => ({ advance, lines });

const GLYPHS: Record<string, Glyph> = {
  ' ': g(3.5),
  a: g(7, ring(3, 3.5, 2.5, 3.5), P([5.5, 7], [5.5, 0])),
  b: g(7, P([0.5, 10], [0.5, 0]), ring(3, 3.5, 2.5, 3.5)),
  c: g(6.5, arc(3.2, 3.5, 2.7, 3.5, 45, 315)),
  d: g(7, ring(3, 3.5, 2.5, 3.5), P([5.5, 10], [5.5, 0])),
  e: g(7, [[0.5, 3.5], ...arc(3, 3.5, 2.5, 3.5, 0, 320)]),
  f: g(5, [[2, 0], ...arc(3.75, 8.5, 1.75, 1.5, 180, 40)], P([0.5, 7], [4, 7])),
  g: g(7, ring(3, 3.5, 2.5, 3.5), [[5.5, 7], ...arc(3, -0.5, 2.5, 2.5, 0, -160)]),
  h: g(7, P([0.5, 10], [0.5, 0]), [[0.5, 4.5], ...arc(3, 4.5, 2.5, 2.5, 180, 0), [5.5, 0]]),
  i: g(2.5, P([1, 7], [1, 0]), P([1, 9.4])),
  ı: g(2.5, P([1, 7], [1, 0])),
  j: g(3.5, [[2, 7], ...arc(0.5, -1, 1.5, 2, 0, -120)], P([2, 9.4])),
  ȷ: g(3.5, [[2, 7], ...arc(0.5, -1, 1.5, 2, 0, -120)]),
  k: g(6, P([0.5, 10], [0.5, 0]), P([5, 7], [0.5, 2.5]), P([2.2, 4], [5.5, 0])),
  l: g(2.5, P([1, 10], [1, 0])),
  m: g(9, P([0.5, 7], [0.5, 0]), [[0.5, 5], ...arc(2.25, 5, 1.75, 2, 180, 0), [4, 0]], [[4, 5], ...arc(5.75, 5, 1.75, 2, 180, 0), [7.5, 0]]),
  n: g(7, P([0.5, 7], [0.5, 0]), [[0.5, 4.5], ...arc(3, 4.5, 2.5, 2.5, 180, 0), [5.5, 0]]),
  o: g(6.5, ring(3, 3.5, 2.5, 3.5)),
  p: g(7, P([0.5, 7], [0.5, -3]), ring(3, 3.5, 2.5, 3.5)),
  q: g(7, ring(3, 3.5, 2.5, 3.5), P([5.5, 7], [5.5, -3])),
  r: g(4.5, P([0.5, 7], [0.5, 0]), [[0.5, 4], ...arc(3, 4, 2.5, 3, 180, 60)]),
  s: g(6, [...arc(2.9, 5.3, 2.2, 1.7, 30, 270), ...arc(2.9, 1.8, 2.4, 1.8, 90, -150)]),
  t: g(5, [[2, 9], ...arc(3.5, 1.2, 1.5, 1.2, 180, 300)], P([0.5, 7], [4.5, 7])),
  u: g(7, [[0.5, 7], ...arc(3, 2.5, 2.5, 2.5, 180, 360), [5.5, 7]], P([5.5, 7], [5.5, 0])),
  v: g(6, P([0.3, 7], [3, 0], [5.7, 7])),
  w: g(8.5, P([0.3, 7], [2.2, 0], [4.25, 6], [6.3, 0], [8.2, 7])),
  x: g(6, P([0.5, 7], [5.5, 0]), P([5.5, 7], [0.5, 0])),
  y: g(6, P([0.3, 7], [3, 0.3]), P([5.7, 7], [2.2, -2.2], [1, -3])),
  z: g(6, P([0.5, 7], [5.5, 7], [0.5, 0], [5.5, 0])),
  A: g(7.5, P([0.3, 0], [3.5, 10], [6.7, 0]), P([1.4, 3.3], [5.6, 3.3])),
  B: g(7.5, [[0.8, 5], [4, 5], ...arc(4, 7.5, 2.5, 2.5, -90, 90), [0.8, 10], [0.8, 0], [4.3, 0], ...arc(4.3, 2.5, 2.7, 2.5, -90, 90), [4, 5]]),
  C: g(7.5, arc(4, 5, 3.5, 5, 50, 310)),
  D: g(7.5, [[0.8, 0], [0.8, 10], [3, 10], ...arc(3, 5, 3.7, 5, 90, -90), [0.8, 0]]),
  E: g(6.8, P([6, 10], [0.8, 10], [0.8, 0], [6, 0]), P([0.8, 5], [5, 5])),
  F: g(6.5, P([6, 10], [0.8, 10], [0.8, 0]), P([0.8, 5], [5, 5])),
  G: g(8, [...arc(4, 5, 3.5, 5, 45, 355), [4.5, 4.5]]),
  H: g(7, P([0.8, 0], [0.8, 10]), P([6.2, 0], [6.2, 10]), P([0.8, 5], [6.2, 5])),
  I: g(2.5, P([1, 0], [1, 10])),
  J: g(6, [[4.5, 10], ...arc(2.5, 3, 2, 3, 0, -180)]),
  K: g(6.8, P([0.8, 0], [0.8, 10]), P([6, 10], [0.8, 3.8]), P([2.6, 5.8], [6.3, 0])),
  L: g(6, P([0.8, 10], [0.8, 0], [5.5, 0])),
  M: g(8.5, P([0.8, 0], [0.8, 10], [4.25, 2], [7.7, 10], [7.7, 0])),
  N: g(7, P([0.8, 0], [0.8, 10], [6.2, 0], [6.2, 10])),
  O: g(8, ring(4, 5, 3.5, 5)),
  P: g(7, [[0.8, 0], [0.8, 10], [4, 10], ...arc(4, 7.25, 2.7, 2.75, 90, -90), [0.8, 4.5]]),
  Q: g(8, ring(4, 5, 3.5, 5), P([4.5, 2.5], [7.5, -0.5])),
  R: g(7.2, [[0.8, 0], [0.8, 10], [4, 10], ...arc(4, 7.25, 2.7, 2.75, 90, -90), [0.8, 4.5]], P([3.8, 4.5], [6.6, 0])),
  S: g(7, [...arc(3.5, 7.5, 2.9, 2.5, 35, 270), ...arc(3.5, 2.5, 3.1, 2.5, 90, -145)]),
  T: g(6.6, P([0.3, 10], [6.3, 10]), P([3.3, 10], [3.3, 0])),
  U: g(7, [[0.8, 10], ...arc(3.5, 3.5, 2.7, 3.5, 180, 360), [6.2, 10]]),
  V: g(7, P([0.3, 10], [3.5, 0], [6.7, 10])),
  W: g(9.5, P([0.3, 10], [2.5, 0], [4.75, 8], [7, 0], [9.2, 10])),
  X: g(7, P([0.5, 10], [6.5, 0]), P([6.5, 10], [0.5, 0])),
  Y: g(7, P([0.3, 10], [3.5, 5], [6.7, 10]), P([3.5, 5], [3.5, 0])),
  Z: g(7, P([0.6, 10], [6.2, 10], [0.6, 0], [6.4, 0])),
  '0': g(7, ring(3.25, 5, 2.75, 5)),
  '1': g(7, P([1.2, 8], [3.5, 10], [3.5, 0])),
  '2': g(7, [...arc(3.3, 7.3, 2.6, 2.7, 160, -30), [0.6, 0], [6, 0]]),
  '3': g(7, [...arc(3.2, 7.6, 2.4, 2.4, 150, -90), ...arc(3.2, 2.6, 2.8, 2.6, 90, -150)]),
  '4': g(7, P([4.8, 0], [4.8, 10], [0.4, 3], [6.4, 3])),
  '5': g(7, [[5.6, 10], [1.3, 10], [1, 5.3], ...arc(3.3, 3.2, 2.7, 3.2, 140, -150)]),
  '6': g(7, ring(3.3, 3.2, 2.8, 3.2), P([4.8, 10], [0.7, 4.2])),
  '7': g(7, P([0.5, 10], [6, 10], [2.2, 0])),
  '8': g(7, ring(3.25, 7.6, 2.3, 2.4), ring(3.25, 2.6, 2.75, 2.6)),
  '9': g(7, ring(3.25, 6.8, 2.75, 3.2), P([6, 6.5], [1.9, 0])),
  '%': g(7.5, P([0.8, 0], [6.5, 10]), ring(1.7, 8.2, 1.2, 1.6), ring(5.6, 1.8, 1.2, 1.6)),
  '-': g(5, P([0.8, 4], [4, 4])),
  '–': g(7, P([0.8, 4], [6, 4])),
  '.': g(2.5, P([1, 0.2])),
  ',': g(2.5, P([1.2, 0.5], [0.6, -1.5])),
  ':': g(2.5, P([1, 0.2]), P([1, 6])),
  "'": g(2.5, P([1.1, 10], [0.8, 7.5])),
  '/': g(5, P([0.3, -1], [4.5, 10.5])),
  '(': g(4, arc(5, 4, 3.5, 7, 130, 230)),
  ')': g(4, arc(-1, 4, 3.5, 7, 50, -50)),
  '?': g(6, [...arc(3, 7.5, 2.5, 2.5, 150, -60), [3, 3]], P([3, 0.2])),
};

/** Accent strokes around the centre `c` of a letter whose top is at `h`. */
const ACCENTS: Record<string, (c: number, h: number) => Line[]> = {
  '\u0301': (c, h) => [P([c - 0.8, h + 1.2], [c + 1, h + 3])],
  '\u0300': (c, h) => [P([c - 1, h + 3], [c + 0.8, h + 1.2])],
  '\u0302': (c, h) => [P([c - 1.5, h + 1.2], [c, h + 2.8], [c + 1.5, h + 1.2])],
  '\u0308': (c, h) => [P([c - 1.2, h + 2]), P([c + 1.2, h + 2])],
  '\u0327': (c) => [P([c, 0], [c + 0.4, -1], [c + 1.1, -1.6], [c + 0.6, -2.6], [c - 0.9, -2.7])],
};

const SUBSTITUTES: Record<string, string> = { '’': "'", '‘': "'", œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', '—': '–', '\u00a0': ' ', '\u202f': ' ' };
const DOTLESS: Record<string, string> = { i: 'ı', j: 'ȷ' };

/** Glyphs for one character: a known glyph, or a base letter with accents, or « ? ». */
function glyphsOf(ch: string): Glyph[] {
  if (GLYPHS[ch]) return [GLYPHS[ch]];
  if (SUBSTITUTES[ch]) return [...SUBSTITUTES[ch]].flatMap(glyphsOf);
  const [base, ...marks] = [...ch.normalize('NFD')];
  const known = marks.length > 0 && GLYPHS[base] && marks.every((m) => ACCENTS[m]);
  if (!known) return [GLYPHS['?']];
  const glyph = GLYPHS[DOTLESS[base] ?? base];
  const top = base === base.toUpperCase() && base !== base.toLowerCase() ? 10 : 7;
  const centre = glyph.advance / 2 - 0.2;
  return [{ advance: glyph.advance, lines: [...glyph.lines, ...marks.flatMap((m) => ACCENTS[m](centre, top))] }];
}

const TRACKING = 0.6;

/** Width of `text` in font units (multiply by capHeight / 10 for pixels). */
export function measure(text: string): number {
  const glyphs = [...text].flatMap(glyphsOf);
  return glyphs.reduce((w, gl) => w + gl.advance + TRACKING, 0) - (glyphs.length ? TRACKING : 0);
}

export interface TextPlacement {
  /** Anchor x in pixels; `align` says which end of the text it is. */
  x: number;
  /** Baseline y in pixels (y downwards). */
  y: number;
  /** Height of a capital letter in pixels. */
  capHeight: number;
  align?: 'left' | 'center' | 'right';
}

/** The text as pixel polylines (y downwards), ready for Canvas.stroke. */
export function textPolylines(text: string, at: TextPlacement): Point[][] {
  const scale = at.capHeight / 10;
  const width = measure(text) * scale;
  let x = at.align === 'center' ? at.x - width / 2 : at.align === 'right' ? at.x - width : at.x;
  const out: Point[][] = [];
  for (const glyph of [...text].flatMap(glyphsOf)) {
    for (const line of glyph.lines) out.push(line.map(([gx, gy]) => [x + gx * scale, at.y - gy * scale] as Point));
    x += (glyph.advance + TRACKING) * scale;
  }
  return out;
}
