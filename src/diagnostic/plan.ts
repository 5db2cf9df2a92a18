// The personal plan (pure): rules of recommandations.fr.json → three priorities chosen for impact, fitted to
// the budget and in-house time the dirigeant stated, in the 70/20/10 spirit (mostly quick wins, at most one
// known project, one bolder try when it fits), each with guides and up to 3 aid schemes from an injected
// look-up (src/knowledge/aids.ts `findAids` in production).
import { describeAnswer } from './answers.js';
import { evaluate } from './conditions.js';
import type { ActionRule, Effort, Horizon, RecommendationData } from './plan-rules.js';
import { axisLabel, findQuestion } from './questionnaire.js';
import type { AxisScore } from './scoring.js';
import type { Answers, AxisId, Profile, Questionnaire } from './types.js';

import { firmAids, priorityAids, type AidRef, type AidSectors, type FindAids } from './plan-aids.js';

export type { AidRef, FindAids } from './plan-aids.js';

export interface Priority {
  rank: number;
  id: string;
  title: string;
  why: string;
  axis: AxisId;
  axisLabel: string;
  horizon: Horizon;
  /** « Action rapide », « Projet », « Essai » */
  horizonLabel: string;
  effort: Effort;
  cost: { min: number; max: number; label: string };
  inHouse: { hoursPerMonth: number; label: string };
  guides: string[];
  aidTopics: string[];
  aids: AidRef[];
  /** A legal obligation or a safety basic, kept even over budget or time. */
  mandatory: boolean;
  /** French note when the action goes beyond the stated budget or time. */
  note?: string;
}

export interface Plan {
  priorities: Priority[];
  /** Budget and hours per month the plan was fitted to, and whether the firm gave them. */
  budgetPerYear: number;
  hoursPerMonth: number;
  assumed: { budget: boolean; time: boolean };
  /** Other useful actions, for « pour aller plus loin ». */
  more: { id: string; title: string; guides: string[] }[];
  /** « Vos aides »: the région's schemes the firm is eligible for, then the fitting national ones. */
  aids: AidRef[];
}

export interface PlanInput {
  questionnaire: Questionnaire;
  rules: RecommendationData;
  answers: Answers;
  profile: Profile;
  axes: AxisScore[];
  findAids?: FindAids;
  /** Sector question ids → aid catalogue sectors (knowledge/nlu/secteurs.fr.json). */
  aidSectors?: AidSectors;
}

const HORIZON_LABELS: Record<Horizon, string> = { 'quick-win': 'Action rapide', projet: 'Projet', pari: 'Essai' };
/** An action this light (hours per month) is proposed even when the stated time is used up. */
const LIGHT_HOURS = 1;

/** Importance of an action for this firm: impact, raised where the axis is weak and weighs more. */
function priorityOf(action: ActionRule, axes: AxisScore[]): number {
  const axis = axes.find((a) => a.axis === action.axis);
  const gap = axis?.score === null || axis?.score === undefined ? 0.5 : (100 - axis.score) / 100;
  const weight = axis?.weight ?? 1;
  return action.impact * (1 + gap) * weight + (action.mandatory ? 10 : 0);
}

/** `why` with {{reponse:question_id}} replaced by the firm's answer. */
function fillWhy(q: Questionnaire, answers: Answers, why: string): string {
  return why.replace(/\{\{reponse:([^}]+)\}\}/g, (_m, id: string) => {
    const question = findQuestion(q, id);
    const answer = answers[id];
    return question && answer ? describeAnswer(question, answer) : 'non renseigné';
  });
}

function overNote(action: ActionRule): string {
  return action.mandatory
    ? "À prévoir même si cela dépasse le budget ou le temps indiqués : c'est une obligation ou une protection de base."
    : 'Cela demande environ une heure : à caler quand vous le pourrez.';
}

/** Three priorities fitted to budget and time, plus the other applicable actions. */
export function buildPlan(input: PlanInput): Plan {
  const { questionnaire: q, rules, answers, profile, axes } = input;
  const ctx = { answers, profile };
  const budgetAssumed = profile.budgetPerYear === undefined;
  const timeAssumed = profile.time === undefined || rules.timeBudgets[profile.time] === undefined;
  const budgetPerYear = profile.budgetPerYear ?? rules.defaultBudgetPerYear;
  const hoursPerMonth = timeAssumed ? rules.defaultHoursPerMonth : rules.timeBudgets[profile.time!];

  const candidates = rules.actions
    .filter((a) => evaluate(a.when, ctx))
    .map((action, order) => ({ action, order, priority: priorityOf(action, axes) }))
    .sort((a, b) => b.priority - a.priority || a.order - b.order);

  let budgetLeft = budgetPerYear;
  let hoursLeft = hoursPerMonth;
  const fits = (a: ActionRule): boolean => a.cost.min <= budgetLeft && a.inHouse.hoursPerMonth <= hoursLeft;
  const chosen: ActionRule[] = [];
  const take = (a: ActionRule): void => {
    chosen.push(a);
    budgetLeft -= a.cost.min;
    hoursLeft -= a.inHouse.hoursPerMonth;
  };
  const count = (h: Horizon): number => chosen.filter((a) => a.horizon === h).length;

  // 1. Obligations and safety basics first (at most two, so the plan keeps room for progress).
  for (const { action } of candidates) if (action.mandatory && chosen.length < 2) take(action);
  // 2. The best fitting quick wins and at most one known project, keeping the last slot for a try.
  for (const { action } of candidates) {
    if (chosen.length >= 2) break;
    if (chosen.includes(action) || action.horizon === 'pari' || !fits(action)) continue;
    if (action.horizon === 'projet' && count('projet') >= 1) continue;
    take(action);
  }
  // 3. One bolder try when it fits the remaining budget and time; otherwise the next best action.
  const pari = candidates.find(({ action }) => action.horizon === 'pari' && fits(action));
  if (chosen.length < 3 && pari) take(pari.action);
  for (const { action } of candidates) {
    if (chosen.length >= 3) break;
    if (chosen.includes(action) || !fits(action) || action.horizon === 'pari') continue;
    if (action.horizon === 'projet' && count('projet') >= 1) continue;
    take(action);
  }

  // 4. Still room in the plan but no time left: the lightest actions within budget (about an hour).
  for (const { action } of candidates) {
    if (chosen.length >= 3) break;
    if (chosen.includes(action) || action.horizon === 'pari') continue;
    if (action.inHouse.hoursPerMonth <= LIGHT_HOURS && action.cost.min <= budgetLeft) take(action);
  }

  const ordered = [...chosen].sort((a, b) => Number(a.horizon === 'pari') - Number(b.horizon === 'pari'));
  let spent = 0;
  let hours = 0;
  const priorities = ordered.map((action, i): Priority => {
    spent += action.cost.min;
    hours += action.inHouse.hoursPerMonth;
    const over = spent > budgetPerYear || hours > hoursPerMonth;
    return {
      rank: i + 1,
      id: action.id,
      title: action.title,
      why: fillWhy(q, answers, action.why),
      axis: action.axis,
      axisLabel: axisLabel(q, action.axis),
      horizon: action.horizon,
      horizonLabel: HORIZON_LABELS[action.horizon],
      effort: action.effort,
      cost: action.cost,
      inHouse: action.inHouse,
      guides: action.guides,
      aidTopics: action.aidTopics,
      aids: priorityAids(input.findAids, action.aidTopics, profile, input.aidSectors),
      mandatory: action.mandatory === true,
      ...(over ? { note: overNote(action) } : {}),
    };
  });
  const more = candidates
    .filter(({ action }) => !chosen.includes(action))
    .slice(0, 5)
    .map(({ action }) => ({ id: action.id, title: action.title, guides: action.guides }));
  const aids = firmAids(input.findAids, ['transformation', ...ordered.flatMap((a) => a.aidTopics)], profile, input.aidSectors);
  return { priorities, budgetPerYear, hoursPerMonth, assumed: { budget: budgetAssumed, time: timeAssumed }, more, aids };
}
