// The widget's colour contrast (web/widget/contrast.js): the very file the browser runs, evaluated here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { webDir } from '../../src/paths.js';

interface Theme {
  background: string;
  text: string;
  onWhite: string;
  ratio: number;
}
interface Contrast {
  isHexColour(v: unknown): boolean;
  relativeLuminance(hex: string): number;
  contrastRatio(a: string, b: string): number;
  darkenUntil(hex: string, ratio: number): string;
  readableTheme(colour: unknown, fallback?: string): Theme;
}

const source = readFileSync(path.join(webDir, 'widget', 'contrast.js'), 'utf8');
const context: { VirageContrast?: Contrast } = {};
vm.runInNewContext(source, context);
const c = context.VirageContrast!;

describe('WCAG relative luminance and contrast ratio', () => {
  it('matches the reference values', () => {
    expect(c.relativeLuminance('#000000')).toBe(0);
    expect(c.relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(c.relativeLuminance('#808080')).toBeCloseTo(0.2158605, 6);
    expect(c.relativeLuminance('#ff0000')).toBeCloseTo(0.2126, 6);
    expect(c.contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(c.contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 6); // order does not matter
    expect(c.contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2); // the classic « just below AA »
    expect(c.contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(c.contrastRatio('#0b5394', '#0b5394')).toBe(1);
  });

  it('validates #RRGGBB colours only', () => {
    for (const ok of ['#00594f', '#ABCDEF']) expect(c.isHexColour(ok)).toBe(true);
    for (const bad of ['00594f', '#fff', '#00594g', 'red', 'url(x)', '#00594f;x', '', null, 42]) expect(c.isHexColour(bad)).toBe(false);
  });
});

describe('readable theme from a brand colour', () => {
  it('keeps a dark colour with white text', () => {
    expect(c.readableTheme('#00594F')).toEqual({ background: '#00594f', text: '#ffffff', onWhite: '#00594f', ratio: expect.any(Number) });
    expect(c.readableTheme('#00594f').ratio).toBeGreaterThanOrEqual(4.5);
  });

  it('uses dark text on a light colour, and a darkened colour for text on white', () => {
    const yellow = c.readableTheme('#f2c14e');
    expect(yellow.background).toBe('#f2c14e');
    expect(yellow.text).toBe('#1a1a1a');
    expect(c.contrastRatio(yellow.background, yellow.text)).toBeGreaterThanOrEqual(4.5);
    expect(yellow.onWhite).not.toBe('#f2c14e');
    expect(c.contrastRatio(yellow.onWhite, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('reaches 4.5:1 for every colour of a grid (text on the colour, colour on white)', () => {
    for (let r = 0; r < 256; r += 17) {
      for (let g = 0; g < 256; g += 17) {
        for (let b = 0; b < 256; b += 17) {
          const hex = '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
          const t = c.readableTheme(hex);
          expect(c.contrastRatio(t.background, t.text)).toBeGreaterThanOrEqual(4.5);
          expect(c.contrastRatio(t.onWhite, '#ffffff')).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
  });

  it('falls back on the default colour when the attribute is not a colour', () => {
    expect(c.readableTheme('javascript:alert(1)', '#123456').background).toBe('#123456');
    expect(c.readableTheme(undefined, 'nope').background).toBe('#0b5394');
  });

  it('darkens until the ratio is met', () => {
    const d = c.darkenUntil('#ffd500', 4.5);
    expect(c.contrastRatio(d, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(c.darkenUntil('#ffffff', 4.5)).toMatch(/^#[0-9a-f]{6}$/);
  });
});
