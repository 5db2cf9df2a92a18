// Amounts of money in French free text: « 2000 € », « 2 000 euros », « 2k€ », « 1,5 k »,
// « deux mille euros », « 500 balles », ranges and bounds, and the period when said
// (« par mois », « /an », « annuel »). The words are data: knowledge/nlu/reponses.fr.json « money » (see its `$comment`).
import { fold } from '../analyze.js';
import { found, notUnderstood, type Extraction, type Money } from '../types.js';
import { lex, type Lexeme } from './lexer.js';
import { findQuantities } from './numbers.js';

/** reponses.fr.json « money »: the words of an amount and its period (see its `$comment`). */
export interface MoneyData {
  currency: string[];
  month: string;
  year: string;
  quarter: string;
  week: string;
  noBudget: string;
  capacity: string;
}

/** The regular-expression cues of « money » (the schema requires the same, with the `currency` list). */
export const MONEY_CUE_NAMES = ['month', 'year', 'quarter', 'week', 'noBudget', 'capacity'] as const;

/** « money », compiled once. */
export interface MoneyCues {
  currency: ReadonlySet<string>;
  month: RegExp;
  year: RegExp;
  quarter: RegExp;
  week: RegExp;
  noBudget: RegExp;
  /** Words before the amount one can afford (« je pourrais monter à », « jusqu'à »), over one already spent. */
  capacity: RegExp;
}

/** Compiles « money » once (each expression is checked by the caller, src/nlu/answer-words.ts). */
export function compileMoneyCues(data: MoneyData): MoneyCues {
  return {
    currency: new Set(data.currency),
    month: new RegExp(data.month),
    year: new RegExp(data.year),
    quarter: new RegExp(data.quarter),
    week: new RegExp(data.week),
    noBudget: new RegExp(data.noBudget),
    capacity: new RegExp(data.capacity),
  };
}

function periodOf(f: string, cue: MoneyCues): Money['period'] {
  const m = cue.month.test(f);
  const y = cue.year.test(f);
  if (m && !y) return 'month';
  if (y && !m) return 'year';
  return undefined;
}

function isCurrency(currency: ReadonlySet<string>, l: Lexeme | undefined, then?: Lexeme): boolean {
  if (l && l.t === 'w' && l.w === 'd' && then) return isCurrency(currency, then);
  return !!l && l.t === 'w' && currency.has(l.w);
}

/** An amount of money; plain figures are accepted with a lower confidence. */
export function extractMoney(text: string, cue: MoneyCues): Extraction<Money> {
  const isCurrencyAt = (l: Lexeme | undefined, then?: Lexeme) => isCurrency(cue.currency, l, then);
  const f = fold(text).replace(/\/ ?(mois|an)\b/g, ' par $1');
  const lx = lex(f);
  const hits = findQuantities(lx).filter((h) => !h.article || isCurrencyAt(lx[h.end], lx[h.end + 1]));
  // « pas un euro »: an article is no amount where the words say there is no money at all.
  if (hits.every((h) => h.article) && cue.noBudget.test(f.trim()))
    return found({ kind: 'exact', value: 0, min: 0, max: 0, currency: 'EUR' }, 0.85);
  if (hits.length === 0) return notUnderstood;
  // Prefer an amount followed by a currency (or scaled: « 2k »).
  const withCurrency = hits.filter(
    (h) => isCurrencyAt(lx[h.end], lx[h.end + 1]) || lx.slice(h.start, h.end).some((l) => isCurrencyAt(l)) || isCurrencyAt(lx[h.start - 1]),
  );
  const scaled = hits.filter((h) => lx.slice(h.start, h.end).some((l) => l.t === 'num' && l.scaled));
  const pool = withCurrency.length > 0 ? withCurrency : scaled.length > 0 ? scaled : hits;
  // « on paie déjà 30 €/mois, je pourrais monter à 100 € par mois »: the amount one could afford, over one spent.
  const spell = (from: number, to = lx.length) =>
    lx
      .slice(Math.max(0, from), to)
      .map((l) => (l.t === 'w' ? l.w : String(l.value)))
      .join(' ')
      .replace(/' /g, "'");
  const h = (pool.length > 1 ? pool.find((x) => cue.capacity.test(spell(x.start - 5, x.start))) : undefined) ?? pool[0];
  // The period said with the amount chosen (the whole text's when it is the first).
  const period = periodOf(h === pool[0] ? f : spell(h.start), cue);
  const money: Money = { ...h.q, currency: 'EUR' };
  if (period) money.period = period;
  else {
    // « 100 € par trimestre », « 20 € par semaine »: counted per year.
    const times = cue.quarter.test(f) ? 4 : cue.week.test(f) ? 52 : 1;
    if (times > 1) {
      money.value *= times;
      if (money.min !== undefined) money.min *= times;
      if (money.max !== undefined) money.max *= times;
      money.period = 'year';
    }
  }
  const sure = withCurrency.length > 0 || scaled.length > 0;
  const confidence = (sure ? 0.95 : 0.8) - (pool.length > 1 ? 0.2 : 0);
  return found(money, confidence);
}
