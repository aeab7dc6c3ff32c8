import { BROWSE_MIGRATION_SQL, PLACE_MENTION_ORDER_MIGRATION_SQL } from './browse-index.js';
import { LEDGER_COHORT_MIGRATION_SQL, LEDGER_CORE_MIGRATION_SQL, LEDGER_FILTER_MIGRATION_SQL, LEDGER_MIGRATION_SQL, LEDGER_SCALE_MIGRATION_SQL, LEDGER_SUMMARY_MIGRATION_SQL } from './ledger-queries.js';

/**
 * Numbered schema migrations for PostgreSQL, one for each SQLite migration
 * with the same number and the same meaning (src/store/sqlite/migrations.ts).
 * Each runs in its own transaction together with the bump of
 * `counterclaim_schema.version`; PostgreSQL DDL is transactional, so an
 * interrupted migration leaves nothing behind. Never edit a migration that
 * has shipped: add the next number.
 *
 * Differences from SQLite, on purpose:
 * - `seq` is an identity column (SQLite: INTEGER PRIMARY KEY AUTOINCREMENT);
 * - `items."end"` is quoted (a reserved word in PostgreSQL);
 * - full-text search is a stored, generated tsvector with a GIN index instead
 *   of an FTS5 table kept in sync by triggers. The `counterclaim` text search
 *   configuration is `simple` (no stemming, no stop words, like FTS5's
 *   unicode61) with `unaccent` first (like `remove_diacritics 2`). Title words
 *   get weight A and text words weight B, so ranking can weigh the title 4×;
 * - minhash band keys are BIGINT (SQLite INTEGER is 64-bit too).
 */
export const POSTGRES_MIGRATIONS: ReadonlyArray<{ readonly version: number; readonly sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE documents (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT, outlet TEXT, url TEXT, published TEXT, language TEXT, source TEXT,
        text TEXT NOT NULL,
        analysis TEXT NOT NULL,
        analysis_hash TEXT NOT NULL
      );
      CREATE INDEX documents_published ON documents(published);
      CREATE TABLE items (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        kind TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (doc_id, id)
      );
      CREATE INDEX items_kind ON items(kind);
    `,
  },
  {
    version: 2,
    sql: `
      ALTER TABLE documents ADD COLUMN analyzed BOOLEAN NOT NULL DEFAULT true;
      ALTER TABLE documents ADD COLUMN byline TEXT;
      ALTER TABLE documents ADD COLUMN forwarded_from TEXT;
      ALTER TABLE documents ADD COLUMN duplicate_of TEXT;
      ALTER TABLE documents ADD COLUMN duplicate_similarity DOUBLE PRECISION;
      CREATE INDEX documents_duplicate_of ON documents(duplicate_of) WHERE duplicate_of IS NOT NULL;
      CREATE INDEX documents_outlet ON documents(lower(outlet));
      CREATE EXTENSION IF NOT EXISTS unaccent;
      CREATE TEXT SEARCH CONFIGURATION counterclaim (COPY = simple);
      ALTER TEXT SEARCH CONFIGURATION counterclaim
        ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;
      ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('counterclaim'::regconfig, coalesce(title, '')), 'A') ||
        setweight(to_tsvector('counterclaim'::regconfig, text), 'B')
      ) STORED;
      CREATE INDEX documents_search ON documents USING GIN (search);
      CREATE TABLE minhash_signatures (
        seq BIGINT PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
        signature BYTEA NOT NULL
      );
      CREATE TABLE minhash_bands (
        key BIGINT NOT NULL,
        seq BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
        PRIMARY KEY (key, seq)
      );
      CREATE TABLE ingest_sources (
        source TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        documents INTEGER NOT NULL
      );
    `,
  },
  {
    // Ledger: claims indexed for claims --place/--side/--since, contradictions and control
    // timelines kept up to date on save (src/store/postgres/ledger-queries.ts).
    version: 3,
    sql: LEDGER_MIGRATION_SQL,
  },
  {
    // Browsing at scale: items in document order by index, place totals and dated
    // contradictions kept by triggers (src/store/postgres/browse-index.ts).
    version: 4,
    sql: BROWSE_MIGRATION_SQL,
  },
  {
    // Ledger at scale: claims of a proposition in date order (recompute one month).
    version: 5,
    sql: LEDGER_SCALE_MIGRATION_SQL,
  },
  {
    // Ledger at scale: a compact core copy of each claim, claims by place and proposition.
    version: 6,
    sql: LEDGER_CORE_MIGRATION_SQL,
  },
  {
    // Ledger filters in SQL (/api/claims?place=…&stance=…): stance, source and outlet columns, place + stance + date index.
    version: 7,
    sql: LEDGER_FILTER_MIGRATION_SQL,
  },
  {
    // Ledger at scale: a summary row per proposition-month, so a save skips months that cannot contradict.
    version: 8,
    sql: LEDGER_SUMMARY_MIGRATION_SQL,
  },
  {
    // Each item list stored once (SQLite migration 9): `ord`, each item's position in its list,
    // so a document's lists are read back from `items` and `documents.analysis` holds their
    // lengths instead of a second copy (rows stored before keep theirs, and ord NULL). The
    // table stays as it is otherwise: a heap already appends rows, and items_kind stays for
    // the planner's choices of the list queries.
    version: 9,
    sql: 'ALTER TABLE items ADD COLUMN IF NOT EXISTS ord INTEGER;',
  },
  {
    // SQLite migration 10 moved ledger claims into a rowid table; PostgreSQL tables are heaps
    // already and its indexes were declared with the same columns: nothing to change.
    version: 10,
    sql: 'SELECT 1;',
  },
  {
    // A document's band keys by its seq (SQLite migration 11): the per-save delete of a document's
    // bands, and the cascade when a document is deleted, scanned every band of the store.
    version: 11,
    sql: 'CREATE INDEX IF NOT EXISTS minhash_bands_seq ON minhash_bands(seq);',
  },
  {
    // Ledger recomputes read the newest claims of each cohort (polarity, side, counted): SQLite migration 12.
    version: 12,
    sql: LEDGER_COHORT_MIGRATION_SQL,
  },
  {
    // A place's documents in storage order, for pages of its mentions (SQLite migration 13).
    version: 13,
    sql: PLACE_MENTION_ORDER_MIGRATION_SQL,
  },
];
