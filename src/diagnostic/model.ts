// Loads the diagnostic's other data files and checks them against the questionnaire: weights and levels
// (ponderations), published figures (comparaisons) and plan rules (recommandations).
import path from 'node:path';
import { checkCondition, collector } from './checks.js';
import { checkComparisons, type ComparisonData } from './compare.js';
import { diagnosticDir, displayPath, readChecked, throwIfProblems, type Problem } from './data.js';
import { checkRecommendations, type ModelReferences, type RecommendationData } from './plan-rules.js';

export type { ModelReferences };
import { DEFAULT_QUESTIONNAIRE, checkQuestionnaire } from './questionnaire.js';
import type { AidSectors } from './plan-aids.js';
import type { ScoringModel } from './scoring.js';
import type { Questionnaire } from './types.js';

export const DEFAULT_FILES = {
  questionnaire: DEFAULT_QUESTIONNAIRE,
  ponderations: path.join(diagnosticDir, 'ponderations.fr.json'),
  comparaisons: path.join(diagnosticDir, 'comparaisons.fr.json'),
  recommandations: path.join(diagnosticDir, 'recommandations.fr.json'),
} as const;

/** Everything the diagnostic needs, loaded and cross-checked once at start. */
export interface DiagnosticModel {
  questionnaire: Questionnaire;
  scoring: ScoringModel;
  comparisons: ComparisonData;
  recommendations: RecommendationData;
  /** Sector question ids → aid catalogue sectors; set by src/content from knowledge/nlu/secteurs.fr.json. */
  aidSectors?: AidSectors;
}

/** Semantic checks of ponderations.fr.json. */
export function checkScoringModel(q: Questionnaire, model: ScoringModel, file: string): Problem[] {
  const { problems, add } = collector(file);
  const levels = [...model.levels].sort((a, b) => a.min - b.min);
  let expected = 0;
  for (const level of levels) {
    if (level.min !== expected)
      add(`niveau « ${level.id} »`, `devrait commencer à ${expected} (les niveaux doivent couvrir 0 à 100 sans trou)`);
    if (level.max < level.min) add(`niveau « ${level.id} »`, 'max est inférieur à min');
    expected = level.max + 1;
  }
  if (expected !== 101) add('niveaux', 'le dernier niveau doit finir à 100');
  model.weights.rules.forEach((rule) => checkCondition(q, rule.when, `pondération « ${rule.id} »`, add));
  model.socle.basics.forEach((b) => checkCondition(q, b.when, `socle « ${b.id} »`, add));
  if (model.socle.threshold > model.socle.basics.length) add('socle', "le seuil dépasse le nombre d'usages de base");
  return problems;
}

function loadPart<T>(
  file: string,
  schema: string,
  dir: string,
  check: (data: T, shown: string) => Problem[],
): { data?: T; problems: Problem[] } {
  const { data, problems } = readChecked(file, schema, dir);
  if (data) problems.push(...check(data as T, displayPath(file)));
  return { data: data as T | undefined, problems };
}

/** Loads ponderations.fr.json alone (checked against the questionnaire). */
export function loadScoringModel(q: Questionnaire, file: string = DEFAULT_FILES.ponderations): ScoringModel {
  const { data, problems } = loadPart<ScoringModel>(file, 'ponderations.schema.json', diagnosticDir, (m, shown) =>
    checkScoringModel(q, m, shown),
  );
  throwIfProblems('Pondérations du diagnostic invalides', problems);
  return data!;
}

/** The data files of a knowledge folder's diagnostic/ (schemas beside them). */
export function diagnosticFiles(dir: string): typeof DEFAULT_FILES {
  return {
    questionnaire: path.join(dir, 'questionnaire.fr.json'),
    ponderations: path.join(dir, 'ponderations.fr.json'),
    comparaisons: path.join(dir, 'comparaisons.fr.json'),
    recommandations: path.join(dir, 'recommandations.fr.json'),
  };
}

/**
 * Reads and cross-checks every data file of the diagnostic; never throws. `schemasDir` holds the schemas
 * (knowledge/diagnostic/); `refs` the guides and aid topics plan rules may name (unchecked when absent).
 */
export function readDiagnosticModel(
  files: Partial<typeof DEFAULT_FILES> = {},
  schemasDir: string = diagnosticDir,
  refs: ModelReferences = {},
): { model?: DiagnosticModel; problems: Problem[] } {
  const f = { ...DEFAULT_FILES, ...files };
  const q = readChecked(f.questionnaire, 'questionnaire.schema.json', schemasDir);
  if (q.data) q.problems.push(...checkQuestionnaire(q.data as Questionnaire, displayPath(f.questionnaire)));
  if (q.problems.length) return { problems: q.problems };
  const questionnaire = q.data as Questionnaire;
  const scoring = loadPart<ScoringModel>(f.ponderations, 'ponderations.schema.json', schemasDir, (m, s) =>
    checkScoringModel(questionnaire, m, s),
  );
  const comparisons = loadPart<ComparisonData>(f.comparaisons, 'comparaisons.schema.json', schemasDir, (d, s) =>
    checkComparisons(questionnaire, d, s),
  );
  const recommendations = loadPart<RecommendationData>(f.recommandations, 'recommandations.schema.json', schemasDir, (d, s) =>
    checkRecommendations(questionnaire, d, s, refs),
  );
  const problems = [...scoring.problems, ...comparisons.problems, ...recommendations.problems];
  if (problems.length) return { problems };
  return {
    model: { questionnaire, scoring: scoring.data!, comparisons: comparisons.data!, recommendations: recommendations.data! },
    problems,
  };
}

/**
 * Loads and cross-checks every data file of the diagnostic. Throws one error listing every problem of
 * every file. At start, src/content loads it with the guides and aids it refers to.
 */
export function loadDiagnosticModel(files: Partial<typeof DEFAULT_FILES> = {}): DiagnosticModel {
  const { model, problems } = readDiagnosticModel(files);
  throwIfProblems('Données du diagnostic invalides', problems);
  return model!;
}
