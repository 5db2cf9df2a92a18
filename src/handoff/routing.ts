// Which CCI takes a request (by département, national fallback), and when it is open: office hours
// per weekday and closed days, in Europe/Paris time. Every function takes the current time.
import type { AdvisorsDirectory, Cci, Weekday } from './types.js';
import { WEEKDAYS } from './types.js';
import { addDays, formatFrench, frenchPublicHolidays, isoDate, localParts, parisInstant } from './paris-time.js';

/** A département code from user input: "33", "2A", "971", "06"; a postcode gives its département. */
export function normaliseDepartement(input: string): string | undefined {
  const s = input.trim().toUpperCase().replace(/\s+/g, '');
  if (/^(2A|2B)$/.test(s)) return s;
  if (/^97[1-68]$/.test(s)) return s;
  if (/^\d{5}$/.test(s)) {
    if (s.startsWith('97')) return s.slice(0, 3);
    if (s.startsWith('20')) return Number(s) < 20200 ? '2A' : '2B';
    return s.slice(0, 2);
  }
  if (/^\d{1,2}$/.test(s) && Number(s) >= 1 && Number(s) <= 95 && s !== '20') return s.padStart(2, '0');
  return undefined;
}

/** The CCI covering a département, else the national fallback. */
export function routeDepartement(directory: AdvisorsDirectory, departement: string | undefined): Cci {
  const code = departement ? normaliseDepartement(departement) : undefined;
  const found = code ? directory.ccis.find((c) => c.departements.includes(code)) : undefined;
  const fallback = directory.ccis.find((c) => c.id === directory.fallbackCci);
  if (found) return found;
  if (!fallback) throw new Error(`[handoff] fallback CCI "${directory.fallbackCci}" missing from the directory`);
  return fallback;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

export function isClosedDay(cci: Cci, date: { year: number; month: number; day: number }): boolean {
  const iso = isoDate(date);
  if (cci.closedDays.includes(iso) || cci.closedDays.includes(iso.slice(5))) return true;
  return (cci.publicHolidays ?? 'france') === 'france' && frenchPublicHolidays(date.year).includes(iso);
}

/** True when `now` falls inside the CCI's office hours (Paris time) on a day it is not closed. */
export function isOpen(cci: Cci, now: Date): boolean {
  return openUntil(cci, now) !== undefined;
}

/** When the CCI is open now, the end of the current office-hours interval (« 12 h 30 »); else undefined. */
export function openUntil(cci: Cci, now: Date): string | undefined {
  const p = localParts(now);
  if (isClosedDay(cci, p)) return undefined;
  const minutes = p.hour * 60 + p.minute;
  const day: Weekday = WEEKDAYS[p.weekday]!;
  const current = cci.hours[day].find(([start, end]) => minutes >= minutesOf(start) && minutes < minutesOf(end));
  return current ? frenchTime(current[1]) : undefined;
}

/** "09:00" → « 9 h 00 ». */
const frenchTime = (hhmm: string) => {
  const [h, m] = hhmm.split(':');
  return `${Number(h)} h ${m}`;
};

export interface Slot {
  at: Date;
  /** « mardi 25 novembre à 9 h 00 » */
  label: string;
}

/**
 * The next opening of office hours strictly after `now` (when it is open now, the start of its next
 * interval: the earliest time an advisor can call back without interrupting a shift in progress).
 * Undefined when the CCI has no office hours in the coming year.
 */
export function nextSlot(cci: Cci, now: Date): Slot | undefined {
  const today = localParts(now);
  for (let n = 0; n <= 366; n++) {
    const date = addDays(today, n);
    if (isClosedDay(cci, date)) continue;
    const intervals = [...cci.hours[WEEKDAYS[date.weekday]!]].sort((a, b) => minutesOf(a[0]) - minutesOf(b[0]));
    for (const [start] of intervals) {
      const m = minutesOf(start);
      const at = parisInstant(date.year, date.month, date.day, Math.floor(m / 60), m % 60);
      if (at.getTime() > now.getTime()) return { at, label: formatFrench(at) };
    }
  }
  return undefined;
}

/** The name and contact of the CCI a département is routed to (printed in the PDF report). */
export function cciContact(
  directory: AdvisorsDirectory,
  departement: string | undefined,
): { name: string; phone?: string; email?: string } {
  const cci = routeDepartement(directory, departement);
  return { name: cci.name, phone: cci.contact.phone, email: cci.contact.email };
}
