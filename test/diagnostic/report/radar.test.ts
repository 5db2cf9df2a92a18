import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';
import { radarAltText, type RadarScores } from '../../../src/diagnostic/report/radar-data.js';
import { renderRadarPng, renderRadarSvg } from '../../../src/diagnostic/report/radar.js';

const scores: RadarScores = { strategie: 62, presence: 80, vente: 70, gestion: 55, cyber: 20, competences: 70, ia: null };
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const pixel = (png: PNG, x: number, y: number) => {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return { r: png.data[i], g: png.data[i + 1], b: png.data[i + 2] };
};
/** Pixels within `tol` of an RGB colour. */
function count(png: PNG, rgb: [number, number, number], tol = 6): number {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs(png.data[i]! - rgb[0]) <= tol && Math.abs(png.data[i + 1]! - rgb[1]) <= tol && Math.abs(png.data[i + 2]! - rgb[2]) <= tol)
      n++;
  }
  return n;
}

describe('renderRadarSvg (Apache ECharts, server-side SVG)', () => {
  const svg = renderRadarSvg(scores, { overall: 54, levelLabel: 'Structuré' });
  it('is an SVG with the axis names and scores, the title and the overall score', () => {
    expect(svg).toMatch(/^<svg/);
    for (const t of [
      'Stratégie',
      '62',
      'Présence',
      '80',
      'Cyber',
      '20',
      'Compétences',
      'IA',
      'Votre maturité numérique',
      'Score global : 54/100 · Structuré',
    ]) {
      expect(svg).toContain(t);
    }
  });
});

describe('renderRadarPng (resvg)', () => {
  const bytes = renderRadarPng(scores, { overall: 54, levelLabel: 'Structuré' });
  const png = PNG.sync.read(bytes);

  it('writes a 600×600 PNG that pngjs decodes', () => {
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect([png.width, png.height]).toEqual([600, 600]);
  });

  it('fills the company polygon in the CCI colour, translucent, on a white background', () => {
    // #0b5394 at 25 % over white ≈ (194, 212, 228): a large area of it
    expect(count(png, [194, 212, 228])).toBeGreaterThan(5000);
    expect(pixel(png, 5, 5)).toEqual({ r: 255, g: 255, b: 255 });
  });

  it('draws text and anti-aliased edges (many shades)', () => {
    const shades = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4) shades.add(png.data[i]!);
    expect(shades.size).toBeGreaterThan(50);
  });

  it('is deterministic: same input, same bytes; other scores, other bytes', () => {
    expect(sha(renderRadarPng(scores, { overall: 54, levelLabel: 'Structuré' }))).toBe(sha(bytes));
    expect(sha(renderRadarPng({ ...scores, cyber: 21 }, { overall: 54, levelLabel: 'Structuré' }))).not.toBe(sha(bytes));
  });

  it('uses the given colour and size, and refuses bad ones', () => {
    const red = PNG.sync.read(renderRadarPng(scores, { color: '#c0392b', size: 300 }));
    expect(red.width).toBe(300);
    expect(count(red, [239, 205, 202], 8)).toBeGreaterThan(1000); // #c0392b at 25 % over white
    expect(() => renderRadarPng(scores, { color: 'rouge' })).toThrow(/Couleur invalide/);
    expect(() => renderRadarPng(scores, { size: 10 })).toThrow(RangeError);
  });

  it('accepts missing, out-of-range and non-numeric scores without crashing', () => {
    const odd = { strategie: 150, presence: -5, vente: Number.NaN } as RadarScores;
    expect(PNG.sync.read(renderRadarPng(odd)).width).toBe(600);
  });
});

describe('radarAltText', () => {
  it('reads every axis, the overall score and the level in French', () => {
    const alt = radarAltText(scores, 54, 'Structuré');
    for (const label of ['Stratégie 62 sur 100', 'Présence 80 sur 100', 'Cyber 20 sur 100', 'Compétences 70 sur 100', 'IA non évalué']) {
      expect(alt).toContain(label);
    }
    expect(alt).toContain('Score global : 54 sur 100, niveau « Structuré »');
  });
});
