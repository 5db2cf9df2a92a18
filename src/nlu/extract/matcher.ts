// Finds which option phrases a message mentions, with stems (plurals, feminines), fuzzy matching for
// typos (Jaro-Winkler from natural) and negation scope: in « pas de site mais une page Facebook »
// the site is mentioned under a negation, the page is not. Used by choice and sector extraction.
import { JaroWinklerDistance } from 'natural/lib/natural/distance/index.js';
import { fold, isStopWord, stem, tokens } from '../analyze.js';
import { BOUNDARIES, NEGATORS, scopedTokens, type Tok } from './scope.js';

export { scopedTokens };

export interface PhraseOption {
  id: string;
  phrases: string[];
}

interface PreparedOption {
  id: string;
  /**
   * `denied`: index of the first word the phrase itself denies (« n'imprime plus », « jamais testé »), or -1.
   * Such a phrase matches only where the message denies that word too.
   */
  phrases: { words: string[]; stems: string[]; denied: number; wordKeys: string[]; stemKeys: string[]; generic: boolean }[];
}

/** Options ready for matching, with the vocabulary used to correct typos (and a cache of corrections). */
export interface Prepared {
  options: PreparedOption[];
  /** Vocabulary words of 5+ letters, by first letter. */
  vocab: Map<string, string[]>;
  words: Set<string>;
  corrections: Map<string, string | null>;
  /** Which phrases (option index, phrase index) hold a word (`w:`) or a stem (`s:`): only those are scored. */
  index: Map<string, Array<[number, number]>>;
}

export interface OptionHit {
  id: string;
  /** Share of the best phrase's words found in the message (1 = every word). */
  score: number;
  /** Number of words of that phrase (longer phrases are more specific). */
  length: number;
  negated: boolean;
  /** The phrase states a negation itself (« pas de sauvegarde »). */
  statesNegation?: boolean;
  /** Index of the first matched word, for ordering. */
  position: number;
  /** Indices of the message's words the phrase matched. */
  positions: number[];
  /** How many of the option's phrases the message names whole, each at its own place. */
  phrases?: number;
}

// Frequent short words of a chat answer that are close in spelling to option words but never stand for them.
const COMMON = new Set([
  'mais',
  'tous',
  'tout',
  'toute',
  'toutes',
  'fait',
  'faut',
  'font',
  'sont',
  'avec',
  'dans',
  'pour',
  'chez',
  'vers',
  'aussi',
  'encore',
  'deja',
  'bien',
  'tres',
  'trop',
  'peut',
  'veux',
  'vais',
  'avait',
  'etait',
  'quand',
  'comme',
  'apres',
  'avant',
  'depuis',
  'notre',
  'votre',
  'leur',
  'leurs',
]);

const DIGIT_WORDS: Record<string, string> = { 2: 'deux', 3: 'trois', 4: 'quatre' };

/** « n'imprime plus », « pas le temps », « jamais testé »: the first content word the phrase denies itself, or -1. */
function deniedWord(phrase: string, words: string[]): number {
  const t = scopedTokens(phrase).find((x) => x.neg && words.includes(x.w));
  return t ? words.indexOf(t.w) : -1;
}

// « même » is a stop word for intents but says the opposite of « différents » in « le même partout ».
const MEANINGFUL = new Set(['meme']);

/**
 * The words of a phrase that must be found in a message. A phrase whose only content word is a negation
 * (« pas pour moi ») keeps all its words: a lone « pas » elsewhere in a message does not name it.
 */
function contentWords(text: string): string[] {
  const ws = tokens(text);
  const content = ws.filter((w) => !isStopWord(w) || MEANINGFUL.has(w));
  if (content.length > 0 && content.every((w) => NEGATORS.has(w)) && ws.length > content.length) return ws;
  return content.length > 0 ? content : ws;
}

export function prepareOptions(options: readonly PhraseOption[]): Prepared {
  const prepared = options.map((o) => ({
    id: o.id,
    phrases: o.phrases
      .map((p) => ({ phrase: p, words: contentWords(p) }))
      .filter((p) => p.words.length > 0)
      .map(({ phrase, words }) => {
        const stems = words.map(stem);
        return {
          words,
          stems,
          denied: deniedWord(phrase, words),
          // « c'est fait »: a phrase whose one content word is a word of any chat (see `namesSomethingElse`).
          generic: words.length === 1 && COMMON.has(words[0]),
          wordKeys: words.map((w) => `w:${w}`),
          stemKeys: stems.map((x) => `s:${x}`),
        };
      }),
  }));
  const index = new Map<string, Array<[number, number]>>();
  prepared.forEach((o, oi) =>
    o.phrases.forEach((p, pi) => {
      for (const key of new Set([...p.wordKeys, ...p.stemKeys])) {
        const list = index.get(key);
        if (list) list.push([oi, pi]);
        else index.set(key, [[oi, pi]]);
      }
    }),
  );
  const words = new Set(prepared.flatMap((o) => o.phrases.flatMap((p) => p.words)));
  const vocab = new Map<string, string[]>();
  for (const w of words) {
    if (w.length < 5) continue;
    const list = vocab.get(w[0]) ?? [];
    list.push(w);
    vocab.set(w[0], list);
  }
  return { options: prepared, vocab, words, corrections: new Map(), index };
}

/** The vocabulary word a typo most likely stands for (« facebok » → « facebook »), or null. */
function correct(word: string, p: Prepared): string | null {
  // Function words are never typos of an option word (« mais » is not « mails »).
  if (word.length < 4 || p.words.has(word) || isStopWord(word) || NEGATORS.has(word) || BOUNDARIES.has(word) || COMMON.has(word))
    return null;
  const cached = p.corrections.get(word);
  if (cached !== undefined) return cached;
  let best: string | null = null;
  let bestScore = 0.92;
  for (const v of p.vocab.get(word[0]) ?? []) {
    // A short word is a typo of a word of about its length (« cree » is not « creche »).
    if (Math.abs(v.length - word.length) > (word.length <= 4 ? 1 : 2)) continue;
    const score = JaroWinklerDistance(word, v, { ignoreCase: true });
    if (score >= bestScore) {
      best = v;
      bestScore = score;
    }
  }
  if (p.corrections.size < 10_000) p.corrections.set(word, best);
  return best;
}

/**
 * « chirurgien-dentiste », « crémerie-fromagerie », « plombier-chauffagiste »: a compound the vocabulary does
 * not hold names each of its parts. A compound with a negation (« non-salarié ») is left whole.
 */
function compoundParts(word: string, p: Prepared): string[] {
  if (!word.includes('-') || p.words.has(word)) return [];
  const parts = word.split('-');
  if (parts.some((x) => NEGATORS.has(x) || x === 'non' || x === 'anti')) return [];
  return parts.filter((x) => x.length >= 3 && !isStopWord(x) && !COMMON.has(x));
}

/**
 * Hits whose words all lie inside a longer hit's words are dropped: in « sur un disque dur au bureau »
 * the phrase « disque dur au bureau » holds « disque dur », which is then not a second option named.
 */
export function withoutSubsumed(hits: OptionHit[]): OptionHit[] {
  return hits.filter((h) => !hits.some((g) => g !== h && g.length > h.length && h.positions.every((p) => g.positions.includes(p))));
}

const ARTICLES = new Set(['un', 'une', 'des', 'du', 'd', 'de', 'la', 'le', 'les', 'l', 'ses', 'son', 'sa', 'leur', 'leurs']);

/**
 * « la CCI fait un webinaire »: a word of any chat followed by what it makes or does is a verb with its object,
 * not the option phrase it alone stands for (« c'est fait », « le logiciel le fait »).
 */
function namesSomethingElse(toks: Tok[], at: number): boolean {
  return ARTICLES.has(toks[at + 1]?.w ?? '') && toks[at + 1]?.c === toks[at].c;
}

/** The first place in `list` not already taken by the phrase, or Infinity. */
function freeIn(list: number[] | undefined, taken: number[]): number {
  if (!list) return Infinity;
  for (const x of list) if (!taken.includes(x)) return x;
  return Infinity;
}

/** Best hit per option mentioned in the message (options not mentioned are absent). */
export function matchOptions(text: string, prepared: Prepared): OptionHit[] {
  const toks = scopedTokens(text);
  // Where each word, stem and corrected word occurs in the message.
  const at = new Map<string, number[]>();
  const put = (k: string, i: number) => {
    const l = at.get(k);
    if (l) l.push(i);
    else at.set(k, [i]);
  };
  toks.forEach((t, i) => {
    put(`w:${t.w}`, i);
    put(`s:${t.s}`, i);
    const c = correct(t.w, prepared);
    if (c) put(`w:${c}`, i);
    // « les 2 » is « les deux » (a lone « 2 » stays an ordinal).
    if (DIGIT_WORDS[t.w] && i > 0 && (toks[i - 1].w === 'les' || toks[i - 1].w === 'des')) put(`w:${DIGIT_WORDS[t.w]}`, i);
    for (const part of compoundParts(t.w, prepared)) {
      put(`w:${part}`, i);
      put(`s:${stem(part)}`, i);
    }
    // « sage femme » typed without its hyphen is the vocabulary's « sage-femme ».
    const joined = i + 1 < toks.length ? `${t.w}-${toks[i + 1].w}` : '';
    if (prepared.words.has(joined)) put(`w:${joined}`, i);
  });
  // Only the phrases sharing a word or a stem with the message can match: find them through the index,
  // then score them in the options' and phrases' own order (ties keep the first, as a full scan would).
  const candidates = new Map<number, Set<number>>();
  for (const key of at.keys()) {
    for (const [oi, pi] of prepared.index.get(key) ?? []) {
      const set = candidates.get(oi);
      if (set) set.add(pi);
      else candidates.set(oi, new Set([pi]));
    }
  }
  const hits: OptionHit[] = [];
  for (const oi of [...candidates.keys()].sort((a, b) => a - b)) {
    const o = prepared.options[oi];
    let best: OptionHit | undefined;
    const wholeAt = new Set<number>();
    for (const pi of [...candidates.get(oi)!].sort((a, b) => a - b)) {
      const p = o.phrases[pi];
      let matched = 0;
      let first = -1;
      const positions: number[] = [];
      let deniedPos = -1;
      for (let k = 0; k < p.words.length; k++) {
        // A word the phrase says twice (« de temps en temps ») needs two places in the message.
        const idx = Math.min(freeIn(at.get(p.wordKeys[k]), positions), freeIn(at.get(p.stemKeys[k]), positions));
        if (idx === Infinity) continue;
        matched++;
        positions.push(idx);
        if (k === p.denied) deniedPos = idx;
        if (first < 0 || idx < first) first = idx;
      }
      if (matched === 0 || (p.generic && namesSomethingElse(toks, positions[0]))) continue;
      // A phrase whose words are found only across clauses and out of order is not named (« on envoie
      // déjà » in « on reçoit déjà …, l'envoi on verra »).
      const spread = new Set(positions.map((i) => toks[i].c)).size > 1;
      const crossed = spread && positions.some((x, i) => i > 0 && x < positions[i - 1]);
      // Nor one whose words are found out of order on both sides of an « et » or a « mais »: « ils réservent en ligne
      // et (mais) paient sur place » names no « payer en ligne ».
      const coordinated = positions.some(
        (x, i) => i > 0 && x < positions[i - 1] && toks.slice(x + 1, positions[i - 1]).some((t) => t.w === 'et' || t.w === 'mais'),
      );
      if (matched > 1 && (crossed || coordinated)) matched--;
      const hit = {
        id: o.id,
        score: matched / p.words.length,
        length: p.words.length,
        // Across clauses, a phrase is denied when any clause denies its words (« la réception …, l'envoi pas encore »).
        negated: deniedPos >= 0 ? !toks[deniedPos].neg : toks[first].neg || (spread && positions.some((i) => toks[i].neg)),
        statesNegation: p.denied >= 0,
        position: first,
        positions,
      };
      if (hit.score === 1 && !hit.negated) wholeAt.add(first);
      // The best phrase of an option: the fullest, then one not denied, then the longest.
      if (
        !best ||
        hit.score > best.score ||
        (hit.score === best.score && ((best.negated && !hit.negated) || (best.negated === hit.negated && hit.length > best.length)))
      )
        best = hit;
    }
    if (best) hits.push({ ...best, phrases: wholeAt.size });
  }
  return hits.sort((a, b) => b.score - a.score || b.length - a.length || a.position - b.position);
}
