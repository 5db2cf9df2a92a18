// Queries on the pool, or on the client of the transaction the caller runs in (AsyncLocalStorage), so that
// code written against the DocumentStore joins a transaction without passing a client around.
import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';

interface Tx {
  client: pg.PoolClient;
  savepoints: number;
  /** Serialises read-modify-writes inside the transaction (its row locks do not guard it from itself). */
  chain: Promise<unknown>;
}

export class Db {
  private readonly als = new AsyncLocalStorage<Tx>();

  constructor(readonly pool: pg.Pool) {}

  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    const tx = this.als.getStore();
    return tx ? tx.client.query<R>(text, params) : this.pool.query<R>(text, params);
  }

  /**
   * Runs `fn` in one transaction: everything it does through this Db commits together or not at all.
   * Inside a transaction, a nested call is a savepoint (its failure undoes only its own changes).
   * Work inside one transaction must be sequential (a savepoint cannot tell concurrent work apart).
   */
  async transaction<R>(fn: () => Promise<R>): Promise<R> {
    const tx = this.als.getStore();
    if (tx) {
      const name = `sp${++tx.savepoints}`;
      await tx.client.query(`SAVEPOINT ${name}`);
      try {
        const result = await fn();
        await tx.client.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (err) {
        await tx.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw err;
      }
    }
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await this.als.run({ client, savepoints: 0, chain: Promise.resolve() }, fn);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw err;
    } finally {
      client.release(broken);
    }
  }

  /**
   * A read-modify-write: in the caller's transaction (serialised with the others of that transaction),
   * or in a transaction of its own.
   */
  atomically<R>(fn: () => Promise<R>): Promise<R> {
    const tx = this.als.getStore();
    if (!tx) return this.transaction(fn);
    const run = tx.chain.then(fn, fn);
    tx.chain = run.catch(() => undefined);
    return run;
  }
}
