// Who the customers are, told by their trades: « des hôtels et des campings », « les particuliers l'été,
// les boulangeries l'hiver ». A customer named by a trade (any trade of the sector list,
// knowledge/nlu/secteurs.fr.json) is a professional; beside private customers, both. Pure.
import { fold } from '../nlu/index.js';
import { optionsOf } from './answers.js';
import type { ReadingContext } from './reading.js';
import { isMinor } from './set-aside.js';
import { questionContext } from './understand.js';
import type { Answer, Question } from './types.js';

// The parts of an enumeration of customers.
const PARTS = /[,;/]|\b(?:et|mais|plus|puis|ainsi que|avec)\b/;

/** The clientèle option when customers are named by their trades, or undefined (read as usual). */
export function customersByTrade(question: Question, text: string, ctx: ReadingContext): Answer | undefined {
  if (question.profileField !== 'clientele' || question.type !== 'choice') return undefined;
  const options = optionsOf(question);
  const both = options.find((o) => o.several);
  const kinds = new Set<string>();
  let byTrade = false;
  for (const part of fold(text).split(PARTS)) {
    // « les particuliers, c'est rare »: a kind of customers said to be rare is not one of them.
    if (!/[a-z]{3}/.test(part) || ctx.nlu.phrases.cues.saysTrade.test(part) || isMinor(part, ctx.nlu.phrases.answerCues)) continue;
    const named = ctx.nlu.extract(part, questionContext(question));
    if (named.ok && named.confidence >= 0.85 && named.value.type === 'choice') {
      kinds.add(named.value.value);
      continue;
    }
    const trade = ctx.nlu.extract(part, { type: 'sector' });
    if (trade.ok && trade.confidence >= 0.6) {
      kinds.add('b2b');
      byTrade = true;
    }
  }
  if (!byTrade) return undefined;
  if (both && (kinds.has(both.id) || (kinds.has('b2b') && kinds.has('b2c')))) return { type: 'choice', value: both.id };
  return kinds.size === 1 && options.some((o) => o.id === 'b2b') ? { type: 'choice', value: 'b2b' } : undefined;
}
