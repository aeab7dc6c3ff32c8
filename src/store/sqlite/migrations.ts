import {
  LEDGER_COHORT_MIGRATION_SQL, LEDGER_CORE_MIGRATION_SQL, LEDGER_FILTER_MIGRATION_SQL, LEDGER_MIGRATION_SQL, LEDGER_ROWID_MIGRATION_SQL, LEDGER_SCALE_MIGRATION_SQL, LEDGER_SUMMARY_MIGRATION_SQL,
} from './ledger-queries.js';
import { BROWSE_MIGRATION_SQL, ITEMS_PLACE_TRIGGERS_SQL, PLACE_MENTION_ORDER_MIGRATION_SQL } from './browse-index.js';

/**
 * Numbered schema migrations. Each runs in its own transaction together with
 * the bump of `PRAGMA user_version`, so a database is never left half-migrated.
 * Never edit a migration that has shipped: add the next number.
 */
export const SQLITE_MIGRATIONS: ReadonlyArray<{ readonly version: number; readonly sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE documents (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
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
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (doc_id, id)
      ) WITHOUT ROWID;
      CREATE INDEX items_kind ON items(kind);
    `,
  },
  {
    // Ingest: full-text search (FTS5 over title and text, kept in sync by
    // triggers), near-duplicate links and MinHash signatures with their LSH
    // band keys, what ingest knows about a document beyond the ledger
    // (analysed or not, byline, forwarded from), and sources read to the end
    // (so a resumed run skips them without reading them again).
    version: 2,
    sql: `
      ALTER TABLE documents ADD COLUMN analyzed INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE documents ADD COLUMN byline TEXT;
      ALTER TABLE documents ADD COLUMN forwarded_from TEXT;
      ALTER TABLE documents ADD COLUMN duplicate_of TEXT;
      ALTER TABLE documents ADD COLUMN duplicate_similarity REAL;
      CREATE INDEX documents_duplicate_of ON documents(duplicate_of) WHERE duplicate_of IS NOT NULL;
      CREATE INDEX documents_outlet ON documents(outlet);
      CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;
      CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
      END;
      CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;
      INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
      CREATE TABLE minhash_signatures (
        seq INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
        signature BLOB NOT NULL
      );
      CREATE TABLE minhash_bands (
        key INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (key, seq)
      ) WITHOUT ROWID;
      CREATE TRIGGER minhash_bands_delete AFTER DELETE ON documents BEGIN
        DELETE FROM minhash_bands WHERE seq = old.seq;
      END;
      CREATE TABLE ingest_sources (
        source TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        documents INTEGER NOT NULL
      );
    `,
  },
  {
    // Ledger: claims indexed by proposition, place, side and date; contradictions
    // and control timelines kept up to date on save (src/store/sqlite/ledger-queries.ts).
    version: 3,
    sql: LEDGER_MIGRATION_SQL,
  },
  {
    // Browsing at scale (the server's map, place panel and board): items in document
    // order by index, place totals and dated contradictions kept by triggers
    // (src/store/sqlite/browse-index.ts).
    version: 4,
    sql: BROWSE_MIGRATION_SQL,
  },
  {
    // Ledger at scale: claims of a proposition in date order, so a save recomputes
    // only the months and recent days it touches (src/store/sqlite/ledger-queries.ts).
    version: 5,
    sql: LEDGER_SCALE_MIGRATION_SQL,
  },
  {
    // Ledger at scale: a compact copy of each claim for recomputes, claims by place and proposition.
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
    // Ingest at scale (issue 6): items in a rowid table, so a document's items are appended
    // in one place instead of being split into pages all over a WITHOUT ROWID tree keyed by
    // random document ids (the tree was a third full and an item cost ≈ 70 µs to insert);
    // `ord`, each item's position in its list, so a document's lists are read back from
    // `items` and `documents.analysis` no longer holds a second copy of them (rows stored
    // before keep theirs, and ord NULL); no index on `kind` alone (no query uses it).
    version: 9,
    sql: `
      CREATE TABLE items_v9 (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        kind TEXT NOT NULL,
        ord INTEGER,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        data TEXT NOT NULL,
        UNIQUE (doc_id, id)
      );
      INSERT INTO items_v9 (doc_id, id, kind, ord, start, end, text, data)
        SELECT i.doc_id, i.id, i.kind, NULL, i.start, i.end, i.text, i.data FROM documents d CROSS JOIN items i ON i.doc_id = d.id ORDER BY d.seq;
      DROP TABLE items;
      ALTER TABLE items_v9 RENAME TO items;
      CREATE INDEX items_doc_kind_span ON items(doc_id, kind, start, end DESC, id);
      ${ITEMS_PLACE_TRIGGERS_SQL}
    `,
  },
  {
    // Ingest at scale: ledger claims in a rowid table too, indexes naming the old key (src/store/sqlite/ledger-queries.ts).
    version: 10,
    sql: LEDGER_ROWID_MIGRATION_SQL,
  },
  {
    // A document's band keys by its seq: re-saving or deleting a document removed its bands
    // with a scan of every band (32 per document), the cost of each save growing with the store.
    version: 11,
    sql: 'CREATE INDEX minhash_bands_seq ON minhash_bands(seq);',
  },
  {
    // Ledger recomputes read the newest claims of each cohort (polarity, side, counted), not of
    // the whole group: one side repeating a claim no longer hides the other side's (issue 7).
    version: 12,
    sql: LEDGER_COHORT_MIGRATION_SQL,
  },
  {
    // A place's documents in storage order, so a page of its mentions stops at the page instead
    // of sorting every mention of the place (src/store/sqlite/browse-index.ts).
    version: 13,
    sql: PLACE_MENTION_ORDER_MIGRATION_SQL,
  },
];
