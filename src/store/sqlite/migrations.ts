import type Database from 'better-sqlite3';
import { browseTables, claimsOrderIndex, ledgerIndexes, ledgerTables, SQLITE_SPELLING as S } from '../schema-tables.js';
import { upgradeDocumentsFrom14 } from '../upgrade-from-14.js';

/**
 * The SQLite schema: the current version in one piece for a new database, and
 * the upgrade of a database of the previous version in place. Older databases
 * are refused with a message (upgrade them with the counterclaim release that
 * wrote version 14 first, or ingest again). Each step runs in one transaction
 * with the bump of `PRAGMA user_version`: a database is never left half-migrated.
 *
 * Version 15 (issue 15, a third of the writes; docs/store.md): a document's
 * lists are stored once and not a row per item: its place mentions in
 * `place_items` (with the place id computed in TypeScript, `placeIdOf`), its
 * claims only in `ledger_claims` (with their `ord`), everything else as one
 * compressed value in `documents.analysis`; `ledger_claims_about` holds
 * listClaims' whole order (date, doc_id, claim_id), so an unfiltered page of
 * claims is read without sorting a date's ties.
 * Version 14: documents keyed by their integer `seq`; only indexes a query
 * plan uses are kept, each named in `src/store/sqlite/index-plans.test.ts`.
 */
export const SQLITE_SCHEMA_VERSION = 15;
/** The oldest version `upgrade` upgrades in place. */
export const SQLITE_OLDEST_UPGRADABLE = 14;

/** A document's seq from its id: the key of its items and ledger claims. */
const seqOf = (id: string): string => `(SELECT seq FROM documents WHERE id = ${id})`;

/**
 * A document's place mentions in text order (its key), with the id the place
 * is aggregated under; place totals, documents per place and forms kept by
 * triggers, so the map reads one small table whoever writes.
 */
const PLACE_ITEMS_TABLE_AND_TRIGGERS = `
  CREATE TABLE place_items (
    doc_seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    id TEXT NOT NULL,
    ord INTEGER NOT NULL,
    place_id TEXT NOT NULL,
    text TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (doc_seq, start, "end" DESC, id)
  ) WITHOUT ROWID;
  CREATE TRIGGER place_items_totals_insert AFTER INSERT ON place_items BEGIN
    INSERT INTO place_totals (id, name, geoname_id, lat, lon, country, admin1)
      VALUES (new.place_id, coalesce(json_extract(new.data, '$.name'), new.text), json_extract(new.data, '$.geonameId'),
        json_extract(new.data, '$.lat'), json_extract(new.data, '$.lon'), json_extract(new.data, '$.country'), json_extract(new.data, '$.admin1'))
      ON CONFLICT(id) DO NOTHING;
    INSERT OR IGNORE INTO place_doc_mentions (place_id, doc_seq, mentions) VALUES (new.place_id, new.doc_seq, 0);
    UPDATE place_totals SET mentions = mentions + 1,
      documents = documents + (SELECT mentions = 0 FROM place_doc_mentions WHERE place_id = new.place_id AND doc_seq = new.doc_seq)
      WHERE id = new.place_id;
    UPDATE place_doc_mentions SET mentions = mentions + 1 WHERE place_id = new.place_id AND doc_seq = new.doc_seq;
    INSERT INTO place_forms (place_id, form, n) VALUES (new.place_id, new.text, 1) ON CONFLICT(place_id, form) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER place_items_totals_delete AFTER DELETE ON place_items BEGIN
    UPDATE place_doc_mentions SET mentions = mentions - 1 WHERE place_id = old.place_id AND doc_seq = old.doc_seq;
    UPDATE place_totals SET mentions = mentions - 1,
      documents = documents - coalesce((SELECT mentions = 0 FROM place_doc_mentions WHERE place_id = old.place_id AND doc_seq = old.doc_seq), 0)
      WHERE id = old.place_id;
    DELETE FROM place_doc_mentions WHERE place_id = old.place_id AND doc_seq = old.doc_seq AND mentions <= 0;
    UPDATE place_forms SET n = n - 1 WHERE place_id = old.place_id AND form = old.text;
    DELETE FROM place_forms WHERE place_id = old.place_id AND form = old.text AND n <= 0;
    DELETE FROM place_totals WHERE id = old.place_id AND mentions <= 0;
  END;`;

/** A claim's date for ordering contradictions: the end of the time it is about, else its statement date. */
const claimDate = (alias: string): string => `coalesce(${alias}.about_end, substr(${alias}.stated, 1, 10))`;

/** Each contradiction's date (its newer claim's) and place, so the board reads the newest first from an index. */
const CONTRADICTION_DATED_TRIGGERS = `
  CREATE TRIGGER ledger_contradictions_dated_insert AFTER INSERT ON ledger_contradictions BEGIN
    INSERT OR REPLACE INTO contradiction_dates (scope, id, date, place)
    SELECT new.scope, new.id, nullif(max(coalesce(${claimDate('la')}, ''), coalesce(${claimDate('lb')}, '')), ''), coalesce(la.place, lb.place)
    FROM (SELECT 1) LEFT JOIN ledger_claims la ON la.doc_seq = ${seqOf("json_extract(new.data, '$.a.doc')")} AND la.claim_id = json_extract(new.data, '$.a.claim')
    LEFT JOIN ledger_claims lb ON lb.doc_seq = ${seqOf("json_extract(new.data, '$.b.doc')")} AND lb.claim_id = json_extract(new.data, '$.b.claim');
  END;`;

/** A new database: the schema of version 15. */
export const SQLITE_SCHEMA_SQL = `
  CREATE TABLE documents (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    title TEXT, outlet TEXT, url TEXT, published TEXT, language TEXT, source TEXT,
    text TEXT NOT NULL,
    analysis BLOB NOT NULL,
    analysis_hash TEXT NOT NULL,
    analyzed INTEGER NOT NULL DEFAULT 1, byline TEXT, forwarded_from TEXT, duplicate_of TEXT, duplicate_similarity REAL
  );
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
  CREATE TABLE minhash_signatures (seq INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE, signature BLOB NOT NULL);
  CREATE TABLE minhash_bands (key INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (key, seq)) WITHOUT ROWID;
  CREATE INDEX minhash_bands_seq ON minhash_bands(seq);
  CREATE TRIGGER minhash_bands_delete AFTER DELETE ON documents BEGIN
    DELETE FROM minhash_bands WHERE seq = old.seq;
  END;
  ${browseTables(S)}
  ${PLACE_ITEMS_TABLE_AND_TRIGGERS}
  ${ledgerTables(S)}
  ${ledgerIndexes(S)}
  CREATE INDEX contradiction_dates_place ON contradiction_dates(place, date DESC);
  ${CONTRADICTION_DATED_TRIGGERS}
  CREATE TRIGGER ledger_contradictions_dated_delete AFTER DELETE ON ledger_contradictions BEGIN
    DELETE FROM contradiction_dates WHERE scope = old.scope AND id = old.id;
  END;
`;

/**
 * Version 14 to 15, in the migration's transaction. The place totals, documents
 * per place and forms are emptied and filled again by the triggers of
 * `place_items` as each document's places are written with ids computed in
 * TypeScript (re-keyed: "Київ" was `name-Київ`, is `name-київ`). Claims get
 * their place in the list from the claim items (`ord`); each document's
 * analysis is rewritten from its items (`upgradeDocumentsFrom14`); the item
 * rows are dropped; the date index made anew in listClaims' whole order.
 */
function upgradeFrom14(db: Database.Database): void {
  db.exec(`
    DROP TRIGGER items_place_totals_insert;
    DROP TRIGGER items_place_totals_delete;
    DELETE FROM place_totals;
    DELETE FROM place_doc_mentions;
    DELETE FROM place_forms;
    ${PLACE_ITEMS_TABLE_AND_TRIGGERS}
    ALTER TABLE ledger_claims ADD COLUMN ord INTEGER NOT NULL DEFAULT 0;
    UPDATE ledger_claims SET ord = coalesce((SELECT i.ord FROM items i WHERE i.doc_seq = ledger_claims.doc_seq AND i.kind = 'claims' AND i.id = ledger_claims.claim_id), 0);
    DROP INDEX ledger_claims_about;
    ${claimsOrderIndex(S)}
  `);
  const documents = db.prepare<[number], { seq: number; text: string; analysis: string }>('SELECT seq, text, analysis FROM documents WHERE seq > ? ORDER BY seq LIMIT 200');
  const items = db.prepare<[number], { kind: string; data: string }>('SELECT kind, data FROM items WHERE doc_seq = ? AND ord IS NOT NULL ORDER BY kind, ord');
  const update = db.prepare<[Buffer, string, number]>('UPDATE documents SET analysis = ?, analysis_hash = ? WHERE seq = ?');
  const insertPlace = db.prepare('INSERT INTO place_items (doc_seq, start, "end", id, ord, place_id, text, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  upgradeDocumentsFrom14({
    page: (after) => documents.all(after),
    items: (seq) => items.all(seq),
    write(seq, stored) {
      update.run(stored.analysis, stored.hash, seq);
      for (const p of stored.places) insertPlace.run(seq, p.start, p.end, p.id, p.ord, p.placeId, p.text, p.data);
    },
  });
  db.exec('DROP TABLE items');
}

/** What brings a database of schema `version` to the current one, inside the migration's transaction; null when it cannot be upgraded in place. */
export function upgrade(version: number): ((db: Database.Database) => void) | null {
  return version === 14 ? upgradeFrom14 : null;
}
