// Company size from free text (« une quinzaine avec les saisonniers », « je suis seul »,
// « on est 4 ») → the Baromètre France Num bands, counted in employees (salariés):
// "0" (no employee), "1-4", "5-9", "10-49", "50-249", "250+".
// « on est N » / « nous sommes N » counts people including the dirigeant: N − 1 employees.
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

const ALONE =
  /\b(?:seul|seule|tout seul|toute seule|que moi|juste moi|moi uniquement|moi seul|solo|aucun (?:salarie|employe)s?|pas de (?:salarie|employe|personnel)s?|sans (?:salarie|employe)s?|zero (?:salarie|employe)|auto[- ]?entrepreneur|micro[- ]?entrepreneur|micro[- ]?entreprise|independant|independante|freelance|free[- ]lance|personne d'autre|unipersonnelle|eurl sans|a mon compte|a son compte)\b/;
const PEOPLE_INCLUDING_ME =
  /\b(?:on est|on sera|nous sommes|on etait|on a (?:une )?equipe de|avec moi|moi compris|moi inclus|en me comptant|en comptant moi|y compris moi|dirigeant compris|patron compris)\b/;
const BIG = /\b(?:grand groupe|grande entreprise|multinationale|eti)\b/;

// People a dirigeant names (« moi et mon apprenti », « ma femme et deux vendeuses »).
const PERSON =
  'apprenti|apprentie|salarie|salariee|employe|employee|associe|associee|femme|mari|epouse|conjoint|conjointe|compagne|compagnon|fils|fille|frere|soeur|vendeuse|vendeur|ouvrier|ouvriere|stagiaire|secretaire|assistante|assistant|collegue|commis|serveur|serveuse|cuisinier|cuisiniere|patissier|patissiere|coiffeuse|coiffeur|technicien|technicienne|comptable|alternant|alternante|saisonnier|saisonniere|gars|collaborateur|collaboratrice|chef|second|mecanicien|infirmiere|aide|macon|plombier|electricien|menuisier|peintre|couvreur|charpentier|carreleur|soudeur|chauffeur|livreur|conducteur|magasinier|preparateur|preparatrice|caissier|caissiere|boulanger|boucher|plongeur|barman|receptionniste|developpeur|developpeuse|commercial|commerciale|ingenieur|ingenieure|animateur|animatrice|moniteur|monitrice|educateur|educatrice|jardinier|operateur|operatrice|agent|kine|infirmier|estheticienne|manoeuvre|consultant|consultante|formateur|formatrice';
const NAMED_PERSON = new RegExp(`\\b(?:mon|ma|un|une|notre|1) (?:\\w+ )?(?:${PERSON})s?\\b`, 'g');
const NAMED_PEOPLE = new RegExp(`\\b(?:mes|nos) (?:\\w+ )?(?:${PERSON})s\\b`, 'g');
// « une boulangerie », « un salon »: an article before a thing is not a head count.
const ARTICLE_THING = new RegExp(
  `\\b(?:un|une) (?!(?:${PERSON}|personne|quinzaine|dizaine|douzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaine|millier|seul|seule|ou|a|et|de)s?\\b)[a-z'-]+`,
  'g',
);

// « depuis trois générations », « 20 ans de métier », « deux camions »: a number of something else than people.
const NUMBER_WORDS =
  'un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|cents|mille|et';
const NOT_PEOPLE = new RegExp(
  `\\b(?:\\d+|(?:(?:${NUMBER_WORDS})[ -]?)+) (?:generations?|ans?|annees?|mois|siecles?|fois|jours?|semaines?|heures?|km|kilometres?|metres?|m2|euros?|camions?|vehicules?|voitures?|magasins?|boutiques?|sites?|chantiers?)\\b`,
  'g',
);

// « dans le 34 », « département 974 », « 29200 »: a number that places the firm, not a head count.
const PLACE_NUMBER = /\b(?:(?:dans le|dans la|departement|dept|dpt|dep) (?:n° ?)?(?:\d{2,3}|2a|2b)|\d{5})\b/g;

// « trois salariés », « cinq personnes » (« un » / « une » are articles here, not a head count).
const GROUP_WORDS: Record<string, number> = Object.fromEntries(
  Object.entries(SMALL_NUMBER_WORDS).filter(([w]) => w !== 'un' && w !== 'une'),
);

// A group of people counted by their role (« 25 chauffeurs », « deux associés »).
const GROUPS = new RegExp(`\\b(\\d+|${Object.keys(GROUP_WORDS).join('|')}) (?:\\w+ )?(?:${PERSON})s?\\b`, 'g');

/** Whether the text names people of the firm by their role or number (« 25 chauffeurs », « mes deux vendeuses »). */
export function namesPeople(text: string): boolean {
  const f = fold(text);
  return (f.match(GROUPS)?.length ?? 0) > 0 || (f.match(NAMED_PEOPLE)?.length ?? 0) > 0 || ALONE.test(f);
}

/**
 * « …, on est 8 avec moi, c'est une SARL, mon fils reprend dans quelques années »: when several numbers compete, the
 * one said in the only clause that counts people (« on est », « avec moi », « N salariés », « N personnes »).
 */
function peopleClause(text: string): string | undefined {
  const clauses = text.split(/[,;.!?:()]/).filter((c) => c.trim());
  if (clauses.length < 2) return undefined;
  const counting = clauses.filter((c) => {
    const f = fold(c);
    return (PEOPLE_INCLUDING_ME.test(f) || (f.match(GROUPS)?.length ?? 0) > 0 || COUNTED_PEOPLE.test(f)) && extractNumber(f).ok;
  });
  return counting.length === 1 ? counting[0] : undefined;
}
const COUNTED_PEOPLE = /\b(?:personnes|salaries|employes|emplois)\b/;

/** Size band from a head count or a description. */
export function extractSize(text: string): Extraction<Size> {
  const whole = sizeOf(text);
  if (whole.ok && whole.confidence >= 0.8) return whole;
  // « aucun salarié, on partage le cabinet avec 2 collègues »: a firm said to have no one is not counted in a clause.
  const clause = ALONE.test(fold(text)) ? undefined : peopleClause(text);
  const part = clause ? sizeOf(clause) : undefined;
  if (part?.ok && part.confidence > (whole.ok ? whole.confidence : 0)) return found(part.value, Math.min(part.confidence, 0.85));
  return whole;
}

function sizeOf(text: string): Extraction<Size> {
  const f = fold(text);
  const named = (f.match(NAMED_PERSON)?.length ?? 0) + 2 * (f.match(NAMED_PEOPLE)?.length ?? 0);
  const counted = f.replace(PLACE_NUMBER, ' ').replace(NOT_PEOPLE, ' ').replace(ARTICLE_THING, ' ').replace(NAMED_PERSON, ' ');
  // « 3 salariés et 2 apprentis »: several head counts add up.
  // Number words count too (« deux associés et cinq techniciens »); « un »/« une » are named people above.
  const groups = [...f.matchAll(GROUPS)].map((m) => GROUP_WORDS[m[1]] ?? Number(m[1]));
  if (groups.length > 1) {
    const total = groups.reduce((a, b) => a + b, 0) + named;
    return found({ band: bandOf(total), employees: total }, 0.85);
  }
  const n = extractNumber(counted);
  if (!n.ok && named > 0) return found({ band: bandOf(named), employees: named }, 0.8);
  if (!n.ok) {
    if (ALONE.test(f)) return found({ band: '0', employees: 0 }, 0.9);
    if (BIG.test(f)) return found({ band: '250+' }, 0.6);
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
  if (PEOPLE_INCLUDING_ME.test(f) && count >= 1) count -= 1;
  let alternatives: SizeBand[] | undefined;
  if (q.kind === 'range' && q.min !== undefined && q.max !== undefined) {
    const lo = bandOf(q.min - (PEOPLE_INCLUDING_ME.test(f) ? 1 : 0));
    const hi = bandOf(q.max - (PEOPLE_INCLUDING_ME.test(f) ? 1 : 0));
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
