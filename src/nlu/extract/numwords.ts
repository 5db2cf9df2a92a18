// French number words → numbers, written for this project (natural has none, and botbuilder's
// recognizers read « deux mille cinq cents » as 2005). Works on folded words, hyphens already split:
// « vingt et un », « soixante et onze », « quatre vingt dix neuf », « deux mille cinq cents »,
// « un million deux cent mille », Belgian/Swiss « septante », « nonante ».

const UNITS: Record<string, number> = {
  zero: 0,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
};
const TEENS: Record<string, number> = { dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16 };
const TENS: Record<string, number> = {
  vingt: 20,
  vingts: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  septante: 70,
  huitante: 80,
  octante: 80,
  nonante: 90,
};
const SCALES: Record<string, number> = {
  mille: 1000,
  mil: 1000,
  million: 1e6,
  millions: 1e6,
  milliard: 1e9,
  milliards: 1e9,
};

/** One-word numbers from « un » to « vingt », for patterns that read « trois ans », « cinq salariés ». */
export const SMALL_NUMBER_WORDS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(Object.entries(UNITS).filter(([w]) => w !== 'zero')),
  ...TEENS,
  vingt: 20,
};

/** Whether the folded word can be part of a French number. */
export function isNumberWord(w: string): boolean {
  return w in UNITS || w in TEENS || w in TENS || w in SCALES || w === 'cent' || w === 'cents';
}

export interface WordNumber {
  value: number;
  /** Index after the last word used. */
  next: number;
  /** Only « un » / « une » was read: often an article, not a count. */
  articleOnly: boolean;
}

type Cat = 'none' | 'unit' | 'teen' | 'ten' | 'hundred' | 'scale';

/**
 * Read the longest French number starting at `words[i]`, or null. Stops where the words stop
 * forming one number, so « deux trois » reads 2 (then 3), not 5.
 */
export function parseNumberWords(words: readonly string[], i: number): WordNumber | null {
  let total = 0;
  let group = 0;
  let last: Cat = 'none';
  let lastScale = 0;
  let j = i;
  let used = 0;
  while (j < words.length) {
    const w = words[j];
    const nextW = words[j + 1];
    if (w === 'et' && used > 0) {
      if ((nextW === 'un' || nextW === 'une' || nextW === 'onze') && last === 'ten') {
        j++;
        continue;
      }
      if (nextW === 'demi' || nextW === 'demie') {
        if (last === 'scale') total += lastScale / 2;
        else group += 0.5;
        j += 2;
        used++;
        break;
      }
      break;
    }
    const tens = group % 100;
    if (w in UNITS) {
      const u = UNITS[w];
      const afterTen = last === 'ten' && tens % 10 === 0 && tens !== 0;
      const afterDix = last === 'teen' && (tens === 10 || tens === 70 || tens === 90) && u >= 7;
      if (!(last === 'none' || last === 'hundred' || last === 'scale' || afterTen || afterDix)) break;
      if (u === 0 && last !== 'none') break;
      group += u;
      last = 'unit';
    } else if (w in TEENS) {
      const afterSixtyOrEighty = last === 'ten' && (tens === 60 || tens === 80);
      if (!(last === 'none' || last === 'hundred' || last === 'scale' || afterSixtyOrEighty)) break;
      group += TEENS[w];
      last = 'teen';
    } else if (w in TENS) {
      const t = TENS[w];
      if (t === 20 && last === 'unit' && tens === 4) {
        group += 76; // quatre-vingt(s) = 80
      } else if (last === 'none' || last === 'hundred' || last === 'scale') {
        group += t;
      } else break;
      last = 'ten';
    } else if (w === 'cent' || w === 'cents') {
      // « deux cents »; « quinze cents », « dix-neuf cents »: hundreds counted from 11 to 19 (1 500, 1 900).
      const units = (last === 'unit' && group < 10 && group > 1) || ((last === 'teen' || last === 'unit') && group > 10 && group < 20);
      if (!(last === 'none' || last === 'scale' || units)) break;
      group = (group || 1) * 100;
      last = 'hundred';
    } else if (w in SCALES) {
      const s = SCALES[w];
      if (last === 'scale' && s >= lastScale) break;
      total += (group || 1) * s;
      group = 0;
      lastScale = s;
      last = 'scale';
    } else break;
    used++;
    j++;
  }
  if (used === 0) return null;
  const articleOnly = used === 1 && (words[i] === 'un' || words[i] === 'une');
  return { value: total + group, next: j, articleOnly };
}

const ORDINALS: Record<string, number> = {
  premier: 1,
  premiere: 1,
  prem: 1,
  second: 2,
  seconde: 2,
  deuxieme: 2,
  troisieme: 3,
  quatrieme: 4,
  cinquieme: 5,
  sixieme: 6,
  septieme: 7,
  huitieme: 8,
  neuvieme: 9,
  dixieme: 10,
  dernier: -1,
  derniere: -1,
};

/** Ordinal of a folded word (« deuxième », « 2e », « 2ème », « 1er »), -1 for « dernier », else null. */
export function ordinalOf(w: string): number | null {
  if (w in ORDINALS) return ORDINALS[w];
  const m = /^(\d{1,2})(?:er|ere|re|e|eme|ieme|em|nd|nde)$/.exec(w);
  return m ? Number(m[1]) : null;
}
