// The diagnostic's parts from the loaded content and the store: the model, the aid finder on the
// catalogue, the records (registered as a personal-data source), what an advisor sees, and how far an
// unfinished diagnostic is.
import type { Aid, AidQuery, AidVocabulary } from '../knowledge/aids.js';
import { findAids as findAidsIn } from '../knowledge/aids.js';
import type { PrivacyRegistry } from '../privacy/registry.js';
import type { DocumentStore } from '../storage/types.js';
import { diagnosticForAdvisor } from './for-advisor.js';
import type { DiagnosticModel } from './model.js';
import type { FindAids } from './plan-aids.js';
import { DiagnosticRecords, type StoredResult, type SubjectDiagnostics } from './records.js';
import type { DiagnosticResult } from './result.js';

export interface Diagnostics {
  model: DiagnosticModel;
  findAids: FindAids;
  records: DiagnosticRecords<DiagnosticResult>;
  /** The diagnostic in progress (scored so far) or the last result, for the handoff context. */
  forAdvisor(subject: string): Promise<DiagnosticResult | undefined>;
  /** How many answers the subject's unfinished diagnostic holds (0 when none). */
  answersInProgress(subject: string): Promise<number>;
}

export function assembleDiagnostics(d: {
  content: { diagnostic: DiagnosticModel; aids: Aid[]; aidVocabulary: AidVocabulary };
  store: DocumentStore;
  privacy: PrivacyRegistry;
  diagnosticDays: number;
  clock: () => Date;
}): Diagnostics {
  const model = d.content.diagnostic;
  const findAids = (query: AidQuery) => findAidsIn(query, d.content.aids, d.content.aidVocabulary);
  const records = new DiagnosticRecords<DiagnosticResult>(
    d.store.collection<SubjectDiagnostics>('diagnostics'),
    d.store.collection<StoredResult<DiagnosticResult>>('diagnostic-results'),
    d.clock,
  );
  d.privacy.register(records.privacySource(d.diagnosticDays));
  return {
    model,
    findAids,
    records,
    forAdvisor: diagnosticForAdvisor(records, model, findAids),
    answersInProgress: async (subject) => Object.keys((await records.current(subject))?.answers ?? {}).length,
  };
}
