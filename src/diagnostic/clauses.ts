// A yes/no question answered in parts: « les horaires oui, le téléphone c'est l'ancien », « la banque
// avec un code, les mails non », « sur le Mac oui, les tablettes aucune idée ». One clause says yes, another
// says no, something outdated or « je ne sais pas »: the answer is « en partie ». Clauses are cut at
// commas, semicolons and « mais »; each is read on its own. Pure.
import { fold, type Nlu } from '../nlu/index.js';
import { echoedYesNo, yesNoByPhrasing } from './counting.js';
import type { Question } from './types.js';

// What is there but out of date or wrong: a « no » to the part it is said of.
// « les prix sont plus bons », « les horaires d'été sont restés »: no longer right, left unchanged.
const OUTDATED =
  /\b(?:l'ancien(?:ne)?|les anciens|les anciennes|c'est l'ancien(?:ne)?|vieux|vieille|vieilles|perimee?s?|obsoletes?|faux|fausses?|pas a jour|plus a jour|jamais (?:revue?s?|mise?s? a jour|actualisee?s?|modifiee?s?|touchee?s?)|(?:pas|plus|jamais) (?:revu|mis a jour|actualise)|(?:pas|plus) (?:bon|bons|bonne|bonnes|juste|justes|exacte?s?|correcte?s?|valables?|d'actualite)|(?:sont|est) (?:restee?s?|encore affichee?s?)|(?:toujours|encore) (?:l'ancien(?:ne)?|les anciens|les anciennes))\b/;
// « elle est là », « elle existe », « on l'a »: the thing asked about exists (its state is said next).
const THERE =
  /\b(?:(?:elle|il|ca) (?:est la|existe|y est)|on l'a|je l'ai|j'en ai une?|on en a une?|il y en a une?|il y a une? (?:fiche|site|page|compte|adresse))\b/;
// « c'est du chinois », « ça ne me dit rien »: the part is unknown to the person.
const UNKNOWN =
  /\b(?:je ne sais pas|je sais pas|aucune idee|j'en sais rien|je n'en sais rien|pas sure?|c'est du chinois|c'est de l'hebreu|(?:ca|cela) ne me dit rien|je ne (?:les |la |le )?connais pas)\b/;
const NO = /(?:^|\s)non(?:$|\s)(?!plus)/;
const TROUBLE = /\b(?:souci|probleme|panne|bug|incident|plainte|pepin|accroc)s?\b/;
const YES = /(?:^|\s)(?:oui|si)(?:$|\s)/;

type Sign = 'yes' | 'no' | undefined;

function signOf(question: Question, clause: string, nlu: Nlu): Sign {
  const f = fold(clause).replace(/[!.?]/g, ' ').trim();
  if (!f) return undefined;
  if (OUTDATED.test(f) || UNKNOWN.test(f) || NO.test(f)) return 'no';
  if (YES.test(f)) return 'yes';
  // A phrasing of the question's options beats a generic word (« j'utilise toujours mon Gmail » is a no).
  const phrased = yesNoByPhrasing(question, clause);
  const says = phrased && phrased.confidence >= 0.85 ? (phrased.answer as { value?: string }).value : undefined;
  if (says === 'yes' || says === 'no') return says;
  const yn = nlu.extract(clause, { type: 'yesno', allowNotConcerned: false });
  if (yn.ok && yn.value.type === 'yesno' && yn.value.value === 'yes' && yn.confidence >= 0.85) return 'yes';
  // « pas de double vérification » denies a part; « pas de souci » denies only trouble.
  if (yn.ok && yn.value.type === 'yesno' && yn.value.value === 'no' && yn.confidence >= 0.9 && !TROUBLE.test(f)) return 'no';
  const described = yesNoByPhrasing(question, clause);
  const value = described && described.confidence >= 0.8 ? (described.answer as { value?: string }).value : undefined;
  if (value === 'yes' || value === 'no') return value;
  // « le Mac fait ses mises à jour »: two of the question's own words taken up (or denied) in the clause.
  return echoedYesNo(question, clause, 2);
}

/** True when one clause of the text says yes and another says no (or outdated, or unknown). */
export function saysPartly(question: Question, text: string, nlu: Nlu): boolean {
  if (question.type !== 'yesno') return false;
  const clauses = text.split(/[,;]|\bmais\b/i).filter((c) => c.trim());
  if (clauses.length < 2) return false;
  const signs = clauses.map((c) => signOf(question, c, nlu));
  if (signs.includes('yes') && signs.includes('no')) return true;
  // « elle est là mais le numéro c'est l'ancien »: something there, a part of it out of date.
  // The outdated part is another clause than the one saying the thing is there (« un vieux PC » is all old).
  if (!clauses.slice(1).some((c) => OUTDATED.test(fold(c)))) return false;
  if (THERE.test(fold(clauses[0]))) return true;
  const yn = nlu.extract(clauses[0], { type: 'yesno', allowNotConcerned: false });
  if (yn.ok && yn.value.type === 'yesno' && yn.value.value === 'yes') return true;
  // « on met les actus mais les prix sont plus bons »: something done, then a part of it out of date.
  const first = fold(clauses[0]);
  return signs[0] === undefined && !OUTDATED.test(first) && DOES.test(first) && !/\b(?:pas|jamais|rien|aucune?|ne|n')\b/.test(first);
}

// A statement of doing or having (« on met les actus », « je poste les menus »), not a wish (« on voudrait »).
const DOES = /^\s*(?:(?:on|je|j'|nous|il|elle) (?!\w+rai[st]?\b|\w+rions\b)\w+|(?:on|je|nous|il|elle) (?:y |les |le |la |l'|en )\w+)/;

// « moi non », « pas moi », « moi je ne m'en sers pas »: a no said of the dirigeant alone.
const ME_NOT = /(?:^|\s)(?:moi(?:[- ]meme)?,? (?:non|pas|jamais|je (?:ne|n')|j'ai (?:pas|jamais))|pas moi)(?:$|\s|')/;
// Someone else in the firm (« mon employée », « la secrétaire », « mes salariés », « mon associé »).
const SOMEONE_ELSE =
  /\b(?:mon|ma|mes|notre|nos|la|le|l'|les) (?:employe|salarie|secretaire|associe|assistant|apprenti|collegue|equipe|collaborat|vendeu|fils|fille|femme|mari|conjoint|compagne?)\w*/;

/**
 * « moi non, mais mon employée oui »: a firm-level question answered with a no of the dirigeant alone and a
 * yes (or someone else who does it) in another clause. The firm does it: a yes.
 */
export function othersDoIt(question: Question, text: string, nlu: Nlu): boolean {
  if (question.type !== 'yesno') return false;
  const clauses = text.split(/[,;]|\bmais\b/i).filter((c) => c.trim());
  const mine = clauses.filter((c) => ME_NOT.test(fold(c)));
  if (clauses.length < 2 || mine.length !== 1) return false;
  const others = clauses.filter((c) => c !== mine[0]);
  const signs = others.map((c) => signOf(question, c, nlu));
  if (signs.includes('no')) return false;
  return signs.includes('yes') || others.some((c) => SOMEONE_ELSE.test(fold(c)) && !/\b(?:pas|jamais|ne|n')\b/.test(fold(c)));
}
