// Who the customers are, told by their trades: « des hôtels et des campings », « les particuliers l'été,
// les boulangeries l'hiver ». A customer named by a trade (any trade of the sector list,
// knowledge/nlu/secteurs.fr.json) is a professional; beside private customers, both. Pure.
import { fold } from '../nlu/index.js';
import { optionsOf } from './answers.js';
import type { ReadingContext } from './reading.js';
import { isMinor } from './set-aside.js';
import { questionContext } from './understand.js';
import type { Answer, Question } from './types.js';

// The parts of an enumeration of customers (« plus des hôtels », not the « plus » of « qui ne peuvent plus »).
const PARTS = /[,;/]|\b(?:et|mais|puis|ainsi que|avec)\b|\bplus(?= (?:des|les|le|la|l'|un|une|quelques)\b)/;

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

/** A share said in figures (« à 90 % », « 90 % de … »), group 1 the percentage. */
const SHARE = /\b(\d{1,3}) ?(?:%|pour ?cent)/;
/** From this share on, one kind of customers is the answer (« surtout … »), whatever the rest is. */
const DOMINANT = 75;

/**
 * « particuliers à 90 %, le reste c'est la mairie »: a kind of customers given a large share in figures is the
 * answer; « 60 % de particuliers, 40 % de pros » is both (read as usual).
 */
export function customersByShare(question: Question, text: string, ctx: ReadingContext): Answer | undefined {
  if (question.profileField !== 'clientele' || question.type !== 'choice') return undefined;
  const several = optionsOf(question).find((o) => o.several)?.id;
  for (const part of fold(text).split(/[,;/]|\b(?:et|mais|le reste|puis)\b/)) {
    const share = SHARE.exec(part);
    if (!share || Number(share[1]) < DOMINANT || Number(share[1]) > 100) continue;
    const named = ctx.nlu.extract(part.replace(SHARE, ' '), questionContext(question));
    if (named.ok && named.confidence >= 0.85 && named.value.type === 'choice' && named.value.value !== several)
      return { type: 'choice', value: named.value.value };
  }
  return undefined;
}
