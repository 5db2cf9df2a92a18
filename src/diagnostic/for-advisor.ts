// Which diagnostic an advisor sees in the handoff context: the one in progress (scored on the answers so
// far) when there is one, else the last completed result.
import type { DiagnosticModel } from './model.js';
import type { FindAids } from './plan-aids.js';
import type { DiagnosticRecords } from './records.js';
import { buildResult, type DiagnosticResult } from './result.js';

export function diagnosticForAdvisor(
  records: DiagnosticRecords<DiagnosticResult>,
  model: DiagnosticModel,
  findAids: FindAids,
): (subject: string) => Promise<DiagnosticResult | undefined> {
  return async (subject) => {
    const current = await records.current(subject);
    if (current && Object.keys(current.answers).length > 0) {
      return buildResult(model.questionnaire, {}, current.answers, { model, findAids });
    }
    const run = await records.lastCompleted(subject);
    return run?.resultId ? records.result(run.resultId) : undefined;
  };
}
