// A yes/no question answered in parts: « les horaires oui, le téléphone c'est l'ancien », « la banque
// avec un code, les mails non », « sur le Mac oui, les tablettes aucune idée ». One clause says yes, another
// says no, something outdated or « je ne sais pas »: the answer is « en partie ». Clauses are cut at
// commas, semicolons and « mais »; each is read on its own. Pure.
import { fold, type Nlu } from '../nlu/index.js';
import { echoedYesNo, yesNoByPhrasing } from './counting.js';
import type { Candidate } from './choices.js';
import { echoOf } from './echo.js';
import type { ReadingContext } from './reading.js';
import type { Answer, Question } from './types.js';

// The words of each part are data (phrases.fr.json « answerCues »): `outdated` (« c'est l'ancien », « les prix
// sont plus bons »: no longer right), `there` (« elle est là »), `unknownPart` (« c'est du chinois »), `plainNo`,
// `plainYes`, `trouble` (« souci », « panne »).

type Sign = 'yes' | 'no' | undefined;

/**
 * The clauses of an answer: cut at commas, semicolons, « mais », and after a « oui » / « non » said of a part
 * with more said after it (`partEnd`: « les horaires oui les prix non »; a leading « non, … » is never cut).
 */
export function clausesOf(text: string, nlu: Nlu): string[] {
  const cue = nlu.phrases.answerCues.partEnd;
  cue.lastIndex = 0;
  return text
    .replace(cue, '$1, ')
    .split(/[,;]|\bmais\b|[.!](?=\s)/i)
    .filter((c) => c.trim());
}

function signOf(question: Question, clause: string, nlu: Nlu): Sign {
  const f = fold(clause).replace(/[!.?]/g, ' ').trim();
  if (!f) return undefined;
  const cue = nlu.phrases.answerCues;
  // `forwards`: « une adresse contact@ qui renvoie vers ma boîte perso »: what follows is where mail lands, not
  // what the person has; the clause is read up to that verb.
  if (cue.forwards.test(f)) {
    const own = f.replace(cue.forwards, '').trim();
    return own ? (signOf(question, own, nlu) ?? (cue.there.test(own) ? 'yes' : undefined)) : undefined;
  }
  if (cue.outdated.test(f) || cue.unknownPart.test(f) || cue.plainNo.test(f)) return 'no';
  if (cue.plainYes.test(f)) return 'yes';
  // « je sais que c'est l'OPCO » to « savez-vous… ? »: knowing said of oneself is a yes to that part.
  if (cue.knows.test(f) && cue.asksKnowing.test(fold(question.text))) return 'yes';
  // « sinon le reste est bon »: a part said to be right.
  if (cue.rightPart.test(f) && !cue.negation.test(f)) return 'yes';
  // A phrasing of the question's options beats a generic word (« j'utilise toujours mon Gmail » is a no).
  const phrased = yesNoByPhrasing(question, clause);
  const says = phrased && phrased.confidence >= 0.85 ? (phrased.answer as { value?: string }).value : undefined;
  if (says === 'yes' || says === 'no') return says;
  const yn = nlu.extract(clause, { type: 'yesno', allowNotConcerned: false });
  if (yn.ok && yn.value.type === 'yesno' && yn.value.value === 'yes' && yn.confidence >= 0.85) return 'yes';
  // « pas de double vérification » denies a part; « pas de souci » denies only trouble.
  if (yn.ok && yn.value.type === 'yesno' && yn.value.value === 'no' && yn.confidence >= 0.9 && !cue.trouble.test(f)) return 'no';
  const described = yesNoByPhrasing(question, clause);
  const value = described && described.confidence >= 0.8 ? (described.answer as { value?: string }).value : undefined;
  if (value === 'yes' || value === 'no') return value;
  // « le Mac fait ses mises à jour »: two of the question's own words taken up (or denied) in the clause.
  return echoedYesNo(question, clause, 2);
}

// A strong contrast (« par contre », « en revanche », « sauf que »): what follows is the other side of what came before.
const CONTRAST = /\b(?:par contre|en revanche|sauf que|a l'inverse)\b/;

/**
 * « le registre est fait. Par contre, les devis, rien » / « au bureau c'est automatique ; les portables en revanche, chacun
 * fait comme il veut »: a yes before a strong contrast, and nothing that says yes after it, is « en partie ».
 */
function contrasted(question: Question, text: string, nlu: Nlu): boolean {
  const f = fold(text);
  const m = CONTRAST.exec(f);
  if (!m) return false;
  const [before, after] = [text.slice(0, m.index), text.slice(m.index + m[0].length)];
  if (!/[a-z]/i.test(after)) return false;
  const says = (part: string) => clausesOf(part, nlu).map((c) => signOf(question, c, nlu));
  return says(before).includes('yes') && !says(after).includes('yes');
}

/**
 * « oui, j'ai un mot de passe, toujours le même » to « des mots de passe différents ? »: a plain yes opening the answer (no
 * part named: `scopedPart`, no « Oui » phrasing), then only what the « Non » phrasings describe. The yes was of having
 * the thing; how it is done is the answer, a « non ».
 */
export function yesThenFlaw(question: Question, text: string, nlu: Nlu): boolean {
  if (question.type !== 'yesno') return false;
  const clauses = clausesOf(text, nlu);
  if (clauses.length < 2) return false;
  const cue = nlu.phrases.answerCues;
  const first = fold(clauses[0]).trim();
  const phrased = (c: string) => {
    const p = yesNoByPhrasing(question, c);
    return p && p.confidence >= 0.85 ? (p.answer as { value?: string }).value : undefined;
  };
  // The yes opens the message (« les tarifs oui » or « moi oui » is a yes of a part).
  if (cue.plainYes.exec(first)?.index !== 0 || cue.scopedPart.test(first) || phrased(clauses[0]) !== undefined) return false;
  // The clauses after it either describe a « Non » phrasing or only take up the thing had (« j'ai un mot de passe »).
  const rest = clauses.slice(1).map((c) => phrased(c));
  const neutral = (c: string) => !cue.scopedPart.test(fold(c)) && !cue.negationOrNothing.test(fold(c));
  return rest.includes('no') && clauses.slice(1).every((c, i) => rest[i] === 'no' || (rest[i] === undefined && neutral(c)));
}

/** True when one clause of the text says yes and another says no (or outdated, or unknown). */
export function saysPartly(question: Question, text: string, nlu: Nlu): boolean {
  if (question.type !== 'yesno') return false;
  if (contrasted(question, text, nlu)) return true;
  const clauses = clausesOf(text, nlu);
  if (clauses.length < 2) return false;
  const cue = nlu.phrases.answerCues;
  const signs = clauses.map((c) => signOf(question, c, nlu));
  if (signs.includes('yes') && signs.includes('no')) return true;
  // « le Mac oui, le vieux PC on ne peut plus le mettre à jour »: one part said yes, another denied.
  const denied = (c: string) => cue.negation.test(fold(c)) || cue.noLonger.test(fold(c));
  if (cue.partYes.test(fold(clauses[0]).replace(/[!.?]/g, ' ').trim()) && clauses.slice(1).some(denied)) return true;
  // « elle est là mais le numéro c'est l'ancien »: something there, a part of it out of date.
  // The outdated part is another clause than the one saying the thing is there (« un vieux PC » is all old).
  if (!clauses.slice(1).some((c) => cue.outdated.test(fold(c)))) return false;
  if (cue.there.test(fold(clauses[0]))) return true;
  const yn = nlu.extract(clauses[0], { type: 'yesno', allowNotConcerned: false });
  if (yn.ok && yn.value.type === 'yesno' && yn.value.value === 'yes') return true;
  // « on met les actus mais les prix sont plus bons »: something done, then a part of it out of date.
  const first = fold(clauses[0]).trim();
  // `does`: a statement of doing or having (« on met les actus », « je poste les menus »), not a wish (« on voudrait »).
  return signs[0] === undefined && !cue.outdated.test(first) && cue.does.test(first) && !cue.negationOrNothing.test(first);
}

/**
 * « j'aimerais bien mais je ne sais pas par où commencer » to « avez-vous automatisé… ? »: a wish (`wish`, said in
 * the conditional: « j'aimerais bien », « il faudrait ») is not a practice. A message that opens on a wish and
 * says nothing done in another clause is a « non ». Not to a question about knowing (« savez-vous ce que le
 * numérique doit vous apporter ? »), which a wish may answer.
 */
export function wishedNotDone(question: Question, text: string, nlu: Nlu): boolean {
  if (question.type !== 'yesno' || /^savez-vous\b/.test(fold(question.text))) return false;
  const { wish } = nlu.phrases.answerCues;
  const clauses = text.split(/[,;.!]|\bmais\b/i).filter((c) => c.trim());
  if (!clauses.length || !wish.test(fold(clauses[0]))) return false;
  return !clauses.slice(1).some((c) => !wish.test(fold(c)) && signOf(question, c, nlu) === 'yes');
}

/**
 * « un rendez-vous avec la chambre de métiers, mais pour autre chose »: the contrast says (`otherMatter`) that
 * what was named before is not what the question asks about. A « non », unless a later clause tells something that is.
 */
export function aboutSomethingElse(question: Question, text: string, nlu: Nlu): boolean {
  if (question.type !== 'yesno') return false;
  const parts = text.split(/\bmais\b/i);
  if (parts.length < 2) return false;
  const clauses = parts
    .slice(1)
    .join(' mais ')
    .split(/[,;.!]/)
    .filter((c) => c.trim());
  if (!clauses.length || !nlu.phrases.answerCues.otherMatter.test(fold(clauses[0]))) return false;
  return !clauses.slice(1).some((c) => signOf(question, c, nlu) === 'yes');
}

// `meNot`: « moi non », « pas moi », « moi je ne m'en sers pas », a no said of the dirigeant alone.
// `someoneElse`: someone else in the firm (« mon employée », « la secrétaire », « mes salariés », « mon associé »).

/**
 * « moi non, mais mon employée oui »: a firm-level question answered with a no of the dirigeant alone and a
 * yes (or someone else who does it) in another clause. The firm does it: a yes.
 */
export function othersDoIt(question: Question, text: string, nlu: Nlu): boolean {
  if (question.type !== 'yesno') return false;
  const clauses = clausesOf(text, nlu);
  const cue = nlu.phrases.answerCues;
  // « le comptable s'en est occupé », « c'est mon gendre qui le gère »: handled by someone, said without a negation.
  const f = fold(text);
  if (clauses.length === 1 && cue.delegated.test(f) && !cue.negationOrNothing.test(f) && !cue.nobody.test(f))
    return !cue.asksKnowing.test(fold(question.text));
  const mine = clauses.filter((c) => cue.meNot.test(fold(c)));
  if (clauses.length < 2 || mine.length !== 1) return false;
  const others = clauses.filter((c) => c !== mine[0]);
  const signs = others.map((c) => signOf(question, c, nlu));
  if (signs.includes('no')) return false;
  return signs.includes('yes') || others.some((c) => cue.someoneElse.test(fold(c)) && !cue.negation.test(fold(c)));
}

/**
 * « le logiciel est installé mais personne ne l'ouvre » to « suivez-vous… ? » (`asksUse`): a tool that is there
 * (`installed`, `there`) but left unused (`unused`) is not used, a « non » (not « en partie »). A question that
 * asks about having it too (« … et vous en servez-vous ? ») is answered in part.
 */
export function installedUnused(question: Question, text: string, nlu: Nlu): boolean {
  const cue = nlu.phrases.answerCues;
  if (question.type !== 'yesno' || !cue.asksUse.test(fold(question.text))) return false;
  const clauses = clausesOf(text, nlu).map((c) => fold(c));
  const unused = clauses.filter((c) => cue.unused.test(c));
  if (unused.length === 0 || unused.length === clauses.length) return false;
  return clauses.filter((c) => !cue.unused.test(c)).every((c) => cue.installed.test(c) || cue.there.test(c));
}

/**
 * A question whose options are only « Oui » / « Non » asks whether there is at least something; a partial answer that
 * names one of its « Oui » phrasings, or says more than a bare hedge (« bof »), is a yes — unless only a « Non » phrasing
 * is named (and no part is said « oui »: « oui pour les confirmations …, les relances c'est moi à la main »).
 */
export function somethingDone(question: Question, found: Candidate, typed: string, ctx: ReadingContext): Candidate | undefined {
  const partly = found.read.answer.type === 'yesno' && found.read.answer.value === 'partly';
  if (!partly || !question.options?.length || question.options.some((o) => o.id === 'partly')) return undefined;
  const described = yesNoByPhrasing(question, ctx.nlu.normalize(typed).text);
  // A weak phrasing (a word near one of an option's) says nothing either way.
  const value = described && described.confidence >= 0.6 ? (described.answer as { value?: string }).value : undefined;
  const words = fold(typed)
    .split(/[^a-z0-9']+/)
    .filter(Boolean).length;
  if (value !== 'no' && value !== 'yes' && words < 4) return undefined;
  const no = value === 'no' && !ctx.nlu.phrases.answerCues.plainYes.test(fold(typed));
  const answer: Answer = { type: 'yesno', value: no ? 'no' : 'yes' };
  return { read: { questionId: question.id, answer, echo: echoOf(question, answer, undefined, ctx.nlu) }, confidence: found.confidence };
}

/**
 * « la compta c'est le comptable » to « suivez-vous votre comptabilité dans un logiciel ? » (`outsourcedAnswer`): what
 * the firm's outside accountant does is not the firm's own tool. The clauses that say so are set aside and the rest is
 * read (`readPart`); when nothing else is said, the question's `outsourcedAnswer`. Undefined when no clause says so.
 */
export function besideOutsourced(
  question: Question,
  text: string,
  nlu: Nlu,
  readPart: (part: string) => Candidate | undefined,
): Candidate | undefined {
  if (!question.outsourcedAnswer) return undefined;
  const clauses = clausesOf(text, nlu);
  const cue = nlu.phrases.answerCues;
  // « aucune idée, demandez à mon comptable »: who knows, not who does it.
  const outsourced = clauses.filter((c) => cue.outsourced.test(fold(c)) && !cue.othersTell.test(fold(c)));
  if (!outsourced.length || cue.saysUnknown.test(fold(text))) return undefined;
  const rest = clauses.filter((c) => !outsourced.includes(c)).join(', ');
  if (
    fold(rest)
      .split(/\s+/)
      .filter((w) => w.length > 2).length > 2
  ) {
    const found = readPart(rest);
    return found && { ...found, structural: true };
  }
  const answer: Answer = { type: 'yesno', value: question.outsourcedAnswer };
  return { read: { questionId: question.id, answer, echo: echoOf(question, answer, undefined, nlu) }, confidence: 0.85, structural: true };
}
