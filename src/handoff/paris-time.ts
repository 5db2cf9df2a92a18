// Wall-clock time in Europe/Paris with Intl only (no library): local parts of an instant, and the
// instant of a local date and time, correct across the summer/winter time changes.

export const TIME_ZONE = 'Europe/Paris';

export interface LocalParts {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

export function localParts(at: Date): LocalParts {
  const p: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(at)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const weekday = new Date(Date.UTC(p.year!, p.month! - 1, p.day!)).getUTCDay();
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour! % 24, minute: p.minute!, weekday };
}

/** Offset of Paris from UTC at this instant, in ms (3 600 000 in winter, 7 200 000 in summer). */
function offsetAt(ms: number): number {
  const d = new Date(ms);
  const p = localParts(d);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, d.getUTCSeconds(), d.getUTCMilliseconds());
  return asUtc - ms;
}

/** The instant when Paris clocks show this local date and time (month 1–12). */
export function parisInstant(year: number, month: number, day: number, hour: number, minute: number): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first));
}

/** "YYYY-MM-DD" of a local date. */
export function isoDate(p: { year: number; month: number; day: number }): string {
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The local calendar date n days after (month 1–12), weekday included. */
export function addDays(
  p: { year: number; month: number; day: number },
  n: number,
): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + n));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

/** Easter Sunday (Gregorian, anonymous algorithm). */
export function easterSunday(year: number): { year: number; month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

const FIXED_HOLIDAYS = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'];

/** French public holidays of a year as "YYYY-MM-DD" (Easter Monday, Ascension, Whit Monday included). */
export function frenchPublicHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const movable = [1, 39, 50].map((n) => isoDate(addDays(easter, n)));
  return [...FIXED_HOLIDAYS.map((md) => `${year}-${md}`), ...movable];
}

const WEEKDAY_FR = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const MONTH_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** « mardi 25 novembre à 9 h 00 » (« 1er » for the first of the month), in Paris time. */
export function formatFrench(at: Date): string {
  const p = localParts(at);
  const day = p.day === 1 ? '1er' : String(p.day);
  return `${WEEKDAY_FR[p.weekday]} ${day} ${MONTH_FR[p.month - 1]} à ${p.hour} h ${String(p.minute).padStart(2, '0')}`;
}

/**
 * A wait estimate in honest words, no false precision: « moins de 5 minutes », « environ 15 minutes »,
 * « environ une heure », « plus d’une heure ».
 */
export function roughWait(ms: number): string {
  const minutes = ms / 60000;
  if (minutes < 5) return 'moins de 5 minutes';
  if (minutes < 52.5) return `environ ${Math.round(minutes / 5) * 5} minutes`;
  if (minutes < 75) return 'environ une heure';
  return 'plus d’une heure';
}
