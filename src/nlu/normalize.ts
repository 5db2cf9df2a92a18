// Normalisation of a dirigeant's chat message before analysis: lower case, plain apostrophes and
// hyphens, stretched letters (« ouiiii »), chat forms and common typos (« ouais », « jsp », « bcp »: data,
// knowledge/nlu/formes-chat.fr.json, loaded and checked by src/content), and emojis that answer (👍 ✅ 👎 ❌).
// The original text is kept for display. `createNormalizer(forms)` compiles the chat forms once; the Nlu
// object carries the result (`nlu.normalize`).
import { fold } from './analyze.js';

/** knowledge/nlu/formes-chat.fr.json as read (checked by its schema at start). */
export interface ChatForms {
  /** A folded word as typed → what it means (« jsp » → « je ne sais pas »; empty: the word is dropped). */
  words: Record<string, string>;
  /** Multi-word forms: regular expressions (flag g) on the folded text, applied in order; `by` may use $1. */
  phrases: Array<{ pattern: string; by: string; note?: string }>;
}

/** Normalises a chat message. Never throws; any string (even empty) gives a result. */
export type Normalize = (input: string) => Normalized;

export interface Normalized {
  /** The text as typed (trimmed, capped), for display. */
  original: string;
  /** Lower case, chat forms expanded, accents kept. */
  text: string;
  /** `text` with accents folded: what matchers and extractors read. */
  folded: string;
}

/** Longest message analysed; longer input is cut (a chat answer is never this long). */
export const MAX_INPUT_CHARS = 1000;

const EMOJIS: [RegExp, string][] = [
  [/(?:👍|✅|✔️?|☑️?|👌|🆗)/gu, ' oui '],
  [/(?:👎|❌|✖️?|🚫|⛔)/gu, ' non '],
  [/🤷(?:‍[♂♀]️?)?/gu, ' je ne sais pas '],
  [/🙏/gu, ' merci '],
  [/👋/gu, ' bonjour '],
  [/(?:😡|😠|🤬|😤)/gu, ' c est nul '],
  // Any other pictograph carries no answer: dropped.
  [/[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F\u200D]/gu, ' '],
];

const SHRUG = /🤷(?:\u200d[♂♀]\ufe0f?)?/gu;

// Spoken French drops the « ne » of a negation (« j'ai pas de site », « on fait pas ça », « il y a pas »).
// It is put back, so that every reading sees one negation form: « ne » then the verb then « pas ».
// A pronoun subject, up to two object pronouns, one verb, then the second half of the negation
// (« plus » is left alone: « on a plus de clients » means more). Compiled once.
const SUBJECT = "(je |j'|tu |il |elle |on |nous |vous |ils |elles |ça |ca |cela |c'|ce )";
const CLITICS = "((?:(?:me |m'|te |t'|se |s'|le |la |l'|les |lui |leur |nous |vous |en |y )){0,2})";
const DROPPED_NE = new RegExp(
  `(^|[^\\p{L}'])${SUBJECT}${CLITICS}(?!ne |n')(\\p{L}+) (?=(?:(?:presque |quasiment )?plus (?:rien|jamais|aucun|aucune|personne)|pas(?! mal\\b)|jamais|rien|personne|aucun|aucune|nulle part)\\b)`,
  'gu',
);
// « le site est pas à jour »: a noun subject before « être ».
const DROPPED_NE_ETRE =
  /(^|[^\p{L}'])(?<!\b(?:ne|n'|je|j'|tu|il|elle|on|ça|ca|ce|c') )(est|sont|était|etait) (?=(?:pas(?! mal\b)|jamais)\b)/gu;
const VOWEL = /^[aeiouyhàâäéèêëîïôöûü]/;

/** « j'ai pas » → « je n'ai pas », « on en a pas » → « on n'en a pas », « c'est pas » → « ce n'est pas ». */
export function restoreNe(text: string): string {
  return text
    .replace(DROPPED_NE, (_all, before: string, subject: string, clitics: string, verb: string) => {
      const s = subject === "j'" ? 'je ' : subject === "c'" ? 'ce ' : subject;
      const next = clitics || verb;
      return `${before}${s}${VOWEL.test(next) ? "n'" : 'ne '}${clitics}${verb} `;
    })
    .replace(DROPPED_NE_ETRE, (_all, before: string, verb: string) => `${before}n'${verb} `);
}

/** Collapse letters repeated three times or more (« ouiiii » → « oui »); digits are left alone. */
export function squeezeRepeats(text: string): string {
  return text.replace(/(\p{L})\1{2,}/gu, '$1');
}

/** The normaliser of these chat forms (throws when a phrase pattern does not compile). */
export function createNormalizer(forms: ChatForms): Normalize {
  const words = new Map(Object.entries(forms.words));
  const phrases = forms.phrases.map((p) => ({ re: new RegExp(p.pattern, 'g'), by: p.by }));
  return (input) => {
    const original = String(input ?? '')
      .slice(0, MAX_INPUT_CHARS)
      .trim();
    let t = original.toLowerCase().normalize('NFC');
    // A shrug beside words is a tone (« non 🤷 »); alone, it says « je ne sais pas ».
    if (/\p{L}/u.test(t)) t = t.replace(SHRUG, ' ');
    for (const [re, by] of EMOJIS) t = t.replace(re, by);
    t = t
      .replace(/[’‘`´ʼ]/g, "'")
      .replace(/[‐‑‒–—]/g, '-')
      .replace(/[\u00a0\u202f\u2009]/g, ' ');
    t = squeezeRepeats(t);
    // Expand chat forms word by word (on folded words, so « ouaiis » and « OUAIS » both match).
    t = t.replace(/[\p{L}']+/gu, (w) => {
      const f = fold(w);
      const by = words.get(f);
      if (by !== undefined) return by;
      // « l'ordi », « d'infos »: the word after an elided article.
      const m = /^([a-z]{1,2}')(.+)$/.exec(f);
      const rest = m ? words.get(m[2]!) : undefined;
      return rest ? m![1] + rest : w;
    });
    let folded = fold(t);
    for (const { re, by } of phrases) {
      re.lastIndex = 0;
      if (re.test(folded)) {
        re.lastIndex = 0;
        t = fold(t).replace(re, by);
        folded = fold(t);
      }
      re.lastIndex = 0;
    }
    // Elisions typed without the apostrophe: « d accord », « j ai », « c est », « qu il ».
    t = t.replace(/(^|[^\p{L}'])([cdjlmnst]|qu) (?=[aeiouyhàâäéèêëîïôöûü])/gu, "$1$2'");
    t = restoreNe(t.replace(/\s+/g, ' ').trim());
    return { original, text: t, folded: fold(t) };
  };
}
