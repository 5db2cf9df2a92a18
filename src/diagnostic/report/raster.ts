// A small anti-aliased rasteriser for the radar chart: exact-area coverage (signed-area accumulation, as in
// font-rs), polygons filled with a colour and an alpha, strokes made of quads and round joins. Pure
// arithmetic on typed arrays: the same drawing calls give the same pixels, on every run.

export type Point = readonly [number, number];

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** '#0b5394' or '0b5394' → {r,g,b}; throws on anything else. */
export function parseHexColor(hex: string): Rgb {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`Couleur invalide : « ${hex} » (attendu : #RRGGBB)`);
  const n = parseInt(m[1], 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

function signedArea(poly: readonly Point[]): number {
  let a = 0;
  for (let i = 0; i < poly.length; i++) {
    const [x0, y0] = poly[i];
    const [x1, y1] = poly[(i + 1) % poly.length];
    a += x0 * y1 - x1 * y0;
  }
  return a / 2;
}

const unitCircles = new Map<number, Point[]>();

/** A regular polygon approximating a circle (enough sides for a smooth edge at this radius). */
export function circle(cx: number, cy: number, r: number): Point[] {
  const n = Math.max(8, Math.ceil((2 * Math.PI * r) / 1.5));
  let unit = unitCircles.get(n);
  if (!unit) {
    unit = Array.from({ length: n }, (_, i) => [Math.cos((2 * Math.PI * i) / n), Math.sin((2 * Math.PI * i) / n)] as Point);
    unitCircles.set(n, unit);
  }
  return unit.map(([ux, uy]) => [cx + r * ux, cy + r * uy] as Point);
}

// Hot loops avoid Math.* calls: they are not inlined in every context (jest's vm runs them ~100× slower).
const floorPos = (x: number) => x | 0; // x ≥ 0
const ceilPos = (x: number) => {
  const f = x | 0;
  return f < x ? f + 1 : f;
};

/** Coverage mask: add polygons, then read coverage 0–1 per pixel (non-zero rule, overlaps clamped). */
class Coverage {
  readonly stride: number;
  readonly acc: Float32Array;
  minY = Infinity;
  maxY = -Infinity;
  minX = Infinity;
  maxX = -Infinity;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.stride = width + 2;
    this.acc = new Float32Array(this.stride * height);
  }

  clear(): void {
    if (this.minY > this.maxY) return;
    this.acc.fill(0, this.minY * this.stride, (this.maxY + 1) * this.stride);
    this.minY = Infinity;
    this.maxY = -Infinity;
    this.minX = Infinity;
    this.maxX = -Infinity;
  }

  /** Adds a closed polygon, always counter-clockwise so that overlapping shapes add up instead of cancelling. */
  polygon(points: readonly Point[]): void {
    if (points.length < 3) return;
    const pts = signedArea(points) < 0 ? [...points].reverse() : points;
    for (let i = 0; i < pts.length; i++) this.line(pts[i], pts[(i + 1) % pts.length]);
  }

  private line(p: Point, q: Point): void {
    const w = this.width;
    // Clamping x to the canvas keeps the coverage inside it exact (area is accumulated towards the right).
    let x0 = p[0] < 0 ? 0 : p[0] > w ? w : p[0];
    let y0 = p[1];
    let x1 = q[0] < 0 ? 0 : q[0] > w ? w : q[0];
    let y1 = q[1];
    if (y0 === y1) return;
    let dir = 1;
    if (y0 > y1) {
      dir = -1;
      [x0, y0, x1, y1] = [x1, y1, x0, y0];
    }
    const dxdy = (x1 - x0) / (y1 - y0);
    let x = x0;
    if (y0 < 0) {
      x -= y0 * dxdy;
      y0 = 0;
    }
    if (y1 > this.height) y1 = this.height;
    if (y0 >= y1) return;
    const acc = this.acc;
    const yStart = floorPos(y0);
    const yEnd = ceilPos(y1);
    if (yStart < this.minY) this.minY = yStart;
    if (yEnd - 1 > this.maxY) this.maxY = yEnd - 1;
    for (let y = yStart; y < yEnd; y++) {
      const row = y * this.stride;
      const dy = (y + 1 < y1 ? y + 1 : y1) - (y > y0 ? y : y0);
      const xNext = x + dxdy * dy;
      const d = dy * dir;
      const xa = x < xNext ? x : xNext;
      const xb = x < xNext ? xNext : x;
      const xaFloor = floorPos(xa);
      const xbCeil = ceilPos(xb);
      if (xaFloor < this.minX) this.minX = xaFloor;
      if (xbCeil + 1 > this.maxX) this.maxX = xbCeil + 1;
      if (xbCeil <= xaFloor + 1) {
        const xmf = 0.5 * (x + xNext) - xaFloor;
        acc[row + xaFloor] += d - d * xmf;
        acc[row + xaFloor + 1] += d * xmf;
      } else {
        const s = 1 / (xb - xa);
        const xaf = xa - xaFloor;
        const a0 = 0.5 * s * (1 - xaf) * (1 - xaf);
        const xbf = xb - xbCeil + 1;
        const am = 0.5 * s * xbf * xbf;
        acc[row + xaFloor] += d * a0;
        if (xbCeil === xaFloor + 2) {
          acc[row + xaFloor + 1] += d * (1 - a0 - am);
        } else {
          const a1 = s * (1.5 - xaf);
          acc[row + xaFloor + 1] += d * (a1 - a0);
          for (let xi = xaFloor + 2; xi < xbCeil - 1; xi++) acc[row + xi] += d * s;
          const a2 = a1 + (xbCeil - xaFloor - 3) * s;
          acc[row + xbCeil - 1] += d * (1 - a2 - am);
        }
        acc[row + xbCeil] += d * am;
      }
      x = xNext;
    }
  }
}

/** An opaque RGB image (3 bytes a pixel) with a few drawing primitives. */
export class Canvas {
  readonly data: Uint8Array;
  private readonly mask: Coverage;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.data = new Uint8Array(width * height * 3);
    for (let i = 0; i < width * height; i++) {
      this.data[i * 3] = background.r;
      this.data[i * 3 + 1] = background.g;
      this.data[i * 3 + 2] = background.b;
    }
    this.mask = new Coverage(width, height);
  }

  /** Fills polygons (one shape: overlaps are not painted twice) with a colour at opacity `alpha`. */
  fill(polygons: readonly (readonly Point[])[], color: Rgb, alpha = 1): void {
    for (const poly of polygons) this.mask.polygon(poly);
    this.paint(color, alpha);
  }

  /** Strokes polylines with round joins and caps; a one-point polyline draws a dot. */
  stroke(polylines: readonly (readonly Point[])[], width: number, color: Rgb, alpha = 1): void {
    const r = width / 2;
    for (const line of polylines) {
      for (let i = 0; i < line.length; i++) {
        this.mask.polygon(circle(line[i][0], line[i][1], r));
        if (i === 0) continue;
        const [x0, y0] = line[i - 1];
        const [x1, y1] = line[i];
        const len = Math.hypot(x1 - x0, y1 - y0);
        if (len === 0) continue;
        const nx = (-(y1 - y0) / len) * r;
        const ny = ((x1 - x0) / len) * r;
        this.mask.polygon([
          [x0 + nx, y0 + ny],
          [x1 + nx, y1 + ny],
          [x1 - nx, y1 - ny],
          [x0 - nx, y0 - ny],
        ]);
      }
    }
    this.paint(color, alpha);
  }

  private paint(color: Rgb, alpha: number): void {
    const { acc, stride, minY, maxY, minX, maxX } = this.mask;
    // Nothing accumulates left of minX, and a row's sum is back to zero after maxX (closed shapes).
    const xStart = minX > 0 ? minX : 0;
    const xEnd = maxX < this.width - 1 ? maxX : this.width - 1;
    const data = this.data;
    const yEnd = maxY < this.height - 1 ? maxY : this.height - 1;
    for (let y = minY > 0 ? minY : 0; y <= yEnd; y++) {
      let sum = 0;
      const row = y * stride;
      for (let x = xStart; x <= xEnd; x++) {
        sum += acc[row + x];
        const abs = sum < 0 ? -sum : sum;
        const cov = abs > 1 ? 1 : abs;
        if (cov < 1 / 512) continue;
        const a = cov * alpha;
        const i = (y * this.width + x) * 3;
        // values are ≥ 0, so +0.5 and truncation round like Math.round
        data[i] = (color.r * a + data[i] * (1 - a) + 0.5) | 0;
        data[i + 1] = (color.g * a + data[i + 1] * (1 - a) + 0.5) | 0;
        data[i + 2] = (color.b * a + data[i + 2] * (1 - a) + 0.5) | 0;
      }
    }
    this.mask.clear();
  }
}
