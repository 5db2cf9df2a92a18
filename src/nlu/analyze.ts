// French text analysis shared by intents, extractors and knowledge search: fold accents, split
// elisions, tokenize with natural's French tokenizer, drop stop words (keeping negations and
// quantities) and stem with natural's French Porter stemmer (never the English default).
import { PorterStemmerFr } from 'natural/lib/natural/stemmers/index.js';
import { AggressiveTokenizerFr } from 'natural/lib/natural/tokenizers/index.js';

const tokenizer = new AggressiveTokenizerFr();

// The same message is folded by every extractor that reads it: remember the last few thousand foldings.
const foldCache = new Map<string, string>();

/** Lower case, accents folded (é→e, œ→oe), typographic apostrophes and dashes made plain. */
export function fold(text: string): string {
  let f = foldCache.get(text);
  if (f === undefined) {
    f = foldUncached(text);
    if (foldCache.size >= 5000) foldCache.clear();
    if (text.length <= 500) foldCache.set(text, f);
  }
  return f;
}

function foldUncached(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´ʼ]/g, "'")
    .replace(/[‐‑‒–—]/g, '-');
}

// Words kept together although they contain an apostrophe.
const APOSTROPHE_WORDS: [RegExp, string][] = [
  [/\baujourd'hui\b/g, 'aujourdhui'],
  [/\bprud'hom/g, 'prudhom'],
  [/\bpresqu'ile\b/g, 'presquile'],
];

// Kept deliberately short: negations (pas, non, ni, jamais, aucun, rien, sans) and quantities
// (plus, moins, peu, beaucoup, tout) carry meaning for answers and are NOT in this list.
const STOP_WORDS = new Set(
  (
    'a au aux avec ce ces c cela ceci d dans de des du elle elles en et est etre eux il ils j je l la le les leur ' +
    'leurs lui m ma me meme mes moi mon n ne nos notre nous on ou par pour qu que qui s sa se ses son sur t ta ' +
    'te tes toi ton tu un une vos votre vous y ca cette cet ete avoir suis es etes sommes sont ai as avez avons ont ' +
    'jusqu lorsqu puisqu quelqu alors donc voila bah ben bon euh hein soi'
  ).split(' '),
);

/** Tokens of the text, folded, elisions split (l'entreprise → l, entreprise), hyphenated words kept. */
export function tokens(text: string): string[] {
  let t = fold(text);
  for (const [re, by] of APOSTROPHE_WORDS) t = t.replace(re, by);
  return tokenizer
    .tokenize(t.replace(/'/g, ' '))
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter(Boolean);
}

export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token);
}

const stemCache = new Map<string, string>();

/** French stem of one folded token (cached: the stemmer is the slowest step). */
export function stem(token: string): string {
  let s = stemCache.get(token);
  if (s === undefined) {
    // Feminine agent nouns stem as their masculine (« traductrice », « agricultrice »: natural's French stemmer cuts
    // « -trice » and « -teur » apart).
    const agent = token.length > 7 && token.endsWith('trice') ? `${token.slice(0, -5)}teur` : token;
    s = fold(PorterStemmerFr.stem(agent));
    if (stemCache.size < 50_000) stemCache.set(token, s);
  }
  return s;
}

/** Stems of the meaningful tokens of the text. */
export function analyze(text: string): string[] {
  return tokens(text)
    .filter((t) => !STOP_WORDS.has(t))
    .map(stem)
    .filter(Boolean);
}

/**
 * A stemmer object in the shape natural's classifiers expect (`tokenizeAndStem`, `stem`), so a
 * classifier trained or restored with it always stems in French.
 */
export const frenchStemmer = {
  stem,
  tokenizeAndStem(text: string, keepStops = false): string[] {
    const t = tokens(text);
    return (keepStops ? t : t.filter((w) => !STOP_WORDS.has(w))).map(stem).filter(Boolean);
  },
};
