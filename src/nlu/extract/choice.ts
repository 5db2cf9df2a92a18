// Choice among a question's options: by label or synonym (stems, typos), by ordinal
// (« la deuxième », « 2 », « le dernier »), and several at once for multi-choice questions
// (« un site et une page Facebook, et on vend sur Etsy »), honouring negation
// (« pas de site mais une page Facebook » selects only the page).
import { fold, tokens } from '../analyze.js';
import { found, notUnderstood, type ChoiceOption, type Extraction, type MultiChoice } from '../types.js';
import { matchOptions, prepareOptions, withoutSubsumed, type OptionHit, type Prepared } from './matcher.js';
import { ordinalOf } from './numwords.js';

const preparedCache = new WeakMap<readonly ChoiceOption[], Prepared>();

function prepared(options: readonly ChoiceOption[]) {
  let p = preparedCache.get(options);
  if (!p) {
    p = prepareOptions(options.map((o) => ({ id: o.id, phrases: [o.label, ...(o.synonyms ?? [])] })));
    preparedCache.set(options, p);
  }
  return p;
}

const ORDINAL_FILLERS = new Set([
  'le',
  'la',
  'l',
  'numero',
  'no',
  'n',
  'option',
  'choix',
  'reponse',
  'c',
  'est',
  'ce',
  'plutot',
  'je',
  'prends',
  'dirais',
  'choisis',
  'alors',
  'euh',
  'bah',
  'ben',
]);
const NUMBER_WORDS: Record<string, number> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
};
const NONE_OF_THEM =
  /^(?:aucun|aucune|rien|non|aucun des deux|ni l'un ni l'autre|rien de tout ca|aucune de ces options|pas du tout|nada|rien du tout|aucun d'eux|rien de cela|aucune des trois)$|\b(?:rien de tout ca|aucun(?:e)? de (?:ces|ceux|celles)|ni l'un ni l'autre)\b/;

/** Option picked by position when the message is only an ordinal or a small number. */
function byOrdinal(text: string, options: readonly ChoiceOption[]): ChoiceOption | undefined {
  const ws = tokens(text);
  const rest = ws.filter((w) => !ORDINAL_FILLERS.has(w));
  if (rest.length !== 1 || ws.length > 5) return undefined;
  const w = rest[0];
  let n = ordinalOf(w);
  if (n === null && /^\d{1,2}$/.test(w)) n = Number(w);
  if (n === null && w in NUMBER_WORDS && ws.length > 1) n = NUMBER_WORDS[w]; // « la deux », not « un »
  if (n === null && /^[a-h]$/.test(w) && ws.length <= 3 && w !== 'a') n = w.charCodeAt(0) - 96; // « b »
  if (n === null) return undefined;
  if (n === -1) return options[options.length - 1];
  return n >= 1 && n <= options.length ? options[n - 1] : undefined;
}

/**
 * Two options each named whole by one phrase, one of them named again and again (« testé ChatGPT, une fois »
 * beside « pour un mail »): the option most of the message speaks of, or undefined.
 */
function mostNamed(hits: OptionHit[]): OptionHit | undefined {
  const [a, b] = hits;
  if (!b || a.score < 1 || b.score < 1 || b.length !== a.length) return undefined;
  const tied = hits.filter((h) => h.score === 1 && h.length === a.length);
  const [first, second] = [...tied].sort((x, y) => (y.phrases ?? 1) - (x.phrases ?? 1));
  return (first.phrases ?? 1) >= (second.phrases ?? 1) + 2 ? first : undefined;
}

function confidenceOf(hits: OptionHit[]): number {
  const [a, b] = hits;
  if (a.score < 1) return 0.55 * a.score + 0.1;
  if (b && b.score === 1 && b.length === a.length) return 0.5; // two options fully named: ambiguous
  return 0.9;
}

/** One option of a single-choice question. */
export function extractChoice(text: string, options: readonly ChoiceOption[]): Extraction<string> {
  if (options.length === 0) return notUnderstood;
  const hits = matchOptions(text, prepared(options)).filter((h) => !h.negated);
  const most = mostNamed(hits);
  if (most) return found(most.id, 0.85);
  if (hits.length > 0 && hits[0].score === 1) return found(hits[0].id, confidenceOf(hits));
  const ord = byOrdinal(text, options);
  if (ord) return found(ord.id, 0.9);
  if (hits.length > 0 && hits[0].score >= 0.5) return found(hits[0].id, confidenceOf(hits));
  return notUnderstood;
}

/** Several options of a multi-choice question, with the ones explicitly excluded. */
export function extractMulti(text: string, options: readonly ChoiceOption[]): Extraction<MultiChoice> {
  if (options.length === 0) return notUnderstood;
  const all = matchOptions(text, prepared(options));
  const full = withoutSubsumed(all.filter((h) => h.score === 1 || (h.score >= 0.66 && h.length >= 3)));
  const ids = full
    .filter((h) => !h.negated)
    .sort((a, b) => a.position - b.position)
    .map((h) => h.id);
  const excluded = full.filter((h) => h.negated).map((h) => h.id);
  if (ids.length > 0) return found({ ids, excluded, none: false }, 0.9);
  const firstN = /\bles (deux|trois|quatre|2|3|4) (?:premiers|premieres)\b/.exec(fold(text));
  if (firstN) {
    const n = Number(NUMBER_WORDS[firstN[1]] ?? firstN[1]);
    if (n <= options.length) return found({ ids: options.slice(0, n).map((o) => o.id), excluded, none: false }, 0.85);
  }
  const ord = byOrdinal(text, options);
  if (ord) return found({ ids: [ord.id], excluded, none: false }, 0.85);
  const f = fold(text)
    .replace(/[!.?,]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (NONE_OF_THEM.test(f) || (excluded.length > 0 && ids.length === 0)) {
    return found({ ids: [], excluded, none: true }, excluded.length > 0 ? 0.8 : 0.85);
  }
  return notUnderstood;
}
