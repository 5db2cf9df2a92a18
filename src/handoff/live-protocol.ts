// The live-handoff protocol in one place: what a person's message means while they have a live request
// (waiting in the queue or talking with an advisor), and once it has ended. The relay (src/bot/relay.ts)
// acts on `readWhileLive` at the start of each turn; the handoff dialog's last step acts on `readAfterLive`
// when the relay lets a message through. Pure functions: no I/O, no botbuilder.
import { fold as nluFold, type Phrases } from '../nlu/index.js';
import type { HandoffRequest } from './types.js';

/** A short reply folded for comparison (accents, case, apostrophes, end punctuation). */
const fold = (text: string) =>
  nluFold(text)
    .trim()
    .replace(/'/g, ' ')
    .replace(/[.!?\s]+$/g, '')
    .replace(/\s+/g, ' ');

/** « où en est ma demande ? », « suivi de ma demande », « statut de ma demande VIR-7K3Q9 »… (answered at any time). */
export function isStatusQuestion(text: string): boolean {
  const t = fold(text);
  return (
    /^(ou en est|ou en sont|quel est le statut de|statut de|suivi de|le suivi de|ou en suis-je avec) (ma|mes|la) (demande|demandes|mise en relation|rappel)\b/.test(
      t,
    ) ||
    t === 'ma demande' ||
    t === 'suivi'
  );
}

/** ⭐1…⭐5, « 4 », « 4/5 », « 4 étoiles »: the rating, or undefined. */
export function parseRating(text: string): number | undefined {
  const t = fold(text).replace(/⭐/g, ' ').trim();
  const m = /^([1-5])(?:\s*\/\s*5|\s*etoiles?)?$/.exec(t);
  return m ? Number(m[1]) : undefined;
}

/**
 * While live: `typing` is relayed; `pass` reaches the bot (privacy commands and the erase confirmation
 * buttons); `end` ends the exchange, then reaches the bot (the dialog asks for a rating or says the request
 * is cancelled); `textOnly` (a card or a file) is refused with a line; everything else is `relay`ed.
 */
export type WhileLive = 'typing' | 'pass' | 'end' | 'textOnly' | 'relay';

export function readWhileLive(activity: { type?: string; text?: string }, phrases: Phrases, passLabels: readonly string[]): WhileLive {
  if (activity.type === 'typing') return 'typing';
  const text = (activity.text ?? '').trim();
  const command = text ? phrases.command(text) : undefined;
  if (command === 'mes_donnees' || command === 'supprimer_donnees' || passLabels.includes(text)) return 'pass';
  if (phrases.isEnd(text)) return 'end';
  return text ? 'relay' : 'textOnly';
}

/** After live, what the handoff dialog does with the message the relay let through. */
export type AfterLive =
  | { kind: 'stillLive' }
  | { kind: 'rate'; rating: number }
  | { kind: 'askRating' }
  | { kind: 'cancelled'; reference: string }
  | { kind: 'back' };

export function readAfterLive(request: HandoffRequest | undefined, text: string, phrases: Phrases): AfterLive {
  if (request && request.kind === 'live' && (request.status === 'en_attente' || request.status === 'en_cours'))
    return { kind: 'stillLive' };
  if (request?.status === 'clos' && request.advisor && request.rating === undefined) {
    const rating = parseRating(text);
    if (rating) return { kind: 'rate', rating };
    if (phrases.isEnd(text)) return { kind: 'askRating' };
  } else if (request?.status === 'clos' && phrases.isEnd(text)) {
    return { kind: 'cancelled', reference: request.reference };
  }
  return { kind: 'back' };
}
