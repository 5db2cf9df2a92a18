// Reads what the dashboard counts from the stores (full scans of five collections: fine for a CCI's
// volumes; a database store would run these as queries if it ever matters).
import type { DiagnosticResult } from '../diagnostic/result.js';
import type { StoredResult, SubjectDiagnostics } from '../diagnostic/records.js';
import type { HandoffRequest } from '../handoff/types.js';
import type { CurationEntry, FeedbackRecord } from '../knowledge/feedback.js';
import type { Collection } from '../storage/types.js';
import type { DashboardSources } from './aggregate.js';

export interface DashboardStores {
  runs: Collection<SubjectDiagnostics>;
  results: Collection<StoredResult<DiagnosticResult>>;
  handoffs: Collection<HandoffRequest>;
  curation: Collection<CurationEntry>;
  votes: Collection<FeedbackRecord>;
}

export async function readSources(stores: DashboardStores): Promise<DashboardSources> {
  const all = async <T>(c: Collection<T>) => (await c.find(() => true)).map((e) => e.value);
  const [runs, results, handoffs, curation, votes] = await Promise.all([
    all(stores.runs),
    all(stores.results),
    all(stores.handoffs),
    all(stores.curation),
    all(stores.votes),
  ]);
  return { runs, results, handoffs, curation, votes };
}
