// PostgreSQL for tests: DATABASE_URL_TEST (default postgres://postgres@127.0.0.1:5432/test). Each suite
// works in a schema of its own, created and dropped here, so parallel runs never see each other's rows.
// When PostgreSQL is unreachable, suites are skipped with one line — unless VIRAGE_REQUIRE_SERVICES=true
// (.ci/run), where that is a failure.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { redactUrl } from '../../src/storage/postgres/store.js';

export const TEST_DATABASE_URL = process.env.DATABASE_URL_TEST || 'postgres://postgres@127.0.0.1:5432/test';
const required = process.env.VIRAGE_REQUIRE_SERVICES === 'true';

let reachable: Promise<string | undefined> | undefined;

/** Undefined when PostgreSQL answers; else why not. */
function probe(): Promise<string | undefined> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return undefined;
    } catch (err) {
      return (err as Error).message || String(err);
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

/**
 * True when PostgreSQL answers. Otherwise logs « PostgreSQL indisponible sur …: suite ignorée » once per
 * suite and returns false, or throws when services are required.
 */
export async function postgresAvailable(suite: string): Promise<boolean> {
  const why = await probe();
  if (why === undefined) return true;
  const line = `PostgreSQL indisponible sur ${redactUrl(TEST_DATABASE_URL)} (${why}) : suite ignorée — ${suite}`;
  if (required) throw new Error(`${line} — mais VIRAGE_REQUIRE_SERVICES=true : échec`);
  console.warn(line);
  return false;
}

export interface TestSchema {
  /** DATABASE_URL whose search_path is the new schema. */
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A new empty schema (virage_test_<random>) and a DATABASE_URL that works in it. */
export async function createTestSchema(): Promise<TestSchema> {
  const name = `virage_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE SCHEMA ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${name}`);
  return { url: url.toString(), name, drop: () => admin(`DROP SCHEMA IF EXISTS ${name} CASCADE`) };
}

const DIR_SCHEMA = 'virage_dir_';
const STALE_MS = 2 * 3600_000;

/**
 * The environment of a test server. With STORE=postgres (or VIRAGE_TEST_STORE=postgres, which runs every
 * test server on PostgreSQL) and no DATABASE_URL: a schema of its own per DATA_DIR, so that a test that
 * restarts a server on the same DATA_DIR finds its data again. Such schemas are dropped by a later run
 * once two hours old.
 */
export async function storeEnv(env: Record<string, string>, dataDir: string): Promise<Record<string, string>> {
  const store = env.STORE ?? process.env.VIRAGE_TEST_STORE;
  if (store !== 'postgres' || env.DATABASE_URL) return env;
  const name = `${DIR_SCHEMA}${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      `SELECT nspname FROM pg_namespace n WHERE starts_with(nspname, $1) AND obj_description(n.oid, 'pg_namespace') < $2`,
      [DIR_SCHEMA, String(Date.now() - STALE_MS)],
    );
    for (const r of rows) await client.query(`DROP SCHEMA IF EXISTS ${r.nspname} CASCADE`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${name}`);
    await client.query(`COMMENT ON SCHEMA ${name} IS '${Date.now()}'`);
  } finally {
    await client.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${name}`);
  return { ...env, STORE: 'postgres', DATABASE_URL: url.toString() };
}
