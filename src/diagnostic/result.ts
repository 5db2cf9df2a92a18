// The diagnostic's result (pure, JSON-serialisable): what the card, the PDF and
// channelData.virage.diagnostic show — scores, level, badge, comparisons, the plan and the red flags that
// call for a human advisor.
import { compare, type ComparisonLine } from './compare.js';
import { applicableQuestions, isSkipped } from './flow.js';
import type { DiagnosticModel } from './model.js';
import { buildPlan, type FindAids, type Plan } from './plan.js';
import { mergeProfile, profileFromAnswers } from './profile.js';
import { answerValues } from './conditions.js';
import { scoreDiagnostic, type AxisScore, type Level, type SocleBadge } from './scoring.js';
import type { Answers, Profile, Questionnaire } from './types.js';
import type { Baseline } from './progress.js';

export interface RedFlag {
  id: string;
  reason: string;
  urgent: boolean;
  /** The question that raised it, if any. */
  question?: string;
}

export interface DiagnosticResult {
  questionnaireVersion: string;
  dataVersions: { ponderations: string; comparaisons: string; recommandations: string };
  /** ISO date-time the result was computed. */
  date: string;
  profile: Profile;
  answered: number;
  total: number;
  complete: boolean;
  axes: AxisScore[];
  overall: number | null;
  level: Level | null;
  badge: SocleBadge;
  weightNotes: string[];
  comparisons: ComparisonLine[];
  plan: Plan;
  redFlags: RedFlag[];
  /** Set when a human advisor should be offered, whatever the score. */
  advisorSuggested: { reasons: string[]; urgent: boolean } | null;
  /** The same person's previous diagnostic (T0), when there is one: progress is shown against it. */
  baseline?: Baseline;
}

export interface ResultDeps {
  /** Data loaded at start by loadDiagnosticModel (its questionnaire is not used here). */
  model: Omit<DiagnosticModel, 'questionnaire'>;
  /** Aid look-up (src/knowledge/aids.ts findAids); without it, priorities carry no aid. */
  findAids?: FindAids;
  /** Clock, injected for tests. */
  now?: Date;
  /** The dirigeant asked about aid or eligibility during the conversation. */
  askedAboutAids?: boolean;
}

const LOW_SCORE = 26;

/** Red flags from the answers (question rules), a low overall score and a question about aid. */
export function redFlags(q: Questionnaire, answers: Answers, overall: number | null, askedAboutAids = false): RedFlag[] {
  const flags: RedFlag[] = [];
  for (const question of q.questions) {
    const answer = answers[question.id];
    if (!answer || !question.redFlags || isSkipped(q, question, answers)) continue;
    const values = answerValues(answer);
    for (const rule of question.redFlags) {
      if (values.some((v) => rule.in.includes(v))) {
        flags.push({ id: rule.id, reason: rule.reason, urgent: rule.urgent === true, question: question.id });
      }
    }
  }
  if (overall !== null && overall < LOW_SCORE) {
    flags.push({
      id: 'score-faible',
      reason: `Votre score global est de ${overall}/100 : un conseiller peut vous aider à choisir par où commencer.`,
      urgent: false,
    });
  }
  if (askedAboutAids) {
    flags.push({
      id: 'question-aides',
      reason: 'Vous vous interrogez sur les aides : un conseiller vérifiera avec vous celles auxquelles vous avez droit.',
      urgent: false,
    });
  }
  return flags;
}

/** Builds the whole result. `profile` completes (and overrides) what the answers say about the firm. */
export function buildResult(q: Questionnaire, profile: Profile, answers: Answers, deps: ResultDeps): DiagnosticResult {
  const { model } = deps;
  const merged = mergeProfile(profile, profileFromAnswers(q, answers));
  const summary = scoreDiagnostic(q, model.scoring, answers, merged);
  const plan = buildPlan({
    questionnaire: q,
    rules: model.recommendations,
    answers,
    profile: merged,
    axes: summary.axes,
    findAids: deps.findAids,
    aidSectors: model.aidSectors,
  });
  const flags = redFlags(q, answers, summary.overall, deps.askedAboutAids);
  const applicable = applicableQuestions(q, answers);
  const answered = applicable.filter((x) => answers[x.id] !== undefined).length;
  return {
    questionnaireVersion: q.version,
    dataVersions: {
      ponderations: model.scoring.version,
      comparaisons: model.comparisons.version,
      recommandations: model.recommendations.version,
    },
    date: (deps.now ?? new Date()).toISOString(),
    profile: merged,
    answered,
    total: applicable.length,
    complete: answered === applicable.length,
    axes: summary.axes,
    overall: summary.overall,
    level: summary.level,
    badge: summary.badge,
    weightNotes: summary.weightNotes,
    comparisons: compare(model.comparisons, answers, merged),
    plan,
    redFlags: flags,
    advisorSuggested: flags.length ? { reasons: flags.map((f) => f.reason), urgent: flags.some((f) => f.urgent) } : null,
  };
}
