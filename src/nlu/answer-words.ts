// The words of answers read by the extractors (src/nlu/extract/): French cues as regular expressions on folded
// text, owned by knowledge/nlu/reponses.fr.json and compiled once here, at start. Each extractor keeps only how
// its cues are used (order, what each one answers, how they combine).
import { MONEY_CUE_NAMES, compileMoneyCues, type MoneyCues, type MoneyData } from './extract/money.js';
import { SIZE_CUE_NAMES, compileSizeCues, type SizeCues, type SizeData } from './extract/size.js';
import { YES_NO_CUE_NAMES, compileYesNoCues, type YesNoCues, type YesNoData } from './extract/yesno.js';

/** knowledge/nlu/reponses.fr.json as read (see its `$comment`s). */
export interface AnswerWordData {
  yesNo: YesNoData;
  size: SizeData;
  money: MoneyData;
}

/** The compiled cues of every extractor. */
export interface AnswerWords {
  yesNo: YesNoCues;
  size: SizeCues;
  money: MoneyCues;
}

/** Every expression of `section` must be given and compile; the error names the file and the key. */
function check(section: string, names: readonly string[], data: object | undefined): void {
  for (const name of names) {
    const source = (data as Record<string, unknown> | undefined)?.[name];
    if (typeof source !== 'string' || !source) throw new Error(`[nlu] reponses.fr.json ${section}.${name}: missing`);
    try {
      new RegExp(source);
    } catch (err) {
      throw new Error(`[nlu] reponses.fr.json ${section}.${name}: ${(err as Error).message}`);
    }
  }
}

/** Compiles reponses.fr.json; a missing cue or an invalid expression fails with its name. */
export function compileAnswerWords(data: AnswerWordData): AnswerWords {
  check('yesNo', YES_NO_CUE_NAMES, data.yesNo);
  check('size', SIZE_CUE_NAMES, data.size);
  check('money', MONEY_CUE_NAMES, data.money);
  return {
    yesNo: composed('yesNo', () => compileYesNoCues(data.yesNo)),
    size: composed('size', () => compileSizeCues(data.size)),
    money: composed('money', () => compileMoneyCues(data.money)),
  };
}

/** The expressions a section makes of its cues; an error names the section. */
function composed<T>(section: string, compile: () => T): T {
  try {
    return compile();
  } catch (err) {
    throw new Error(`[nlu] reponses.fr.json ${section}: ${(err as Error).message}`);
  }
}
