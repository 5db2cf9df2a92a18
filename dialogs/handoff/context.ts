// The context package handed to the advisor: the diagnostic summary and the firm's profile from the
// diagnostic in progress or the last completed one, and the transcript as Bot Framework activities for the handoff.initiate event.
import type { Activity } from 'botbuilder';
import type { DiagnosticResult } from '../../src/diagnostic/index.js';
import { profileLineOf } from '../../src/diagnostic/report/view.js';
import type { DiagnosticSummary, ProgressSummary, TranscriptLine } from '../../src/handoff/types.js';
import { compareResults, type Baseline } from '../../src/diagnostic/progress.js';

export function diagnosticSummary(result: DiagnosticResult): DiagnosticSummary {
  const scores: Record<string, number> = {};
  for (const a of result.axes) if (a.score !== null) scores[a.label] = a.score;
  return {
    scores,
    ...(result.overall !== null ? { globalScore: result.overall } : {}),
    ...(result.level
      ? {
          level: result.complete
            ? result.level.label
            : `${result.level.label} (diagnostic en cours : ${result.answered}/${result.total} réponses)`,
        }
      : {}),
    priorities: result.plan.priorities.map((p) => p.title),
    redFlags: result.redFlags.map((f) => (f.urgent ? `URGENT — ${f.reason}` : f.reason)),
    completedAt: result.date,
    ...(result.baseline ? { progress: progressSummary(result, result.baseline) } : {}),
  };
}

/** T0 → T1 for the advisor: the overall score, then each axis by its label. */
function progressSummary(result: DiagnosticResult, baseline: Baseline): ProgressSummary {
  const p = compareResults(baseline, result);
  const labels = new Map(result.axes.map((a) => [a.axis, a.label]));
  return {
    since: p.since,
    rows: [
      { label: 'Score global', before: p.overall.before, after: p.overall.after },
      ...p.axes.map((a) => ({ label: labels.get(a.axis) ?? a.axis, before: a.before, after: a.after })),
    ],
  };
}

/** The firm's profile as label → value, for the console. */
export function profileOf(result: DiagnosticResult): Record<string, string> {
  const p = result.profile;
  return {
    Profil: profileLineOf(p),
    ...(p.departement ? { Département: p.departement } : {}),
    ...(typeof p.budgetPerYear === 'number' ? { 'Budget numérique annuel': `${p.budgetPerYear} €` } : {}),
    ...(p.time ? { 'Temps disponible': p.time } : {}),
  };
}

/** Reasons the diagnostic gave for seeing an advisor, as a ready-made reason. */
export function diagnosticReason(result: DiagnosticResult | undefined): string | undefined {
  const reasons = result?.advisorSuggested?.reasons ?? [];
  if (!reasons.length) return undefined;
  return `Suite à mon diagnostic : ${reasons.join(' ; ')}`.slice(0, 900);
}

/** The transcript as activities (the Bot Framework `Transcript` attachment of handoff.initiate). */
export function transcriptActivities(lines: TranscriptLine[], userId: string): Partial<Activity>[] {
  return lines.map((l) => ({
    type: 'message',
    text: l.text,
    ...(l.at ? { timestamp: new Date(l.at) } : {}),
    from: l.from === 'user' ? { id: userId, name: 'user', role: 'user' } : { id: 'virage', name: 'Virage', role: 'bot' },
  }));
}
