// Diagnostics kept per person (not per conversation), answer by answer, in their own collections:
// `diagnostics` (keyed by subject: the run in progress and the last completed ones) and
// `diagnostic-results` (keyed by an unguessable id: what the card, the chart and the PDF links show).
// Registered with the privacy registry; purged after the retention period.
import { randomBytes } from 'node:crypto';
import type { PersonalDataSource } from '../privacy/registry.js';
import { deleteWhere, findWhere } from '../storage/query.js';
import type { Collection } from '../storage/types.js';
import type { Answer } from './types.js';

export interface DiagnosticRun {
  questionnaireVersion: string;
  answers: Record<string, Answer>;
  /** The question being asked, to resume exactly there. */
  currentQuestion?: string;
  startedAt: string;
  updatedAt: string;
  completedAt?: string;
  /** Id of the stored result once completed. */
  resultId?: string;
}

export interface SubjectDiagnostics {
  subject: string;
  current?: DiagnosticRun;
  completed: DiagnosticRun[];
  updatedAt: string;
}

export interface StoredResult<R> {
  id: string;
  subject: string;
  createdAt: string;
  result: R;
}

const KEEP_COMPLETED = 5;
export const RESULT_ID = /^[A-Za-z0-9_-]{22,64}$/;

export function newResultId(): string {
  return randomBytes(16).toString('base64url');
}

export class DiagnosticRecords<R = unknown> {
  constructor(
    private readonly runs: Collection<SubjectDiagnostics>,
    private readonly results: Collection<StoredResult<R>>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async current(subject: string): Promise<DiagnosticRun | undefined> {
    return (await this.runs.get(subject))?.current;
  }

  async lastCompleted(subject: string): Promise<DiagnosticRun | undefined> {
    const rec = await this.runs.get(subject);
    return rec?.completed[rec.completed.length - 1];
  }

  /** Starts a new run (a previous unfinished run is replaced). */
  async start(subject: string, questionnaireVersion: string): Promise<DiagnosticRun> {
    const at = this.clock().toISOString();
    const run: DiagnosticRun = { questionnaireVersion, answers: {}, startedAt: at, updatedAt: at };
    await this.runs.update(subject, (rec) => ({ subject, completed: rec?.completed ?? [], current: run, updatedAt: at }));
    return run;
  }

  /** Saves one answer as soon as it is given (or removes it with `undefined`, for « retour »). */
  async saveAnswer(subject: string, questionId: string, answer: Answer | undefined, nextQuestion?: string): Promise<void> {
    const at = this.clock().toISOString();
    await this.runs.update(subject, (rec) => {
      if (!rec?.current) throw new Error('[diagnostic] no run in progress for this subject');
      const answers = { ...rec.current.answers };
      if (answer === undefined) delete answers[questionId];
      else answers[questionId] = answer;
      return { ...rec, updatedAt: at, current: { ...rec.current, answers, currentQuestion: nextQuestion, updatedAt: at } };
    });
  }

  async setCurrentQuestion(subject: string, questionId: string | undefined): Promise<void> {
    await this.runs.update(subject, (rec) => (rec?.current ? { ...rec, current: { ...rec.current, currentQuestion: questionId } } : rec));
  }

  /** Stores the result under a new unguessable id and closes the run. */
  async complete(subject: string, result: R): Promise<string> {
    const id = newResultId();
    const at = this.clock().toISOString();
    await this.results.put(id, { id, subject, createdAt: at, result });
    await this.runs.update(subject, (rec) => {
      if (!rec?.current) return rec;
      const done: DiagnosticRun = { ...rec.current, completedAt: at, updatedAt: at, resultId: id, currentQuestion: undefined };
      return { subject, completed: [...rec.completed, done].slice(-KEEP_COMPLETED), current: undefined, updatedAt: at };
    });
    return id;
  }

  async abandon(subject: string): Promise<void> {
    await this.runs.update(subject, (rec) => (rec ? { ...rec, current: undefined } : rec));
  }

  async result(id: string): Promise<R | undefined> {
    if (!RESULT_ID.test(id)) return undefined;
    return (await this.results.get(id))?.result;
  }

  privacySource(retentionDays: number): PersonalDataSource {
    return {
      name: 'diagnostics',
      description: 'Vos diagnostics numériques (réponses, scores et plan d’action)',
      export: async (subject) => {
        const runs = await this.runs.get(subject);
        const results = await findWhere(this.results, { field: 'subject', equals: subject });
        return runs || results.length ? { runs: runs ?? null, results: results.map((r) => r.value) } : null;
      },
      erase: async (subject) => {
        const n = (await this.runs.delete(subject)) ? 1 : 0;
        return n + (await deleteWhere(this.results, { field: 'subject', equals: subject })).length;
      },
      purge: async (now) => {
        const cutoff = new Date(now.getTime() - retentionDays * 86400000).toISOString();
        const runs = await deleteWhere(this.runs, { field: 'updatedAt', before: cutoff });
        const results = await deleteWhere(this.results, { field: 'createdAt', before: cutoff });
        return runs.length + results.length;
      },
    };
  }
}
