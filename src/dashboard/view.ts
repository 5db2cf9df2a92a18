// What the dashboard shows and exports: the exact figures (aggregate.ts) with small cells suppressed.
// A count under 5 becomes « < 5 »; a mean, a share or a percentile computed from fewer than 5 cases is
// masked (null); groups appear in order of size, the small ones after, in alphabetical order (so their
// order says nothing of their size). A knowledge question's text is shown only when it was asked at
// least 5 times and, when the people who asked are known, by at least 5 of them.
import { percentile, SCORE_BANDS, type GroupFigures, type RawDashboard, type Tally } from './aggregate.js';
import { frenchPeriod, type Period } from './period.js';

export const SMALL_CELL = 5;
export const SUPPRESSED = '< 5';
/** What a derived figure (mean, share, delay) computed on too few cases shows instead. */
export const MASKED = 'masqué';
export type Count = number | typeof SUPPRESSED;

export const shown = (n: number): Count => (n < SMALL_CELL ? SUPPRESSED : n);
export const isSmall = (n: number) => n < SMALL_CELL;

export interface Row {
  id: string;
  label: string;
  count: Count;
}

export interface GroupRow {
  id: string;
  label: string;
  finished: Count;
  /** Mean overall score (0–100), null when fewer than 5 scores. */
  meanOverall: number | null;
}

export interface TakeTime {
  taken: Count;
  p50Minutes: number | null;
  p90Minutes: number | null;
}

export interface DashboardView {
  cci: { id: string; name: string };
  period: { from: string; to: string; label: string };
  smallCellThreshold: number;
  diagnostics: { started: Count; finished: Count; completionRate: number | null };
  stops: Row[];
  scoreBands: string[];
  axes: { axis: string; label: string; bands: Count[]; scored: Count; mean: number | null }[];
  bySector: GroupRow[];
  byDepartement: GroupRow[];
  redFlags: Row[];
  priorities: Row[];
  handoffs: { live: Count; callback: Count; liveShare: number | null; take: { live: TakeTime; callback: TakeTime } };
  ratings: { counts: Count[]; rated: Count; mean: number | null };
  knowledge: {
    questions: { text: string; kind: 'sans réponse' | 'réponse peu sûre'; count: number }[];
    otherQuestions: { questions: Count; asked: Count };
    votes: { up: Count; down: Count; upShare: number | null };
  };
}

export const TOP = 10;

const round1 = (x: number) => Math.round(x * 10) / 10;
/** A percentage, masked when its part, its whole or the rest (whole − part, which it would reveal) is small. */
const share = (part: number, whole: number) =>
  isSmall(part) || isSmall(whole) || isSmall(whole - part) ? null : Math.round((100 * part) / whole);
const mean = (sum: number, n: number) => (isSmall(n) ? null : Math.round(sum / n));

/** Big rows by size, then small rows by label; at most `limit`. */
function rows(tallies: Tally[], limit = TOP): Row[] {
  const big = tallies.filter((t) => !isSmall(t.count)).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'fr'));
  const small = tallies.filter((t) => isSmall(t.count)).sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  return [...big, ...small].slice(0, limit).map((t) => ({ id: t.id, label: t.label, count: shown(t.count) }));
}

function groups(list: GroupFigures[]): GroupRow[] {
  const big = list.filter((g) => !isSmall(g.finished)).sort((a, b) => b.finished - a.finished || a.label.localeCompare(b.label, 'fr'));
  const small = list.filter((g) => isSmall(g.finished)).sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  return [...big, ...small].map((g) => ({ id: g.id, label: g.label, finished: shown(g.finished), meanOverall: mean(g.sum, g.scored) }));
}

function take(sortedMs: number[]): TakeTime {
  const small = isSmall(sortedMs.length);
  return {
    taken: shown(sortedMs.length),
    p50Minutes: small ? null : round1(percentile(sortedMs, 50) / 60_000),
    p90Minutes: small ? null : round1(percentile(sortedMs, 90) / 60_000),
  };
}

export function bandLabel([lo, hi]: readonly [number, number]): string {
  return `${lo} à ${hi}`;
}

export function toView(raw: RawDashboard, cci: { id: string; name: string }, period: Period): DashboardView {
  const d = raw.diagnostics;
  const h = raw.handoffs;
  const rated = raw.ratings.reduce((a, b) => a + b, 0);
  const ratingSum = raw.ratings.reduce((a, n, i) => a + n * (i + 1), 0);
  const k = raw.knowledge;
  const showable = (qq: RawDashboard['knowledge']['questions'][number]) => !isSmall(qq.count) && (!qq.people || !isSmall(qq.people));
  const visible = k.questions.filter(showable);
  const hidden = k.questions.filter((qq) => !showable(qq));
  const votes = k.up + k.down;
  return {
    cci,
    period: { from: period.from, to: period.to, label: frenchPeriod(period) },
    smallCellThreshold: SMALL_CELL,
    diagnostics: { started: shown(d.started), finished: shown(d.finished), completionRate: share(d.finished, d.started) },
    stops: rows(raw.stops),
    scoreBands: SCORE_BANDS.map(bandLabel),
    axes: raw.axes.map((a) => ({ axis: a.axis, label: a.label, bands: a.bands.map(shown), scored: shown(a.n), mean: mean(a.sum, a.n) })),
    bySector: groups(raw.bySector),
    byDepartement: groups(raw.byDepartement),
    redFlags: rows(raw.redFlags),
    priorities: rows(raw.priorities),
    handoffs: {
      live: shown(h.live),
      callback: shown(h.callback),
      liveShare: share(h.live, h.live + h.callback),
      take: { live: take(h.takeLiveMs), callback: take(h.takeCallbackMs) },
    },
    ratings: { counts: raw.ratings.map(shown), rated: shown(rated), mean: isSmall(rated) ? null : round1(ratingSum / rated) },
    knowledge: {
      questions: visible
        .slice(0, TOP)
        .map((qq) => ({ text: qq.text, kind: qq.kind === 'unanswered' ? 'sans réponse' : 'réponse peu sûre', count: qq.count })),
      otherQuestions: {
        questions: shown(hidden.length + Math.max(0, visible.length - TOP)),
        asked: shown([...hidden, ...visible.slice(TOP)].reduce((a, qq) => a + qq.count, 0)),
      },
      votes: { up: shown(k.up), down: shown(k.down), upShare: share(k.up, votes) },
    },
  };
}
