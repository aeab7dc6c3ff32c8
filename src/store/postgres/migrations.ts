import { LASTING_CONTROL_PREDICATES } from '../../ledger/upkeep.js';

/**
 * The PostgreSQL schema, as SQLite's (src/store/sqlite/migrations.ts): the
 * current version in one piece for a new database, and the upgrade of a
 * database of the previous version in place; older databases are refused.
 * Each runs in one transaction with the version bump (PostgreSQL DDL is
 * transactional: an interrupted upgrade leaves nothing behind).
 *
 * Version 14 (issue 15): items, ledger claims and place mentions keyed by the
 * document's integer `seq`; the ledger's indexes end with the date (its ties,
 * by doc_id and claim_id, are sorted per date); no compact `core` copy of a
 * claim; only indexes a query plan uses.
 *
 * Differences from SQLite, on purpose: `seq` is an identity column;
 * `items."end"` is quoted; keys and dates are `COLLATE "C"` (byte order and
 * ASCII-only lower(), as SQLite's BINARY); full-text search is a stored,
 * generated tsvector with a GIN index (configuration `counterclaim`: `simple`
 * with `unaccent` first, like FTS5's unicode61 with `remove_diacritics 2`;
 * the title weighs A, the text B); `items.place_id` is a stored generated
 * column (`counterclaim_place_id`, `placeIdOf` in SQL); NULL sorts last in
 * DESC only where declared, so the date indexes say `DESC NULLS LAST`.
 */
export const POSTGRES_SCHEMA_VERSION = 14;
/** The oldest version `upgradeSql` upgrades in place. */
export const POSTGRES_OLDEST_UPGRADABLE = 13;

const ITEMS_TABLES = `
  CREATE TABLE items (
    doc_seq BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    ord INTEGER,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    data TEXT NOT NULL,
    place_id TEXT COLLATE "C" GENERATED ALWAYS AS (CASE WHEN kind = 'places' THEN counterclaim_place_id(data, text) END) STORED
  );
  CREATE TABLE place_doc_mentions (place_id TEXT COLLATE "C" NOT NULL, doc_seq BIGINT NOT NULL, mentions INTEGER NOT NULL, PRIMARY KEY (place_id, doc_seq));
  CREATE TABLE ledger_claims (
    doc_seq BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    doc_id TEXT COLLATE "C" NOT NULL,
    claim_id TEXT COLLATE "C" NOT NULL,
    proposition TEXT COLLATE "C" NOT NULL,
    predicate TEXT COLLATE "C" NOT NULL,
    place TEXT COLLATE "C",
    place_label TEXT COLLATE "C",
    side TEXT COLLATE "C" NOT NULL,
    about_end TEXT COLLATE "C",
    stated TEXT COLLATE "C",
    control BOOLEAN NOT NULL,
    data TEXT NOT NULL,
    stance TEXT COLLATE "C",
    source_key TEXT COLLATE "C",
    outlet TEXT COLLATE "C",
    cohort TEXT COLLATE "C",
    UNIQUE (doc_seq, claim_id)
  );`;

/** A claim by the document id and claim id a contradiction names (`side` is a or b), for the dated-contradictions trigger. */
const claimOf = (alias: string, json: string, side: 'a' | 'b'): string =>
  `${alias}.doc_seq = (SELECT seq FROM documents WHERE id = ${json} #>> '{${side},doc}') AND ${alias}.claim_id = ${json} #>> '{${side},claim}'`;

/**
 * Items in document then text order, the ledger's indexes (each for the reads
 * named in SQLite's schema, and (place, proposition) for a place's
 * contradictions, which SQLite reads from the place index;
 * ledger-plans.test.ts checks the plans), and the
 * triggers that keep place totals, documents per place, forms and dated
 * contradictions. The store takes an advisory lock per place id before
 * writing items, so concurrent saves update the totals in one order.
 */
const ITEMS_INDEXES_AND_TRIGGERS = `
  CREATE INDEX items_doc_kind_span ON items(doc_seq, kind, start, "end" DESC, id COLLATE "C");
  CREATE OR REPLACE FUNCTION items_place_totals_insert() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE d jsonb := new.data::jsonb; first boolean;
  BEGIN
    INSERT INTO place_totals (id, name, geoname_id, lat, lon, country, admin1)
      VALUES (new.place_id, coalesce(d ->> 'name', new.text), (d ->> 'geonameId')::integer, (d ->> 'lat')::double precision, (d ->> 'lon')::double precision, d ->> 'country', d ->> 'admin1')
      ON CONFLICT (id) DO NOTHING;
    INSERT INTO place_doc_mentions AS m (place_id, doc_seq, mentions) VALUES (new.place_id, new.doc_seq, 1)
      ON CONFLICT (place_id, doc_seq) DO UPDATE SET mentions = m.mentions + 1 RETURNING m.mentions = 1 INTO first;
    UPDATE place_totals SET mentions = mentions + 1, documents = documents + first::integer WHERE id = new.place_id;
    INSERT INTO place_forms AS f (place_id, form, n) VALUES (new.place_id, new.text, 1) ON CONFLICT (place_id, form) DO UPDATE SET n = f.n + 1;
    RETURN NULL;
  END $$;
  CREATE OR REPLACE FUNCTION items_place_totals_delete() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE last boolean;
  BEGIN
    UPDATE place_doc_mentions SET mentions = mentions - 1 WHERE place_id = old.place_id AND doc_seq = old.doc_seq RETURNING mentions <= 0 INTO last;
    UPDATE place_totals SET mentions = mentions - 1, documents = documents - coalesce(last::integer, 0) WHERE id = old.place_id;
    DELETE FROM place_doc_mentions WHERE place_id = old.place_id AND doc_seq = old.doc_seq AND mentions <= 0;
    UPDATE place_forms SET n = n - 1 WHERE place_id = old.place_id AND form = old.text;
    DELETE FROM place_forms WHERE place_id = old.place_id AND form = old.text AND n <= 0;
    DELETE FROM place_totals WHERE id = old.place_id AND mentions <= 0;
    RETURN NULL;
  END $$;
  CREATE TRIGGER items_place_totals_insert AFTER INSERT ON items FOR EACH ROW WHEN (new.kind = 'places') EXECUTE FUNCTION items_place_totals_insert();
  CREATE TRIGGER items_place_totals_delete AFTER DELETE ON items FOR EACH ROW WHEN (old.kind = 'places') EXECUTE FUNCTION items_place_totals_delete();
  CREATE INDEX ledger_claims_place ON ledger_claims(place, about_end DESC NULLS LAST);
  CREATE INDEX ledger_claims_place_label ON ledger_claims(place_label);
  CREATE INDEX ledger_claims_place_proposition ON ledger_claims(place, proposition);
  CREATE INDEX ledger_claims_place_stance ON ledger_claims(place, stance, about_end DESC NULLS LAST);
  CREATE INDEX ledger_claims_side ON ledger_claims(side, about_end DESC NULLS LAST);
  CREATE INDEX ledger_claims_about ON ledger_claims(about_end DESC NULLS LAST);
  CREATE INDEX ledger_claims_source ON ledger_claims(source_key, about_end DESC NULLS LAST);
  CREATE INDEX ledger_claims_predicate ON ledger_claims(predicate, about_end DESC NULLS LAST);
  CREATE INDEX ledger_claims_cohort ON ledger_claims(proposition, cohort, about_end DESC NULLS LAST);
  CREATE INDEX ledger_claims_control_cohort ON ledger_claims(place, cohort, about_end DESC NULLS LAST) WHERE control;
  CREATE INDEX ledger_claims_capture_cohort ON ledger_claims(place, cohort, about_end DESC NULLS LAST)
    WHERE control AND predicate IN (${LASTING_CONTROL_PREDICATES.map((p) => `'${p}'`).join(', ')});
  CREATE OR REPLACE FUNCTION ledger_contradictions_dated() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF tg_op <> 'INSERT' THEN DELETE FROM contradiction_dates WHERE scope = old.scope AND id = old.id; END IF;
    IF tg_op <> 'DELETE' THEN
      INSERT INTO contradiction_dates (scope, id, date, place)
      SELECT new.scope, new.id,
        nullif(greatest(coalesce(la.about_end, substr(la.stated, 1, 10), ''), coalesce(lb.about_end, substr(lb.stated, 1, 10), '')), ''), coalesce(la.place, lb.place)
      FROM (SELECT new.data::jsonb AS j) c
      LEFT JOIN ledger_claims la ON ${claimOf('la', 'c.j', 'a')} LEFT JOIN ledger_claims lb ON ${claimOf('lb', 'c.j', 'b')};
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER ledger_contradictions_dated AFTER INSERT OR UPDATE OR DELETE ON ledger_contradictions FOR EACH ROW EXECUTE FUNCTION ledger_contradictions_dated();`;

/** A new database: the schema of version 14. */
export const POSTGRES_SCHEMA_SQL = `
  CREATE EXTENSION IF NOT EXISTS unaccent;
  CREATE TEXT SEARCH CONFIGURATION counterclaim (COPY = simple);
  ALTER TEXT SEARCH CONFIGURATION counterclaim
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;
  CREATE TABLE documents (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT, outlet TEXT, url TEXT, published TEXT, language TEXT, source TEXT,
    text TEXT NOT NULL,
    analysis TEXT NOT NULL,
    analysis_hash TEXT NOT NULL,
    analyzed BOOLEAN NOT NULL DEFAULT true, byline TEXT, forwarded_from TEXT, duplicate_of TEXT, duplicate_similarity DOUBLE PRECISION,
    search tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('counterclaim'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('counterclaim'::regconfig, text), 'B')
    ) STORED
  );
  CREATE INDEX documents_search ON documents USING GIN (search);
  CREATE TABLE minhash_signatures (seq BIGINT PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE, signature BYTEA NOT NULL);
  CREATE TABLE minhash_bands (key BIGINT NOT NULL, seq BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE, PRIMARY KEY (key, seq));
  CREATE INDEX minhash_bands_seq ON minhash_bands(seq);
  CREATE TABLE ingest_sources (source TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, documents INTEGER NOT NULL);
  CREATE FUNCTION counterclaim_place_id(data TEXT, text TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN (data::jsonb ->> 'geonameId') IS NOT NULL THEN 'geonames-' || (data::jsonb ->> 'geonameId')
      ELSE 'name-' || regexp_replace(translate(btrim(coalesce(data::jsonb ->> 'name', text), E' \\t\\n\\r'),
        'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), E'[ \\t\\n\\r]', '-', 'g') END
  $$;
  CREATE TABLE place_totals (
    id TEXT COLLATE "C" PRIMARY KEY, name TEXT COLLATE "C" NOT NULL, geoname_id INTEGER, lat DOUBLE PRECISION, lon DOUBLE PRECISION, country TEXT, admin1 TEXT,
    mentions INTEGER NOT NULL DEFAULT 0, documents INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX place_totals_rank ON place_totals(mentions DESC, name, id);
  CREATE TABLE place_forms (place_id TEXT COLLATE "C" NOT NULL, form TEXT COLLATE "C" NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (place_id, form));
  CREATE TABLE ledger_entities (key TEXT COLLATE "C" PRIMARY KEY, name TEXT COLLATE "C" NOT NULL, kind TEXT COLLATE "C" NOT NULL, side TEXT COLLATE "C" NOT NULL);
  CREATE TABLE ledger_proposition_months (
    proposition TEXT COLLATE "C" NOT NULL, month TEXT COLLATE "C" NOT NULL, positive INTEGER NOT NULL, negative INTEGER NOT NULL, counted INTEGER NOT NULL,
    PRIMARY KEY (proposition, month)
  );
  CREATE TABLE ledger_contradictions (scope TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, kind TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (scope, id));
  CREATE TABLE ledger_timelines (
    place TEXT COLLATE "C" PRIMARY KEY, label TEXT COLLATE "C" NOT NULL, lat DOUBLE PRECISION, lon DOUBLE PRECISION, country TEXT, admin1 TEXT,
    state TEXT, data TEXT NOT NULL
  );
  CREATE INDEX ledger_timelines_label ON ledger_timelines(lower(label));
  CREATE TABLE contradiction_dates (scope TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, date TEXT COLLATE "C", place TEXT COLLATE "C", PRIMARY KEY (scope, id));
  CREATE INDEX contradiction_dates_date ON contradiction_dates(date DESC NULLS LAST, scope, id);
  CREATE INDEX contradiction_dates_place ON contradiction_dates(place, date DESC NULLS LAST, scope, id);
  ${ITEMS_TABLES}
  ${ITEMS_INDEXES_AND_TRIGGERS}
`;

/**
 * Version 13 to 14: the three tables keyed by document id renamed aside, made
 * anew keyed by seq and filled in storage order (the claims' compact copies
 * left behind), the old ones dropped, then their indexes and triggers made
 * anew; the document indexes no query reads dropped. Contradiction dates,
 * place totals and forms stay as they are (the same claims, the same places).
 */
const UPGRADE_FROM_13 = `
  DROP TRIGGER ledger_contradictions_dated ON ledger_contradictions;
  DROP INDEX documents_published, documents_duplicate_of, documents_outlet;
  ALTER TABLE items RENAME TO items_v13;
  ALTER TABLE place_doc_mentions RENAME TO place_doc_mentions_v13;
  ALTER INDEX place_doc_mentions_pkey RENAME TO place_doc_mentions_v13_pkey;
  ALTER TABLE ledger_claims RENAME TO ledger_claims_v13;
  ${ITEMS_TABLES}
  INSERT INTO items (doc_seq, id, kind, ord, start, "end", text, data)
    SELECT d.seq, i.id, i.kind, i.ord, i.start, i."end", i.text, i.data FROM items_v13 i JOIN documents d ON d.id = i.doc_id ORDER BY d.seq, i.ctid;
  INSERT INTO place_doc_mentions (place_id, doc_seq, mentions) SELECT place_id, seq, mentions FROM place_doc_mentions_v13 ORDER BY place_id, seq;
  INSERT INTO ledger_claims (doc_seq, doc_id, claim_id, proposition, predicate, place, place_label, side, about_end, stated, control, data, stance, source_key, outlet, cohort)
    SELECT d.seq, c.doc_id, c.claim_id, c.proposition, c.predicate, c.place, c.place_label, c.side, c.about_end, c.stated, c.control, c.data, c.stance, c.source_key, c.outlet, c.cohort
    FROM ledger_claims_v13 c JOIN documents d ON d.id = c.doc_id ORDER BY d.seq, c.ctid;
  DROP TABLE items_v13, place_doc_mentions_v13, ledger_claims_v13;
  ${ITEMS_INDEXES_AND_TRIGGERS}
`;

/** The SQL that brings a database of schema `version` to the current one; null when it cannot be upgraded in place. */
export function upgradeSql(version: number): string | null {
  return version === 13 ? UPGRADE_FROM_13 : null;
}
