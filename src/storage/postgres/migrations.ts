// The PostgreSQL schema, as versioned migrations applied in order at start (see migrate.ts). Never edit a
// migration that has shipped: add the next version. Each runs inside the start-up transaction.
//
// One table holds every collection of the DocumentStore:
// - `id` is the key itself when it is short, well-formed and does not start with U+FFFF; otherwise
//   U+FFFF + the SHA-256 of the key (btree entries are limited to ~2.7 KB, text cannot hold NUL or lone
//   surrogates). `key` always keeps the exact key, JSON-encoded.
// - `body` is the document exactly as JSON.stringify wrote it (key order, \u0000 and lone surrogates kept:
//   the json/jsonb types either reorder keys or refuse such text in queries).
// - `props` holds the document's short, well-formed top-level strings: what SQL filters and indexes see
//   (subjects, dates). See PostgresCollection.props().
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents',
    sql: `
      CREATE TABLE documents (
        collection text NOT NULL,
        id text NOT NULL,
        key text NOT NULL,
        body text NOT NULL,
        props jsonb NOT NULL DEFAULT '{}'::jsonb,
        etag text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (collection, id)
      );
    `,
  },
  {
    version: 2,
    name: 'filter indexes (subjects and dates used by privacy requests and retention purges)',
    sql: `
      CREATE INDEX documents_subject ON documents (collection, (props->>'subject'));
      CREATE INDEX documents_user ON documents (collection, (props->>'userId'));
      CREATE INDEX documents_updated ON documents (collection, (props->>'updatedAt') COLLATE "C");
      CREATE INDEX documents_created ON documents (collection, (props->>'createdAt') COLLATE "C");
      CREATE INDEX documents_last_seen ON documents (collection, (props->>'lastSeen') COLLATE "C");
      CREATE INDEX documents_day ON documents (collection, (props->>'day') COLLATE "C");
      CREATE INDEX documents_last_day ON documents (collection, (props->>'lastDay') COLLATE "C");
      CREATE INDEX documents_expires ON documents (collection, (props->>'expiresAt') COLLATE "C");
    `,
  },
  {
    version: 3,
    name: 'append-only logs (transcripts): a header per log, records in order',
    sql: `
      CREATE TABLE logs (
        collection text NOT NULL,
        id text NOT NULL,
        key text NOT NULL,
        header text NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (collection, id)
      );
      CREATE INDEX logs_updated ON logs (collection, updated_at);
      CREATE TABLE log_records (
        collection text NOT NULL,
        id text NOT NULL,
        seq bigserial NOT NULL,
        body text NOT NULL,
        PRIMARY KEY (collection, id, seq),
        FOREIGN KEY (collection, id) REFERENCES logs (collection, id) ON DELETE CASCADE
      );
    `,
  },
  {
    version: 4,
    name: 'handoff references unique across instances',
    // Each instance checks a new reference against its own index only: two instances could draw the same
    // one at once. A write of such a duplicate fails (DuplicateValueError) and the service draws again.
    // Requests already stored twice under one reference (very unlikely) stop the start with a clear message.
    sql: `
      DO $$
      DECLARE dup text;
      BEGIN
        SELECT props->>'reference' INTO dup FROM documents WHERE collection = 'handoffs' AND props ? 'reference'
          GROUP BY 1 HAVING count(*) > 1 LIMIT 1;
        IF dup IS NOT NULL THEN
          RAISE EXCEPTION 'Deux demandes de mise en relation portent la même référence (%) : donnez-en une autre à l''une d''elles (collection handoffs), puis redémarrez Virage.', dup;
        END IF;
      END $$;
      CREATE UNIQUE INDEX documents_handoff_reference ON documents ((props->>'reference')) WHERE collection = 'handoffs';
    `,
  },
];
