// Loads the diagnostic's other data files and checks them against the questionnaire: weights and levels
// (ponderations), published figures (comparaisons) and plan rules (recommandations).
import path from 'node:path';
import { checkCondition, collector } from './checks.js';
import { checkComparisons, type ComparisonData } from './compare.js';
import { diagnosticDir, displayPath, readChecked, throwIfProblems, type Problem } from './data.js';
import { checkRecommendations, type RecommendationData } from './plan-rules.js';
import { DEFAULT_QUESTIONNAIRE, loadQuestionnaire } from './questionnaire.js';
import type { ScoringModel } from './scoring.js';
import type { Questionnaire } from './types.js';

export const DEFAULT_FILES = {
  questionnaire: DEFAULT_QUESTIONNAIRE,
  ponderations: path.join(diagnosticDir, 'ponderations.fr.json'),
  comparaisons: path.join(diagnosticDir, 'comparaisons.fr.json'),
  recommandations: path.join(diagnosticDir, 'recommandations.fr.json'),
};

/** Everything the diagnostic needs, loaded and cross-checked once at start. */
export interface DiagnosticModel {
  questionnaire: Questionnaire;
  scoring: ScoringModel;
  comparisons: ComparisonData;
  recommendations: RecommendationData;
}

/** Semantic checks of ponderations.fr.json. */
export function checkScoringModel(q: Questionnaire, model: ScoringModel, file: string): Problem[] {
  const { problems, add } = collector(file);
  const levels = [...model.levels].sort((a, b) => a.min - b.min);
  let expected = 0;
  for (const level of levels) {
    if (level.min !== expected) add(`niveau « ${level.id} »`, `devrait commencer à ${expected} (les niveaux doivent couvrir 0 à 100 sans trou)`);
    if (level.max < level.min) add(`niveau « ${level.id} »`, 'max est inférieur à min');
    expected = level.max + 1;
  }
  if (expected !== 101) add('niveaux', 'le dernier niveau doit finir à 100');
  model.weights.rules.forEach((rule) => checkCondition(q, rule.when, `pondération « ${rule.id} »`, add));
  model.socle.basics.forEach((b) => checkCondition(q, b.when, `socle « ${b.id} »`, add));
  if (model.socle.threshold > model.socle.basics.length) add('socle', 'le seuil dépasse le nombre d\'usages de base');
  return problems;
}

function loadPart<T>(file: string, schema: string, check: (data: T, shown: string) => Problem[]): { data?: T; problems: Problem[] } {
  const { data, problems } = readChecked(file, schema);
  if (data) problems.push(...check(data as T, displayPath(file)));
  return { data: data as T | undefined, problems };
}

/** Loads ponderations.fr.json alone (checked against the questionnaire). */
export function loadScoringModel(q: Questionnaire, file: string = DEFAULT_FILES.ponderations): ScoringModel {
  const { data, problems } = loadPart<ScoringModel>(file, 'ponderations.schema.json', (m, shown) => checkScoringModel(q, m, shown));
  throwIfProblems('Pondérations du diagnostic invalides', problems);
  return data!;
}

/**
 * Loads and cross-checks every data file of the diagnostic. Throws one error listing every problem of
 * every file. Call it at start: a CCI's mistake is reported before the first conversation.
 */
export function loadDiagnosticModel(files: Partial<typeof DEFAULT_FILES> = {}): DiagnosticModel {
  const f = { ...DEFAULT_FILES, ...files };
  const questionnaire = loadQuestionnaire(f.questionnaire);
  const scoring = loadPart<ScoringModel>(f.ponderations, 'ponderations.schema.json', (m, s) => checkScoringModel(questionnaire, m, s));
  const comparisons = loadPart<ComparisonData>(f.comparaisons, 'comparaisons.schema.json', (d, s) => checkComparisons(questionnaire, d, s));
  const recommendations = loadPart<RecommendationData>(f.recommandations, 'recommandations.schema.json', (d, s) =>
    checkRecommendations(questionnaire, d, s),
  );
  throwIfProblems('Données du diagnostic invalides', [...scoring.problems, ...comparisons.problems, ...recommendations.problems]);
  return { questionnaire, scoring: scoring.data!, comparisons: comparisons.data!, recommendations: recommendations.data! };
}
