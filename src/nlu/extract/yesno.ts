// Yes / partly / no / don't know / not concerned, from free French text, with negation scope and
// nuance: « absolument » is yes but « absolument pas » is no; « tout à fait » is yes but « pas tout
// à fait » is partly; « oui mais pas à jour » is partly; « bien sûr que non » is no.
// The words are data (knowledge/nlu/reponses.fr.json « yesNo », one cue per kind of answer, see its `$comment`);
// the code keeps the order in which the cues are tried and what each one answers.
import { fold } from '../analyze.js';
import { found, notUnderstood, type Extraction, type YesNo } from '../types.js';

/** Names of the cues of reponses.fr.json « yesNo » that are read as a whole answer, in the order they are tried. */
const RULES = [
  // Hedges keep the answer: « je crois que oui », « normalement non », « il me semble que oui ».
  ['hedgedYes', 'yes', 0.85],
  ['hedgedNo', 'no', 0.85],
  ['doubtedNo', 'no', 0.85],
  // « oui, jamais eu de souci »: a yes, then no trouble (the denial is of the trouble, not of the yes).
  ['yesNoTrouble', 'yes', 0.9],
  // Nothing left to do by hand is the good outcome of a tool that works (not « j'en ai rien à faire »).
  ['nothingLeftToDo', 'yes', 0.85],
  // Contrasts: « moi non, mon associé oui », « sur les devis oui, le registre non » → partly.
  ['contrast', 'partly', 0.85],
  // A yes kept to one purpose, the rest denied or unknown: « pour la visibilité oui, pour le reste je ne vois pas ».
  ['restDenied', 'partly', 0.85],
  // Something shown that reality contradicts: « la fiche affiche fermé alors qu'on est ouvert » is there, but wrong.
  ['contradicted', 'partly', 0.85],
  // « pas vraiment » is a no, whatever explanation follows.
  ['notReally', 'no', 0.9],
  // A bare hedge is a cautious yes: « je crois », « il me semble ».
  ['bareHedge', 'yes', 0.8],
  ['noNotReally', 'no', 0.9],
  // A softened no with its reason is a no (a « mais » may bring a partial yes).
  ['softNoWithReason', 'no', 0.9],
  // Something there, denied in the same breath.
  ['thereButDenied', 'partly', 0.85],
  // An exception to a yes about several things, i.e. « en partie ».
  ['exceptFor', 'partly', 0.85],
  // A softened no is still a no.
  ['softNo', 'no', 0.9],
  // Something that existed and was dropped (see `dropped` below).
  ['dropped', 'no', 0.85],
  // Something known, the rest not: a partial answer.
  ['knownButNotWhich', 'partly', 0.85],
  // Not knowing what the thing is is a no to « avez-vous … ? ».
  ['unknownThing', 'no', 0.85],
  // Held to be for others, bigger firms: a no for one's own.
  ['forBigFirms', 'no', 0.85],
  // Not seeing what it would be for is a no, not « je ne sais pas ».
  ['noPoint', 'no', 0.85],
  // Not concerned (applies only when the question allows it; the caller decides).
  ['notConcerned', 'not_concerned', 0.9],
  ['dontKnow', 'dont_know', 0.9],
  // A softened denial is a no.
  ['softDenial', 'no', 0.85],
  // A whole message that is one denied verb: a clear no.
  ['deniedVerb', 'no', 0.9],
  // Nuanced answers.
  ['partly', 'partly', 0.85],
  ['thereBut', 'partly', 0.85],
  ['yesBut', 'partly', 0.85],
  // Clear negatives, including negated affirmatives, then affirmatives.
  ['no', 'no', 0.9],
  ['yes', 'yes', 0.9],
  ['bareSi', 'yes', 0.9],
  // « peut-être » with nothing that answers beside it: not knowing.
  ['maybe', 'dont_know', 0.8],
  // Weaker cues: a bare negation, or an affirmative statement of having or doing it.
  ['bareNegation', 'no', 0.7],
  ['unknownToMe', 'no', 0.8],
  ['setUp', 'yes', 0.7],
  // A need or a wish is not having or doing.
  ['hasOrDoes', 'yes', 0.7],
] as const;

type RuleName = Exclude<(typeof RULES)[number][0], 'dropped'>;

/** The pieces « dropped » is made of (see `compileYesNoCues`). */
type DroppedPart = 'stopped' | 'tried' | 'had' | 'gone' | 'nothingSince' | 'allStopped' | 'itStopped';

export type YesNoCueName = RuleName | DroppedPart;

/** reponses.fr.json « yesNo »: one regular expression on folded text per cue. */
export type YesNoData = Record<YesNoCueName, string>;

/** Every cue the data must give, in the data's order (the schema requires the same). */
export const YES_NO_CUE_NAMES: readonly YesNoCueName[] = RULES.flatMap(([name]) =>
  name === 'dropped' ? (['stopped', 'tried', 'had', 'gone', 'nothingSince', 'allStopped', 'itStopped'] as const) : [name],
);

export interface YesNoCues {
  /** A verb of stopping or switching off: « arrêté », « désactivé », « résilié », « laissé tomber ». */
  stopped: RegExp;
  /** Tried, then given up: « on a testé un outil, puis laissé tomber », « j'ai essayé mais j'ai arrêté ». */
  triedThenStopped: RegExp;
  /**
   * Something that existed and was dropped: « on en avait un mais il a fermé », « j'avais un site, arrêté », « j'ai
   * tout désactivé », « on l'a résilié ».
   */
  dropped: RegExp;
  /** The thing itself said to be dropped (« on l'a arrêté », « j'ai tout résilié »). */
  droppedIt: RegExp;
  /** The cues read as a whole answer, in order: the first that matches wins. */
  rules: ReadonlyArray<readonly [RegExp, YesNo, number]>;
}

/** Compiles « yesNo » once (the cues are checked one by one by the caller, src/nlu/answer-words.ts). */
export function compileYesNoCues(data: YesNoData): YesNoCues {
  const stopped = new RegExp(data.stopped);
  const triedThenStopped = new RegExp(`${data.tried}.{0,60}(?:${data.stopped})`);
  const dropped = new RegExp(
    `${data.had}.{0,80}(?:${data.stopped}|${data.gone})|${triedThenStopped.source}|${data.nothingSince}|${data.allStopped}|${data.itStopped}`,
  );
  const rules = RULES.map(
    ([name, value, confidence]) => [name === 'dropped' ? dropped : new RegExp(data[name]), value, confidence] as const,
  );
  const droppedIt = new RegExp(`${data.itStopped}|${data.allStopped}`);
  return { stopped, triedThenStopped, dropped, droppedIt, rules };
}

/**
 * Read a yes/no-style answer. `allowNotConcerned` false maps « non concerné » to not understood
 * (the dialog then explains the question), as the option does not exist for that question.
 */
export function extractYesNo(text: string, cues: YesNoCues, allowNotConcerned = true): Extraction<YesNo> {
  const f = ` ${fold(text)
    .replace(/[!.,;:()«»"]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `.trim();
  if (!f) return notUnderstood;
  for (const [re, value, confidence] of cues.rules) {
    if (!re.test(f)) continue;
    if (value === 'not_concerned' && !allowNotConcerned) return notUnderstood;
    return found(value, confidence);
  }
  return notUnderstood;
}
