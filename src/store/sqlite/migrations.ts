import { LASTING_CONTROL_PREDICATES } from '../../ledger/upkeep.js';

/**
 * The SQLite schema: the current version in one piece for a new database, and
 * the upgrade of a database of the previous version in place. Older databases
 * are refused with a message (upgrade them with the counterclaim release that
 * wrote version 13 first, or ingest again). Each step runs in one transaction
 * with the bump of `PRAGMA user_version`: a database is never left half-migrated.
 *
 * Version 14 (issue 15, less written per document): documents are keyed by
 * their integer `seq` in `items`, `ledger_claims` and `place_doc_mentions`
 * (a 64-character document id was repeated in every row and every index entry,
 * and being random it scattered each save's rows over the whole tree); the
 * ledger's indexes end with the row id rather than (doc_id, claim_id) (the
 * tie-break of their date order is sorted per date: `doc_id` stays a column);
 * only indexes a query plan uses are kept, each named in
 * `src/store/sqlite/index-plans.test.ts`.
 */
export const SQLITE_SCHEMA_VERSION = 14;
/** The oldest version `upgradeSql` upgrades in place. */
export const SQLITE_OLDEST_UPGRADABLE = 13;

/** SQL for a place mention's aggregation id from an items row (`row` is `new`, `old` or an alias): the same as `placeIdOf`. */
export function placeIdSql(row: string): string {
  const name = `coalesce(json_extract(${row}.data, '$.name'), ${row}.text)`;
  const blanks = `' ' || char(9) || char(10) || char(13)`;
  const lowered = `lower(trim(${name}, ${blanks}))`;
  return `(CASE WHEN json_extract(${row}.data, '$.geonameId') IS NOT NULL THEN 'geonames-' || json_extract(${row}.data, '$.geonameId')
    ELSE 'name-' || replace(replace(replace(replace(${lowered}, ' ', '-'), char(9), '-'), char(10), '-'), char(13), '-') END)`;
}

/** A document's seq from its id: the key of its items and ledger claims. */
const seqOf = (id: string): string => `(SELECT seq FROM documents WHERE id = ${id})`;

const ITEMS_TABLE = (name: string): string => `
  CREATE TABLE ${name} (
    doc_seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    ord INTEGER,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    data TEXT NOT NULL
  );`;

/**
 * Items in document then text order (listItems, a document's items and
 * sentences, a place's mentions); place totals, documents per place and forms
 * kept by triggers, so the map reads one small table whoever writes.
 */
const ITEMS_INDEX_AND_TRIGGERS = `
  CREATE INDEX items_doc_kind_span ON items(doc_seq, kind, start, end DESC, id);
  CREATE TRIGGER items_place_totals_insert AFTER INSERT ON items WHEN new.kind = 'places' BEGIN
    INSERT INTO place_totals (id, name, geoname_id, lat, lon, country, admin1)
      VALUES (${placeIdSql('new')}, coalesce(json_extract(new.data, '$.name'), new.text), json_extract(new.data, '$.geonameId'),
        json_extract(new.data, '$.lat'), json_extract(new.data, '$.lon'), json_extract(new.data, '$.country'), json_extract(new.data, '$.admin1'))
      ON CONFLICT(id) DO NOTHING;
    INSERT OR IGNORE INTO place_doc_mentions (place_id, doc_seq, mentions) VALUES (${placeIdSql('new')}, new.doc_seq, 0);
    UPDATE place_totals SET mentions = mentions + 1,
      documents = documents + (SELECT mentions = 0 FROM place_doc_mentions WHERE place_id = ${placeIdSql('new')} AND doc_seq = new.doc_seq)
      WHERE id = ${placeIdSql('new')};
    UPDATE place_doc_mentions SET mentions = mentions + 1 WHERE place_id = ${placeIdSql('new')} AND doc_seq = new.doc_seq;
    INSERT INTO place_forms (place_id, form, n) VALUES (${placeIdSql('new')}, new.text, 1) ON CONFLICT(place_id, form) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER items_place_totals_delete AFTER DELETE ON items WHEN old.kind = 'places' BEGIN
    UPDATE place_doc_mentions SET mentions = mentions - 1 WHERE place_id = ${placeIdSql('old')} AND doc_seq = old.doc_seq;
    UPDATE place_totals SET mentions = mentions - 1,
      documents = documents - coalesce((SELECT mentions = 0 FROM place_doc_mentions WHERE place_id = ${placeIdSql('old')} AND doc_seq = old.doc_seq), 0)
      WHERE id = ${placeIdSql('old')};
    DELETE FROM place_doc_mentions WHERE place_id = ${placeIdSql('old')} AND doc_seq = old.doc_seq AND mentions <= 0;
    UPDATE place_forms SET n = n - 1 WHERE place_id = ${placeIdSql('old')} AND form = old.text;
    DELETE FROM place_forms WHERE place_id = ${placeIdSql('old')} AND form = old.text AND n <= 0;
    DELETE FROM place_totals WHERE id = ${placeIdSql('old')} AND mentions <= 0;
  END;`;

/** A place's documents in storage order: a page of its mentions walks them and stops at the page. */
const PLACE_DOC_MENTIONS_TABLE = (name: string): string =>
  `CREATE TABLE ${name} (place_id TEXT NOT NULL, doc_seq INTEGER NOT NULL, mentions INTEGER NOT NULL, PRIMARY KEY (place_id, doc_seq)) WITHOUT ROWID;`;

/**
 * Ledger claims: the columns the upkeep and listClaims filter and sort on,
 * the claim as JSON (`data`; recomputes take its core in code: version 14
 * keeps no second, compact copy), `cohort` (polarity/side/counted:
 * recomputes read each cohort's newest claims apart).
 */
const LEDGER_CLAIMS_TABLE = (name: string): string => `
  CREATE TABLE ${name} (
    doc_seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    doc_id TEXT NOT NULL,
    claim_id TEXT NOT NULL,
    proposition TEXT NOT NULL,
    predicate TEXT NOT NULL,
    place TEXT,
    place_label TEXT,
    side TEXT NOT NULL,
    about_end TEXT,
    stated TEXT,
    control INTEGER NOT NULL,
    data TEXT NOT NULL,
    stance TEXT,
    source_key TEXT,
    outlet TEXT,
    cohort TEXT,
    UNIQUE (doc_seq, claim_id)
  );`;

/**
 * The ledger's indexes, each for the reads named (index-plans.test.ts checks
 * the plans): listClaims by place, place + stance, side, source, predicate,
 * and unfiltered (date order), a place by its label, a proposition's and a
 * place's cohorts for recomputes (a proposition filter of listClaims reads the
 * cohort index too). Date order ties are sorted per date by (doc_id, claim_id).
 */
const LEDGER_CLAIMS_INDEXES = `
  CREATE INDEX ledger_claims_place ON ledger_claims(place, about_end);
  CREATE INDEX ledger_claims_place_label ON ledger_claims(place_label);
  CREATE INDEX ledger_claims_place_stance ON ledger_claims(place, stance, about_end);
  CREATE INDEX ledger_claims_side ON ledger_claims(side, about_end);
  CREATE INDEX ledger_claims_about ON ledger_claims(about_end);
  CREATE INDEX ledger_claims_source ON ledger_claims(source_key, about_end);
  CREATE INDEX ledger_claims_predicate ON ledger_claims(predicate, about_end);
  CREATE INDEX ledger_claims_cohort ON ledger_claims(proposition, cohort, about_end);
  CREATE INDEX ledger_claims_control_cohort ON ledger_claims(place, cohort, about_end) WHERE control = 1;
  CREATE INDEX ledger_claims_capture_cohort ON ledger_claims(place, cohort, about_end)
    WHERE control = 1 AND predicate IN (${LASTING_CONTROL_PREDICATES.map((p) => `'${p}'`).join(', ')});`;

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

/** A new database: the schema of version 14. */
export const SQLITE_SCHEMA_SQL = `
  CREATE TABLE documents (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    title TEXT, outlet TEXT, url TEXT, published TEXT, language TEXT, source TEXT,
    text TEXT NOT NULL,
    analysis TEXT NOT NULL,
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
  CREATE TABLE ingest_sources (source TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, documents INTEGER NOT NULL);
  ${ITEMS_TABLE('items')}
  CREATE TABLE place_totals (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, geoname_id INTEGER, lat REAL, lon REAL, country TEXT, admin1 TEXT,
    mentions INTEGER NOT NULL DEFAULT 0, documents INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;
  CREATE INDEX place_totals_rank ON place_totals(mentions DESC, name, id);
  ${PLACE_DOC_MENTIONS_TABLE('place_doc_mentions')}
  CREATE TABLE place_forms (place_id TEXT NOT NULL, form TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (place_id, form)) WITHOUT ROWID;
  ${ITEMS_INDEX_AND_TRIGGERS}
  ${LEDGER_CLAIMS_TABLE('ledger_claims')}
  ${LEDGER_CLAIMS_INDEXES}
  CREATE TABLE ledger_entities (key TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, side TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE ledger_proposition_months (
    proposition TEXT NOT NULL, month TEXT NOT NULL, positive INTEGER NOT NULL, negative INTEGER NOT NULL, counted INTEGER NOT NULL,
    PRIMARY KEY (proposition, month)
  ) WITHOUT ROWID;
  CREATE TABLE ledger_contradictions (scope TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (scope, id)) WITHOUT ROWID;
  CREATE TABLE ledger_timelines (
    place TEXT PRIMARY KEY, label TEXT NOT NULL, lat REAL, lon REAL, country TEXT, admin1 TEXT, state TEXT, data TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX ledger_timelines_label ON ledger_timelines(lower(label));
  CREATE TABLE contradiction_dates (scope TEXT NOT NULL, id TEXT NOT NULL, date TEXT, place TEXT, PRIMARY KEY (scope, id)) WITHOUT ROWID;
  CREATE INDEX contradiction_dates_date ON contradiction_dates(date DESC, scope, id);
  CREATE INDEX contradiction_dates_place ON contradiction_dates(place, date DESC);
  ${CONTRADICTION_DATED_TRIGGERS}
  CREATE TRIGGER ledger_contradictions_dated_delete AFTER DELETE ON ledger_contradictions BEGIN
    DELETE FROM contradiction_dates WHERE scope = old.scope AND id = old.id;
  END;
`;

/**
 * Version 13 to 14: items, place mentions and ledger claims copied into
 * tables keyed by document seq (in storage order), their indexes and triggers
 * made anew, the claims' compact copies left behind; the document indexes no query reads dropped. Contradiction dates
 * are kept as they are (the same claims, the same dates).
 */
const UPGRADE_FROM_13 = `
  DROP TRIGGER ledger_contradictions_dated_insert;
  DROP INDEX documents_published;
  DROP INDEX documents_duplicate_of;
  DROP INDEX documents_outlet;
  ${ITEMS_TABLE('items_v14')}
  INSERT INTO items_v14 (doc_seq, id, kind, ord, start, end, text, data)
    SELECT d.seq, i.id, i.kind, i.ord, i.start, i.end, i.text, i.data FROM items i JOIN documents d ON d.id = i.doc_id ORDER BY d.seq, i.rowid;
  DROP TABLE items;
  ALTER TABLE items_v14 RENAME TO items;
  ${PLACE_DOC_MENTIONS_TABLE('place_doc_mentions_v14')}
  INSERT INTO place_doc_mentions_v14 (place_id, doc_seq, mentions)
    SELECT p.place_id, d.seq, p.mentions FROM place_doc_mentions p JOIN documents d ON d.id = p.doc_id;
  DROP TABLE place_doc_mentions;
  ALTER TABLE place_doc_mentions_v14 RENAME TO place_doc_mentions;
  ${ITEMS_INDEX_AND_TRIGGERS}
  ${LEDGER_CLAIMS_TABLE('ledger_claims_v14')}
  INSERT INTO ledger_claims_v14 (doc_seq, doc_id, claim_id, proposition, predicate, place, place_label, side, about_end, stated, control, data, stance, source_key, outlet, cohort)
    SELECT d.seq, c.doc_id, c.claim_id, c.proposition, c.predicate, c.place, c.place_label, c.side, c.about_end, c.stated, c.control, c.data, c.stance, c.source_key, c.outlet, c.cohort
    FROM ledger_claims c JOIN documents d ON d.id = c.doc_id ORDER BY c.rowid;
  DROP TABLE ledger_claims;
  ALTER TABLE ledger_claims_v14 RENAME TO ledger_claims;
  ${LEDGER_CLAIMS_INDEXES}
  ${CONTRADICTION_DATED_TRIGGERS}
`;

/** The SQL that brings a database of schema `version` to the current one; null when it cannot be upgraded in place. */
export function upgradeSql(version: number): string | null {
  return version === 13 ? UPGRADE_FROM_13 : null;
}
