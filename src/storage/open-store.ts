// Opens the DocumentStore the configuration asks for: the embedded lowdb files in DATA_DIR (default,
// nothing to install) or PostgreSQL (STORE=postgres, DATABASE_URL).
import path from 'node:path';
import type { VirageConfig } from '../config.js';
import type { Logger } from '../log.js';
import { PostgresStore } from './postgres/store.js';
import { ShardedFileStore } from './sharded-store.js';
import type { DocumentStore } from './types.js';

/** A store, and how to run work in one transaction when it has transactions. */
export interface OpenedStore {
  store: DocumentStore;
  transaction?: <R>(fn: () => Promise<R>) => Promise<R>;
}

export async function openStore(config: Pick<VirageConfig, 'store' | 'dataDir'>, logger: Logger): Promise<OpenedStore> {
  if (config.store.kind === 'postgres') {
    const store = await PostgresStore.open({ url: config.store.url, logger });
    return { store, transaction: (fn) => store.transaction(fn) };
  }
  return { store: new ShardedFileStore(path.join(config.dataDir, 'store'), { logger }) };
}
