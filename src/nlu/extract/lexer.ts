// Turns a folded French message into lexemes (numbers and words) for the number, percent and money
// extractors: digits with French separators (« 2 000 », « 1,5 », « 2.000 »), « k » and scale words,
// French number words, symbols € and %.
import { isNumberWord, parseNumberWords } from './numwords.js';

export type Lexeme =
  | {
      t: 'num';
      value: number;
      /** Written with digits (true) or words (false). */
      digits: boolean;
      /** Only « un »/« une »: probably an article. */
      article: boolean;
      /** A k / mille / million multiplier was applied (« 2k », « 3 mille »). */
      scaled: boolean;
    }
  | { t: 'w'; w: string };

const SCALE_AFTER_DIGITS: Record<string, number> = {
  k: 1000,
  ke: 1000,
  kilo: 1000,
  mille: 1000,
  mil: 1000,
  million: 1e6,
  millions: 1e6,
  m: 1e6,
  md: 1e9,
  milliard: 1e9,
  milliards: 1e9,
};

/** Split a folded text into raw words and digit groups. */
function rawWords(folded: string): string[] {
  const t = folded
    .replace(/(\d)\s?(?=[%€$])/g, '$1 ')
    .replace(/([%€$])/g, ' $1 ')
    .replace(/(\d)[ .](?=\d{3}(?!\d))/g, '$1') // thousands separators: 2 000, 2.000
    .replace(/(\d),(?=\d)/g, '$1.') // decimal comma
    .replace(/(\d)\.(?!\d)/g, '$1 ') // a full stop after a number
    .replace(/(\d)(?=[a-z])/g, '$1 ') // 2k → 2 k, 1er → 1 er
    .replace(/([a-z])(?=\d)/g, '$1 ')
    .replace(/(\d)\s*[-/]\s*(?=\d)/g, '$1 - ') // ranges 10-20
    .replace(/([a-z])-(?=[a-z])/g, '$1 ') // vingt-cinq, e-commerce
    .replace(/[<>~+≈]/g, (c) => ` ${c} `)
    .replace(/'/g, "' ");
  return t.split(/[\s,;:!?()"«»[\]{}*]+/).filter(Boolean);
}

/** Lexemes of a folded text. */
export function lex(folded: string): Lexeme[] {
  const ws = rawWords(folded)
    .map((w) => w.replace(/\.+$/, ''))
    .filter(Boolean);
  const out: Lexeme[] = [];
  for (let i = 0; i < ws.length;) {
    const w = ws[i];
    if (/^\d+(?:\.\d+)?$/.test(w)) {
      let value = Number(w);
      let scaled = false;
      const scale = SCALE_AFTER_DIGITS[ws[i + 1]];
      // « m » alone means million only before a currency (« 1,5 m€ »).
      if (scale && (ws[i + 1] !== 'm' || ws[i + 2] === '€' || ws[i + 2] === 'euros')) {
        value *= scale;
        scaled = true;
        i++;
      }
      out.push({ t: 'num', value, digits: true, article: false, scaled });
      i++;
      continue;
    }
    if (isNumberWord(w)) {
      const n = parseNumberWords(ws, i);
      if (n) {
        out.push({ t: 'num', value: n.value, digits: false, article: n.articleOnly, scaled: n.value >= 1000 });
        i = n.next;
        continue;
      }
    }
    out.push({ t: 'w', w });
    i++;
  }
  return out;
}
