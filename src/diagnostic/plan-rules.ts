// The plan's rules as data (knowledge/diagnostic/recommandations.fr.json): each action says when it applies,
// what it brings, what it costs in money and in-house time, and its 70/20/10 horizon. Checked at load.
// The guides and aid topics a rule may name are the content's (the guides loaded, the aid schema's topics):
// src/content passes them in at start.
import { checkCondition, collector } from './checks.js';
import type { Problem } from './data.js';
import type { AxisId, Condition, Questionnaire } from './types.js';

/** What the plan rules may name, known only once the guides and the aid catalogue are read (see src/content). */
export interface ModelReferences {
  /** Slugs of the guides loaded (knowledge/guides/<slug>.md). */
  guides?: ReadonlySet<string>;
  /** Topics of the aid catalogue (the `topics` enum of knowledge/aides/aides.schema.json). */
  aidTopics?: ReadonlySet<string>;
}

/** 70/20/10: proven quick wins, known projects, one bolder try. */
export type Horizon = 'quick-win' | 'projet' | 'pari';
export type Effort = 'faible' | 'moyen' | 'eleve';

export interface ActionRule {
  id: string;
  title: string;
  /** French; `{{reponse:question_id}}` is replaced by the firm's answer (« Non », « Moins de 100 »…). */
  why: string;
  axis: AxisId;
  /** When the action is worth proposing (answers and profile). */
  when: Condition;
  /** 1 (nice to have) … 5 (essential). */
  impact: number;
  effort: Effort;
  /** Indicative cost over the first year, euros HT. */
  cost: { min: number; max: number; label: string };
  /** In-house time needed, hours per month once started. */
  inHouse: { hoursPerMonth: number; label: string };
  guides: string[];
  aidTopics: string[];
  horizon: Horizon;
  /** A legal obligation or a safety basic: proposed even when over budget or time. */
  mandatory?: boolean;
}

export interface RecommendationData {
  version: string;
  note?: string;
  /** Budget assumed when the firm did not say (euros per year). */
  defaultBudgetPerYear: number;
  /** Hours per month the firm can give, by answer to the time question (profile.time). */
  timeBudgets: Record<string, number>;
  /** Hours per month assumed when the firm did not say. */
  defaultHoursPerMonth: number;
  actions: ActionRule[];
}

/** Semantic checks of recommandations.fr.json. */
export function checkRecommendations(q: Questionnaire, data: RecommendationData, file: string, refs: ModelReferences = {}): Problem[] {
  const { problems, add } = collector(file);
  const ids = new Set<string>();
  const timeQuestion = q.questions.find((x) => x.profileField === 'time');
  for (const id of timeQuestion?.options?.map((o) => o.id) ?? []) {
    if (data.timeBudgets[id] === undefined) add('timeBudgets', `pas de nombre d'heures pour la réponse « ${id} »`);
  }
  for (const action of data.actions) {
    const where = `action « ${action.id} »`;
    if (ids.has(action.id)) add(where, 'identifiant en double');
    ids.add(action.id);
    checkCondition(q, action.when, where, add);
    for (const guide of action.guides) {
      if (refs.guides && !refs.guides.has(guide))
        add(where, `guide inconnu « ${guide} » (aucun fichier knowledge/guides/${guide}.md valide)`);
    }
    for (const topic of action.aidTopics) {
      if (refs.aidTopics && !refs.aidTopics.has(topic))
        add(where, `thème d'aide inconnu « ${topic} » (thèmes : ${[...refs.aidTopics].join(', ')})`);
    }
    if (action.cost.max < action.cost.min) add(where, 'coût : max est inférieur à min');
    for (const [, ref] of action.why.matchAll(/\{\{reponse:([^}]+)\}\}/g)) {
      if (!q.questions.some((x) => x.id === ref)) add(where, `« why » cite la question inconnue « ${ref} »`);
    }
  }
  return problems;
}
