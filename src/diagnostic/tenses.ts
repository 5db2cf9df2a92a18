// Time in an answer to a diagnostic question: something dropped for good, something still to come, a plain no.
// Pure; answer-text.ts decides when each applies. The words are data (phrases.fr.json « answerCues »: `upcoming`,
// `afterDropped`, `takenBack`, `leadingNo`, `notYet`, `nothingOption`; reponses.fr.json « yesNo »: `dropped`).
import { fold } from '../nlu/index.js';
import { optionsOf } from './answers.js';
import type { ReadingContext } from './reading.js';
import { questionContext, toAnswer } from './understand.js';
import type { Answer, Question } from './types.js';

const SURE = 0.6;

/**
 * « on avait un logiciel de caisse, on l'a arrêté, retour au papier »: something tried, or the thing itself said to be
 * dropped, with nothing after that says more (« …, mais on garde le planning » is more than a no).
 */
export function droppedForGood(text: string, ctx: ReadingContext): boolean {
  const f = fold(text);
  const { droppedIt, triedThenStopped } = ctx.nlu.words.yesNo;
  if (triedThenStopped.test(f)) return true;
  const m = droppedIt.exec(f);
  const after = m ? f.slice(m.index + m[0].length) : '';
  const { takenBack, afterDropped } = ctx.nlu.phrases.answerCues;
  return !!m && !takenBack.test(after) && !afterDropped.test(after);
}

/** A clear no, said by the whole message or by its first clause (« on n'en fait pas, tout passe en magasin »). */
export function saysNo(text: string, ctx: ReadingContext): boolean {
  const clauses = [text, text.split(/[,;.!]/)[0]];
  return clauses.some((t) => {
    const yn = ctx.nlu.extract(t, { type: 'yesno', allowNotConcerned: false });
    return yn.ok && yn.value.type === 'yesno' && yn.value.value === 'no' && yn.confidence >= 0.9;
  });
}

/**
 * A choice question answered with what is not there now: « non, mais il est en cours, il sort le mois prochain »
 * (still to come; not where an option other than nothing says what is under way, « Je me renseigne »), « on avait un
 * site mais il a fermé » (dropped, whatever it names; what is there since, when said, is the answer; tried then dropped is
 * the option of having tried, where there is one: « J'ai essayé »).
 */
export function notThereNow(question: Question, text: string, ctx: ReadingContext): Answer | undefined {
  if (question.type !== 'choice') return undefined;
  const cue = ctx.nlu.phrases.answerCues;
  const f = fold(text);
  const none = optionsOf(question).find((o) => cue.nothingOption.test(fold(o.label)));
  const stages = () =>
    optionsOf(question).some((o) => o !== none && [o.label, ...(o.synonyms ?? [])].some((p) => cue.upcoming.test(fold(p))));
  if (none && cue.upcoming.test(f) && (cue.leadingNo.test(f.trim()) || cue.notYet.test(f) || saysNo(text, ctx)) && !stages())
    return { type: 'choice', value: none.id };
  const { dropped: gone } = ctx.nlu.words.yesNo;
  const m = gone.exec(f);
  if (!m) return undefined;
  // « … il a fermé, depuis on a juste la page Facebook »: what is there since is the answer.
  const since = f.slice(m.index + m[0].length);
  const now = since.trim() ? ctx.nlu.extract(since, questionContext(question)) : undefined;
  if (now?.ok && now.confidence >= SURE && now.value.type === 'choice' && now.value.value !== none?.id) {
    const answer = toAnswer(question, now.value);
    if (answer) return answer;
  }
  return triedThenDropped(question, f, ctx) ?? (none ? { type: 'choice', value: none.id } : undefined);
}

/** « essayé un outil, pas convaincu, depuis plus rien »: where an option says it was tried (« J'ai essayé »), that one. */
export function triedThenDropped(question: Question, text: string, ctx: ReadingContext): Answer | undefined {
  const cue = ctx.nlu.phrases.answerCues;
  if (question.type !== 'choice' || !cue.triedIt.test(fold(text))) return undefined;
  const tried = optionsOf(question).find((o) => cue.triedOption.test(fold(o.label)));
  return tried ? { type: 'choice', value: tried.id } : undefined;
}
