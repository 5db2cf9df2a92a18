// Readings of a choice question that come with their rivals: a plain yes or no mapped onto the options that
// say « Non… » / « Oui… », several options named where one was asked, a head count spanning two bands.
import type { AnswerCues, NluResult } from '../nlu/index.js';
import { fold } from '../nlu/index.js';
import { optionsOf } from './answers.js';
import type { ReadAnswer, ReadingContext } from './reading.js';
import { questionContext } from './understand.js';
import type { Answer, Question } from './types.js';

/** An answer read from text, how sure the reading is, and the rival readings worth asking between. */
export interface Candidate {
  read: ReadAnswer;
  confidence: number;
  alternatives?: ReadAnswer[];
  /**
   * Read from the structure of the message (a story then and now, a tool there but unused, a date outside the window,
   * a wish, someone else doing it…) or from one of the question's own phrasings (« le même mot de passe partout »), not
   * from loose words: the learned reader, a bag of words, never overrules it.
   */
  structural?: boolean;
}

/** An answer must be at least this sure to be stored without asking (as in reading.ts). */
const SURE = 0.6;

export function yesNoOption(
  question: Question,
  value: string | undefined,
  confidence: number,
  make: (a: Answer) => ReadAnswer,
  cue: AnswerCues,
): Candidate | undefined {
  if ((value !== 'yes' && value !== 'no') || confidence < 0.85) return undefined;
  // A plain no to « qui… ? », « combien de temps… ? », « où en êtes-vous… ? » is the option that says nothing is done.
  const fitting = optionsOf(question).filter((o) => (value === 'no' ? cue.nothingDoneOption : cue.yesOption).test(fold(o.label)));
  const reads = fitting.map((o) => make({ type: 'choice', value: o.id }));
  if (reads.length === 1) return { read: reads[0], confidence: 0.8 };
  if (reads.length > 1) return { read: reads[0], confidence: 0.5, alternatives: reads };
  return undefined;
}

/** A weak single choice when the text names several options: those options, to choose between. */
export function namedOptions(
  question: Question,
  text: string,
  r: NluResult,
  ctx: ReadingContext,
  make: (a: Answer) => ReadAnswer,
): ReadAnswer[] | undefined {
  if (question.type !== 'choice' || !r.answer?.ok || r.answer.confidence >= SURE) return undefined;
  const m = ctx.nlu.extract(text, { ...questionContext(question), type: 'multi' });
  if (!m.ok || m.value.type !== 'multi' || m.value.value.ids.length < 2) return undefined;
  return m.value.value.ids.slice(0, 3).map((id) => make({ type: 'choice', value: id }));
}

/** Competing readings worth a question: a head count whose range spans two bands (« 4 ou 5 »). */
export function alternativesOf(question: Question, r: NluResult, make: (a: Answer, v?: unknown) => ReadAnswer): ReadAnswer[] | undefined {
  if (!r.answer?.ok || r.answer.value.type !== 'size' || !r.answer.value.value.alternatives) return undefined;
  const bands = r.answer.value.value.alternatives;
  return bands.length > 1 ? bands.map((band) => make({ type: 'size', value: band })) : undefined;
}

/**
 * « pas encore, mais ça pourrait me servir pour les devis », « non, mais ça me tente »: nothing done yet (`notYet`),
 * something planned or possible after it (`maybeLater`); what it names is not in use. On an ordered question (a scale,
 * or options scored), the step just above its option of nothing when that step is considering it
 * (`consideringOption`: « J'y pense », « Je me renseigne »).
 */
export function notYetPlanned(question: Question, text: string, cue: AnswerCues): string | undefined {
  const options = optionsOf(question);
  const scored = options.every((o) => o.score !== undefined);
  if (question.type !== 'choice' || !(question.scale || scored)) return undefined;
  const f = fold(text);
  const m = cue.notYet.exec(f);
  const later = m ? cue.maybeLater.exec(f.slice(m[0].length)) : null;
  if (!m || !later) return undefined;
  const ordered = question.scale ? options : [...options].sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
  const none = ordered.findIndex((o) => cue.nothingOption.test(fold(o.label)));
  // « pas encore regardé, on verra » where the question's own option of nothing says « on verra »: no plan after all.
  const noPlan = (ordered[none]?.synonyms ?? []).some((s) => fold(s).trim() === later[0].trim());
  // Only where that step is considering it (« J'y pense »): « pas encore, mais on va en faire un » is no site yet, not a page.
  const next = none >= 0 && !noPlan ? ordered[none + 1] : undefined;
  return next && cue.consideringOption.test(fold(next.label)) ? next.id : undefined;
}

/**
 * « la réception marche, l'envoi c'est encore en test » on a scale: an option named only in a clause still under way
 * (`upcoming`: « pas encore branché », « en test », « on le bascule au printemps ») is not reached; the others hold.
 * Nor is one named only by a bare « oui » beside a more precise one.
 */
export function reachedOnScale(question: Question, ids: string[], text: string, ctx: ReadingContext): string[] {
  if (!question.scale || ids.length < 2) return ids;
  const cue = ctx.nlu.phrases.answerCues;
  const named = (clause: string) => {
    const m = ctx.nlu.extract(clause, { ...questionContext(question), type: 'multi' });
    return m.ok && m.value.type === 'multi' ? m.value.value.ids : [];
  };
  const unpunctuated = (t: string) => fold(t).replace(/[,;:.!?…]/g, ' ');
  const live = text.split(/[,;]|\bmais\b|\.{2,}|…|[.!?](?=\s)/i).filter((c) => c.trim() && !cue.upcoming.test(fold(c)));
  const reached = new Set(live.flatMap(named));
  // An option that is itself a step under way (« en cours », « en préparation ») is reached by saying so.
  const underWay = (id: string) =>
    optionsOf(question).some((o) => o.id === id && [o.label, ...(o.synonyms ?? [])].some((p) => cue.upcoming.test(fold(p))));
  const kept = ids.filter((id) => reached.has(id) || underWay(id));
  if (!kept.length) return ids;
  if (!cue.plainYes.test(unpunctuated(text))) return kept;
  // « oui, sur le PC de l'accueil » to « hors de vos locaux ? »: a bare « oui » names an option only as a yes; what the
  // rest says is more precise.
  const bare = new RegExp(cue.plainYes.source, 'g');
  const beyondYes = new Set(live.flatMap((c) => named(unpunctuated(c).replace(bare, ' '))));
  const precise = kept.filter((id) => beyondYes.has(id));
  return precise.length ? precise : kept;
}
