// Amounts of money in French free text: « 2000 € », « 2 000 euros », « 2k€ », « 1,5 k »,
// « deux mille euros », « 500 balles », ranges and bounds, and the period when said
// (« par mois », « /an », « annuel »).
import { fold } from '../analyze.js';
import { found, notUnderstood, type Extraction, type Money } from '../types.js';
import { lex, type Lexeme } from './lexer.js';
import { findQuantities } from './numbers.js';

const CURRENCY = new Set(['€', 'euro', 'euros', 'eur', 'eu', 'e', 'balles', 'boules', 'ht', 'ttc', 'k€', 'keur']);
const MONTH = /\b(?:par|chaque|le|\/) ?mois\b|\bmensuel(?:le)?(?:ment)?s?\b|\bmois\b/;
const YEAR = /\b(?:par|chaque|l'|\/) ?(?:an|annee)\b|\bannuel(?:le)?(?:ment)?s?\b|\bsur l'annee\b|\bpar exercice\b|\ban\b/;
const NO_BUDGET =
  /\b(?:pas|aucun|zero|rien|0)\b.{0,20}\b(?:budget|euros?|€|sous|rond)\b|\bpas de budget\b|\brien du tout\b|\b(?:le )?moins (?:possible|cher possible)\b|\ble (?:strict )?minimum\b|\b(?:presque|quasi|quasiment) rien\b|\bpas grand[- ]chose\b|\btrois fois rien\b|^(?:rien|zero|aucun|0|nada)$/;

function periodOf(f: string): Money['period'] {
  const m = MONTH.test(f);
  const y = YEAR.test(f);
  if (m && !y) return 'month';
  if (y && !m) return 'year';
  return undefined;
}

function isCurrency(l: Lexeme | undefined, then?: Lexeme): boolean {
  if (l && l.t === 'w' && l.w === 'd' && then) return isCurrency(then);
  return !!l && l.t === 'w' && CURRENCY.has(l.w);
}

/** An amount of money; plain figures are accepted with a lower confidence. */
export function extractMoney(text: string): Extraction<Money> {
  const f = fold(text).replace(/\/ ?(mois|an)\b/g, ' par $1');
  const lx = lex(f);
  const hits = findQuantities(lx).filter((h) => !h.article || isCurrency(lx[h.end], lx[h.end + 1]));
  if (hits.length === 0) {
    if (NO_BUDGET.test(f.trim())) return found({ kind: 'exact', value: 0, min: 0, max: 0, currency: 'EUR' }, 0.85);
    return notUnderstood;
  }
  // Prefer an amount followed by a currency (or scaled: « 2k »).
  const withCurrency = hits.filter(
    (h) => isCurrency(lx[h.end], lx[h.end + 1]) || lx.slice(h.start, h.end).some((l) => isCurrency(l)) || isCurrency(lx[h.start - 1]),
  );
  const scaled = hits.filter((h) => lx.slice(h.start, h.end).some((l) => l.t === 'num' && l.scaled));
  const pool = withCurrency.length > 0 ? withCurrency : scaled.length > 0 ? scaled : hits;
  const h = pool[0];
  const period = periodOf(f);
  const money: Money = { ...h.q, currency: 'EUR' };
  if (period) money.period = period;
  const sure = withCurrency.length > 0 || scaled.length > 0;
  const confidence = (sure ? 0.95 : 0.8) - (pool.length > 1 ? 0.2 : 0);
  return found(money, confidence);
}
