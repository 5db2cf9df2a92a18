import { ShardedFileStore } from '../../src/storage/sharded-store.js';
import { DiagnosticRecords, RESULT_ID, type StoredResult, type SubjectDiagnostics } from '../../src/diagnostic/records.js';
import { tempDataDir } from '../helpers/virage.js';

function open(dir: string, now: () => Date = () => new Date('2026-11-22T10:00:00Z')) {
  const store = new ShardedFileStore(dir, { shards: 4 });
  const records = new DiagnosticRecords<{ score: number }>(
    store.collection<SubjectDiagnostics>('diagnostics'),
    store.collection<StoredResult<{ score: number }>>('diagnostic-results'),
    now,
  );
  return { store, records };
}

describe('DiagnosticRecords', () => {
  it('saves each answer as given, keyed by the person, and survives a restart', async () => {
    const dir = tempDataDir();
    let { store, records } = open(dir);
    await records.start('web:dl_a', '2026.11-1');
    await records.saveAnswer('web:dl_a', 'effectif', { type: 'size', value: '1-4' }, 'secteur');
    await store.close();
    ({ store, records } = open(dir));
    const run = await records.current('web:dl_a');
    expect(run?.answers.effectif).toEqual({ type: 'size', value: '1-4' });
    expect(run?.currentQuestion).toBe('secteur');
    await records.saveAnswer('web:dl_a', 'effectif', undefined, 'effectif');
    expect((await records.current('web:dl_a'))?.answers).toEqual({});
    await store.close();
  });

  it('completes under an unguessable id, exports, erases and purges', async () => {
    const dir = tempDataDir();
    let now = new Date('2026-01-01T00:00:00Z');
    const { store, records } = open(dir, () => now);
    await records.start('s1', 'v1');
    const id = await records.complete('s1', { score: 42 });
    expect(id).toMatch(RESULT_ID);
    expect(await records.result(id)).toEqual({ score: 42 });
    expect(await records.result('../../etc/passwd')).toBeUndefined();
    expect(await records.current('s1')).toBeUndefined();
    expect((await records.lastCompleted('s1'))?.resultId).toBe(id);

    const source = records.privacySource(30);
    const exported = (await source.export('s1')) as any;
    expect(exported.results[0].result.score).toBe(42);
    expect(await source.export('nobody')).toBeNull();

    await records.start('s2', 'v1');
    now = new Date('2026-03-01T00:00:00Z');
    expect(await source.purge!(now)).toBe(3); // s1 runs + s1 result + s2 runs, all older than 30 days
    await records.start('s3', 'v1');
    await records.complete('s3', { score: 1 });
    expect(await source.erase('s3')).toBe(2);
    expect(await source.export('s3')).toBeNull();
    await store.close();
  });

  it('refuses to save an answer with no run in progress', async () => {
    const { store, records } = open(tempDataDir());
    await expect(records.saveAnswer('x', 'q', { type: 'dontknow' })).rejects.toThrow(/no run/);
    await store.close();
  });
});
