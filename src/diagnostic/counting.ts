// Two general readings that depend on the question, not on one extractor: counting the things a person
// names when the question asks how many (« Facebook et Insta » is 2; « pas de TikTok » counts nothing),
// with frequencies set aside (« une ou deux fois par semaine » is not a count); and a yes/no question
// answered by describing (« plus de clients » to « savez-vous ce que le numérique doit vous apporter ? »),
// read against the phrasings the questionnaire gives each of its yes/partly/no options.
import { extractChoice, fold, isStopWord, stem, type AnswerCues } from '../nlu/index.js';
import { matchOptions, prepareOptions, scopedTokens, withoutSubsumed, type Prepared } from '../nlu/extract/matcher.js';
import { optionsOf } from './answers.js';
import type { Answer, Question } from './types.js';

/** The text without its frequencies and durations (« deux fois par semaine », « ça fait 6 mois »: how often or how long, not how many). */
export function withoutFrequencies(text: string, cues: AnswerCues): string {
  return fold(text).replace(cues.frequency, ' ').replace(cues.duration, ' ');
}

/** How many of the question's countable things the text names outside a negation, or undefined. */
export function countNamed(question: Question, text: string, cues: AnswerCues): number | undefined {
  if (!question.countable?.length) return undefined;
  const toks = scopedTokens(text);
  const words = toks.map((t) => t.w);
  // « un compte Facebook mais on ne publie jamais »: what is named before « mais » is then denied.
  const but = words.findIndex((w) => cues.but.test(w));
  const denied = but >= 0 && toks.slice(but + 1).some((t) => cues.deniedAfterBut.test(t.w));
  // « Facebook et Insta, mais on ne publie que sur Insta »: a restriction after « mais » names what counts.
  const restricted = but >= 0 && toks.slice(but + 1).some((t) => cues.restrictedAfterBut.test(t.w));
  // « Insta toutes les semaines, Facebook plus trop »: what is named in a clause said to be rare does not count;
  // « Facebook et Insta mais on poste rarement »: nor what is named before such a « mais ».
  // « Facebook et Insta… enfin Insta on l'a laissé tomber »: a thing named again where it is given up does not count.
  const rare = new Set<number>();
  const stopped = new Set<number>();
  fold(text)
    .split(/[,;:!?()\n]+|\.(?!\w)/)
    .forEach((c, i) => {
      if (cues.rarely.test(c)) rare.add(i);
      if (cues.stopped.test(c)) stopped.add(i);
    });
  const rareAfterBut = but >= 0 && cues.rarely.test(words.slice(but + 1).join(' '));
  const spellings = (question.countable ?? []).map((thing) => thing.split('|').map((s) => fold(s).trim().split(/\s+/)));
  const firstAt = (sps: string[][], start: number) =>
    sps.map((sp) => words.findIndex((_, i) => i >= start && sp.every((w, k) => words[i + k] === w))).find((i) => i >= 0);
  // « Facebook, plus YouTube de temps en temps mais pas tous les mois »: a « mais » in a clause that names a thing
  // speaks of what that clause names only.
  const inButClause = (at: number | undefined) => at !== undefined && at >= 0 && at < but && toks[at].c === toks[but].c;
  const local = but >= 0 && spellings.some((sps) => inButClause(firstAt(sps, 0)));
  const dropped = (at: number) => (denied || rareAfterBut) && at < but && (!local || toks[at].c === toks[but].c);
  const from = (start: number) => {
    let count = 0;
    for (const sps of spellings) {
      const at = firstAt(sps, start);
      const given = sps.some((sp) => words.some((_, i) => sp.every((w, k) => words[i + k] === w) && stopped.has(toks[i].c ?? -1)));
      if (given) continue;
      if (at !== undefined && at >= 0 && !toks[at].neg && !dropped(at) && !rare.has(toks[at].c ?? -1)) count++;
    }
    return count;
  };
  const after = restricted ? from(but + 1) : 0;
  const count = after > 0 ? after : from(0);
  if (count === 0 && (denied || rareAfterBut || rare.size > 0)) return 0;
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

/**
 * The options whose phrasing in the text shares words with a longer phrasing of another option: « le disque
 * dur est à côté de l'ordinateur » names a disk as part of where it sits, not a backup of its own.
 */
export function overlappedOptions(question: Question, text: string): Set<string> {
  const p = phrasingsOf(question);
  const out = new Set<string>();
  if (!p) return out;
  const hits = matchOptions(text, p.prepared).filter((h) => h.score === 1 && !h.negated);
  for (const h of hits) {
    if (hits.some((g) => g.id !== h.id && g.length > h.length && h.positions.some((i) => g.positions.includes(i)))) out.add(h.id);
  }
  return out;
}

/** A yes/no question answered with one of its options' phrasings; undefined when none is named. */
export function yesNoByPhrasing(question: Question, text: string): { answer: Answer; confidence: number } | undefined {
  if (question.type !== 'yesno') return undefined;
  const p = phrasingsOf(question);
  if (!p) return undefined;
  // « un gestionnaire de mots de passe » holds « mot de passe »: a phrasing inside a longer one is not named apart.
  const all = withoutSubsumed(matchOptions(text, p.prepared).filter((h) => h.score === 1));
  const full = all.filter((h) => !h.negated);
  const longest = (id: string) => Math.max(0, ...full.filter((h) => h.id === id).map((h) => h.length));
  const [yes, partly, no] = [longest('yes'), longest('partly'), longest('no')];
  // « je ne garde jamais le même mot de passe »: a bad practice of several words, denied, is the good one.
  if (!yes && !partly && !no && all.length && all.every((h) => h.negated && !h.statesNegation && h.id === 'no' && h.length >= 2))
    return { answer: { type: 'yesno', value: 'yes' }, confidence: 0.85 };
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
  const said = echoedYesNo(question, text);
  return said ? { answer: { type: 'yesno', value: said }, confidence: 0.55 } : undefined;
}

// The stems of each question's own content words, computed once per question.
const askedCache = new WeakMap<Question, Set<string>>();

function askedStems(question: Question): Set<string> {
  let asked = askedCache.get(question);
  if (!asked) {
    asked = new Set(
      fold(question.text)
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length >= 4 && !isStopWord(w))
        .map(stem),
    );
    askedCache.set(question, asked);
  }
  return asked;
}

/**
 * « formation, moi j'ai jamais eu le temps » to « avez-vous suivi une formation… ? »: a yes phrasing made only of the
 * question's own words names the topic, it does not describe an answer.
 */
export function phrasedOnlyByEcho(question: Question, text: string): boolean {
  const phrasings = phrasingsOf(question);
  // Only a yes phrasing said (« je ne reprends jamais le même mot de passe » is a bad practice denied, not an echo).
  if (!phrasings || !matchOptions(text, phrasings.prepared).some((h) => h.score === 1 && !h.negated && h.id === 'yes')) return false;
  const asked = askedStems(question);
  const rest = fold(text)
    .split(/\s+/)
    .filter((w) => !asked.has(stem(w.replace(/[^a-z0-9'-]/g, ''))))
    .join(' ');
  const p = yesNoByPhrasing(question, rest);
  return p === undefined || (p.answer as { value?: string }).value !== 'yes';
}

/** « yes » when the text takes up the question's own words (at least `least` of them), « no » when it denies them. */
export function echoedYesNo(question: Question, text: string, least = 1): 'yes' | 'no' | undefined {
  const asked = askedStems(question);
  const toks = scopedTokens(text).filter((t) => t.w.length >= 4 && !isStopWord(t.w));
  const hits = toks.filter((t) => asked.has(stem(t.w)));
  if (hits.length === 0 || new Set(hits.map((t) => stem(t.w))).size < least) return undefined;
  return hits.some((t) => t.neg) ? 'no' : 'yes';
}

const UNIT_HOURS: Record<string, number> = {
  'quart-heure': 0.25,
  'demi-heure': 0.5,
  minute: 1 / 60,
  min: 1 / 60,
  h: 1,
  heure: 1,
  jour: 7,
  journee: 7,
  'demi-journee': 3.5,
  matinee: 3.5,
  'apres-midi': 3.5,
  soir: 1,
  soiree: 2,
};
const PER_WEEK: Record<string, number> = { jour: 5, semaine: 1, quinzaine: 0.5, mois: 12 / 52, an: 1 / 52, annee: 1 / 52 };
const WORD_NUMBERS: Record<string, number> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  dix: 10,
  quinze: 15,
  trente: 30,
  quelques: 2.5,
  plusieurs: 3,
};
const COUNT = '(\\d+(?:\\.\\d+)?|une|un|deux|trois|quatre|cinq|six|dix|quinze|trente|quelques|plusieurs)';
const UNIT = '(quart-heures?|demi-heures?|minutes?|min|h|heures?|demi-journees?|journees?|jours?|matinees?|apres-midi|soirs?|soirees?)';
const PERIOD = '(?:[^,.;]{0,20}?\\b(?:par|chaque|tous les|toutes les|\\/)\\s*(jour|semaine|quinzaine|mois|an|annee)s?\\b)?';
const DURATION = new RegExp(`${COUNT}?\\s*${UNIT}\\b${PERIOD}`);
// The unit and period words above are the grammar of DURATION (its capture groups index these tables).
// Said otherwise, a period is data (phrases.fr.json « answerCues »): `weekly` (« hebdo ») is « par semaine »,
// `fortnight` (« tous les quinze jours », « une semaine sur deux ») is « par quinzaine », and `weekday`
// (« le vendredi après-midi », « les lundis ») recurs every week.

interface Duration {
  count: number;
  /** The count was said as « plusieurs » / « quelques ». */
  several: boolean;
  unit: string;
  period?: string;
}

function durationOf(text: string, cues: AnswerCues): Duration | undefined {
  const f = fold(text)
    .replace(/(\d)\s*h\b/g, '$1 h')
    .replace(/(\d),(\d)/g, '$1.$2')
    .replace(/\b(demi|quart)[- ]?(?:d')?(heure|journee)/g, '$1-$2')
    .replace(/\bapres[- ]midi/g, 'apres-midi')
    .replace(cues.weekly, 'par semaine')
    .replace(cues.fortnight, 'par quinzaine');
  const m = DURATION.exec(f);
  if (!m) return undefined;
  const unit = m[2].replace(/s$/, '');
  if (UNIT_HOURS[unit] === undefined) return undefined;
  // « une demi-heure »: the « une » is the article of the half.
  const count = m[1] === undefined ? 1 : (WORD_NUMBERS[m[1]] ?? Number(m[1]));
  if (!Number.isFinite(count)) return undefined;
  const period = m[3] ?? (cues.weekday.test(f) ? 'semaine' : undefined);
  return { count, several: m[1] === 'plusieurs' || m[1] === 'quelques', unit, period };
}

// The durations the options' labels say, read once per question.
const labelDurations = new WeakMap<Question, Array<Duration | undefined>>();

/** « 2 h par semaine », « une journée par mois », « 30 minutes par jour » → hours per week, if said. */
export function hoursPerWeek(text: string, cues: AnswerCues): number | undefined {
  const d = durationOf(text, cues);
  // A day said alone is a working day (7 h); « par jour » means five days a week.
  return d ? d.count * UNIT_HOURS[d.unit] * (d.period ? PER_WEEK[d.period] : 1) : undefined;
}

/**
 * The option of an `hoursPerWeek` question for the duration said: first the option whose own label says
 * « plusieurs » of the same unit and period (« 2 jours par mois » is « plusieurs jours par mois », whatever
 * the hours), else the option whose range holds the hours per week.
 */
export function durationChoice(question: Question, text: string, cues: AnswerCues): Answer | undefined {
  if (!question.hoursPerWeek) return undefined;
  const d = durationOf(text, cues);
  if (!d) return undefined;
  const options = optionsOf(question);
  if (d.count >= 2 && d.period) {
    const labels = labelDurations.get(question) ?? options.map((o) => durationOf(o.label, cues));
    labelDurations.set(question, labels);
    const same = options.find((_, i) => labels[i]?.several && labels[i]?.unit === d.unit && labels[i]?.period === d.period);
    if (same) return { type: 'choice', value: same.id };
  }
  const h = d.count * UNIT_HOURS[d.unit] * (d.period ? PER_WEEK[d.period] : 1);
  const option = options.find((o) => o.range && h >= o.range[0] && h < o.range[1]);
  return option ? { type: 'choice', value: option.id } : undefined;
}
