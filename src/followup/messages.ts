// Dates and sentences of the follow-up diagnostic that both the chat and the reminder e-mail use.
import { localParts } from '../handoff/paris-time.js';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** « 5 juillet 2026 », « 1er mars 2027 » (Paris date of an ISO instant). */
export function formatDay(iso: string): string {
  const p = localParts(new Date(iso));
  return `${p.day === 1 ? '1er' : p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}

/** The offer shown when the person comes back after the due date. */
export const RETURN_OFFER = 'Il y a 6 mois, vous avez fait votre diagnostic. On refait le point ?';
