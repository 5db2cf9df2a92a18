// Handoff references unique across instances: two handoff services, each on its own PostgresStore (its own
// pool, its own in-memory index, no bus between them) on one PostgreSQL schema, both forced to draw the
// same candidate reference first. The second must not hand out the reference the first one took. And the
// migration adding the unique index, on a database that already breaks it.
import pg from 'pg';
import { HandoffService } from '../../src/handoff/service.js';
import { silentLogger } from '../../src/log.js';
import { migrate } from '../../src/storage/postgres/migrate.js';
import { MIGRATIONS } from '../../src/storage/postgres/migrations.js';
import { PostgresStore } from '../../src/storage/postgres/store.js';
import { createTestSchema, postgresAvailable, type TestSchema } from '../helpers/postgres.js';
import { movableClock, MONDAY_10H_WINTER, oneAdvisorAvailable, request, testDirectory } from '../handoff/helpers.js';

let on = false;
let schema: TestSchema;
const stores: PostgresStore[] = [];

beforeAll(async () => {
  on = await postgresAvailable('références de mise en relation uniques entre instances (test/cluster/handoff-reference.test.ts)');
  if (on) schema = await createTestSchema();
});
afterAll(async () => {
  for (const s of stores) await s.close();
  if (on) await schema.drop();
});

/** A random source that draws the letters of `words` in turn (each word: five indexes in the alphabet). */
function scripted(...words: number[][]): (n: number) => number {
  const draws = words.flat();
  let i = 0;
  return (n) => draws[i++ % draws.length]! % n;
}

async function instance(random: (n: number) => number): Promise<HandoffService> {
  const store = await PostgresStore.open({ url: schema.url, logger: silentLogger, poolSize: 2 });
  stores.push(store);
  const directory = await testDirectory();
  const clock = movableClock(MONDAY_10H_WINTER);
  return HandoffService.open({
    store,
    directory: () => directory,
    clock: clock.now,
    availability: oneAdvisorAvailable,
    randomIndex: random,
  });
}

describe('handoff references across two instances on one PostgreSQL', () => {
  it('two instances drawing the same candidate hand out different references', async () => {
    if (!on) return;
    const same = [0, 1, 2, 3, 4];
    const a = await instance(scripted(same, [5, 5, 5, 5, 5]));
    const b = await instance(scripted(same, [6, 6, 6, 6, 6]));
    const first = (await a.create(request('directline:a-1', { mode: 'callback' }))).request;
    const second = (await b.create(request('directline:b-1', { mode: 'callback' }))).request;
    expect(first.reference).toBe('VIR-23456');
    expect(second.reference).not.toBe(first.reference);
    expect(second.reference).toBe('VIR-88888');
    // Both are stored, each found by its own reference from either instance once it reloads.
    await a.reload();
    expect((await a.getByReference(second.reference))?.id).toBe(second.id);
    expect((await a.getByReference(first.reference))?.id).toBe(first.id);
  });

  it('two instances creating at once with the same draws still get different references', async () => {
    if (!on) return;
    const same = [10, 11, 12, 13, 14];
    const a = await instance(scripted(same, [20, 20, 20, 20, 20]));
    const b = await instance(scripted(same, [21, 21, 21, 21, 21]));
    const [x, y] = await Promise.all([
      a.create(request('directline:a-2', { mode: 'callback' })),
      b.create(request('directline:b-2', { mode: 'callback' })),
    ]);
    expect(x.request.reference).not.toBe(y.request.reference);
    expect([x.request.reference, y.request.reference]).toContain('VIR-CDEFG');
  });
});

describe('the migration that makes references unique', () => {
  it('on a database already holding two requests with one reference, stops with a clear message and applies nothing', async () => {
    if (!on) return;
    const own = await createTestSchema();
    const pool = new pg.Pool({ connectionString: own.url });
    try {
      await migrate(
        pool,
        silentLogger,
        MIGRATIONS.filter((m) => m.version < 4),
      );
      for (const id of ['r1', 'r2']) {
        await pool.query(
          `INSERT INTO documents (collection, id, key, body, props, etag) VALUES ('handoffs', $1, $2, '{}', $3::jsonb, 'e')`,
          [id, JSON.stringify(id), JSON.stringify({ reference: 'VIR-ABCDE' })],
        );
      }
      await expect(migrate(pool, silentLogger)).rejects.toMatchObject({
        name: 'MigrationError',
        message: expect.stringContaining('même référence (VIR-ABCDE)'),
      });
      const { rows } = await pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual([1, 2, 3]);
      await pool.query(`UPDATE documents SET props = '{"reference":"VIR-ABCDF"}'::jsonb WHERE id = 'r2'`);
      expect(await migrate(pool, silentLogger)).toEqual([4]);
    } finally {
      await pool.end();
      await own.drop();
    }
  });
});
