// The figures of the dashboard, exact (pure functions over what the stores hold). They never leave the
// server as they are: view.ts suppresses small cells before anything is shown or exported.
// Which CCI a diagnostic belongs to: the CCI of the firm's département (routeDepartement, as for a
// handoff request), the national fallback when the département is unknown. Knowledge questions and
// votes are not tied to a CCI (the guides are shared): they are counted for all CCIs together.
import type { DiagnosticResult } from '../diagnostic/result.js';
import type { DiagnosticRun, StoredResult, SubjectDiagnostics } from '../diagnostic/records.js';
import { profileFromAnswers } from '../diagnostic/profile.js';
import type { Profile, Questionnaire } from '../diagnostic/types.js';
import { normaliseDepartement, routeDepartement } from '../handoff/routing.js';
import type { AdvisorsDirectory, HandoffRequest } from '../handoff/types.js';
import type { CurationEntry, FeedbackRecord } from '../knowledge/feedback.js';
import { dayWithin, within, type Period } from './period.js';

export interface DashboardSources {
  runs: SubjectDiagnostics[];
  results: StoredResult<DiagnosticResult>[];
  handoffs: HandoffRequest[];
  curation: CurationEntry[];
  votes: FeedbackRecord[];
}

export interface DashboardContext {
  questionnaire: Questionnaire;
  directory: AdvisorsDirectory;
  cciId: string;
  period: Period;
  now: Date;
  sectorLabel?: (id: string) => string | undefined;
  departementLabel?: (code: string) => string | undefined;
}

/** A labelled count. */
export interface Tally {
  id: string;
  label: string;
  count: number;
}

/** Score bands of the axis distribution: [min, max] included. */
export const SCORE_BANDS: readonly [number, number][] = [
  [0, 24],
  [25, 49],
  [50, 74],
  [75, 100],
];

export interface AxisFigures {
  axis: string;
  label: string;
  /** Finished diagnostics per score band (SCORE_BANDS). */
  bands: number[];
  /** Scores counted (the axis had a score) and their sum, for the mean. */
  n: number;
  sum: number;
}

export interface GroupFigures {
  id: string;
  label: string;
  finished: number;
  /** Overall scores counted and their sum, for the mean. */
  scored: number;
  sum: number;
}

export interface RawDashboard {
  diagnostics: { started: number; finished: number };
  /** Unfinished diagnostics started in the period and idle for IDLE_MS: the question they stopped at. */
  stops: Tally[];
  axes: AxisFigures[];
  bySector: GroupFigures[];
  byDepartement: GroupFigures[];
  redFlags: Tally[];
  priorities: Tally[];
  handoffs: { live: number; callback: number; takeLiveMs: number[]; takeCallbackMs: number[] };
  /** Ratings 1 to 5 of the exchanges (index 0 = 1 star). */
  ratings: number[];
  knowledge: {
    questions: { text: string; kind: CurationEntry['kind']; count: number; people: number | undefined }[];
    up: number;
    down: number;
  };
}

/** An unfinished diagnostic counts as stopped once nobody answered for an hour. */
export const IDLE_MS = 60 * 60_000;
export const NOT_GIVEN = 'non-precise';

const FIXED_FLAGS: Record<string, string> = {
  'score-faible': 'Score global faible (moins de 26/100)',
  'question-aides': 'Question sur les aides',
};

function flagLabels(q: Questionnaire): Map<string, string> {
  const out = new Map(Object.entries(FIXED_FLAGS));
  for (const question of q.questions) {
    for (const rule of question.redFlags ?? []) out.set(rule.id, rule.reason.split(' : ')[0]!.trim());
  }
  return out;
}

function tally(counts: Map<string, { label: string; count: number }>): Tally[] {
  return [...counts]
    .map(([id, v]) => ({ id, label: v.label, count: v.count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'fr'));
}

function bump(map: Map<string, { label: string; count: number }>, id: string, label: string): void {
  const cur = map.get(id);
  if (cur) cur.count++;
  else map.set(id, { label, count: 1 });
}

export function computeDashboard(src: DashboardSources, ctx: DashboardContext): RawDashboard {
  const { questionnaire: q, period } = ctx;
  const cciOf = (profile: Profile) => routeDepartement(ctx.directory, profile.departement).id;
  const ours = (profile: Profile) => cciOf(profile) === ctx.cciId;
  const resultsById = new Map(src.results.map((r) => [r.id, r]));
  const profileOfRun = (run: DiagnosticRun) =>
    (run.resultId && resultsById.get(run.resultId)?.result.profile) || profileFromAnswers(q, run.answers);

  // Started and stopped: the runs kept per person (in progress, and the last completed ones).
  let started = 0;
  const stops = new Map<string, { label: string; count: number }>();
  const idleBefore = new Date(ctx.now.getTime() - IDLE_MS).toISOString();
  for (const rec of src.runs) {
    for (const run of [...rec.completed, ...(rec.current ? [rec.current] : [])]) {
      if (!within(period, run.startedAt) || !ours(profileOfRun(run))) continue;
      started++;
      if (!run.completedAt && run.updatedAt <= idleBefore) {
        const id = run.currentQuestion ?? '';
        const question = q.questions.find((x) => x.id === id);
        bump(stops, id || 'inconnue', question ? (question.short ?? question.id) : 'Question non enregistrée');
      }
    }
  }

  // Finished: the results stored in the period.
  const finished = src.results.filter((r) => within(period, r.createdAt) && ours(r.result.profile)).map((r) => r.result);
  const axes: AxisFigures[] = q.axes.map((a) => ({ axis: a.id, label: a.label, bands: SCORE_BANDS.map(() => 0), n: 0, sum: 0 }));
  const sectors = new Map<string, GroupFigures>();
  const deps = new Map<string, GroupFigures>();
  const flags = new Map<string, { label: string; count: number }>();
  const priorities = new Map<string, { label: string; count: number }>();
  const labels = flagLabels(q);
  const group = (map: Map<string, GroupFigures>, id: string, label: string, overall: number | null) => {
    let g = map.get(id);
    if (!g) map.set(id, (g = { id, label, finished: 0, scored: 0, sum: 0 }));
    g.finished++;
    if (overall !== null) {
      g.scored++;
      g.sum += overall;
    }
  };
  for (const r of finished) {
    for (const s of r.axes) {
      const a = axes.find((x) => x.axis === s.axis);
      if (!a || s.score === null) continue;
      a.n++;
      a.sum += s.score;
      const band = SCORE_BANDS.findIndex(([lo, hi]) => s.score! >= lo && s.score! <= hi);
      if (band >= 0) a.bands[band]!++;
    }
    const sector = r.profile.sector;
    group(sectors, sector ?? NOT_GIVEN, sector ? (ctx.sectorLabel?.(sector) ?? sector) : 'Non précisé', r.overall);
    const dep = r.profile.departement ? normaliseDepartement(r.profile.departement) : undefined;
    const depName = dep ? ctx.departementLabel?.(dep) : undefined;
    group(deps, dep ?? NOT_GIVEN, dep ? (depName ? `${dep} — ${depName}` : dep) : 'Non précisé', r.overall);
    for (const id of new Set(r.redFlags.map((f) => f.id))) bump(flags, id, labels.get(id) ?? id);
    for (const p of new Map(r.plan.priorities.map((x) => [x.id, x.title]))) bump(priorities, p[0], p[1]);
  }
  const byLabel = (a: GroupFigures, b: GroupFigures) => b.finished - a.finished || a.label.localeCompare(b.label, 'fr');

  // Handoffs of the CCI created in the period.
  const handoffs = src.handoffs.filter((r) => r.cciId === ctx.cciId && within(period, r.createdAt));
  const takeMs = (kind: 'live' | 'callback') =>
    handoffs
      .filter((r) => r.kind === kind && r.takenAt)
      .map((r) => Date.parse(r.takenAt!) - Date.parse(r.createdAt))
      .sort((a, b) => a - b);
  const ratings = [0, 0, 0, 0, 0];
  for (const r of handoffs) if (r.rating !== undefined && r.rating >= 1 && r.rating <= 5) ratings[r.rating - 1]!++;

  // Knowledge: questions seen in the period (count since first seen), votes of the period; all CCIs.
  const questions = src.curation
    .filter((e) => e.lastDay >= period.from && e.firstDay <= period.to)
    .map((e) => ({ text: e.query, kind: e.kind, count: e.count, people: e.subjects?.length }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, 'fr'));
  const votes = src.votes.filter((v) => dayWithin(period, v.day));

  return {
    diagnostics: { started, finished: finished.length },
    stops: tally(stops),
    axes,
    bySector: [...sectors.values()].sort(byLabel),
    byDepartement: [...deps.values()].sort(byLabel),
    redFlags: tally(flags),
    priorities: tally(priorities),
    handoffs: {
      live: handoffs.filter((r) => r.kind === 'live').length,
      callback: handoffs.filter((r) => r.kind === 'callback').length,
      takeLiveMs: takeMs('live'),
      takeCallbackMs: takeMs('callback'),
    },
    ratings,
    knowledge: { questions, up: votes.filter((v) => v.vote === 'up').length, down: votes.filter((v) => v.vote === 'down').length },
  };
}

/** Nearest-rank percentile of sorted values (p in 0–100). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
