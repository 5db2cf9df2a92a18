// What the card, the text version, the chart and the PDF show, read once from a DiagnosticResult:
// French labels, formatted date, deduplicated sources. Every renderer works from this view, so a change
// in the result's shape is absorbed here only.
import type { ComparisonLine } from '../compare.js';
import type { Effort } from '../plan-rules.js';
import type { ScoreSummary } from '../scoring.js';
import { AXIS_IDS, type AxisId, type Profile } from '../types.js';

// ---- Stand-in for src/diagnostic/result.ts (not written yet): the fields the report reads. ----
export interface ResultAid {
  id?: string;
  name: string;
  url: string;
  operator?: string;
}
export interface ResultPriority {
  id: string;
  axis: AxisId;
  title: string;
  why: string;
  effort: Effort;
  cost: { label: string };
  inHouse?: { label: string };
  guides: string[];
  aids: ResultAid[];
}
export interface ResultRedFlag {
  id: string;
  reason: string;
  urgent?: boolean;
}
export interface DiagnosticResult {
  questionnaireVersion: string;
  /** ISO date-time of completion. */
  completedAt: string;
  profile: Profile;
  /** Optional ready-made French profile line; built from `profile` otherwise. */
  profileLine?: string;
  score: ScoreSummary;
  comparisons: ComparisonLine[];
  priorities: ResultPriority[];
  redFlags: ResultRedFlag[];
  /** True when an advisor should be offered (a red flag, a low score, an aid question). */
  advisorSuggested: boolean;
  sources?: { label: string; url: string; checked?: string }[];
}
// ------------------------------------------------------------------------------------------------

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
const CLIENTELE_LABELS: Record<string, string> = { b2b: 'clients professionnels', b2c: 'clients particuliers', mixte: 'clients particuliers et professionnels' };

export interface AxisView {
  axis: AxisId;
  label: string;
  short: string;
  score: number | null;
}
export interface PriorityView extends ResultPriority {
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
  redFlags: ResultRedFlag[];
  advisorSuggested: boolean;
  sources: SourceView[];
}

export const DISCLAIMER = 'Ce score est indicatif : il ne constitue pas une décision et ne remplace pas l\'avis d\'un conseiller.';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** « 22 novembre 2026 » (UTC, so that the same result always prints the same date). */
export function frenchDate(d: Date): string {
  return `${d.getUTCDate() === 1 ? '1er' : d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export function profileLineOf(profile: Profile): string {
  const parts: string[] = [];
  if (profile.sizeBand) parts.push(`Entreprise ${SIZE_LABELS[profile.sizeBand] ?? profile.sizeBand}`);
  if (profile.sector) parts.push(`secteur : ${profile.sector}`);
  if (profile.clientele) parts.push(CLIENTELE_LABELS[profile.clientele] ?? profile.clientele);
  if (profile.region) parts.push(`région : ${profile.region}`);
  return parts.length ? parts.join(' · ') : 'Profil non renseigné';
}

/** Reads a result into the view every renderer uses. Throws on a result without a valid date. */
export function toReportView(result: DiagnosticResult): ReportView {
  const date = new Date(result.completedAt);
  if (Number.isNaN(date.getTime())) throw new Error(`[report] invalid completedAt: ${result.completedAt}`);
  const byAxis = new Map(result.score.axes.map((a) => [a.axis, a]));
  const badge = result.score.badge;
  const sources = new Map<string, SourceView>();
  const addSource = (s: SourceView) => {
    if (!sources.has(s.url)) sources.set(s.url, s);
  };
  for (const c of result.comparisons) addSource({ label: `${c.source.label} (${c.source.year})`, url: c.source.url, checked: c.source.checked });
  for (const s of result.sources ?? []) addSource(s);
  for (const p of result.priorities) for (const a of p.aids) addSource({ label: a.name, url: a.url });
  return {
    date,
    dateLabel: frenchDate(date),
    isoDay: date.toISOString().slice(0, 10),
    version: result.questionnaireVersion,
    profileLine: result.profileLine ?? profileLineOf(result.profile),
    overall: result.score.overall,
    levelLabel: result.score.level?.label ?? 'Non évalué',
    levelDescription: result.score.level?.description ?? 'Trop peu de réponses pour calculer un score.',
    badgeReached: badge.reached,
    badgeLine: `${badge.label} ${badge.reached ? 'atteint' : 'pas encore atteint'} : ${badge.count} ${badge.count > 1 ? 'usages' : 'usage'} de base sur ${badge.basics.length}${badge.reached ? '' : ` (il en faut ${badge.threshold})`}`,
    axes: AXIS_IDS.map((axis) => ({
      axis,
      label: byAxis.get(axis)?.label ?? SHORT_AXIS_LABELS[axis],
      short: SHORT_AXIS_LABELS[axis],
      score: byAxis.get(axis)?.score ?? null,
    })),
    comparisons: result.comparisons,
    priorities: result.priorities.slice(0, 3).map((p) => ({ ...p, effortLabel: EFFORT_LABELS[p.effort] ?? p.effort })),
    redFlags: result.redFlags,
    advisorSuggested: result.advisorSuggested || result.redFlags.length > 0,
    sources: [...sources.values()],
  };
}

/** « 62/100 » or « non évalué ». */
export function scoreText(score: number | null): string {
  return score === null ? 'non évalué' : `${score}/100`;
}
