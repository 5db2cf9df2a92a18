// The answer a text gives to one diagnostic question, with how sure the reading is: « je ne sais pas »
// first when it is said, counts for count questions, things named for « how many », phrasings for yes/no
// questions, the highest of several options on a scale, a plain yes/no mapped onto « Non » / « Oui… »
// options. Pure; reading.ts decides what to do with a weak or double reading.
import type { AnswerCues, NluResult } from '../nlu/index.js';
import { fold } from '../nlu/index.js';
import { optionsOf } from './answers.js';
import {
  countNamed,
  durationChoice,
  echoedYesNo,
  overlappedOptions,
  phrasedOnlyByEcho,
  withoutFrequencies,
  yesNoByEcho,
  yesNoByPhrasing,
} from './counting.js';
import { echoOf } from './echo.js';
import {
  aboutSomethingElse,
  besideOutsourced,
  installedUnused,
  othersDoIt,
  saysPartly,
  somethingDone,
  wishedNotDone,
  yesThenFlaw,
} from './clauses.js';
import { customersByShare, customersByTrade } from './customers.js';
import { olderThanWindow } from './recency.js';
import { droppedForGood, notThereNow, saysNo } from './tenses.js';
import {
  correctedInside,
  hedgedStatement,
  ironic,
  leadingNo,
  presentAnswer,
  realAnswer,
  selfCorrected,
  withoutLitotes,
} from './structure.js';
import { alternativesOf, namedOptions, notYetPlanned, reachedOnScale, yesNoOption, type Candidate } from './choices.js';
import { restrictedExclusive, restricts } from './restrictions.js';
import { shareOfTotal } from './share.js';
import { figureAboutAsked, withoutGivenUp, withoutOwnNo, withoutPlaceOnly } from './set-aside.js';
import { assumedHandled, onBehalfOfBoss, someoneElseKnows, unknownObject } from './others-know.js';
import type { ReadAnswer, ReadingContext } from './reading.js';
import { choiceFromCount, countBands, questionContext, strictCount, timesPerYear, toAnswer } from './understand.js';
import type { Answer, Question } from './types.js';

export type { Candidate };

const SURE = 0.6;
// The words read here (« je ne sais pas », « ça dépend », « je fais 60 h », « à mon compte », « seulement »,
// option labels « Non… » / « Oui… ») are data: phrases.fr.json « answerCues », as ctx.nlu.phrases.answerCues.

/** « en partie », « à moitié », a « mais », a part named: a partial answer said by the sentence, not by a generic word. */
const SAID_PARTLY = /\b(?:en partie|a moitie|partiellement|pas (?:tous|toutes|partout|tout)|certain(?:e)?s|seulement|sauf|mais)\b/;

/** The answer the text gives to `question`, if any. */
export function answerOf(question: Question, said: string, nluResult: NluResult, ctx: ReadingContext): Candidate | undefined {
  // « à l'époque ils étaient sept, maintenant il reste trois coachs »: how things are now is the answer.
  const readPart = (part: string) => answerOf(question, part, ctx.nlu.interpret(part, questionContext(question)), ctx);
  // « … 😂 sinon non, jamais »: the real answer after a joke; « Non, … » explained without taking it back.
  const told =
    realAnswer(question, said, readPart, ctx.nlu.phrases.answerCues) ??
    ironic(question, said, ctx, readPart) ??
    selfCorrected(said, ctx, readPart) ??
    correctedInside(said, ctx, readPart) ??
    hedgedStatement(said, ctx, readPart) ??
    withoutLitotes(question, said, readPart, ctx.nlu.phrases.answerCues) ??
    presentAnswer(question, said, ctx, readPart) ??
    leadingNo(question, said, ctx) ??
    // « la compta c'est le comptable(, moi j'ai rien) »: the accountant's part set aside, the rest is the answer.
    besideOutsourced(question, said, ctx.nlu, readPart);
  if (told) return { ...told, structural: true };
  const cue = ctx.nlu.phrases.answerCues;
  // « je ne sais pas qui l'a créée, mais elle est à jour »: not knowing who, when or how is an aside, not the answer.
  let aside = fold(said).replace(cue.asideUnknown, ' ');
  // « je fais 60 h par semaine » to « combien de temps pouvez-vous y consacrer ? »: hours worked, not hours free.
  if (question.hoursPerWeek) aside = aside.replace(cue.hoursWorked, ' ');
  aside = aside.trim();
  const typed = aside !== fold(said).trim() && aside.replace(/[\s,;.!]/g, '') ? aside : said;
  const r = typed === said ? nluResult : ctx.nlu.interpret(typed, questionContext(question));
  const found = readText(question, typed, r, ctx);
  // « je ne sais pas trop » to « savez-vous… ? » (`asksKnowing`): not knowing, said of oneself (`unknownPart`), is
  // the answer, a « non » (« peut-être », « ma comptable connaît ça » stay « je ne sais pas »).
  const t = fold(typed);
  if (
    found?.read.answer.type === 'dontknow' &&
    question.type === 'yesno' &&
    cue.asksKnowing.test(fold(question.text)) &&
    cue.unknownPart.test(t) &&
    // « aucune idée, c'est mon associé qui sait »: not knowing, and someone else does (« non, … » stays a no).
    (cue.leadingNo.test(t) || (!cue.othersKnow.test(t) && !cue.othersTell.test(t)))
  ) {
    const answer: Answer = { type: 'yesno', value: 'no' };
    return { read: { questionId: question.id, answer, echo: echoOf(question, answer, undefined, ctx.nlu) }, confidence: found.confidence };
  }
  // « un peu, les rappels de rendez-vous » to « avez-vous automatisé au moins une tâche ? »: something done.
  const something = found && somethingDone(question, found, typed, ctx);
  if (something) return something;
  return found;
}

function readText(question: Question, typed: string, r: NluResult, ctx: ReadingContext): Candidate | undefined {
  // Chat forms expanded (« mdp », « quasi », « 2h/sem »), so that every reading below sees the same words.
  const text = ctx.nlu.normalize(typed).text;
  const cue = ctx.nlu.phrases.answerCues;
  const make = (answer: Answer, value?: unknown): ReadAnswer => ({
    questionId: question.id,
    answer,
    echo: echoOf(question, answer, value, ctx.nlu),
  });
  const yn = ctx.nlu.extract(text, { type: 'yesno', allowNotConcerned: question.notConcernedAllowed ?? false });
  const ynValue = yn.ok && yn.value.type === 'yesno' ? yn.value.value : undefined;
  const saysDontKnow = ynValue === 'dont_know' && yn.ok && yn.confidence >= 0.9;
  const strongOption = r.answer?.ok && r.answer.confidence >= 0.9;
  // A weak match (« des semaines » near an option's words) names no option.
  const optionNamed = (question.type === 'choice' || question.type === 'multi') && r.answer?.ok && r.answer.confidence >= SURE;
  // « aucune idée, faut voir », « ça dépend des aides »: not a number, not an option.
  // A hedge keeps a figure given with it: « je ne sais pas trop, peut-être 15 » is 15.
  const figure = (QUANTITIES.has(question.type) || question.type === 'size') && /\d/.test(text);
  // « j'en sais rien » names no option « Rien », « aucune idée » no head count: « je ne sais pas » is not an answer.
  const onlyInDontKnow =
    saysDontKnow &&
    (optionNamed || strongOption) &&
    (unknownObject(text, cue) || !ctx.nlu.extract(fold(text).replace(cue.dontKnowWords, ' '), questionContext(question)).ok);
  if (
    question.type !== 'yesno' &&
    ((!strongOption && !optionNamed) || onlyInDontKnow) &&
    !figure &&
    (saysDontKnow || (cue.depends.test(fold(text)) && question.type !== 'choice'))
  ) {
    return { read: make({ type: 'dontknow' }), confidence: 0.9 };
  }
  // « il n'y en a pas », « on ne vend pas en ligne » to « combien / quelle part / quel budget »: nothing.
  if ((question.type === 'percent' || question.type === 'money') && !figure && !r.answer?.ok && saysNo(text, ctx)) {
    return {
      read: make(question.type === 'percent' ? { type: 'percent', value: 0 } : { type: 'money', amount: 0, period: 'year' }),
      confidence: 0.85,
    };
  }
  // « c'est ma comptable qui sait » to « savez-vous… ? »: someone else knows, not the dirigeant.
  const elsewhere =
    someoneElseKnows(question, text, ctx.nlu.phrases.answerCues) ?? assumedHandled(question, text, ctx.nlu.phrases.answerCues);
  if (elsewhere) return { read: make(elsewhere), confidence: 0.85, structural: true };
  // « 5 000 € sur 80 000 € » to « quelle part… ? »: the part over the whole.
  const share = question.type === 'percent' ? shareOfTotal(text) : undefined;
  if (share !== undefined) return { read: make({ type: 'percent', value: share }), confidence: 0.85 };
  // « un virus, mais c'était il y a 2 ans » to « ces 12 derniers mois ? »: too old to count, a « non ».
  const old = olderThanWindow(question, text, cue);
  if (old) return { read: make(old), confidence: 0.85, structural: true };
  // « pas encore, mais ça pourrait me servir pour les devis »: nothing done yet, something planned or possible; what
  // it names is not in use. On a scale, the step just above its option of nothing (« J'y pense »).
  const planned = notYetPlanned(question, text, cue);
  if (planned) return { read: make({ type: 'choice', value: planned }), confidence: 0.85 };
  // Time said as a duration: « 2 h par semaine » is the option whose range holds it.
  const timed = durationChoice(question, text, cue);
  if (timed) return { read: make(timed), confidence: 0.85 };
  // A count question (« Moins de 100 », « De 100 à 1 000 ») answered with a number, maybe per period.
  if (countBands(question)) {
    const n = ctx.nlu.extract(figureAboutAsked(question, text, ctx.nlu), { type: 'number' });
    if (n.ok && (n.value.type === 'number' || n.value.type === 'percent')) {
      // Digits or a period always count; number words count unless an option's own words match whole.
      // « mille deux cents à peu près »: a figure said in words beats a generic option word (« peu »).
      const explicit =
        timesPerYear(text) !== undefined || /\d/.test(text) || (n.confidence >= 0.8 && (!strongOption || n.value.value.value >= 2));
      if (explicit || !(r.answer?.ok && r.answer.confidence >= SURE)) {
        const counted = choiceFromCount(question, strictCount(n.value.value), text);
        if (counted) return { read: make(counted), confidence: Math.max(n.confidence, 0.8) };
      }
    }
  }
  // « Facebook et Insta »: the things named, unless a number says how many.
  if (question.type === 'number') {
    const firm = withoutOwnNo(text, cue);
    const named = countNamed(question, firm, cue);
    const n = ctx.nlu.extract(withoutFrequencies(firm, cue), { type: 'number' });
    const said = n.ok && n.value.type === 'number' ? n.value.value.value : undefined;
    if (said !== undefined && !(named !== undefined && said === 1 && cue.oneArticle.test(fold(text)))) {
      return { read: make({ type: 'number', value: said }), confidence: n.ok ? n.confidence : 0 };
    }
    if (named !== undefined) return { read: make({ type: 'number', value: named }), confidence: 0.85 };
    if (ynValue === 'no' && yn.ok && yn.confidence >= 0.7)
      return { read: make({ type: 'number', value: 0 }), confidence: yn.confidence >= 0.9 ? 0.85 : 0.75 };
  }
  // A yes/no question answered by describing: the phrasings its options are given. A full phrasing wins over a
  // generic word (« toujours le même mot de passe » is no, whatever « toujours » says) unless « oui »/« non » is said.
  // « les horaires oui, le téléphone c'est l'ancien »: a yes and a no said of different parts.
  // « on a essayé, puis laissé tomber »: read as a no, tried then dropped is a no whatever the option phrasings name.
  const dropped = question.type === 'yesno' && ynValue === 'no' && droppedForGood(text, ctx);
  if (dropped || installedUnused(question, text, ctx.nlu))
    return { read: make({ type: 'yesno', value: 'no' }), confidence: 0.85, structural: true };
  if (wishedNotDone(question, text, ctx.nlu) || aboutSomethingElse(question, text, ctx.nlu) || yesThenFlaw(question, text, ctx.nlu))
    return { read: make({ type: 'yesno', value: 'no' }), confidence: 0.85, structural: true };
  if (othersDoIt(question, text, ctx.nlu)) return { read: make({ type: 'yesno', value: 'yes' }), confidence: 0.85, structural: true };
  if (saysPartly(question, text, ctx.nlu)) return { read: make({ type: 'yesno', value: 'partly' }), confidence: 0.85 };
  if (question.type === 'yesno') {
    const plain =
      r.answer?.ok && r.answer.value.type === 'yesno' ? { value: r.answer.value.value, confidence: r.answer.confidence } : undefined;
    const explicit = cue.saysYesOrNo.test(fold(text));
    // Only a plain yes or no can be a generic word; « en partie » comes from the sentence's own structure.
    const graded = plain && (plain.value === 'yes' || plain.value === 'no');
    // « je le mets à jour quand j'y pense » to « automatiquement ? »: an option's own phrasing beats a generic « en partie ».
    const generic = plain?.value === 'partly' && !explicit && !SAID_PARTLY.test(fold(text));
    const described = !plain || plain.confidence < 0.85 || (graded && !explicit) || generic ? yesNoByPhrasing(question, text) : undefined;
    const plainSure = plain !== undefined && plain.confidence >= SURE;
    // A sure no is not overridden by a yes phrasing that only takes up the question's own words.
    const echo =
      plain?.value === 'no' &&
      plain.confidence >= 0.9 &&
      (described?.answer as { value?: string } | undefined)?.value === 'yes' &&
      phrasedOnlyByEcho(question, text);
    const overrides =
      described &&
      !echo &&
      (!generic || (described.confidence >= 0.85 && (described.answer as { value?: string }).value === 'no')) &&
      (plain === undefined || (plain.confidence < 0.85 ? described.confidence >= SURE || !plainSure : described.confidence >= 0.85));
    // What the words surely say (a weak phrasing says nothing sure).
    const said = overrides ? (described.confidence >= SURE ? (described.answer as { value?: string }).value : undefined) : plain?.value;
    // « seulement pour la banque » to a question about several things: a yes restricted to some of them.
    if ((said === 'yes' || said === undefined) && restricts(question, text, cue))
      return { read: make({ type: 'yesno', value: 'partly' }), confidence: 0.85 };
    if (overrides) return { read: make(described.answer), confidence: described.confidence, structural: true };
  }
  // « non, il sort le mois prochain », « on avait un site mais il a fermé »: not there (yet, or any more).
  const then = notThereNow(question, text, ctx);
  if (then) return { read: make(then), confidence: 0.85 };
  // « des hôtels et des campings »: customers named by their trades are professionals (unless a share in figures
  // says which kind the customers mostly are).
  const customers = customersByShare(question, text, ctx) ?? customersByTrade(question, text, ctx);
  if (customers) return { read: make(customers), confidence: 0.85 };
  // Several options named: on a scale the highest holds (« un site et une page Facebook » is the site);
  // beside an option « Les deux », that option (« des particuliers et des syndics »).
  if (question.type === 'choice' && (question.scale || optionsOf(question).some((o) => o.several))) {
    const m = ctx.nlu.extract(text, { ...questionContext(question), type: 'multi' });
    const several = optionsOf(question).find((o) => o.several);
    const inside = overlappedOptions(question, text);
    const all = m.ok && m.value.type === 'multi' ? m.value.value.ids.filter((id) => id !== several?.id) : [];
    // « surtout des pros, les particuliers c'est rare »: a kind said to be rare is not named apart.
    const named = all.length > 1 ? withoutGivenUp(question, all, text, ctx.nlu, cue.minorShare) : all;
    // An option named only as part of a longer phrasing of another is not named apart.
    const ids = reachedOnScale(question, named.length > 1 ? named.filter((id) => !inside.has(id)) : named, text, ctx);
    if (ids.length === 1 && all.length > 1) return { read: make({ type: 'choice', value: ids[0] }), confidence: 0.85 };
    if (ids.length > 1 && several) return { read: make({ type: 'choice', value: several.id }), confidence: 0.85 };
    if (ids.length > 1 && question.scale) {
      const order = optionsOf(question).map((o) => o.id);
      const top = [...ids].sort((a, b) => order.indexOf(b) - order.indexOf(a))[0];
      return { read: make({ type: 'choice', value: top }), confidence: 0.85 };
    }
  }
  // A plain yes or no to a choice question whose options say « Non » / « Oui, … » (before a weak option).
  const byYesNo =
    question.type === 'choice' && !(r.answer?.ok && r.answer.confidence >= SURE)
      ? yesNoOption(question, ynValue, yn.ok ? yn.confidence : 0, make, cue)
      : undefined;
  if (byYesNo) return byYesNo;
  if (question.type === 'multi') {
    // « on n'utilise pas d'outils partagés »: the question's own words denied, nothing named, is its « Aucun ».
    const none = optionsOf(question).find((o) => o.exclusive);
    // A plain no (« pas encore », « non, jamais ») is the same « Aucun ».
    const plainNo = ynValue === 'no' && yn.ok && yn.confidence >= 0.85;
    if (none && !r.answer?.ok && (plainNo || echoedYesNo(question, text) === 'no'))
      return { read: make({ type: 'multi', values: [none.id] }), confidence: 0.85 };
    const only = restrictedExclusive(question, text, cue);
    if (only) return { read: make({ type: 'multi', values: [only] }), confidence: 0.85 };
  }
  // « infirmière à mon compte », « à mon compte en micro »: being one's own boss says little; the more
  // precise status named with it wins.
  if (question.profileField === 'status' && cue.ownAccount.test(fold(text))) {
    const precise = ctx.nlu.extract(fold(text).replace(cue.ownAccountAll, ' '), questionContext(question));
    if (precise.ok && precise.confidence >= 0.9) {
      const answer = toAnswer(question, precise.value);
      if (answer) return { read: make(answer), confidence: 0.9 };
    }
  }
  // « Dropbox ; avant on avait Slack mais on a arrêté »: an option given up is not used now.
  if (question.type === 'multi' && r.answer?.ok && r.answer.value.type === 'multi' && r.answer.value.value.ids.length > 1) {
    const kept = withoutPlaceOnly(question, withoutGivenUp(question, r.answer.value.value.ids, text, ctx.nlu), text, ctx.nlu);
    const ids = { ...r.answer.value.value, ids: kept };
    const answer = kept.length < r.answer.value.value.ids.length ? toAnswer(question, { type: 'multi', value: ids }) : undefined;
    if (answer) return { read: make(answer), confidence: r.answer.confidence };
  }
  if (r.answer?.ok) {
    const answer = toAnswer(question, r.answer.value);
    // « c'est moi qui m'en charge pour la patronne »: the « moi » of an employee.
    const employee = onBehalfOfBoss(question, text, answer?.type === 'choice' ? answer.value : undefined, cue);
    if (employee) return { read: make(employee), confidence: 0.85 };
    if (answer) {
      const alternatives = alternativesOf(question, r, make) ?? namedOptions(question, text, r, ctx, make);
      return { read: make(answer, r.answer.value.value), confidence: r.answer.confidence, ...(alternatives ? { alternatives } : {}) };
    }
  }
  if (saysDontKnow) return { read: make({ type: 'dontknow' }), confidence: 0.9 };
  const echoed = yesNoByEcho(question, text);
  if (echoed) return { read: make(echoed.answer), confidence: echoed.confidence };
  // « un faux mail de la banque, on a changé les codes » to « avez-vous subi un incident (faux e-mail…) ? »:
  // the question's own words taken up say « oui »; which « Oui, … » option is asked with buttons.
  if (question.type === 'choice' && echoedYesNo(question, text) === 'yes') {
    const yes = optionsOf(question)
      .filter((o) => cue.yesOption.test(fold(o.label)))
      .map((o) => make({ type: 'choice', value: o.id }));
    if (yes.length) return { read: yes[0], confidence: 0.5, ...(yes.length > 1 ? { alternatives: yes } : {}) };
  }
  return undefined;
}

const QUANTITIES = new Set(['number', 'percent', 'money']);
