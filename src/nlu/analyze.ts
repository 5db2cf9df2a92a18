// French text analysis shared by intents, extractors and knowledge search: fold accents, split
// elisions, tokenize with natural's French tokenizer, drop stop words (keeping negations and
// quantities) and stem with natural's French Porter stemmer (never the English default).
import { PorterStemmerFr } from 'natural/lib/natural/stemmers/index.js';
import { AggressiveTokenizerFr } from 'natural/lib/natural/tokenizers/index.js';

const tokenizer = new AggressiveTokenizerFr();

/** Lower case, accents folded (é→e, œ→oe), typographic apostrophes made plain. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'");
}

// Kept deliberately short: negations and quantities carry meaning for answers and are kept.
const STOP_WORDS = new Set(
  (
    'a au aux avec ce ces c cela d dans de des du elle en et est etre eux il ils j je l la le les leur leurs lui ' +
    'm ma mais me meme mes moi mon n nos notre nous on ou par pour qu que qui s sa se ses son sur t ta te tes toi ton ' +
    'tu un une vos votre vous y ca cette cet ete avoir fait faire sont suis es etes sommes ont ai as avez avons'
  ).split(' '),
);

/** Tokens of the text, folded, elisions split (l'entreprise → l, entreprise). */
export function tokens(text: string): string[] {
  return tokenizer
    .tokenize(fold(text).replace(/'/g, ' '))
    .map((t) => t.replace(/^-+|-+$/g, ''))
    .filter(Boolean);
}

export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token);
}

/** French stem of one folded token. */
export function stem(token: string): string {
  return fold(PorterStemmerFr.stem(token));
}

/** Stems of the meaningful tokens of the text. */
export function analyze(text: string): string[] {
  return tokens(text)
    .filter((t) => !STOP_WORDS.has(t))
    .map(stem)
    .filter(Boolean);
}
