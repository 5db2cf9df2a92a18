// Scoring (pure): item scores 0–1, axis scores 0–100 over the items that count, an overall score weighted
// by profile (knowledge/diagnostic/ponderations.fr.json), four levels and the « socle numérique » badge.
// Not concerned, « je ne sais pas » and questions skipped without an assumed answer do not count.
import { isScored, itemScore } from './answers.js';
import { evaluate } from './conditions.js';
import { isSkipped } from './flow.js';
import { axisLabel } from './questionnaire.js';
import {
  AXIS_IDS,
  type Answer,
  type Answers,
  type AxisId,
  type Condition,
  type Profile,
  type Question,
  type Questionnaire,
} from './types.js';

export interface SourceRef {
  url: string;
  year: number;
  checked: string;
  note?: string;
}

export interface LevelDef {
  id: string;
  label: string;
  min: number;
  max: number;
  description: string;
}

export interface ScoringModel {
  version: string;
  levels: LevelDef[];
  levelsSource?: SourceRef;
  weights: {
    default: Record<AxisId, number>;
    rules: { id: string; when: Condition; factors: Partial<Record<AxisId, number>>; why: string }[];
  };
  socle: {
    threshold: number;
    label: string;
    note: string;
    source: SourceRef;
    basics: { id: string; label: string; when: Condition }[];
  };
}

export interface AxisScore {
  axis: AxisId;
  label: string;
  /** 0–100 (rounded), or null when no question of the axis counts. */
  score: number | null;
  /** Questions that counted / scored questions of the axis. */
  counted: number;
  total: number;
  weight: number;
}

export interface Level {
  id: string;
  label: string;
  description: string;
}

export interface SocleBadge {
  reached: boolean;
  count: number;
  threshold: number;
  label: string;
  basics: { id: string; label: string; met: boolean }[];
}

export interface ScoreSummary {
  axes: AxisScore[];
  /** 0–100 (rounded), or null when nothing counts. */
  overall: number | null;
  level: Level | null;
  badge: SocleBadge;
  /** Why weights differ from 1 (French), for « comprendre son score ». */
  weightNotes: string[];
}

/** The answer that counts for a question: its own, or the assumed one when skipped, or none. */
export function effectiveAnswer(q: Questionnaire, question: Question, answers: Answers): Answer | undefined {
  if (isSkipped(q, question, answers)) return question.whenSkipped;
  return answers[question.id];
}

/** Exact axis scores (0–100, unrounded), or null for an axis where nothing counts. */
export function rawAxisScores(
  q: Questionnaire,
  answers: Answers,
): Record<AxisId, { score: number | null; counted: number; total: number }> {
  const out = {} as Record<AxisId, { score: number | null; counted: number; total: number }>;
  for (const axis of AXIS_IDS) {
    const items = q.questions.filter((question) => question.axis === axis && isScored(question));
    const scores = items
      .map((question) => itemScore(question, effectiveAnswer(q, question, answers)))
      .filter((s): s is number => s !== null);
    const score = scores.length ? (100 * scores.reduce((a, b) => a + b, 0)) / scores.length : null;
    out[axis] = { score, counted: scores.length, total: items.length };
  }
  return out;
}

/** Axis weights for this profile: the defaults multiplied by every rule that applies. */
export function axisWeights(
  model: ScoringModel,
  profile: Profile,
  answers: Answers = {},
): { weights: Record<AxisId, number>; notes: string[] } {
  const weights = { ...model.weights.default };
  const notes: string[] = [];
  for (const rule of model.weights.rules) {
    if (!evaluate(rule.when, { answers, profile })) continue;
    for (const [axis, factor] of Object.entries(rule.factors) as [AxisId, number][]) weights[axis] *= factor;
    notes.push(rule.why);
  }
  return { weights, notes };
}

/** Weighted mean of the axes that have a score (0–100, unrounded), or null. */
export function weightedOverall(scores: Record<AxisId, number | null>, weights: Record<AxisId, number>): number | null {
  let sum = 0;
  let total = 0;
  for (const axis of AXIS_IDS) {
    const score = scores[axis];
    if (score === null || !(weights[axis] > 0)) continue;
    sum += score * weights[axis];
    total += weights[axis];
  }
  return total > 0 ? sum / total : null;
}

/** The level of a rounded score (0–25 Premiers pas … 76–100 Avancé). */
export function levelFor(model: ScoringModel, score: number | null): Level | null {
  if (score === null) return null;
  const level = model.levels.find((l) => score >= l.min && score <= l.max);
  return level ? { id: level.id, label: level.label, description: level.description } : null;
}

/** The « socle numérique » badge: at least `threshold` of the basics. */
export function socleBadge(model: ScoringModel, q: Questionnaire, answers: Answers, profile: Profile = {}): SocleBadge {
  const effective: Record<string, Answer> = {};
  for (const question of q.questions) {
    const answer = effectiveAnswer(q, question, answers);
    if (answer) effective[question.id] = answer;
  }
  const basics = model.socle.basics.map((b) => ({ id: b.id, label: b.label, met: evaluate(b.when, { answers: effective, profile }) }));
  const count = basics.filter((b) => b.met).length;
  return { reached: count >= model.socle.threshold, count, threshold: model.socle.threshold, label: model.socle.label, basics };
}

/** Everything the score card shows: axes, overall, level, badge. */
export function scoreDiagnostic(q: Questionnaire, model: ScoringModel, answers: Answers, profile: Profile): ScoreSummary {
  const raw = rawAxisScores(q, answers);
  const { weights, notes } = axisWeights(model, profile, answers);
  const exact = Object.fromEntries(AXIS_IDS.map((a) => [a, raw[a].score])) as Record<AxisId, number | null>;
  const overallExact = weightedOverall(exact, weights);
  const overall = overallExact === null ? null : Math.round(overallExact);
  return {
    axes: AXIS_IDS.map((axis) => ({
      axis,
      label: axisLabel(q, axis),
      score: raw[axis].score === null ? null : Math.round(raw[axis].score!),
      counted: raw[axis].counted,
      total: raw[axis].total,
      weight: weights[axis],
    })),
    overall,
    level: levelFor(model, overall),
    badge: socleBadge(model, q, answers, profile),
    weightNotes: notes,
  };
}
