// Restrictions said in an answer: « seulement pour la banque » to a question about several things covers part
// of it; « par téléphone seulement » to a multi-choice question names its exclusive option (« aucun »). The words
// are data (phrases.fr.json « answerCues »: restricts, notRestricted, several, restrictive, restrictiveAfter).
import type { AnswerCues } from '../nlu/index.js';
import { fold } from '../nlu/index.js';
import { optionsOf } from './answers.js';
import type { Question } from './types.js';

const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A restriction (« seulement », « juste », « c'est tout », « que pour … ») said to a question about several
 * things (an enumeration « A, B ou C », « A et B », a list in brackets): the answer covers part of what was asked.
 */
export function restricts(question: Question, text: string, cue: AnswerCues): boolean {
  const f = fold(text);
  if (!cue.restricts.test(f) || cue.notRestricted.test(f)) return false;
  return cue.several.test(fold(question.text).replace(/\?.*$/, ''));
}

/** « par téléphone seulement », « que sur place »: the exclusive option (« aucun ») the restriction names. */
export function restrictedExclusive(question: Question, text: string, cue: AnswerCues): string | undefined {
  const f = fold(text)
    .replace(/[,.;!?]/g, ' ')
    .replace(/\s+/g, ' ');
  if (!cue.restrictive.test(f)) return undefined;
  for (const o of optionsOf(question).filter((x) => x.exclusive)) {
    for (const phrase of o.synonyms ?? []) {
      const p = esc(fold(phrase));
      if (p.split(' ').length < 2) continue;
      if (new RegExp(`${cue.restrictive.source} (?:\\w+ ){0,2}${p}\\b|\\b${p} (?:\\w+ )?${cue.restrictiveAfter.source}\\b`).test(f))
        return o.id;
    }
  }
  return undefined;
}
