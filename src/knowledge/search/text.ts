// Text helpers of the knowledge search: French analysis into search terms (through src/nlu/analyze),
// with hyphenated words indexed whole and in parts, plus Markdown-to-plain-text and excerpts.
import { isStopWord, stem, tokens } from '../../nlu/analyze.js';

/** A word of a text: its folded surface form and its stem. */
export interface Word {
  surface: string;
  stem: string;
}

/**
 * Words of a text, folded, without stop words. « e-commerce » gives « ecommerce », « e », « commerce »
 * (single letters are dropped), so that « ecommerce » and « e commerce » both find it.
 * `extraStops` are folded words also dropped (question words, politeness: query side only).
 */
export function words(text: string, extraStops?: ReadonlySet<string>): Word[] {
  const out: Word[] = [];
  const push = (surface: string) => {
    if (surface.length < 2 && !/^\d$/.test(surface)) return;
    if (isStopWord(surface) || extraStops?.has(surface)) return;
    const s = singular(stem(surface));
    if (s) out.push({ surface, stem: s });
  };
  for (const token of tokens(text)) {
    if (token.includes('-')) {
      push(token.replace(/-/g, ''));
      for (const part of token.split('-')) push(part);
    } else {
      push(token);
    }
  }
  return out;
}

/**
 * The French stemmer keeps the plural « s » after a vowel « o » (« vidéos », « photos », « euros », « logos »
 * stay apart from « vidéo », « photo »…): such a stem loses it, on the index and query sides alike.
 */
function singular(s: string): string {
  return s.length >= 4 && s.endsWith('os') ? s.slice(0, -1) : s;
}

/**
 * The stem of the known word a compound unknown to the guides ends with (« photocopies » → « copies »,
 * « vidéoconférence » → « conférence »): a prefix of at least 3 letters, a tail of at least 5. Else null.
 */
export function compoundTail(surface: string, known: (stem: string) => boolean): string | null {
  for (let i = 3; surface.length - i >= 5; i++) {
    const tail = words(surface.slice(i))[0];
    if (tail && known(tail.stem)) return tail.stem;
  }
  return null;
}

/** Stems of a text (index side: no extra stop words). */
export function terms(text: string): string[] {
  return words(text).map((w) => w.stem);
}

/** Plain text of a Markdown passage: no link targets, emphasis, list marks, tables or headings. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '')
    .replace(/^\s*>\s?/gm, '')
    .replace(/^\s*\|?\s*:?-{3,}.*$/gm, '')
    .replace(/\|/g, ' ')
    .replace(/(\*\*|__|\*|_|`)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits plain text into sentences (French punctuation, keeps abbreviations like « 15 € HT. » whole enough). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Þ«"(0-9])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A sentence of a passage with its stems (computed once per passage, on its first excerpt). */
export interface AnalysedSentence {
  text: string;
  stems: ReadonlySet<string>;
}

export function analyseSentences(plain: string): AnalysedSentence[] {
  return sentences(plain).map((text) => ({ text, stems: new Set(terms(text)) }));
}

/**
 * The best excerpt of a passage for a query: the window of consecutive sentences (up to `maxChars`)
 * holding the most distinct query stems, starting at a sentence boundary; cut on a word with « … ».
 */
export function excerpt(plain: string | AnalysedSentence[], queryStems: ReadonlySet<string>, maxChars = 280): string {
  const list = typeof plain === 'string' ? analyseSentences(plain) : plain;
  if (list.length === 0) return '';
  let best = 0;
  let bestHits = -1;
  for (let i = 0; i < list.length; i++) {
    const seen = new Set<string>();
    let len = 0;
    for (let j = i; j < list.length; j++) {
      len += list[j]!.text.length + 1;
      if (j > i && len > maxChars) break;
      for (const s of list[j]!.stems) if (queryStems.has(s)) seen.add(s);
    }
    if (seen.size > bestHits) {
      bestHits = seen.size;
      best = i;
    }
  }
  let out = '';
  for (let j = best; j < list.length; j++) {
    const next = out ? `${out} ${list[j]!.text}` : list[j]!.text;
    if (next.length > maxChars) {
      if (!out) out = cut(next, maxChars);
      break;
    }
    out = next;
  }
  return out;
}

function cut(text: string, maxChars: number): string {
  const slice = text.slice(0, maxChars - 1);
  const space = slice.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? slice.slice(0, space) : slice).replace(/[\s,;:]+$/, '')}…`;
}

/** Stems of other forms of a word the French stemmer leaves apart (« commencent » → « commence »). */
export function inflections(surface: string): string[] {
  const out: string[] = [];
  if (surface.length > 5 && surface.endsWith('ent')) out.push(stem(surface.slice(0, -2)));
  if (surface.length > 4 && /[sx]$/.test(surface)) out.push(stem(surface.slice(0, -1)));
  if (surface.length > 5 && /(ez|er)$/.test(surface)) out.push(stem(surface.slice(0, -2) + 'e'));
  return out;
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

