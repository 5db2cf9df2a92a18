// A share of a whole said as two amounts, for percent questions. Pure.
import { fold } from '../nlu/index.js';

// An amount in euros: « 12 000 € », « 12k », « 100 000 euros », « 8 500€ ».
const AMOUNT_EUROS = /(\d+(?:[ .\u202f\u00a0]\d{3})*(?:,\d+)?)\s*(k\s*€?|keur|€|euros?|eur)(?![a-z])/g;

/**
 * A share given as two amounts (« 12 000 € en ligne sur 100 000 € ») to a percent question: the smaller
 * over the larger, in percent. Undefined when the text gives a percentage or not exactly two amounts.
 */
export function shareOfTotal(text: string): number | undefined {
  const f = fold(text);
  if (/%|\bpour ?cent|\bpourcent/.test(f)) return undefined;
  const amounts = [...f.matchAll(AMOUNT_EUROS)].map((m) => {
    const n = Number(m[1].replace(/[ .\u202f\u00a0]/g, '').replace(',', '.'));
    return /^k/.test(m[2]) ? n * 1000 : n;
  });
  if (amounts.length !== 2) return undefined;
  const [part, whole] = [Math.min(...amounts), Math.max(...amounts)];
  return whole > 0 && part < whole ? Math.round((part / whole) * 100) : undefined;
}
