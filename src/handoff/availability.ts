// Live or callback, decided when a request is shown and when it is made: live only when the CCI is open
// now AND one of its advisors is « disponible » (see presence.ts); otherwise a callback at once, with
// why (so that the words are true: nobody free, asked for, or closed) and when.
import { formatFrench } from './paris-time.js';
import { nextSlot, openUntil, type Slot } from './routing.js';
import type { Cci } from './types.js';

/** ferme: outside office hours · personne: open, nobody free for live · demande: the user asked for a callback. */
export type CallbackWhy = 'ferme' | 'personne' | 'demande';

export type HandoffPlan =
  | { live: true; available: number }
  | {
      live: false;
      why: CallbackWhy;
      /** From when an advisor may call: now when open, else the next opening (absent: no hours at all). */
      from?: Slot;
      /** Open now: the end of the current office hours, « 12 h 30 ». */
      openUntil?: string;
      /** The next opening after the current one (or after now when closed). */
      next?: Slot;
    };

export function planHandoff(cci: Cci, mode: 'live' | 'callback', now: Date, available: number): HandoffPlan {
  const until = openUntil(cci, now);
  const next = nextSlot(cci, now);
  if (until === undefined) return { live: false, why: 'ferme', ...(next ? { from: next, next } : {}) };
  if (mode === 'live' && available > 0) return { live: true, available };
  return {
    live: false,
    why: mode === 'live' ? 'personne' : 'demande',
    from: { at: now, label: formatFrench(now) },
    openUntil: until,
    ...(next ? { next } : {}),
  };
}
