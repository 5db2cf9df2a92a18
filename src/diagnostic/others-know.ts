// « Savez-vous… ? » answered « c'est mon comptable qui sait »: the dirigeant does not know it, someone
// else does. Read as « je ne sais pas », never as a yes. Pure.
import type { AnswerCues } from '../nlu/index.js';
import { fold } from '../nlu/index.js';
import type { Answer, Question } from './types.js';

// A question about what the dirigeant knows.
const KNOWLEDGE_QUESTION = /^(?:savez-vous|connaissez-vous|vous savez|vous connaissez)\b/;
const SOMEONE = "(?:le|la|l'|mon|ma|notre|nos|les|un|une) ?[a-z'-]+(?: [a-z'-]+)?";
// « c'est ma comptable qui sait », « faut voir avec l'expert-comptable », « demandez à mon associé ».
const ELSEWHERE = new RegExp(
  `\\b(?:c'est ${SOMEONE} qui (?:sait|connait|s'y connait|s'en occupe|gere)|(?:il )?faut (?:voir|demander) (?:avec|a) ${SOMEONE}|demandez a ${SOMEONE}|(?:lui|elle) (?:sait|connait)|${SOMEONE} (?:doit savoir|sait ca|connait ca))\\b`,
);

const UNKNOWN = /\b(?:je ne sais pas|aucune idee|j'en sais rien|je n'en sais rien)\b/;

/** « je ne sais pas » when a knowledge question is answered by naming who knows instead. */
export function someoneElseKnows(question: Question, text: string): Answer | undefined {
  const f = fold(text);
  // « je ne sais pas, c'est mon comptable qui gère » to any question but « qui… ? »: the dirigeant does not know.
  if (!KNOWLEDGE_QUESTION.test(fold(question.text)))
    return !/^qui\b/.test(fold(question.text)) && UNKNOWN.test(f) && ELSEWHERE.test(f) ? { type: 'dontknow' } : undefined;
  if (/\b(?:oui|je sais|je connais)\b/.test(f)) return undefined;
  return ELSEWHERE.test(f) ? { type: 'dontknow' } : undefined;
}

// « je suppose que c'est eux qui gèrent ça », « c'est le prestataire qui s'en occupe, j'imagine »: someone else
// is assumed to handle it, the person does not know.
const HEDGE = "(?:je suppose|j'imagine|je presume)";
const WHO = "(?:eux|lui|elle|elles|(?:le|la|l'|les|mon|ma|mes|notre|nos|leur|leurs) ?[a-z'-]+(?: [a-z'-]+){0,3})";
const HANDLES = `(?:c'est|ce sont) ${WHO} qui (?:gere|gerent|s'en occupe|s'en occupent|s'en charge|s'en chargent|fait|font)`;
const ASSUMED = new RegExp(`\\b${HEDGE} (?:que |qu')?(?:[^,.;]{0,20} )?${HANDLES}\\b|\\b${HANDLES}\\b[^,.;]{0,30}[,.;]? ${HEDGE}$`);

/** « je ne sais pas » when a practice is said to be handled by someone else, only as a guess. */
export function assumedHandled(question: Question, text: string): Answer | undefined {
  if (question.type !== 'yesno' && question.type !== 'choice') return undefined;
  const f = fold(text)
    .replace(/[!?.]+\s*$/, '')
    .trim();
  return ASSUMED.test(f) ? { type: 'dontknow' } : undefined;
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
