// PostgreSQL going away and coming back, through a real TCP proxy the test cuts: work is refused with
// StoreUnavailableError (the routes answer 503), /healthz's check says unhealthy, and once the database
// is reachable again the same store works without a restart. Also: start-up refusals are clear.
import net from 'node:net';
import { PostgresStore } from '../../src/storage/postgres/store.js';
import { MIGRATIONS } from '../../src/storage/postgres/migrations.js';
import { migrate } from '../../src/storage/postgres/migrate.js';
import { silentLogger } from '../../src/log.js';
import pg from 'pg';
import { createTestSchema, postgresAvailable, TEST_DATABASE_URL, type TestSchema } from '../helpers/postgres.js';

const available = await postgresAvailable('PostgreSQL indisponible puis revenu');

/** A TCP proxy to PostgreSQL that the test can cut (closing every connection) and restore. */
async function proxy(target: URL) {
  const sockets = new Set<net.Socket>();
  let open = true;
  const server = net.createServer((client) => {
    if (!open) return client.destroy();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      open = false;
      for (const s of sockets) s.destroy();
    },
    restore() {
      open = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

(available ? describe : describe.skip)('PostgreSQL outage', () => {
  let schema: TestSchema;
  beforeEach(async () => {
    schema = await createTestSchema();
  });
  afterEach(() => schema.drop());

  it('refuses work with StoreUnavailableError while PostgreSQL is gone, then works again', async () => {
    const cut = await proxy(new URL(schema.url));
    const url = new URL(schema.url);
    url.hostname = '127.0.0.1';
    url.port = String(cut.port);
    const store = await PostgresStore.open({ url: url.toString(), poolSize: 2, connectTimeoutMs: 1000 }).catch(async (err) => {
      await cut.close();
      throw err;
    });
    try {
      const c = store.collection<{ n: number }>('docs');
      await c.put('k', { n: 1 });
      cut.cut();
      await expect(c.put('k', { n: 2 })).rejects.toMatchObject({ name: 'StoreUnavailableError' });
      await expect(c.get('k')).rejects.toMatchObject({ name: 'StoreUnavailableError' });
      expect(await store.healthy()).toBe(false);
      cut.restore();
      expect(await store.healthy()).toBe(true);
      expect(await c.get('k')).toEqual({ n: 1 });
      await c.put('k', { n: 3 });
      expect(await c.get('k')).toEqual({ n: 3 });
    } finally {
      await store.close();
      await cut.close();
    }
  });

  it('does not start on an unreachable database, and names it without its password', async () => {
    const url = new URL(TEST_DATABASE_URL);
    url.port = '1'; // nothing listens there
    url.password = 'secret-password';
    const opening = PostgresStore.open({ url: url.toString(), connectTimeoutMs: 1000 });
    await expect(opening).rejects.toThrow(/^PostgreSQL injoignable \(postgres:\/\/.*:\*\*\*@127\.0\.0\.1:1\//);
    await expect(opening).rejects.not.toThrow(/secret-password/);
  });

  it('applies each migration once, even with two instances starting together, and records it', async () => {
    const [a, b] = await Promise.all([PostgresStore.open({ url: schema.url }), PostgresStore.open({ url: schema.url })]);
    await Promise.all([a.close(), b.close()]);
    const client = new pg.Client({ connectionString: schema.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await client.end();
    }
  });

  it('refuses a database migrated by a newer Virage, and rolls a failing migration back whole', async () => {
    const pool = new pg.Pool({ connectionString: schema.url });
    try {
      await migrate(pool, silentLogger);
      const broken = [...MIGRATIONS, { version: 99, name: 'broken', sql: 'CREATE TABLE half_done (x int); SELECT * FROM no_such_table' }];
      await expect(migrate(pool, silentLogger, broken)).rejects.toThrow(/no_such_table/);
      const tables = await pool.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'half_done'`, [
        schema.name,
      ]);
      expect(tables.rowCount).toBe(0);
      await pool.query(`INSERT INTO schema_migrations (version, name) VALUES (100, 'from the future')`);
      await expect(migrate(pool, silentLogger)).rejects.toThrow(/version plus récente de Virage.*schéma 100/);
    } finally {
      await pool.end();
    }
  });
});
