import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';
import { radarAltText, renderRadarPng, type RadarScores } from '../../../src/diagnostic/report/radar.js';
import { measure, textPolylines } from '../../../src/diagnostic/report/stroke-font.js';
import { AXIS_IDS } from '../../../src/diagnostic/types.js';

const scores: RadarScores = { strategie: 62, presence: 80, vente: 70, gestion: 55, cyber: 20, competences: 70, ia: null };
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const pixel = (png: PNG, x: number, y: number) => {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return { r: png.data[i], g: png.data[i + 1], b: png.data[i + 2] };
};
/** Pixel at `frac` of the radius, halfway between axes i and i+1 (off the spokes). */
function between(png: PNG, i: number, frac: number) {
  const k = png.width / 600;
  const a = (2 * Math.PI * (i + 0.5)) / AXIS_IDS.length;
  return pixel(png, 300 * k + 155 * k * frac * Math.sin(a), 305 * k - 155 * k * frac * Math.cos(a));
}

describe('renderRadarPng', () => {
  const bytes = renderRadarPng(scores, { overall: 54, levelLabel: 'Structuré' });
  const png = PNG.sync.read(bytes);

  it('writes a 600×600 PNG that pngjs decodes', () => {
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect([png.width, png.height]).toEqual([600, 600]);
  });

  it('fills the company polygon in the CCI colour, translucent, and leaves the outside white', () => {
    // #0b5394 at 28 % over white ≈ (187, 206, 225)
    const inside = between(png, 1, 0.3); // between Présence (80) and Vente (70)
    expect(Math.abs(inside.r - 187)).toBeLessThanOrEqual(3);
    expect(Math.abs(inside.g - 206)).toBeLessThanOrEqual(3);
    expect(Math.abs(inside.b - 225)).toBeLessThanOrEqual(3);
    const outside = between(png, 4, 0.6); // between Cyber (20) and Compétences (70), beyond the polygon
    expect(outside).toEqual({ r: 255, g: 255, b: 255 });
    expect(pixel(png, 5, 5)).toEqual({ r: 255, g: 255, b: 255 });
  });

  it('draws anti-aliased edges (intermediate shades, not only two colours)', () => {
    const shades = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4) shades.add(png.data[i]);
    expect(shades.size).toBeGreaterThan(50);
  });

  it('is deterministic: same input, same bytes; other scores, other bytes', () => {
    expect(sha(renderRadarPng(scores, { overall: 54, levelLabel: 'Structuré' }))).toBe(sha(bytes));
    expect(sha(renderRadarPng({ ...scores, cyber: 21 }, { overall: 54, levelLabel: 'Structuré' }))).not.toBe(sha(bytes));
  });

  it('uses the given colour and size, and refuses bad ones', () => {
    const red = PNG.sync.read(renderRadarPng(scores, { color: '#c0392b', size: 300 }));
    expect(red.width).toBe(300);
    const p = between(red, 1, 0.3);
    expect(p.r).toBeGreaterThan(p.b);
    expect(() => renderRadarPng(scores, { color: 'rouge' })).toThrow(/Couleur invalide/);
    expect(() => renderRadarPng(scores, { size: 10 })).toThrow(RangeError);
  });

  it('accepts missing, out-of-range and non-numeric scores without crashing', () => {
    const odd = { strategie: 150, presence: -5, vente: Number.NaN } as RadarScores;
    expect(PNG.sync.read(renderRadarPng(odd)).width).toBe(600);
  });
});

describe('stroke font', () => {
  it('has a glyph for every character of the labels, accents composed (é è ê ç à)', () => {
    const unknown = measure('?');
    for (const ch of 'StratégiePrésenceVenteGestionCyberCompétencesIAèêçàôîûœ0123456789%'.split('')) {
      if (ch !== '?') expect(textPolylines(ch, { x: 0, y: 0, capHeight: 10 }).length).toBeGreaterThan(0);
    }
    expect(measure('é')).toBe(measure('e'));
    expect(textPolylines('é', { x: 0, y: 0, capHeight: 10 }).length).toBe(textPolylines('e', { x: 0, y: 0, capHeight: 10 }).length + 1);
    expect(measure('ñ')).toBeGreaterThan(0);
    expect(measure('☃')).toBe(unknown);
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
