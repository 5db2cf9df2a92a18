// The backends the store contract runs against: one factory per backend, each giving a fresh, empty store
// per test (memory; lowdb files in a temp directory; PostgreSQL in a schema of its own).
import { MemoryStore } from '../../src/storage/memory-store.js';
import { PostgresStore } from '../../src/storage/postgres/store.js';
import { ShardedFileStore } from '../../src/storage/sharded-store.js';
import type { DocumentStore } from '../../src/storage/types.js';
import type { Transaction } from '../../src/privacy/registry.js';
import { createTestSchema, postgresAvailable, type TestSchema } from '../helpers/postgres.js';
import { removeDir, tempDir } from './helpers.js';

export interface Backend {
  name: string;
  /** Persists across close() and reopen. */
  durable: boolean;
  /** Several stores (instances) may share the data. */
  shared: boolean;
  /** Sets up an empty place for one test. */
  setUp(): Promise<void>;
  /** A store on the current place (call again after close() for a restart, or twice for two instances). */
  open(): Promise<DocumentStore>;
  /** The store's transaction runner, when it has transactions. */
  transaction?(store: DocumentStore): Transaction;
  tearDown(): Promise<void>;
}

function memory(): Backend {
  let store: MemoryStore | undefined;
  return {
    name: 'memory',
    durable: false,
    shared: false,
    async setUp() {
      store = new MemoryStore();
    },
    // One store per test: a second open() is the same process-wide memory (as two handles on it).
    async open() {
      return store!;
    },
    async tearDown() {
      store = undefined;
    },
  };
}

function lowdb(): Backend {
  let dir = '';
  return {
    name: 'lowdb',
    durable: true,
    shared: false,
    async setUp() {
      dir = tempDir('virage-contract-');
    },
    async open() {
      return new ShardedFileStore(dir, { shards: 4 });
    },
    async tearDown() {
      removeDir(dir);
    },
  };
}

function postgres(): Backend {
  let schema: TestSchema | undefined;
  return {
    name: 'postgres',
    durable: true,
    shared: true,
    async setUp() {
      schema = await createTestSchema();
    },
    open() {
      return PostgresStore.open({ url: schema!.url, poolSize: 4 });
    },
    transaction(store) {
      return (fn) => (store as PostgresStore).transaction(fn);
    },
    async tearDown() {
      await schema?.drop();
      schema = undefined;
    },
  };
}

/** memory, lowdb and — when it answers (see test/helpers/postgres.ts) — PostgreSQL. */
export async function contractBackends(suite: string): Promise<Backend[]> {
  const all = [memory(), lowdb()];
  if (await postgresAvailable(suite)) all.push(postgres());
  return all;
}

/** Opens a store per test and closes every store the test opened. */
export function useBackend(backend: Backend): { open(): Promise<DocumentStore> } {
  const opened: DocumentStore[] = [];
  beforeEach(() => backend.setUp());
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close().catch(() => undefined);
    await backend.tearDown();
  });
  return {
    async open() {
      const s = await backend.open();
      opened.push(s);
      return s;
    },
  };
}
