// One recogniser for the fixed phrases of a conversation (knowledge/nlu/phrases.fr.json): commands,
// yes / no confirmations, « passer », « je ne sais pas », the end of a live exchange, corrections and
// ordinals. Every dialog and the live relay ask it, so that « supprimer mes données » or « oui » mean
// the same thing everywhere. A command is recognised only when the WHOLE message says it (polite words
// aside): the classifier's guesses never start one.
import { fold } from './analyze.js';
import { compileAnswerCues, type AnswerCueName, type AnswerCues } from './answer-cues.js';
import type { Normalize } from './normalize.js';

export const COMMANDS = [
  'supprimer_donnees',
  'mes_donnees',
  'recommencer',
  'pause',
  'precedent',
  'menu',
  'parler_conseiller',
  'etre_rappele',
  'aide',
  'pourquoi',
  'passer',
  'dontknow',
  'reprendre',
  'corriger',
  'ne_plus_relancer',
] as const;
export type Command = (typeof COMMANDS)[number];

export interface PhraseData {
  prefixes: string[];
  suffixes: string[];
  commands: Record<Command, { label: string; phrases: string[]; inSentence: string[] }>;
  correctionMarkers: { strong: string[]; weak: string[] };
  yes: string[];
  no: string[];
  end: string[];
  ordinals: Record<string, string[]>;
  timeContrast: { past: string[]; present: string[] };
  /** Regular expressions on folded text used to read a message at a diagnostic question (see ReadingCues). */
  readingCues: Record<keyof ReadingCues, string>;
  /** Regular expressions on folded text used to read an answer's words (see AnswerCues). */
  answerCues: Record<AnswerCueName, string>;
}

/** Cues of a message at a diagnostic question, compiled from phrases.fr.json « readingCues ». */
export interface ReadingCues {
  /** Starts a question (« c'est quoi », « comment », « faut-il »). */
  interrogative: RegExp;
  /** Makes a question wherever it stands (« ça veut dire quoi », « ça compte ? »). */
  asks: RegExp;
  /** In a question, asks what the diagnostic question means, covers or requires (« vous parlez de… », « ça compte comme… »). */
  scope: RegExp;
  /** A whole clause asking to wait (« un instant », « deux minutes »): no answer yet. */
  holdOn: RegExp;
  /** Says what the firm does (« je tiens », « on fait »). */
  saysTrade: RegExp;
  /** Names a legal status (never guessed from a trade). */
  statusCue: RegExp;
  /** Speaks of the people of the firm (a head count may follow). */
  people: RegExp;
  /** Speaks of the firm's customers (« nos clients sont surtout des particuliers »). */
  clientele: RegExp;
  /** Asks about Virage's diagnostic itself (« c'est gratuit ? », « ça prend combien de temps ? »). */
  aboutService: RegExp;
}

export interface Correction {
  /** What follows the marker (« on est 3 »), empty for a bare « je me suis trompé ». */
  rest: string;
  /** « je me suis trompé », « erreur »… (always a correction) vs « non, … » (only if the rest fits). */
  strong: boolean;
}

export interface Phrases {
  /** The command the whole message states, if any. */
  command(text: string): Command | undefined;
  /** A command phrase said inside a longer message (« … et je voudrais faire une pause »). */
  mentionedCommand(text: string): Command | undefined;
  /** The French label of a command, for buttons (« Faire une pause »). */
  label(command: Command): string;
  /** A short confirmation: « oui », « d'accord », « non merci », « pas maintenant »… */
  yesNo(text: string): 'yes' | 'no' | undefined;
  /** « terminer », « fin de la conversation », « au revoir »: the end of a live exchange. */
  isEnd(text: string): boolean;
  /** A correction of the previous answer: marker and what follows it. */
  correction(text: string): Correction | undefined;
  /** « 2 », « la deuxième », « le dernier » → 0-based index among `count` choices. */
  ordinal(text: string, count: number): number | undefined;
  /**
   * « à l'époque ils étaient sept, maintenant il reste 3 coachs »: a message that tells how things were and how they
   * are, cut in two: what was (`before`: the clauses about the past, or all that comes before the pivot
   * « maintenant », « depuis ») and how things are now (`present`), both folded; undefined when it tells no change.
   */
  story(text: string): { before: string; present: string } | undefined;
  /** Lower case, accents folded, chat forms expanded, punctuation and hyphens as spaces. */
  key(text: string): string;
  /** Cues for reading a message at a diagnostic question. */
  readonly cues: ReadingCues;
  /** Cues for reading the words of an answer (src/diagnostic/). */
  readonly answerCues: AnswerCues;
}

const SINCE =
  /\bdepuis (?:l'an (?:dernier|passe)|l'annee (?:derniere|passee)|(?:un|deux|trois|quatre|cinq|six|dix|quelques|plusieurs|\d+) (?:ans?|annees?|mois)|(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)(?: dernier)?|(?:19|20)\d\d)\b/g;

/** A command is a short message: longer ones are never read as one (and never backtrack for long). */
const MAX_COMMAND_CHARS = 120;
/** Past and present are looked for in answers of ordinary length only. */
const MAX_STORY_CHARS = 600;

/** The key of an already normalised, folded text. */
function keyOf(t: string): string {
  if (/^\s*\?+\s*$/.test(t)) return '?';
  return t
    .replace(/[’`´]/g, "'")
    .replace(/[^a-z0-9' ?]+/g, ' ')
    .replace(/\?/g, ' ')
    .replace(/'\s+/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** « (a|b|) c » → a regex source matching the folded phrase. */
function compile(phrase: string): string {
  if (phrase === '\\?') return '\\?';
  const f = fold(phrase).replace(/[’]/g, "'").replace(/-/g, ' ').replace(/[,.!]/g, '');
  let out = '';
  for (const ch of f) {
    if (ch === '(') out += '(?:';
    else if (ch === ')' || ch === '|') out += ch;
    else if (ch === ' ') out += ' ?';
    else out += ch.replace(/[.*+?^${}[\]\\/]/g, '\\$&');
  }
  return out;
}

const alternation = (phrases: string[]) => phrases.map(compile).join('|');

/** The recogniser of these phrases; `normalize` is the NLU's normaliser (chat forms of the same content). */
export function createPhrases(data: PhraseData, normalize: Normalize): Phrases {
  const phraseKey = (text: string) => keyOf(normalize(text).folded);
  for (const name of Object.keys(data.commands)) {
    if (!(COMMANDS as readonly string[]).includes(name)) throw new Error(`[nlu] unknown command in phrases.fr.json: ${name}`);
  }
  const pre = `(?:(?:${alternation(data.prefixes)}) ?)*`;
  const post = `(?: ?(?:${alternation(data.suffixes)}))*`;
  const whole = (phrases: string[]) => new RegExp(`^${pre}(?:${alternation(phrases)})${post}$`);
  const commands = (Object.entries(data.commands) as Array<[Command, PhraseData['commands'][Command]]>).map(([name, def]) => ({
    name,
    label: def.label,
    whole: whole(def.phrases),
    inSentence: def.inSentence.length ? new RegExp(`(?:^| )(?:${alternation(def.inSentence)})(?: |$)`) : undefined,
  }));
  const yes = new RegExp(`^(?:${alternation(data.yes)})${post}$`);
  const no = new RegExp(`^(?:${alternation(data.no)})${post}$`);
  const end = new RegExp(`^(?:${alternation(data.end)})${post}$`);
  const strong = new RegExp(`^(?:${alternation(data.correctionMarkers.strong)})(?: |$)`);
  const weak = new RegExp(`^(?:${alternation(data.correctionMarkers.weak)}) `);
  const ordinals = new Map<string, number>();
  for (const [n, words] of Object.entries(data.ordinals)) for (const w of words) ordinals.set(phraseKey(w), Number(n));
  const nowWords = alternation(data.timeContrast.present);
  const past = new RegExp(`(?:^| )(?:${alternation(data.timeContrast.past)})(?= |$)`);
  const now = new RegExp(`(?:^| )(?:${nowWords})(?= |$)`);
  const nowAll = new RegExp(now.source, 'g');
  // « depuis » opening a clause (« depuis je … », « depuis qu'on … », « depuis plus rien »), not « depuis le début ».
  const sinceWords = "(?:qu'|j'|(?:que|je|on|nous|il|ils|elle|elles|c'est|ca|cela|plus|rien|personne|tout|lors|ce temps)(?= |$))";
  const since = new RegExp(`^depuis (?!qu'|que )${sinceWords}`);
  const pivotSince = new RegExp(`(?:^| )depuis ${sinceWords}`);
  const pivotAt = new RegExp(`(?:^| )((?:${nowWords})(?= |$)|depuis(?= ${sinceWords}))`, 'g');
  // Clauses end at punctuation, at « mais », « alors que », « sauf que », and before a present marker.
  const clauseCut = new RegExp(`\\s*[,;.!?]+\\s*| (?:mais|alors que|sauf que) | (?=(?:${nowWords})(?: |$))`);

  const cues = Object.fromEntries(
    Object.entries(data.readingCues)
      .filter(([k]) => !k.startsWith('$'))
      .map(([k, v]) => [k, new RegExp(v)]),
  ) as unknown as ReadingCues;

  const answerCues = compileAnswerCues(data.answerCues);

  return {
    cues,
    answerCues,
    key: phraseKey,
    command(text) {
      const key = phraseKey(text);
      if (!key || key.length > MAX_COMMAND_CHARS) return undefined;
      // « je ne sais pas » is checked last: « je ne sais pas, passer » is a skip.
      return commands.find((c) => c.whole.test(key))?.name;
    },
    mentionedCommand(text) {
      const key = phraseKey(text);
      return commands.find((c) => c.inSentence?.test(key))?.name;
    },
    label: (command) => data.commands[command].label,
    yesNo(text) {
      const key = phraseKey(text);
      if (yes.test(key)) return 'yes';
      if (no.test(key)) return 'no';
      return undefined;
    },
    isEnd: (text) => end.test(phraseKey(text)),
    correction(text) {
      const key = phraseKey(text);
      const s = strong.exec(key);
      if (s) return { rest: restAfter(text, s[0]), strong: true };
      const w = weak.exec(key);
      if (w) return { rest: restAfter(text, w[0]), strong: false };
      return undefined;
    },
    ordinal(text, count) {
      const key = phraseKey(text).replace(/^(?:c'est |je prends |plutot |option |choix |reponse |numero )+/, '');
      const n = ordinals.get(key);
      if (n === undefined) return undefined;
      if (n === -1) return count > 0 ? count - 1 : undefined;
      return n >= 1 && n <= count ? n - 1 : undefined;
    },
    story(said) {
      // « depuis l'an dernier », « depuis 2019 »: since a past time is how things are now.
      const text = normalize(said).folded.replace(SINCE, 'maintenant');
      const key = phraseKey(text);
      if (key.length > MAX_STORY_CHARS || (!past.test(key) && !(now.test(key) || pivotSince.test(key)))) return undefined;
      // A pivot: a present marker after a past one (« au début … depuis … », « avant … maintenant … »), or « depuis »
      // opening a clause after something told (« … a planté, depuis je n'y touche plus »). What comes before it is
      // the story; from it on, how things are now.
      const spaced = text.replace(/[’`´]/g, "'").replace(/[^a-z0-9' ]/g, ' ');
      const firstPast = past.exec(spaced)?.index;
      const pivots = [...spaced.matchAll(pivotAt)].map((m) => m.index + m[0].length - m[1].length);
      // Without a past marker, « depuis » must open a main clause after a break (« …, depuis je … »), not a
      // subordinate one (« les horaires sont faux depuis qu'on a changé »).
      const opensClause = (i: number) => since.test(spaced.slice(i)) && /(?:[,;.!?]|\bet|\bmais)\s*$/.test(text.slice(0, i));
      const pivot = pivots.find((i) => /[a-z]/.test(spaced.slice(0, i)) && (firstPast !== undefined ? i > firstPast : opensClause(i)));
      if (pivot !== undefined) {
        const present = text.slice(pivot).trim();
        const before = text
          .slice(0, pivot)
          .replace(/[\s,;.!?]*(?:mais|et|alors)?[\s,;.!?]*$/, '')
          .trim();
        // « …, donc oui maintenant »: a present that is only its marker leaves the clauses to tell (below).
        const told = phraseKey(present).replace(nowAll, ' ');
        if (/[a-z]/.test(told) && /[a-z]/.test(phraseKey(before))) return { before, present };
      }
      // The present told first (« aujourd'hui on fait tout sur le logiciel alors qu'avant … »): the clauses without
      // a past marker (one that comes after a present marker is the date of a change, not the past).
      if (!past.test(key)) return undefined;
      const clauses = text
        .split(clauseCut)
        .map((c) => c.trim())
        .filter(Boolean);
      const isPast = (c: string) => {
        const k = phraseKey(c);
        const p = past.exec(k);
        const n = now.exec(k);
        return p !== null && (n === null || p.index < n.index);
      };
      const kept = clauses.filter((c) => !isPast(c));
      if (kept.length === 0 || kept.length === clauses.length) return undefined;
      // « on est passés sur Tiime, avant c'était Word »: without a present marker, the present is told first.
      if (
        !kept.some((c) => now.test(phraseKey(c))) &&
        (isPast(clauses[0]) || !/^(?:avant|auparavant|autrefois)\b/.test(phraseKey(clauses.find(isPast)!)))
      )
        return undefined;
      return { before: clauses.filter(isPast).join(', '), present: kept.join(', ') };
    },
  };
}

/** The original text after a marker that matched `matchedKey` (same number of words). */
function restAfter(text: string, matchedKey: string): string {
  const words = matchedKey.trim().split(' ').filter(Boolean).length;
  const parts = text
    .trim()
    .split(/[\s,;:.!]+/)
    .filter(Boolean);
  // Elided words (« c'est ») are one word in both forms; skip as many words as the marker had.
  return parts.slice(words).join(' ').trim();
}
