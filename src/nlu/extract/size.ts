// Company size from free text (« une quinzaine avec les saisonniers », « je suis seul »,
// « on est 4 ») → the Baromètre France Num bands, counted in employees (salariés):
// "0" (no employee), "1-4", "5-9", "10-49", "50-249", "250+".
// « on est N » / « nous sommes N » counts people including the dirigeant: N − 1 employees.
// The words are data (knowledge/nlu/reponses.fr.json « size », see its `$comment`); number words are grammar and stay here.
import { fold } from '../analyze.js';
import { found, notUnderstood, type Extraction, type Size, type SizeBand } from '../types.js';
import { extractNumber } from './numbers.js';
import { SMALL_NUMBER_WORDS } from './numwords.js';

export function bandOf(employees: number): SizeBand {
  if (employees < 1) return '0';
  if (employees < 5) return '1-4';
  if (employees < 10) return '5-9';
  if (employees < 50) return '10-49';
  if (employees < 250) return '50-249';
  return '250+';
}

/** reponses.fr.json « size »: the words of a head count (see its `$comment`). */
export interface SizeData {
  alone: string;
  peopleIncludingMe: string;
  big: string;
  roles: string[];
  notThings: string[];
  notPeople: string;
  placeNumber: string;
  countedPeople: string;
  coOwners: string;
  departed: string;
}

/** The regular-expression cues of « size » (the schema requires the same, with `roles` and `notThings` lists). */
export const SIZE_CUE_NAMES = [
  'alone',
  'peopleIncludingMe',
  'big',
  'notPeople',
  'placeNumber',
  'countedPeople',
  'coOwners',
  'departed',
] as const;

/** « size », compiled once. */
export interface SizeCues {
  alone: RegExp;
  peopleIncludingMe: RegExp;
  big: RegExp;
  namedPerson: RegExp;
  namedPeople: RegExp;
  articleThing: RegExp;
  notPeople: RegExp;
  placeNumber: RegExp;
  groups: RegExp;
  countedPeople: RegExp;
  coOwners: RegExp;
  /** People said to have left (« mon associé est parti à la retraite »): not counted. */
  departed: RegExp;
}

// « depuis trois générations », « 20 ans de métier », « deux camions »: number words (grammar) before a thing counted.
const NUMBER_WORDS =
  'un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|cents|mille|et';

// « trois salariés », « cinq personnes » (« un » / « une » are articles here, not a head count).
const GROUP_WORDS: Record<string, number> = Object.fromEntries(
  Object.entries(SMALL_NUMBER_WORDS).filter(([w]) => w !== 'un' && w !== 'une'),
);

/** Compiles « size » once (each expression is checked by the caller, src/nlu/answer-words.ts). */
export function compileSizeCues(data: SizeData): SizeCues {
  // People a dirigeant names by their role (« moi et mon apprenti », « ma femme et deux vendeuses »).
  const person = data.roles.join('|');
  return {
    alone: new RegExp(data.alone),
    peopleIncludingMe: new RegExp(data.peopleIncludingMe),
    big: new RegExp(data.big),
    namedPerson: new RegExp(`\\b(?:mon|ma|un|une|notre|1) (?:\\w+ )?(?:${person})s?\\b`, 'g'),
    namedPeople: new RegExp(`\\b(?:mes|nos) (?:\\w+ )?(?:${person})s\\b`, 'g'),
    // « une boulangerie », « un salon »: an article before a thing is not a head count.
    articleThing: new RegExp(`\\b(?:un|une) (?!(?:${person}|${data.notThings.join('|')}|ou|a|et|de)s?\\b)[a-z'-]+`, 'g'),
    // « depuis trois générations », « 20 ans de métier », « deux camions »: a number of something else than people.
    notPeople: new RegExp(`\\b(?:\\d+|(?:(?:${NUMBER_WORDS})[ -]?)+) (?:${data.notPeople})\\b`, 'g'),
    // « dans le 34 », « département 974 », « 29200 »: a number that places the firm, not a head count.
    placeNumber: new RegExp(data.placeNumber, 'g'),
    // A group of people counted by their role (« 25 chauffeurs », « deux associés »).
    groups: new RegExp(`\\b(\\d+|${Object.keys(GROUP_WORDS).join('|')}) (?:\\w+ )?(?:${person})s?\\b`, 'g'),
    countedPeople: new RegExp(data.countedPeople),
    coOwners: new RegExp(data.coOwners),
    departed: new RegExp(data.departed, 'g'),
  };
}

/** Whether the text names people of the firm by their role or number (« 25 chauffeurs », « mes deux vendeuses »). */
export function namesPeople(text: string, cue: SizeCues): boolean {
  const f = fold(text);
  return (f.match(cue.groups)?.length ?? 0) > 0 || (f.match(cue.namedPeople)?.length ?? 0) > 0 || cue.alone.test(f);
}

/**
 * « …, on est 8 avec moi, c'est une SARL, mon fils reprend dans quelques années »: when several numbers compete, the
 * one said in the only clause that counts people (« on est », « avec moi », « N salariés », « N personnes »).
 */
function peopleClause(text: string, cue: SizeCues): string | undefined {
  const clauses = text.split(/[,;.!?:()]/).filter((c) => c.trim());
  if (clauses.length < 2) return undefined;
  const counting = clauses.filter((c) => {
    const f = fold(c);
    return (cue.peopleIncludingMe.test(f) || (f.match(cue.groups)?.length ?? 0) > 0 || cue.countedPeople.test(f)) && extractNumber(f).ok;
  });
  return counting.length === 1 ? counting[0] : undefined;
}

/** Size band from a head count or a description. */
export function extractSize(text: string, cue: SizeCues): Extraction<Size> {
  const whole = sizeOf(text, cue);
  if (whole.ok && whole.confidence >= 0.8) return whole;
  // « aucun salarié, on partage le cabinet avec 2 collègues »: a firm said to have no one is not counted in a clause.
  const clause = cue.alone.test(fold(text).replace(cue.departed, ' ')) ? undefined : peopleClause(text, cue);
  const part = clause ? sizeOf(clause, cue) : undefined;
  if (part?.ok && part.confidence > (whole.ok ? whole.confidence : 0)) return found(part.value, Math.min(part.confidence, 0.85));
  return whole;
}

function sizeOf(text: string, cue: SizeCues): Extraction<Size> {
  // « seul depuis que mon associé est parti »: who left is not counted.
  const f = fold(text).replace(cue.departed, ' ');
  const named = (f.match(cue.namedPerson)?.length ?? 0) + 2 * (f.match(cue.namedPeople)?.length ?? 0);
  const counted = f.replace(cue.placeNumber, ' ').replace(cue.notPeople, ' ').replace(cue.articleThing, ' ').replace(cue.namedPerson, ' ');
  // « 3 salariés et 2 apprentis »: several head counts add up.
  // Number words count too (« deux associés et cinq techniciens »); « un »/« une » are named people above.
  const groups = [...f.matchAll(cue.groups)].map((m) => GROUP_WORDS[m[1]] ?? Number(m[1]));
  if (groups.length > 1) {
    // « on est 2 associés et 3 salariés »: the dirigeant counted among them is not one more person.
    const self = cue.peopleIncludingMe.test(f) || cue.coOwners.test(f) ? 1 : 0;
    const total = groups.reduce((a, b) => a + b, 0) + named - self;
    return found({ band: bandOf(total), employees: total }, 0.85);
  }
  const n = extractNumber(counted);
  if (!n.ok && named > 0) return found({ band: bandOf(named), employees: named }, 0.8);
  if (!n.ok) {
    if (cue.alone.test(f)) return found({ band: '0', employees: 0 }, 0.9);
    if (cue.big.test(f)) return found({ band: '250+' }, 0.6);
    return notUnderstood;
  }
  const q = n.value;
  let count: number;
  let confidence = n.confidence;
  if (q.kind === 'below') {
    count = Math.max(0, (q.max ?? q.value) / 2);
    confidence = Math.min(confidence, 0.5);
  } else if (q.kind === 'above') {
    count = q.min ?? q.value;
  } else count = q.value;
  if (cue.peopleIncludingMe.test(f) && count >= 1) count -= 1;
  let alternatives: SizeBand[] | undefined;
  if (q.kind === 'range' && q.min !== undefined && q.max !== undefined) {
    const lo = bandOf(q.min - (cue.peopleIncludingMe.test(f) ? 1 : 0));
    const hi = bandOf(q.max - (cue.peopleIncludingMe.test(f) ? 1 : 0));
    if (lo !== hi) {
      confidence = Math.min(confidence, 0.6);
      alternatives = [lo, hi];
    }
  }
  count = Math.round(count);
  const size: Size = { band: bandOf(count), ...(alternatives ? { alternatives } : {}) };
  if (q.kind === 'exact') size.employees = count;
  return found(size, confidence);
}
