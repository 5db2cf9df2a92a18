// A share of a whole said as two amounts, for percent questions. Pure.
import { fold } from '../nlu/index.js';

// An amount in euros: « 12 000 € », « 12k », « 100 000 euros », « 8 500€ ».
const AMOUNT_EUROS = /(\d+(?:[ .\u202f\u00a0]\d{3})*(?:,\d+)?)\s*(k\s*€?|keur|€|euros?|eur)(?![a-z])/g;
const NUMBER = String.raw`(\d+(?:[ .\u202f\u00a0]\d{3})*(?:,\d+)?)\s*(k\s*€?|keur|€|euros?|eur)?(?![a-z\d])`;
// « 3 000 € sur 60 000 », « 40 commandes sur 400 », « 2k sur un total de 50k »: a part « sur » a whole.
const PART_OVER_WHOLE = new RegExp(
  `${NUMBER}(?: [a-z']+){0,2} sur (?:(?:un|mon|notre|le) (?:total|ca|chiffre d'affaires|chiffre)(?: total)? (?:de |d')?)?${NUMBER}`,
);

// « sur 80 000 de CA, à peu près 8 000 en ligne »: the whole said first with « sur », the part after it.
const WHOLE_THEN_PART = new RegExp(
  `\\bsur (?:(?:un|mon|notre|le) (?:total|ca|chiffre d'affaires|chiffre)(?: total)? (?:de |d')?)?${NUMBER}` +
    `(?![ .\u202f\u00a0]?\\d)(?! ?(?:mois|ans?|annees?|semaines?|jours?|clients?|personnes?)\\b)(?:[ ,;]+[a-z'-]+){0,6}[ ,;]+${NUMBER}`,
);

const valueOf = (digits: string, unit: string | undefined) => {
  const n = Number(digits.replace(/[ .\u202f\u00a0]/g, '').replace(',', '.'));
  return unit && /^k/.test(unit) ? n * 1000 : n;
};

/**
 * A share given as two amounts (« 12 000 € en ligne sur 100 000 € », « 3 000 € sur 60 000 », « sur 60 000,
 * environ 3 000 ») to a percent
 * question: the smaller over the larger, in percent. Undefined when the text gives a percentage or not
 * exactly two amounts.
 */
export function shareOfTotal(text: string): number | undefined {
  const f = fold(text);
  if (/%|\bpour ?cent|\bpourcent/.test(f)) return undefined;
  const amounts = [...f.matchAll(AMOUNT_EUROS)].map((m) => valueOf(m[1], m[2]));
  if (amounts.length !== 2) {
    const m = amounts.length < 2 ? (PART_OVER_WHOLE.exec(f) ?? WHOLE_THEN_PART.exec(f)) : null;
    if (!m) return undefined;
    // « 3k sur 60 »: a « k » said once counts for both.
    const k = [m[2], m[4]].find((u) => u && /^k/.test(u));
    amounts.splice(0, amounts.length, valueOf(m[1], m[2] ?? k), valueOf(m[3], m[4] ?? k));
  }
  const [part, whole] = [Math.min(...amounts), Math.max(...amounts)];
  return whole > 0 && part < whole ? Math.round((part / whole) * 100) : undefined;
}
