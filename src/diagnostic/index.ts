// Public API of the diagnostic domain (pure: no botbuilder, no dialogs).
export * from './types.js';
export { isValidAnswer, itemScore, describeAnswer, optionsOf, isScored } from './answers.js';
export { evaluate } from './conditions.js';
export { loadQuestionnaire, checkQuestionnaire, findQuestion, axisLabel } from './questionnaire.js';
export {
  loadDiagnosticModel,
  readDiagnosticModel,
  diagnosticFiles,
  loadScoringModel,
  type DiagnosticModel,
  type ModelReferences,
} from './model.js';
export { nextQuestion, previousQuestion, progress, withoutAnswer, isSkipped, applicableQuestions, type Progress } from './flow.js';
export { profileFromAnswers, mergeProfile } from './profile.js';
export { scoreDiagnostic, levelFor, axisWeights, type AxisScore, type Level, type SocleBadge, type ScoreSummary } from './scoring.js';
export { compare, type ComparisonLine } from './compare.js';
export { buildPlan, type Plan, type Priority, type AidRef, type FindAids } from './plan.js';
export type { Horizon } from './plan-rules.js';
export { buildResult, redFlags, type DiagnosticResult, type RedFlag, type ResultDeps } from './result.js';
