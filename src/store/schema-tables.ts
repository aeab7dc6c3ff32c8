import { LASTING_CONTROL_PREDICATES } from '../ledger/upkeep.js';

/**
 * The tables both backends create alike, written once (docs/store.md, "One
 * description of the tables"): the browse aggregates and the ledger's tables
 * with their indexes, each in a dialect's spelling of a few types. What stays
 * in each backend's migrations.ts is what differs in kind, not in spelling:
 * documents and full-text search, near-duplicate bands, a document's place
 * items and the triggers.
 */
export interface SchemaSpelling {
  /** A key or date compared in byte order: SQLite's TEXT is, PostgreSQL's needs `COLLATE "C"`. */
  readonly key: string;
  /** A document's seq: INTEGER (SQLite's row id) or BIGINT. */
  readonly seq: string;
  readonly real: string;
  readonly bool: string;
  /** `control` is true: `control = 1` in SQLite. */
  readonly controlTrue: string;
  /** After a table whose primary key is its order: SQLite's ` WITHOUT ROWID`. */
  readonly keyed: string;
  /** A date index's direction: '' in SQLite (read backwards; NULL is least), ` DESC NULLS LAST` in PostgreSQL. */
  readonly newest: string;
  /** A tie-break's direction in the same indexes: '' or ` DESC`. */
  readonly desc: string;
  /** `date DESC` of the dated contradictions: NULL last. */
  readonly dateDesc: string;
}

export const SQLITE_SPELLING: SchemaSpelling = {
  key: 'TEXT', seq: 'INTEGER', real: 'REAL', bool: 'INTEGER', controlTrue: 'control = 1', keyed: ' WITHOUT ROWID', newest: '', desc: '', dateDesc: ' DESC',
};

export const POSTGRES_SPELLING: SchemaSpelling = {
  key: 'TEXT COLLATE "C"', seq: 'BIGINT', real: 'DOUBLE PRECISION', bool: 'BOOLEAN', controlTrue: 'control', keyed: '', newest: ' DESC NULLS LAST', desc: ' DESC',
  dateDesc: ' DESC NULLS LAST',
};

/** Place totals, documents per place, forms (kept by the place items' triggers), ingested sources. */
export const browseTables = (s: SchemaSpelling): string => `
  CREATE TABLE ingest_sources (source TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, documents INTEGER NOT NULL);
  CREATE TABLE place_totals (
    id ${s.key} PRIMARY KEY, name ${s.key} NOT NULL, geoname_id INTEGER, lat ${s.real}, lon ${s.real}, country TEXT, admin1 TEXT,
    mentions INTEGER NOT NULL DEFAULT 0, documents INTEGER NOT NULL DEFAULT 0
  )${s.keyed};
  CREATE INDEX place_totals_rank ON place_totals(mentions DESC, name, id);
  CREATE TABLE place_doc_mentions (place_id ${s.key} NOT NULL, doc_seq ${s.seq} NOT NULL, mentions INTEGER NOT NULL, PRIMARY KEY (place_id, doc_seq))${s.keyed};
  CREATE TABLE place_forms (place_id ${s.key} NOT NULL, form ${s.key} NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (place_id, form))${s.keyed};`;

/**
 * Ledger claims: the columns the upkeep and listClaims filter and sort on,
 * the claim as JSON (`data`; recomputes take its core in code), `cohort`
 * (polarity/side/counted: recomputes read each cohort's newest claims apart),
 * `ord` (the claim's place in its document's list: schema 15 stores the claim
 * items only here). Then the ledger's other tables.
 */
export const ledgerTables = (s: SchemaSpelling): string => `
  CREATE TABLE ledger_claims (
    doc_seq ${s.seq} NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    doc_id ${s.key} NOT NULL,
    claim_id ${s.key} NOT NULL,
    proposition ${s.key} NOT NULL,
    predicate ${s.key} NOT NULL,
    place ${s.key},
    place_label ${s.key},
    side ${s.key} NOT NULL,
    about_end ${s.key},
    stated ${s.key},
    control ${s.bool} NOT NULL,
    data TEXT NOT NULL,
    stance ${s.key},
    source_key ${s.key},
    outlet ${s.key},
    cohort ${s.key},
    ord INTEGER NOT NULL DEFAULT 0,
    UNIQUE (doc_seq, claim_id)
  );
  CREATE TABLE ledger_entities (key ${s.key} PRIMARY KEY, name ${s.key} NOT NULL, kind ${s.key} NOT NULL, side ${s.key} NOT NULL)${s.keyed};
  CREATE TABLE ledger_proposition_months (
    proposition ${s.key} NOT NULL, month ${s.key} NOT NULL, positive INTEGER NOT NULL, negative INTEGER NOT NULL, counted INTEGER NOT NULL,
    PRIMARY KEY (proposition, month)
  )${s.keyed};
  CREATE TABLE ledger_contradictions (scope ${s.key} NOT NULL, id ${s.key} NOT NULL, kind TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (scope, id))${s.keyed};
  CREATE TABLE ledger_timelines (
    place ${s.key} PRIMARY KEY, label ${s.key} NOT NULL, lat ${s.real}, lon ${s.real}, country TEXT, admin1 TEXT, state TEXT, data TEXT NOT NULL
  )${s.keyed};
  CREATE INDEX ledger_timelines_label ON ledger_timelines(lower(label));
  CREATE TABLE contradiction_dates (scope ${s.key} NOT NULL, id ${s.key} NOT NULL, date ${s.key}, place ${s.key}, PRIMARY KEY (scope, id))${s.keyed};
  CREATE INDEX contradiction_dates_date ON contradiction_dates(date${s.dateDesc}, scope, id);`;

/**
 * listClaims' whole order (newest first, then doc_id and claim_id descending):
 * an unfiltered page is read without sorting a date's ties (which at 50,000
 * documents took a second a page).
 */
export const claimsOrderIndex = (s: SchemaSpelling): string =>
  `CREATE INDEX ledger_claims_about ON ledger_claims(about_end${s.newest}, doc_id${s.desc}, claim_id${s.desc});`;

/**
 * The ledger's indexes, each for the reads named (the plan tests check them:
 * src/store/sqlite/index-plans.test.ts, src/store/postgres/ledger-plans.test.ts):
 * listClaims unfiltered (the whole order), by place, place + stance, side,
 * source, predicate (ties of a date sorted), a place by its label, a
 * proposition's and a place's cohorts for recomputes (a proposition filter of
 * listClaims reads the cohort index too).
 */
export const ledgerIndexes = (s: SchemaSpelling): string => `
  ${claimsOrderIndex(s)}
  CREATE INDEX ledger_claims_place ON ledger_claims(place, about_end${s.newest});
  CREATE INDEX ledger_claims_place_label ON ledger_claims(place_label);
  CREATE INDEX ledger_claims_place_stance ON ledger_claims(place, stance, about_end${s.newest});
  CREATE INDEX ledger_claims_side ON ledger_claims(side, about_end${s.newest});
  CREATE INDEX ledger_claims_source ON ledger_claims(source_key, about_end${s.newest});
  CREATE INDEX ledger_claims_predicate ON ledger_claims(predicate, about_end${s.newest});
  CREATE INDEX ledger_claims_cohort ON ledger_claims(proposition, cohort, about_end${s.newest});
  CREATE INDEX ledger_claims_control_cohort ON ledger_claims(place, cohort, about_end${s.newest}) WHERE ${s.controlTrue};
  CREATE INDEX ledger_claims_capture_cohort ON ledger_claims(place, cohort, about_end${s.newest})
    WHERE ${s.controlTrue} AND predicate IN (${LASTING_CONTROL_PREDICATES.map((p) => `'${p}'`).join(', ')});`;
