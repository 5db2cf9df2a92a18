// Quantities in French free text: digits and number words, approximations (« une quinzaine »,
// « environ 10 »), ranges (« entre 10 et 20 », « 10-20 »), bounds (« moins de 5 », « plus de 50 »),
// and percentages (« 5 % », « cinq pour cent », « la moitié », « presque rien »).
import { fold } from '../analyze.js';
import { found, notUnderstood, type Extraction, type Quantity } from '../types.js';
import { lex, type Lexeme } from './lexer.js';

export interface QuantityHit {
  q: Quantity;
  /** Lexeme span [start, end). */
  start: number;
  end: number;
  /** Only an article « un »/« une » was read. */
  article: boolean;
  /** Said as the total of what precedes (« donc six en tout »). */
  total?: boolean;
}

const APPROX_NOUNS: Record<string, number> = {
  dizaine: 10,
  douzaine: 12,
  quinzaine: 15,
  vingtaine: 20,
  trentaine: 30,
  quarantaine: 40,
  cinquantaine: 50,
  soixantaine: 60,
  centaine: 100,
  millier: 1000,
};
const UNITS = new Set(['€', 'euro', 'euros', 'eur', 'balles', 'k€', '%', 'salaries', 'personnes', 'employes', 'ht', 'ttc']);
const ZERO_WORDS = new Set(['aucun', 'aucune', 'rien', 'zero', 'nada', 'personne', 'nul', 'nulle']);

// « plus de », « pas loin de »: « de » then starts a quantity, not a year.
const BOUND_DE = new Set(['plus', 'moins', 'loin', 'pres', 'autour', 'dela', 'dessous']);
// The words before a year (« en 2019 », « depuis 2012 », « fin 2023 »).
const YEAR_BEFORE = new Set(
  (
    'en depuis de des dès annee an fin debut mi avant apres jusqu janvier fevrier ' +
    'mars avril mai juin juillet aout septembre octobre novembre decembre printemps ete automne hiver rentree'
  ).split(' '),
);
// « donc six en tout », « soit 12 au total »: the total said after the parts.
const TOTAL_BEFORE: Seq[] = [['donc'], ['soit'], ['au', 'total'], ['en', 'tout'], ['total'], ['en', 'moyenne'], ['moyenne']];
const TOTAL_AFTER: Seq[] = [
  ['en', 'tout'],
  ['au', 'total'],
];

type Seq = string[];
const BELOW_BEFORE: Seq[] = [
  ['moins', 'de'],
  ['moins', 'd'],
  ['pas', 'plus', 'de'],
  ['au', 'plus'],
  ['max'],
  ['maximum'],
  ['maxi'],
  ['jusqu', 'a'],
  ['<'],
  ['sous', 'les'],
  ['en', 'dessous', 'de'],
  ['inferieur', 'a'],
  ['moins', 'que'],
  ['pas', 'encore'],
  ['meme', 'pas'],
  ['a', 'peine'],
];
const ABOVE_BEFORE: Seq[] = [
  ['plus', 'de'],
  ['plus', 'd'],
  ['au', 'moins'],
  ['minimum'],
  ['mini'],
  ['>'],
  ['au', 'dela', 'de'],
  ['superieur', 'a'],
  ['+', 'de'],
  ['bien', 'plus', 'de'],
  ['largement', 'plus', 'de'],
  ['plus', 'que'],
];
const APPROX_BEFORE: Seq[] = [
  ['environ'],
  ['a', 'peu', 'pres'],
  ['dans', 'les'],
  ['autour', 'de'],
  ['autour', 'des'],
  ['pres', 'de'],
  ['presque'],
  ['quasi'],
  ['quasiment'],
  ['~'],
  ['≈'],
  ['genre'],
  ['approximativement'],
  ['grosso', 'modo'],
  ['a', 'la', 'louche'],
  ['facilement'],
  ['peut-etre'],
  ['vers'],
  ['dans', 'le'],
  ['disons'],
  ['env'],
];
const APPROX_AFTER: Seq[] = [
  ['environ'],
  ['a', 'peu', 'pres'],
  ['par', 'la'],
  ['grosso', 'modo'],
  ['a', 'la', 'louche'],
  ['env'],
  ['je', 'pense'],
  ['je', 'crois'],
  ['ou', 'pas', 'loin'],
];
const ABOVE_AFTER: Seq[] = [['et', 'plus'], ['ou', 'plus'], ['+'], ['minimum'], ['au', 'moins'], ['mini'], ['passes']];
const BELOW_AFTER: Seq[] = [['max'], ['maximum'], ['maxi'], ['au', 'plus'], ['tout', 'au', 'plus'], ['grand', 'max']];
const RANGE_JOIN: Seq[] = [['a'], ['-'], ['ou'], ['et'], ['voire']];

function word(lx: readonly Lexeme[], i: number): string | undefined {
  const l = lx[i];
  return l && l.t === 'w' ? l.w : undefined;
}

/** Length of the sequence ending right before `i` (0 if none matches). */
function endsBefore(lx: readonly Lexeme[], i: number, seqs: Seq[]): number {
  for (const s of seqs) {
    if (s.every((w, k) => word(lx, i - s.length + k) === w)) return s.length;
  }
  return 0;
}

/** Length of the sequence starting at `i` (0 if none matches). */
function startsAt(lx: readonly Lexeme[], i: number, seqs: Seq[]): number {
  for (const s of seqs) {
    if (s.every((w, k) => word(lx, i + k) === w)) return s.length;
  }
  return 0;
}

function scaleOf(v: number): number {
  if (v >= 1e6 && v % 1e6 === 0) return 1e6;
  if (v >= 1000 && v % 1000 === 0) return 1000;
  return 1;
}

function approx(value: number): Quantity {
  const d = Math.max(1, Math.round(value * 0.2));
  return { kind: 'approx', value, min: Math.max(0, value - d), max: value + d };
}

/** Every quantity in the lexemes, left to right. */
export function findQuantities(lx: readonly Lexeme[]): QuantityHit[] {
  const hits: QuantityHit[] = [];
  for (let i = 0; i < lx.length; i++) {
    const l = lx[i];
    if (l.t === 'w') {
      const w = l.w;
      const plural = w.endsWith('s') ? w.slice(0, -1) : w;
      if (plural in APPROX_NOUNS) {
        // « une dizaine », « deux centaines », « quelques milliers »
        const prev = lx[i - 1];
        const base = APPROX_NOUNS[plural];
        let start = i;
        let mult = 1;
        if (prev && prev.t === 'num') {
          mult = prev.value;
          start = i - 1;
        } else if (word(lx, i - 1) === 'quelques' || word(lx, i - 1) === 'plusieurs') {
          mult = 3;
          start = i - 1;
        } else if (w !== plural) {
          // « des milliers », « des centaines »: several of them, not one.
          mult = 3;
        }
        hits.push({ q: approx(base * mult), start, end: i + 1, article: false });
        continue;
      }
      if (ZERO_WORDS.has(w)) {
        const prev = lx[i - 1];
        if (w === 'personne' && (prev?.t === 'num' || word(lx, i - 1) === 'la' || word(lx, i - 1) === 'seule')) continue;
        hits.push({ q: { kind: 'exact', value: 0, min: 0, max: 0 }, start: i, end: i + 1, article: false });
        continue;
      }
      if ((w === 'quelques' || w === 'plusieurs') && !(word(lx, i + 1) ?? '').match(/^(dizaine|centaine|millier)s?$/)) {
        hits.push({ q: { kind: 'approx', value: 3, min: 2, max: 5 }, start: i, end: i + 1, article: false });
      }
      continue;
    }
    // « en 2019 », « depuis 2012 »: a year, not a quantity (« plus de 2000 », « pas loin de 2000 » are quantities).
    const year = l.value >= 1900 && l.value <= 2099 && YEAR_BEFORE.has(word(lx, i - 1) ?? '') && !BOUND_DE.has(word(lx, i - 2) ?? '');
    if (l.digits && Number.isInteger(l.value) && year) continue;
    // « 20aine » (chat form of « vingtaine »).
    if (word(lx, i + 1) === 'aine' || word(lx, i + 1) === 'aines') {
      hits.push({ q: approx(l.value), start: i, end: i + 2, article: false });
      i++;
      continue;
    }
    // « deux centaines »: the approximation noun that follows reads the number.
    if (
      /^(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaine|millier)s?$/.test(
        word(lx, i + 1) ?? '',
      )
    )
      continue;
    // A number: look for a range, bound or approximation around it (a unit may sit in between).
    const unit = UNITS.has(word(lx, i + 1) ?? '') ? 1 : 0;
    let start = i;
    let end = i + 1;
    let q: Quantity = { kind: 'exact', value: l.value, min: l.value, max: l.value };
    const join = startsAt(lx, i + 1 + unit, RANGE_JOIN);
    const second = join ? lx[i + 1 + unit + join] : undefined;
    const entre = word(lx, i - 1) === 'entre' || word(lx, i - 1) === 'de';
    // « deux trois salariés », « 3 4 personnes »: two consecutive figures said as a range.
    const next = lx[i + 1];
    if (next && next.t === 'num' && next.value === l.value + 1 && l.value < 100) {
      hits.push({ q: { kind: 'range', value: l.value + 0.5, min: l.value, max: next.value }, start: i, end: i + 2, article: false });
      i++;
      continue;
    }
    if (second && second.t === 'num' && (join !== 1 || word(lx, i + 1) !== 'et' || entre)) {
      let a = l.value;
      const b = second.value;
      if (second.scaled && !l.scaled && a > 0 && a * 1000 <= b * 10) a *= scaleOf(b);
      if (b > a) {
        q = { kind: 'range', value: (a + b) / 2, min: a, max: b };
        end = i + 2 + unit + join;
        if (entre) start = i - 1;
      }
    }
    if (q.kind === 'exact') {
      let n: number;
      if ((n = endsBefore(lx, i, BELOW_BEFORE))) {
        q = { kind: 'below', value: l.value, min: 0, max: l.value };
        start = i - n;
      } else if ((n = endsBefore(lx, i, ABOVE_BEFORE))) {
        q = { kind: 'above', value: l.value, min: l.value };
        start = i - n;
      } else if ((n = startsAt(lx, i + 1 + unit, ABOVE_AFTER))) {
        q = { kind: 'above', value: l.value, min: l.value };
        end = i + 1 + unit + n;
      } else if ((n = startsAt(lx, i + 1 + unit, BELOW_AFTER))) {
        q = { kind: 'below', value: l.value, min: 0, max: l.value };
        end = i + 1 + unit + n;
      } else if ((n = endsBefore(lx, i, APPROX_BEFORE))) {
        q = approx(l.value);
        start = i - n;
      } else if ((n = startsAt(lx, i + 1 + unit, APPROX_AFTER))) {
        q = approx(l.value);
        end = i + 1 + unit + n;
      }
    }
    const total = endsBefore(lx, start, TOTAL_BEFORE) > 0 || startsAt(lx, end, TOTAL_AFTER) > 0;
    hits.push({ q, start, end, article: l.article && q.kind === 'exact', ...(total ? { total } : {}) });
    i = end - 1;
  }
  return hits;
}

/** Pick the quantity the user most likely meant; lower confidence when several compete. */
export function pickQuantity(hits: QuantityHit[]): Extraction<Quantity> {
  if (hits.length === 0) return notUnderstood;
  const real = hits.filter((h) => !h.article);
  if (real.length === 0) return found(hits[0].q, 0.7);
  const total = real.find((h) => h.total);
  if (total && real.length > 1) return found(total.q, 0.9);
  const distinct = new Set(real.map((h) => `${h.q.kind}:${h.q.value}`));
  return found(real[0].q, distinct.size === 1 ? 0.95 : 0.7);
}

/** A count (« une quinzaine avec les saisonniers », « entre 10 et 20 », « aucun »). */
export function extractNumber(text: string): Extraction<Quantity> {
  return pickQuantity(findQuantities(lex(fold(text))));
}

const FRACTIONS: [RegExp, Quantity][] = [
  [/\bplus de la moitie\b|\bla (?:grosse )?majorite\b|\bl'essentiel\b|\bla plupart\b/, { kind: 'above', value: 50, min: 50 }],
  [/\bmoins de la moitie\b|\bminorite\b/, { kind: 'below', value: 50, min: 0, max: 50 }],
  [/\b(?:la|une) moitie\b|\bmoitie\b|\b50 ?50\b/, { kind: 'approx', value: 50, min: 45, max: 55 }],
  [/\bun petit tiers\b/, { kind: 'approx', value: 30, min: 27, max: 33 }],
  [/\b(?:un|1) (?:bon |gros )?tiers\b/, { kind: 'approx', value: 33, min: 30, max: 36 }],
  [/\b(?:deux|2) tiers\b/, { kind: 'approx', value: 67, min: 63, max: 70 }],
  [/\b(?:un|1) quart\b/, { kind: 'approx', value: 25, min: 22, max: 28 }],
  [/\b(?:trois|3) quarts?\b/, { kind: 'approx', value: 75, min: 72, max: 78 }],
  [/\b(?:un|1) cinquieme\b/, { kind: 'approx', value: 20, min: 18, max: 22 }],
  [/\b(?:un|1) dixieme\b/, { kind: 'approx', value: 10, min: 9, max: 11 }],
  [
    /\b(?:presque|quasi|quasiment|pratiquement) (?:rien|nul|zero|pas)\b|\bpas grand[- ]chose\b|\btres peu\b|\bune goutte d'eau\b|\bmarginal\b|\bnegligeable\b|\bque dalle\b|\bdes clopinettes\b|\btrois fois rien\b|\bdes miettes\b/,
    { kind: 'below', value: 1, min: 0, max: 1 },
  ],
  [/\b(?:rien|aucun|aucune|zero|nada|pas du tout|on ne vend pas|pas de vente)\b/, { kind: 'exact', value: 0, min: 0, max: 0 }],
  [/\b(?:tout|toute|totalite|100 ?%|integralite|tout le ca|tout en ligne)\b/, { kind: 'exact', value: 100, min: 100, max: 100 }],
  [/\bun peu\b|\bpeu\b/, { kind: 'below', value: 10, min: 0, max: 10 }],
];

const SPECIFIC_FRACTIONS = FRACTIONS.length - 3; // the last three (nothing, all, a little) are fallbacks

const EXCEPT = new Set(['part', 'sauf', 'hormis', 'excepte']);

/** A share in percent (0–100): « 5 % », « cinq pour cent », « la moitié », « presque rien ». */
export function extractPercent(text: string): Extraction<Quantity> {
  const f = fold(text).replace(/\bpour ?cents?\b|\bpourcents?\b|\bpct\b|\bp\.? ?cent\b/g, ' % ');
  const lx = lex(f);
  // « la totalité, à part deux trois habitués »: beside all of it, a count of exceptions is not the share (« rien à
  // part 2 % » is 2 %).
  const all = /\b(?:tout|toute|totalite|integralite)\b/.test(f);
  const hits = findQuantities(lx).filter((h) => !h.article && !(all && EXCEPT.has(word(lx, h.start - 1) ?? '')));
  const withSign = hits.filter((h) => word(lx, h.end) === '%' || lx.slice(h.start, h.end).some((l) => l.t === 'w' && l.w === '%'));
  const pool = withSign.length > 0 ? withSign : hits.filter((h) => (h.q.max ?? h.q.value) <= 100 && h.q.value > 0);
  if (withSign.length > 0) return found(withSign[0].q, 0.95);
  // Fractions said in words (« trois quarts ») before plain figures, which they contain.
  for (const [re, q] of FRACTIONS.slice(0, SPECIFIC_FRACTIONS)) if (re.test(f)) return found(q, 0.85);
  // « l'été 40, l'hiver 10, alors en moyenne 25 »: the total or average said after the parts.
  if (pool.length > 0) return found((pool.length > 1 && pool.find((h) => h.total)?.q) || pool[0].q, 0.8);
  // « on n'en fait pas, tout se passe en magasin »: a denied message never says « all of it ».
  const denied = /\b(?:ne|n'|pas|jamais)\b/.test(f);
  for (const [re, q] of FRACTIONS.slice(SPECIFIC_FRACTIONS)) if (re.test(f) && !(denied && q.value === 100)) return found(q, 0.85);
  if (hits.length > 0 && hits[0].q.value === 0) return found(hits[0].q, 0.9);
  return notUnderstood;
}
