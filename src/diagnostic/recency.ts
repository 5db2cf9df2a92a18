// Questions about the recent past (« ces 12 derniers mois », `withinMonths` in the questionnaire): an event
// told as older than the window (« c'était il y a 3 ans ») does not count, so the answer is « non ». Pure.
import { fold, type AnswerCues } from '../nlu/index.js';
import { optionsOf } from './answers.js';
import { SMALL_NUMBER_WORDS } from '../nlu/extract/numwords.js';
import type { Answer, Question } from './types.js';

// « trois ans », « quelques mois »: a number word, or a vague quantity counted as about three.
const WORDS: Record<string, number> = { ...SMALL_NUMBER_WORDS, quelques: 3, plusieurs: 3 };
const AMOUNT = `(\\d+|${Object.keys(WORDS).join('|')})`;
// « il y a 2 ans », « ça fait trois ans », « y a 18 mois », « depuis plusieurs années ».
const AGO = new RegExp(
  `\\b(?:il y a|y a|ya|ca fait|cela fait|depuis) (?:bien |au moins |plus de |environ |facilement )?${AMOUNT} (ans?|annees?|mois)\\b`,
  'g',
);
// « il y a longtemps », « ça remonte ! », « ça fait des années »: long ago, older than any window (ten years); « ça
// date un peu » stays vague.
const LONG_AGO =
  /\b(?:il y a|y a|ya|ca fait|cela fait|depuis) (?:bien |tres |trop )?(?:longtemps|des annees|une eternite)\b|\b(?:ca|cela) remonte(?: pas mal| tellement)?(?: !|\s*$|[.,]| a (?:loin|longtemps|des annees))|\b(?:pour|pendant|au moment du|a l'epoque du) (?:le )?(?:covid|confinement)\b/g;
// Words that place something inside any recent window (« récemment », « cette année ») and a year said
// (« en 2015 », « fin 2019 ») are data: phrases.fr.json « answerCues » `recent` and `year`.

/** How many months ago each event the text dates was, when it dates any (« il y a 2 ans » → [24]). */
export function monthsAgo(text: string, cues: AnswerCues, now = new Date()): number[] {
  const out: number[] = [];
  // A past year counts from its end (« en 2024 », said in 2026, is at least 12 months ago).
  for (const m of fold(text).matchAll(cues.year)) {
    const years = now.getFullYear() - 1 - Number(m[1]);
    if (years >= 0) out.push(years * 12 + now.getMonth());
  }
  for (const m of fold(text).matchAll(AGO)) {
    const n = /^\d+$/.test(m[1]) ? Number(m[1]) : WORDS[m[1]];
    out.push(m[2] === 'mois' ? n : n * 12);
  }
  for (const _ of fold(text).matchAll(LONG_AGO)) out.push(120);
  return out;
}

/** The « non » of a question about the recent past when everything the text dates is older than its window. */
export function olderThanWindow(question: Question, text: string, cues: AnswerCues, now = new Date()): Answer | undefined {
  if (!question.withinMonths || cues.recent.test(fold(text))) return undefined;
  const ages = monthsAgo(text, cues, now);
  if (!ages.length || ages.some((months) => months <= question.withinMonths!)) return undefined;
  if (question.type === 'yesno') return { type: 'yesno', value: 'no' };
  const none = optionsOf(question).find((o) => cues.noOption.test(fold(o.label)));
  return none ? { type: 'choice', value: none.id } : undefined;
}
