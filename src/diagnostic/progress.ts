// Progress between two diagnostics of the same firm (T0 → T1), per axis and overall, as the EU Digital
// Maturity Assessment measures it. Pure: the scores of the earlier diagnostic (its baseline, stored with
// the later result) set beside the later scores. Axes missing on either side have no delta.
import { AXIS_IDS, type AxisId } from './types.js';

/** What is kept of the earlier diagnostic: its date and scores (0–100, null when not scored). */
export interface Baseline {
  /** ISO date-time of the earlier result. */
  date: string;
  overall: number | null;
  axes: Array<{ axis: AxisId; score: number | null }>;
}

export interface ScoreChange {
  before: number | null;
  after: number | null;
  /** after − before, or null when either is missing. */
  delta: number | null;
}

export interface AxisProgress extends ScoreChange {
  axis: AxisId;
}

export interface ScoreProgress {
  /** Date of the earlier diagnostic (ISO). */
  since: string;
  overall: ScoreChange;
  /** In the order of AXIS_IDS; only axes scored at least once. */
  axes: AxisProgress[];
  improved: number;
  declined: number;
}

interface Scored {
  date: string;
  overall: number | null;
  axes: ReadonlyArray<{ axis: AxisId; score: number | null }>;
}

const score = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : null);

function change(before: unknown, after: unknown): ScoreChange {
  const b = score(before);
  const a = score(after);
  return { before: b, after: a, delta: a === null || b === null ? null : a - b };
}

/** The baseline to keep from a result (its date and scores only). */
export function baselineOf(result: Scored): Baseline {
  return { date: result.date, overall: score(result.overall), axes: result.axes.map((a) => ({ axis: a.axis, score: score(a.score) })) };
}

/** T0 → T1 per axis and overall. */
export function compareResults(before: Baseline, after: Omit<Scored, 'date'>): ScoreProgress {
  const t0 = new Map(before.axes.map((a) => [a.axis, a.score]));
  const t1 = new Map(after.axes.map((a) => [a.axis, a.score]));
  const axes: AxisProgress[] = [];
  for (const axis of AXIS_IDS) {
    const c = change(t0.get(axis), t1.get(axis));
    if (c.before === null && c.after === null) continue;
    axes.push({ axis, ...c });
  }
  return {
    since: before.date,
    overall: change(before.overall, after.overall),
    axes,
    improved: axes.filter((a) => (a.delta ?? 0) > 0).length,
    declined: axes.filter((a) => (a.delta ?? 0) < 0).length,
  };
}

/** « +12 », « −5 » (minus sign), « = », or « – » when unknown. */
export function deltaText(delta: number | null): string {
  if (delta === null) return '–';
  if (delta === 0) return '=';
  return delta > 0 ? `+${delta}` : `−${-delta}`;
}

/** « 40 → 62 (+22) », « non évalué → 35 ». */
export function changeText(c: ScoreChange): string {
  const s = (v: number | null) => (v === null ? 'non évalué' : String(v));
  return `${s(c.before)} → ${s(c.after)}${c.delta === null ? '' : ` (${deltaText(c.delta)})`}`;
}
