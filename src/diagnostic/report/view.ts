// What the card, the text version, the chart and the PDF show, read once from a DiagnosticResult:
// French labels, formatted date, deduplicated sources. Every renderer works from this view, so a change
// in the result's shape is absorbed here only.
import type { ComparisonLine } from '../compare.js';
import { aidView, type AidView } from './aids-view.js';
import type { Priority } from '../plan.js';
import type { Effort } from '../plan-rules.js';
import { profileLabel, regionName } from './labels.js';
import type { DiagnosticResult, RedFlag } from '../result.js';
import { compareResults, type AxisProgress, type Baseline, type ScoreChange } from '../progress.js';
import type { ScoringModel } from '../scoring.js';
import { AXIS_IDS, type AxisId, type Profile } from '../types.js';

export type { DiagnosticResult };

/** Short axis names for the chart and the bars (the questionnaire's labels are longer). */
export const SHORT_AXIS_LABELS: Record<AxisId, string> = {
  strategie: 'Stratégie',
  presence: 'Présence',
  vente: 'Vente',
  gestion: 'Gestion',
  cyber: 'Cyber',
  competences: 'Compétences',
  ia: 'IA',
};

const EFFORT_LABELS: Record<Effort, string> = { faible: 'faible', moyen: 'moyen', eleve: 'élevé' };
const SIZE_LABELS: Record<string, string> = {
  '0': 'sans salarié',
  '1-4': '1 à 4 salariés',
  '5-9': '5 à 9 salariés',
  '10-49': '10 à 49 salariés',
  '50-249': '50 à 249 salariés',
  '250+': '250 salariés ou plus',
};
const CLIENTELE_LABELS: Record<string, string> = {
  b2b: 'clients professionnels',
  b2c: 'clients particuliers',
  mixte: 'clients particuliers et professionnels',
};

export interface AxisView {
  axis: AxisId;
  label: string;
  short: string;
  score: number | null;
}
export interface PriorityView extends Priority {
  effortLabel: string;
}
export interface SourceView {
  label: string;
  url: string;
  checked?: string;
}
export interface ReportView {
  date: Date;
  /** « 22 novembre 2026 » */
  dateLabel: string;
  /** « 2026-11-22 », for file names. */
  isoDay: string;
  version: string;
  profileLine: string;
  overall: number | null;
  levelLabel: string;
  levelDescription: string;
  badgeReached: boolean;
  badgeLine: string;
  axes: AxisView[];
  comparisons: ComparisonLine[];
  priorities: PriorityView[];
  redFlags: RedFlag[];
  /** « Vos aides »: the région's schemes, then the national ones (empty when none is known). */
  aids: AidView[];
  /** The firm's région, « Nouvelle-Aquitaine », or null when unknown. */
  regionName: string | null;
  /** Why an advisor is offered (empty when not offered). */
  advisorReasons: string[];
  advisorSuggested: boolean;
  /** An urgent flag (e.g. an ongoing attack): ask for a human at once. */
  advisorUrgent: boolean;
  sources: SourceView[];
  /** T0 → T1: progress since the same person's previous diagnostic, or null for a first one. */
  progress: ProgressView | null;
}

export interface ProgressView {
  /** « 5 janvier 2026 », the date of the previous diagnostic. */
  sinceLabel: string;
  overall: ScoreChange;
  axes: Array<AxisProgress & { label: string; short: string }>;
  improved: number;
  declined: number;
}

export const DISCLAIMER = "Ce score est indicatif : il ne constitue pas une décision et ne remplace pas l'avis d'un conseiller.";

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** « 22 novembre 2026 » (UTC, so that the same result always prints the same date). */
export function frenchDate(d: Date): string {
  return `${d.getUTCDate() === 1 ? '1er' : d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** « 22 novembre 2026 » from « 2026-11-22 » (the text itself when it is not such a date). */
export function frenchIsoDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? frenchDate(new Date(`${iso}T12:00:00Z`)) : iso;
}

/** Labels of the profile answers (sector, status…) from the content; ids when unknown. */
function profileOptionLabel(id: string): string {
  const [field, value] = id.split(':');
  return profileLabel(field, value) ?? value;
}

export function profileLineOf(profile: Profile): string {
  const parts: string[] = [];
  if (profile.sizeBand) parts.push(`Entreprise ${SIZE_LABELS[profile.sizeBand] ?? profile.sizeBand}`);
  if (profile.sector) parts.push(`secteur : ${profileOptionLabel(`sector:${profile.sector}`).toLowerCase()}`);
  if (profile.clientele) parts.push(CLIENTELE_LABELS[profile.clientele] ?? profile.clientele);
  if (profile.region) parts.push(regionName(profile.region) ?? `région ${profile.region}`);
  return parts.length ? parts.join(' · ') : 'Profil non renseigné';
}

/** Reads a result into the view every renderer uses. `extraSources`: e.g. the sources of the levels and badge. */
export function toReportView(result: DiagnosticResult, extraSources: readonly SourceView[] = []): ReportView {
  const date = new Date(result.date);
  if (Number.isNaN(date.getTime())) throw new Error(`[report] invalid result date: ${result.date}`);
  const byAxis = new Map(result.axes.map((a) => [a.axis, a]));
  const badge = result.badge;
  const sources = new Map<string, SourceView>();
  const addSource = (s: SourceView) => {
    if (!sources.has(s.url)) sources.set(s.url, s);
  };
  for (const c of result.comparisons)
    addSource({ label: `${c.source.label} (${c.source.year})`, url: c.source.url, checked: c.source.checked });
  const planAids = result.plan.aids ?? [];
  for (const a of [...planAids, ...result.plan.priorities.flatMap((p) => p.aids)])
    addSource({ label: a.name, url: a.url, checked: a.checked });
  extraSources.forEach(addSource);
  const advisorReasons = result.advisorSuggested?.reasons ?? [];
  return {
    date,
    dateLabel: frenchDate(date),
    isoDay: date.toISOString().slice(0, 10),
    version: result.questionnaireVersion,
    profileLine: profileLineOf(result.profile),
    overall: result.overall,
    levelLabel: result.level?.label ?? 'Non évalué',
    levelDescription: result.level?.description ?? 'Trop peu de réponses pour calculer un score.',
    badgeReached: badge.reached,
    badgeLine: `${badge.label} ${badge.reached ? 'atteint' : 'pas encore atteint'} : ${badge.count} ${badge.count > 1 ? 'usages' : 'usage'} de base sur ${badge.basics.length}${badge.reached ? '' : ` (il en faut ${badge.threshold})`}`,
    axes: AXIS_IDS.map((axis) => ({
      axis,
      label: byAxis.get(axis)?.label ?? SHORT_AXIS_LABELS[axis],
      short: SHORT_AXIS_LABELS[axis],
      score: byAxis.get(axis)?.score ?? null,
    })),
    comparisons: result.comparisons,
    priorities: result.plan.priorities.slice(0, 3).map((p) => ({ ...p, effortLabel: EFFORT_LABELS[p.effort] ?? p.effort })),
    redFlags: result.redFlags,
    aids: planAids.map((a) => aidView(a, result.profile.region)),
    regionName: result.profile.region ? (regionName(result.profile.region) ?? null) : null,
    advisorReasons,
    advisorSuggested: advisorReasons.length > 0,
    advisorUrgent: result.advisorSuggested?.urgent === true,
    sources: [...sources.values()],
    progress: result.baseline ? progressView(result, result.baseline) : null,
  };
}

function progressView(result: DiagnosticResult, baseline: Baseline): ProgressView {
  const p = compareResults(baseline, result);
  const labels = new Map(result.axes.map((a) => [a.axis, a.label]));
  return {
    sinceLabel: frenchDate(new Date(p.since)),
    overall: p.overall,
    axes: p.axes.map((a) => ({ ...a, label: labels.get(a.axis) ?? SHORT_AXIS_LABELS[a.axis], short: SHORT_AXIS_LABELS[a.axis] })),
    improved: p.improved,
    declined: p.declined,
  };
}

/** « 62/100 » or « non évalué ». */
export function scoreText(score: number | null): string {
  return score === null ? 'non évalué' : `${score}/100`;
}

/** Sources of the scoring model that a result does not carry: the levels' scale and the badge. */
export function scoringSources(scoring: ScoringModel): SourceView[] {
  const out: SourceView[] = [];
  const l = scoring.levelsSource;
  if (l)
    out.push({ label: `Paliers des niveaux : évaluation européenne de maturité numérique (${l.year})`, url: l.url, checked: l.checked });
  const s = scoring.socle.source;
  out.push({ label: `${scoring.socle.label} : indicateur européen d'intensité numérique (${s.year})`, url: s.url, checked: s.checked });
  return out;
}
