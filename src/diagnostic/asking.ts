// Whether a message at a diagnostic question asks something back, and what kind of asking it is: a question
// (« c'est quoi la facture électronique ? »), a question about the diagnostic question itself (« vous parlez du
// site ou de la fiche ? », « ça compte si… ? »: whatever follows explains, it does not answer), a request to
// skip said as a question (« on peut passer celle-là ? … »), or a request to wait (« deux minutes »). Pure.
import type { Phrases, ReadingCues } from '../nlu/index.js';
import { fold } from '../nlu/index.js';

/**
 * A clause the person ends with « ? » (« c'est payant ? », « le cloud c'est sûr au moins ? ») asks something:
 * nobody answers a diagnostic question with a question mark, except a lone word said unsurely (« oui ? »).
 */
export function asksBack(asked: string): boolean {
  return (
    /\?\s*$/.test(asked) &&
    fold(asked)
      .replace(/[?!.,]/g, ' ')
      .trim()
      .split(/\s+/).length >= 2
  );
}

/** « c'est quoi la facture électronique ? non » → [the question, what follows it]. */
export function splitQuestion(text: string, cues: ReadingCues): [string | undefined, string | undefined] {
  const i = text.lastIndexOf('?');
  if (i < 0) {
    const f = fold(text).trim();
    return (cues.interrogative.test(f) && f.split(' ').length >= 3) || cues.asks.test(f) ? [text, undefined] : [undefined, undefined];
  }
  const after = text
    .slice(i + 1)
    .replace(/^[\s,.;:!-]+/, '')
    .trim();
  return [text.slice(0, i + 1), after || undefined];
}

/**
 * What follows a question may answer the diagnostic question (« c'est quoi le cloud ? on a Google Drive »),
 * unless the question asks what the diagnostic question means, covers or requires: then the person waits for
 * that answer, and what follows explains the case (« ça compte si c'est ma fille qui poste ? elle le fait le
 * soir »); only a plain « oui » or « non » said first answers anyway.
 */
export function answersAfter(asked: string, after: string, phrases: Phrases): boolean {
  if (!asksScope(asked, phrases.cues)) return true;
  const first = (after.split(/[,;.!?]/)[0] ?? '').trim();
  return phrases.yesNo(first) !== undefined || phrases.yesNo(first.split(/\s+/)[0] ?? '') !== undefined;
}

/** A question about the diagnostic question's meaning or scope (« vous comptez ça comme… ? »). */
export function asksScope(clause: string, cues: ReadingCues): boolean {
  return cues.scope.test(fold(clause));
}

/** The sentences of a message, without their final punctuation. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+/)
    .map((s) => s.trim())
    .filter((s) => /\w/.test(s));
}

/** « On saute celle-ci ? Pas la tête à ça. »: a request to skip said first, its reason after. */
export function skipsFirst(text: string, phrases: Phrases): boolean {
  // « passe, j'ai pas les chiffres sous la main »: a skip first, then why, in the next sentence or clause.
  const sentences = sentencesOf(text);
  if (sentences.length > 1 && phrases.command(sentences[0]!) === 'passer') return true;
  const [first, ...rest] = text.split(/[,;:]/);
  if (rest.join('').trim() !== '' && phrases.command(first!) === 'passer') return true;
  // « laissez tomber cette question elle me parle pas »: the skip names the question itself, then why, unpunctuated.
  const words = first!.trim().split(/\s+/);
  for (let n = Math.min(words.length - 1, 6); n >= 2; n--) {
    const lead = words.slice(0, n).join(' ');
    if (QUESTION_ITSELF.test(fold(lead)) && phrases.command(lead) === 'passer') return true;
  }
  return false;
}

/** Words a skip uses to name the question itself (« cette question », « celle-là »). */
const QUESTION_ITSELF = /\b(?:question|celle-(?:ci|la)|celle (?:ci|la))$/;

/**
 * « pfff, encore une question… suivante », « pourquoi vous avez besoin de ça, passons »: a skip said last, after a
 * sigh or a reason. The lead, read apart, may still answer (« non, suivante »): the caller reads it first.
 * Returns the lead, or undefined when the message does not end with a skip.
 */
export function skipsLast(text: string, phrases: Phrases): string | undefined {
  const m = /^(.*\S)\s*(?:[,;:]|\.{2,}|…|[.!?](?=\s)|\p{Extended_Pictographic})\s*([^,;:.!?…\p{Extended_Pictographic}]+?)[\s.!]*$/su.exec(
    text,
  );
  if (!m || !/\w/.test(m[1]!)) return undefined;
  return phrases.command(m[2]!) === 'passer' ? m[1]! : undefined;
}

/** « une seconde, on m'appelle », « je reviens »: a clause that only asks to wait. */
export function holdsOn(text: string, cues: ReadingCues): boolean {
  return fold(text)
    .split(/[,;.!?…]+/)
    .some((c) => cues.holdOn.test(c.replace(/\s+/g, ' ').trim()));
}
