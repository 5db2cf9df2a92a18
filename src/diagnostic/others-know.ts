// « Savez-vous… ? » answered « c'est mon comptable qui sait »: the dirigeant does not know it, someone
// else does. Read as « je ne sais pas », never as a yes. Pure. The words are data (phrases.fr.json « answerCues »):
// `asksWhatIsKnown`, `asksWho`, `othersKnow`, `saysUnknown`, `knowsOwn`, `assumedHandled`.
import { fold, type AnswerCues } from '../nlu/index.js';
import type { Answer, Question } from './types.js';

/** « je ne sais pas » when a knowledge question is answered by naming who knows instead. */
export function someoneElseKnows(question: Question, text: string, cue: AnswerCues): Answer | undefined {
  const f = fold(text);
  // « c'est le gérant qui pourrait vous dire », « voyez avec ma femme »: someone else can tell, even to « qui… ? ».
  if (cue.othersTell.test(f)) return { type: 'dontknow' };
  // « je ne sais pas, c'est mon comptable qui gère » to any question but « qui… ? »: the dirigeant does not know.
  if (!cue.asksWhatIsKnown.test(fold(question.text)))
    return !cue.asksWho.test(fold(question.text)) && cue.saysUnknown.test(f) && cue.othersKnow.test(f) ? { type: 'dontknow' } : undefined;
  if (cue.knowsOwn.test(f)) return undefined;
  return cue.othersKnow.test(f) ? { type: 'dontknow' } : undefined;
}

// « je suppose que c'est eux qui gèrent ça », « c'est le prestataire qui s'en occupe, j'imagine »: someone else
// is assumed to handle it, the person does not know.
/** « je ne sais pas » when a practice is said to be handled by someone else, only as a guess. */
export function assumedHandled(question: Question, text: string, cue: AnswerCues): Answer | undefined {
  if (question.type !== 'yesno' && question.type !== 'choice') return undefined;
  const f = fold(text)
    .replace(/[!?.]+\s*$/, '')
    .trim();
  return cue.assumedHandled.test(f) ? { type: 'dontknow' } : undefined;
}

/**
 * « c'est moi qui gère la page pour le patron » to « qui s'occupe… ? »: the speaker works for the dirigeant, so the
 * option naming the dirigeant (`selfOption`) stands for the option naming someone else of the firm (`someoneElse`).
 */
export function onBehalfOfBoss(question: Question, text: string, read: string | undefined, cue: AnswerCues): Answer | undefined {
  if (question.type !== 'choice' || !cue.forTheBoss.test(fold(text))) return undefined;
  const options = question.options ?? [];
  const self = options.find((o) => o.id === read);
  if (!self || !cue.selfOption.test(fold(self.label))) return undefined;
  const other = options.find((o) => o !== self && (o.synonyms ?? []).some((s) => cue.someoneElse.test(fold(s))));
  return other ? { type: 'choice', value: other.id } : undefined;
}

/**
 * « je ne sais plus si l'ancien site tourne encore », « aucune idée de ce qu'utilisent mes gars »: not knowing whether,
 * what or who — what follows is what is unknown, not an answer (unless « mais … » says one after it).
 */
export function unknownObject(text: string, cue: AnswerCues): boolean {
  const f = fold(text);
  return governing(cue).test(f) && !/\bmais\b/.test(f);
}

/**
 * Not knowing said first (« il sauvegarde chez lui, je ne sais pas s'il a essayé » answers, then doubts a detail),
 * followed by what is not known; compiled once per set of cues.
 */
const GOVERNING = new WeakMap<AnswerCues, RegExp>();
function governing(cue: AnswerCues): RegExp {
  let re = GOVERNING.get(cue);
  if (!re) {
    const object = "(?:si|s'|ce qu|qui|quel|quels|quelle|quelles|combien|lequel|laquelle)";
    re = new RegExp(`^(?:\\W*\\w+\\W+){0,2}?(?:${cue.dontKnowWords.source})\\s+(?:de\\s+)?${object}`);
    GOVERNING.set(cue, re);
  }
  return re;
}
