// Public API of the knowledge search (see knowledge-base.ts).
export {
  createKnowledgeBase,
  guideUrl,
  type KbResult,
  type KbSearchResult,
  type KnowledgeBase,
  type KnowledgeOptions,
  type SearchOptions,
} from './knowledge-base.js';
export { loadSynonyms, DEFAULT_SYNONYMS_FILE, type SynonymData } from './synonyms.js';
export { UrgentDetector, type UrgentData, type UrgentSituation } from './urgent.js';
export { EVAL_SETS, evaluate, formatReport, loadQuestions, type EvalReport, type LabelledQuestion } from './evaluate.js';
