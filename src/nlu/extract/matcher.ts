// Finds which option phrases a message mentions, with stems (plurals, feminines), fuzzy matching for
// typos (Jaro-Winkler from natural) and negation scope: in « pas de site mais une page Facebook »
// the site is mentioned under a negation, the page is not. Used by choice and sector extraction.
import { JaroWinklerDistance } from 'natural/lib/natural/distance/index.js';
import { fold, isStopWord, stem, tokens } from '../analyze.js';

interface Tok {
  w: string;
  s: string;
  /** Inside the scope of a negation (« pas de … », « ni … », « sans … »). */
  neg: boolean;
}

export interface PhraseOption {
  id: string;
  phrases: string[];
}

interface Prepared {
  id: string;
  phrases: { words: string[]; stems: string[] }[];
}

export interface OptionHit {
  id: string;
  /** Share of the best phrase's words found in the message (1 = every word). */
  score: number;
  /** Number of words of that phrase (longer phrases are more specific). */
  length: number;
  negated: boolean;
  /** Index of the first matched word, for ordering. */
  position: number;
}

const NEGATORS = new Set(['pas', 'ni', 'sans', 'aucun', 'aucune', 'jamais', 'plus', 'rien', 'nul', 'nulle']);
const BOUNDARIES = new Set(['mais', 'sauf', 'seulement', 'juste', 'uniquement', 'que', 'qu', 'sinon', 'cependant', 'pourtant', 'plutot', 'non', 'si', 'ou', 'alors', 'donc', 'car', 'puisque', 'parce', 'contre', 'revanche', 'quand', 'meme', 'tandis']);

/** Tokens of a message with their negation scope. */
export function scopedTokens(text: string): Tok[] {
  const out: Tok[] = [];
  for (const clause of fold(text).split(/[,.;:!?()\n]+/)) {
    const ws = tokens(clause);
    let neg = false;
    let sawNe = false;
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i];
      if (w === 'ne' || w === 'n') sawNe = true;
      if (BOUNDARIES.has(w) || (w === 'et' && ws[i + 1] !== 'de' && ws[i + 1] !== 'd' && ws[i + 1] !== 'ni' && ws[i + 1] !== 'pas')) {
        neg = false;
        sawNe = false;
        continue;
      }
      if (NEGATORS.has(w) && (w !== 'plus' || sawNe) && (w !== 'rien' || sawNe || i === 0)) {
        neg = true;
        out.push({ w, s: w, neg: false });
        continue;
      }
      out.push({ w, s: stem(w), neg });
    }
  }
  return out;
}

function contentWords(text: string): string[] {
  const ws = tokens(text);
  const content = ws.filter((w) => !isStopWord(w));
  return content.length > 0 ? content : ws;
}

export function prepareOptions(options: readonly PhraseOption[]): Prepared[] {
  return options.map((o) => ({
    id: o.id,
    phrases: o.phrases
      .map((p) => contentWords(p))
      .filter((ws) => ws.length > 0)
      .map((words) => ({ words, stems: words.map(stem) })),
  }));
}

function wordMatches(t: Tok, word: string, st: string): boolean {
  if (t.w === word || t.s === st) return true;
  if (word.length >= 5 && t.w.length >= 4 && Math.abs(word.length - t.w.length) <= 2) {
    return JaroWinklerDistance(t.w, word, { ignoreCase: true }) >= 0.92;
  }
  return false;
}

/** Best hit per option mentioned in the message (options not mentioned are absent). */
export function matchOptions(text: string, prepared: readonly Prepared[]): OptionHit[] {
  const toks = scopedTokens(text);
  const hits: OptionHit[] = [];
  for (const o of prepared) {
    let best: OptionHit | undefined;
    for (const p of o.phrases) {
      let matched = 0;
      let first = -1;
      let negated = false;
      let last = -1;
      for (let k = 0; k < p.words.length; k++) {
        const idx = toks.findIndex((t, i) => i > last - 3 && wordMatches(t, p.words[k], p.stems[k]));
        if (idx < 0) continue;
        matched++;
        if (first < 0 || idx < first) {
          first = idx;
          negated = toks[idx].neg;
        }
        last = idx;
      }
      if (matched === 0) continue;
      const hit = { id: o.id, score: matched / p.words.length, length: p.words.length, negated, position: first };
      if (!best || hit.score > best.score || (hit.score === best.score && hit.length > best.length)) best = hit;
    }
    if (best) hits.push(best);
  }
  return hits.sort((a, b) => b.score - a.score || b.length - a.length || a.position - b.position);
}
