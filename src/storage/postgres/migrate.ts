// Applies the versioned migrations at start: one transaction, under an advisory lock keyed by the schema,
// so that two instances starting together apply each migration once and a failed migration leaves
// nothing half done. Applied versions are recorded in schema_migrations.
import type pg from 'pg';
import type { Logger } from '../../log.js';
import { MIGRATIONS, type Migration } from './migrations.js';

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** Applies the pending migrations; returns the versions applied by this call. */
export async function migrate(pool: pg.Pool, logger: Logger, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('virage-migrations:' || current_schema()))`);
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    const latest = Math.max(0, ...migrations.map((m) => m.version));
    const newer = [...done].filter((v) => v > latest);
    if (newer.length > 0) {
      throw new MigrationError(
        `La base PostgreSQL a été migrée par une version plus récente de Virage (schéma ${Math.max(...newer)}, cette version connaît ${latest}) : mettez Virage à jour.`,
      );
    }
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    // RAISE EXCEPTION in a migration (SQLSTATE P0001): the data does not allow it; its message says why.
    if ((err as { code?: unknown }).code === 'P0001') throw new MigrationError((err as Error).message);
    throw err;
  } finally {
    client.release();
  }
  if (applied.length > 0) logger.info('[postgres] migrations applied', { versions: applied });
  return applied;
}
