// The dashboard's period: two calendar days in Europe/Paris, both included (« du 1er au 30 novembre »),
// read from the query (?du=YYYY-MM-DD&au=YYYY-MM-DD), by default the last 30 days up to today.
import { addDays, isoDate, localParts, parisInstant } from '../handoff/paris-time.js';

export interface Period {
  /** First and last day, "YYYY-MM-DD" (Paris), both included. */
  from: string;
  to: string;
  /** [start, end) as ISO instants: from 00:00 Paris to the day after `to` at 00:00 Paris. */
  startIso: string;
  endIso: string;
}

export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 366;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDay(text: string): { year: number; month: number; day: number } | undefined {
  const m = DAY.exec(text);
  if (!m) return undefined;
  const p = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day));
  if (d.getUTCFullYear() !== p.year || d.getUTCMonth() + 1 !== p.month || d.getUTCDate() !== p.day) return undefined;
  return p;
}

export function periodOf(from: string, to: string): Period {
  const a = parseDay(from)!;
  const b = addDays(parseDay(to)!, 1);
  return {
    from,
    to,
    startIso: parisInstant(a.year, a.month, a.day, 0, 0).toISOString(),
    endIso: parisInstant(b.year, b.month, b.day, 0, 0).toISOString(),
  };
}

/** The last `days` days up to `now`'s day (Paris), both included. */
export function defaultPeriod(now: Date, days = DEFAULT_DAYS): Period {
  const today = localParts(now);
  return periodOf(isoDate(addDays(today, -(days - 1))), isoDate(today));
}

/** The period asked for (missing bounds default to the last 30 days), or a French problem. */
export function parsePeriod(query: { du?: unknown; au?: unknown }, now: Date): Period | { problem: string } {
  const fallback = defaultPeriod(now);
  const du = typeof query.du === 'string' && query.du.trim() ? query.du.trim() : undefined;
  const au = typeof query.au === 'string' && query.au.trim() ? query.au.trim() : undefined;
  if ((query.du !== undefined && typeof query.du !== 'string') || (query.au !== undefined && typeof query.au !== 'string')) {
    return { problem: 'Période invalide : indiquez une seule date de début et une seule date de fin.' };
  }
  if (du && !parseDay(du)) return { problem: `Date de début invalide (« ${du.slice(0, 20)} ») : attendu une date comme 2026-11-01.` };
  if (au && !parseDay(au)) return { problem: `Date de fin invalide (« ${au.slice(0, 20)} ») : attendu une date comme 2026-11-30.` };
  const to = au ?? fallback.to;
  const from = du ?? (au ? isoDate(addDays(parseDay(au)!, -(DEFAULT_DAYS - 1))) : fallback.from);
  if (from > to) return { problem: 'La date de début est après la date de fin : inversez-les.' };
  const span = (Date.UTC(...ymd(to)) - Date.UTC(...ymd(from))) / 86_400_000 + 1;
  if (span > MAX_DAYS) return { problem: `Période trop longue (${span} jours) : ${MAX_DAYS} jours au plus.` };
  return periodOf(from, to);
}

function ymd(day: string): [number, number, number] {
  const p = parseDay(day)!;
  return [p.year, p.month - 1, p.day];
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** « 1er novembre 2026 », « 30 novembre 2026 ». */
export function frenchDay(day: string): string {
  const p = parseDay(day);
  if (!p) return day;
  return `${p.day === 1 ? '1er' : p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}

/** « du 1er novembre 2026 au 30 novembre 2026 », or « le 3 novembre 2026 » for one day. */
export function frenchPeriod(period: Pick<Period, 'from' | 'to'>): string {
  return period.from === period.to ? `le ${frenchDay(period.from)}` : `du ${frenchDay(period.from)} au ${frenchDay(period.to)}`;
}

/** True when an ISO instant falls in the period. */
export function within(period: Period, iso: string | undefined): boolean {
  return iso !== undefined && iso >= period.startIso && iso < period.endIso;
}

/** True when a "YYYY-MM-DD" day falls in the period (days of the knowledge feedback). */
export function dayWithin(period: Period, day: string | undefined): boolean {
  return day !== undefined && day >= period.from && day <= period.to;
}
