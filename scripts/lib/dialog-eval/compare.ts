// Does what was stored mean what the person said? Exact for labels (set equality for multi), within the
// item's `range` for numbers, percentages and amounts, and per year for money (a monthly budget is ×12, as
// the profile counts it; « once » counts as this year's budget).
import type { Answer } from '../../../src/diagnostic/types.js';

/** An acceptable outcome: an Answer, or « nothing stored and the bot moved on » (for « passer »). */
export type Outcome = Answer | { unanswered: true };

export interface Expectation {
  expect: Outcome;
  acceptable?: Outcome[];
  /** For number/percent/money: any stored value within [min, max] (money: per year) is meant. */
  range?: [number, number];
}

const perYear = (a: { amount: number; period: string }) => (a.period === 'month' ? a.amount * 12 : a.amount);

function same(stored: Answer, want: Answer, range?: [number, number]): boolean {
  if (stored.type !== want.type) return false;
  const inRange = (v: number) => range !== undefined && v >= range[0] && v <= range[1];
  switch (want.type) {
    case 'multi': {
      const a = [...new Set((stored as typeof want).values)].sort();
      const b = [...new Set(want.values)].sort();
      return a.length === b.length && a.every((x, i) => x === b[i]);
    }
    case 'number':
    case 'percent': {
      const v = (stored as typeof want).value;
      return v === want.value || inRange(v);
    }
    case 'money': {
      const s = stored as typeof want;
      const wantYear = perYear(want);
      const gotYear = perYear(s);
      if (range) return inRange(gotYear) || inRange(s.amount);
      return gotYear === wantYear;
    }
    case 'location': {
      const s = stored as typeof want;
      return s.region === want.region && (s.departement ?? null) === (want.departement ?? null);
    }
    case 'dontknow':
    case 'notconcerned':
      return true;
    default:
      return (stored as { value: unknown }).value === (want as { value: unknown }).value;
  }
}

/**
 * Whether the stored answer (undefined: nothing stored) is one the person meant. `movedOn`: the bot went on to
 * another question or to the result (needed for « unanswered »: nothing stored but not stuck either).
 */
export function meant(stored: Answer | undefined, exp: Expectation, movedOn: boolean): boolean {
  for (const want of [exp.expect, ...(exp.acceptable ?? [])]) {
    if ('unanswered' in want) {
      if (stored === undefined && movedOn) return true;
    } else if (stored !== undefined && same(stored, want, exp.range)) return true;
  }
  return false;
}

/** Short French-free rendering of an answer for reports: « yesno:partly », « multi:agenda+stockage ». */
export function show(a: Outcome | undefined): string {
  if (a === undefined) return '(nothing)';
  if ('unanswered' in a) return '(skipped, nothing stored)';
  switch (a.type) {
    case 'multi':
      return `multi:${a.values.join('+')}`;
    case 'money':
      return `money:${a.amount}/${a.period}`;
    case 'location':
      return `location:${a.departement ?? '-'}/${a.region}`;
    case 'dontknow':
    case 'notconcerned':
      return a.type;
    default:
      return `${a.type}:${String(a.value)}`;
  }
}
