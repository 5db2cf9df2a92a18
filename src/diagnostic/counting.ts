// Two general readings that depend on the question, not on one extractor: counting the things a person
// names when the question asks how many (« Facebook et Insta » is 2; « pas de TikTok » counts nothing),
// with frequencies set aside (« une ou deux fois par semaine » is not a count); and a yes/no question
// answered by describing (« plus de clients » to « savez-vous ce que le numérique doit vous apporter ? »),
// read against the phrasings the questionnaire gives each of its yes/partly/no options.
import { extractChoice, fold, isStopWord, stem } from '../nlu/index.js';
import { matchOptions, prepareOptions, scopedTokens, type Prepared } from '../nlu/extract/matcher.js';
import { optionsOf } from './answers.js';
import type { Answer, Question } from './types.js';

/** « une ou deux fois par semaine », « 3 fois par mois », « tous les jours »: how often, not how many. */
const FREQUENCY = /\b(?:(?:une|un|deux|trois|quatre|cinq|\d+)(?: ou (?:deux|trois|quatre|cinq|\d+))? fois(?: par \w+)?|par (?:jour|semaine|mois|an)|tous les (?:jours|mois)|toutes les semaines|chaque (?:jour|semaine|mois))\b/g;

/** The text without its frequencies. */
export function withoutFrequencies(text: string): string {
  return fold(text).replace(FREQUENCY, ' ');
}

/** How many of the question's countable things the text names outside a negation, or undefined. */
export function countNamed(question: Question, text: string): number | undefined {
  if (!question.countable?.length) return undefined;
  const toks = scopedTokens(text);
  const words = toks.map((t) => t.w);
  // « un compte Facebook mais on ne publie jamais »: what is named before « mais » is then denied.
  const but = words.indexOf('mais');
  const denied = but >= 0 && toks.slice(but + 1).some((t) => ['jamais', 'pas', 'plus', 'rien'].includes(t.w));
  let count = 0;
  for (const thing of question.countable) {
    const spellings = thing.split('|').map((s) => fold(s).trim().split(/\s+/));
    const at = spellings
      .map((sp) => words.findIndex((_, i) => sp.every((w, k) => words[i + k] === w)))
      .find((i) => i >= 0);
    if (at !== undefined && at >= 0 && !toks[at].neg && !(denied && at < but)) count++;
  }
  if (count === 0 && denied) return 0;
  return count > 0 ? count : undefined;
}

/** A yes/no question answered with one of its options' phrasings; undefined when none is named. */
type Phrasings = { choices: Array<{ id: string; label: string; synonyms?: string[] }>; prepared: Prepared };
// Per question, prepared once: the phrasings of its yes / partly / no options (never rebuilt per message).
const phrasingCache = new WeakMap<Question, Phrasings | null>();

function phrasingsOf(question: Question): Phrasings | undefined {
  let p = phrasingCache.get(question);
  if (p === undefined) {
    const options = optionsOf(question).filter((o) => o.synonyms?.length);
    const choices = options.map((o) => ({ id: o.id, label: o.synonyms![0], synonyms: o.synonyms }));
    p = choices.length ? { choices, prepared: prepareOptions(choices.map((c) => ({ id: c.id, phrases: c.synonyms ?? [] }))) } : null;
    phrasingCache.set(question, p);
  }
  return p ?? undefined;
}

/** A yes/no question answered with one of its options' phrasings; undefined when none is named. */
export function yesNoByPhrasing(question: Question, text: string): { answer: Answer; confidence: number } | undefined {
  if (question.type !== 'yesno') return undefined;
  const p = phrasingsOf(question);
  if (!p) return undefined;
  const full = matchOptions(text, p.prepared).filter((h) => !h.negated && h.score === 1);
  const longest = (id: string) => Math.max(0, ...full.filter((h) => h.id === id).map((h) => h.length));
  const [yes, partly, no] = [longest('yes'), longest('partly'), longest('no')];
  // « les devis sur Word, les factures avec un logiciel »: a yes and a no phrasing named together is « en partie ».
  if (yes && no) return { answer: { type: 'yesno', value: 'partly' }, confidence: 0.8 };
  // A phrasing of « en partie » (« vaguement », « les deux ») qualifies the yes or no words beside it, unless they say more.
  if (partly && partly >= yes && partly >= no) return { answer: { type: 'yesno', value: 'partly' }, confidence: 0.85 };
  const r = extractChoice(text, p.choices);
  if (!r.ok) return undefined;
  return { answer: { type: 'yesno', value: r.value as 'yes' | 'partly' | 'no' }, confidence: Math.min(r.confidence, 0.85) };
}

/**
 * A yes/no question answered by taking up its own words (« les rappels partent par SMS » to « avez-vous
 * automatisé … rappels de rendez-vous … ? »): a weak yes, or no when those words are denied. Weak on
 * purpose: the dialog offers it for confirmation instead of storing it.
 */
export function yesNoByEcho(question: Question, text: string): { answer: Answer; confidence: number } | undefined {
  if (question.type !== 'yesno') return undefined;
  const asked = new Set(
    fold(question.text)
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 4 && !isStopWord(w))
      .map(stem),
  );
  const toks = scopedTokens(text).filter((t) => t.w.length >= 4 && !isStopWord(t.w));
  const hits = toks.filter((t) => asked.has(stem(t.w)));
  if (hits.length === 0) return undefined;
  const denied = hits.some((t) => t.neg);
  return { answer: { type: 'yesno', value: denied ? 'no' : 'yes' }, confidence: 0.55 };
}

const UNIT_HOURS: Record<string, number> = { minute: 1 / 60, min: 1 / 60, h: 1, heure: 1, jour: 7, journee: 7, 'demi-journee': 3.5, matinee: 3.5, 'apres-midi': 3.5, soir: 1, soiree: 2 };
const PER_WEEK: Record<string, number> = { jour: 5, semaine: 1, mois: 12 / 52, an: 1 / 52, annee: 1 / 52 };
const WORD_NUMBERS: Record<string, number> = { un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, dix: 10, quinze: 15, trente: 30, quelques: 2.5, plusieurs: 3 };

/** « 2 h par semaine », « une journée par mois », « 30 minutes par jour » → hours per week, if said. */
export function hoursPerWeek(text: string): number | undefined {
  const f = fold(text).replace(/(\d)\s*h\b/g, '$1 h').replace(/(\d),(\d)/g, '$1.$2');
  const m = /(\d+(?:\.\d+)?|une|un|deux|trois|quatre|cinq|six|dix|quinze|trente|quelques|plusieurs)?\s*(minutes?|min|h|heures?|demi-journees?|journees?|jours?|matinees?|apres-midi|soirs?|soirees?)\b(?:[^,.;]{0,20}?\b(?:par|chaque|tous les|toutes les|\/)\s*(jour|semaine|mois|an|annee)s?\b)?/.exec(f);
  if (!m) return undefined;
  const count = m[1] === undefined ? 1 : (WORD_NUMBERS[m[1]] ?? Number(m[1]));
  const unit = m[2].replace(/s$/, '').replace(/^minute$/, 'minute');
  const hours = UNIT_HOURS[unit] ?? UNIT_HOURS[unit.replace(/s$/, '')];
  if (hours === undefined || !Number.isFinite(count)) return undefined;
  // A day said alone is a working day (7 h); « par jour » means five days a week.
  const per = m[3] ? PER_WEEK[m[3]] : 1;
  return count * hours * per;
}

/** The option of an `hoursPerWeek` question whose range holds the duration said, if any. */
export function durationChoice(question: Question, text: string): Answer | undefined {
  if (!question.hoursPerWeek) return undefined;
  const h = hoursPerWeek(text);
  if (h === undefined) return undefined;
  const option = optionsOf(question).find((o) => o.range && h >= o.range[0] && h < o.range[1]);
  return option ? { type: 'choice', value: option.id } : undefined;
}
