import type pg from 'pg';
import { browseTables, claimsOrderIndex, ledgerIndexes, ledgerTables, POSTGRES_SPELLING as S } from '../schema-tables.js';
import { storedFrom14 } from '../upgrade-from-14.js';
import type { PlaceItemRecord } from '../stored-analysis.js';

/**
 * The PostgreSQL schema, as SQLite's (src/store/sqlite/migrations.ts): the
 * current version in one piece for a new database, and the upgrade of a
 * database of the previous version in place; older databases are refused.
 * Each runs in one transaction with the version bump (PostgreSQL DDL is
 * transactional: an interrupted upgrade leaves nothing behind).
 *
 * Version 15 (issue 15, a third of the writes): a document's place mentions
 * in `place_items` (the place id computed in TypeScript, `placeIdOf`), its
 * claims only in `ledger_claims` (with `ord`), everything else as one
 * compressed value in `documents.analysis` (BYTEA); `ledger_claims_about`
 * holds listClaims' whole order.
 * Version 14: items, ledger claims and place mentions keyed by the
 * document's integer `seq`; the ledger's indexes end with the date (its ties,
 * by doc_id and claim_id, are sorted per date); no compact `core` copy of a
 * claim; only indexes a query plan uses.
 *
 * Differences from SQLite, on purpose: `seq` is an identity column;
 * `items."end"` is quoted; keys and dates are `COLLATE "C"` (byte order and
 * ASCII-only lower(), as SQLite's BINARY); full-text search is a stored,
 * generated tsvector with a GIN index (configuration `counterclaim`: `simple`
 * with `unaccent` first, like FTS5's unicode61 with `remove_diacritics 2`;
 * the title weighs A, the text B); NULL sorts last in
 * DESC only where declared, so the date indexes say `DESC NULLS LAST`.
 */
export const POSTGRES_SCHEMA_VERSION = 15;
/** The oldest version `upgrade` upgrades in place. */
export const POSTGRES_OLDEST_UPGRADABLE = 14;

const PLACE_ITEMS_TABLE = `
  CREATE TABLE place_items (
    doc_seq BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    id TEXT COLLATE "C" NOT NULL,
    ord INTEGER NOT NULL,
    place_id TEXT COLLATE "C" NOT NULL,
    text TEXT NOT NULL,
    data TEXT NOT NULL
  );`;

/** A claim by the document id and claim id a contradiction names (`side` is a or b), for the dated-contradictions trigger. */
const claimOf = (alias: string, json: string, side: 'a' | 'b'): string =>
  `${alias}.doc_seq = (SELECT seq FROM documents WHERE id = ${json} #>> '{${side},doc}') AND ${alias}.claim_id = ${json} #>> '{${side},claim}'`;

/**
 * A document's place items in text order and the triggers that keep place
 * totals, documents per place and forms. The store takes an advisory lock per
 * place id before writing them, so concurrent saves update the totals in one
 * order.
 */
const PLACE_ITEMS_INDEX_AND_TRIGGERS = `
  CREATE INDEX place_items_doc_span ON place_items(doc_seq, start, "end" DESC, id);
  CREATE FUNCTION place_items_totals_insert() RETURNS trigger LANGUAGE plpgsql AS $$
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
  CREATE FUNCTION place_items_totals_delete() RETURNS trigger LANGUAGE plpgsql AS $$
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
  CREATE TRIGGER place_items_totals_insert AFTER INSERT ON place_items FOR EACH ROW EXECUTE FUNCTION place_items_totals_insert();
  CREATE TRIGGER place_items_totals_delete AFTER DELETE ON place_items FOR EACH ROW EXECUTE FUNCTION place_items_totals_delete();`;

/**
 * The ledger's indexes (src/store/schema-tables.ts), and (place, proposition)
 * for a place's contradictions, which SQLite reads from the place index
 * (ledger-plans.test.ts checks the plans); the trigger that dates contradictions.
 */
const LEDGER_INDEXES_AND_TRIGGERS = `
  ${ledgerIndexes(S)}
  CREATE INDEX ledger_claims_place_proposition ON ledger_claims(place, proposition);
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
    analysis BYTEA NOT NULL,
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
  ${browseTables(S)}
  ${ledgerTables(S)}
  CREATE INDEX contradiction_dates_place ON contradiction_dates(place, date DESC NULLS LAST, scope, id);
  ${PLACE_ITEMS_TABLE}
  ${PLACE_ITEMS_INDEX_AND_TRIGGERS}
  ${LEDGER_INDEXES_AND_TRIGGERS}
`;

/** A document's place items in one statement (a round trip per item would dominate a save). */
export async function insertPlaceItems(db: Pick<pg.ClientBase, 'query'>, seq: string | number, places: readonly PlaceItemRecord[]): Promise<void> {
  if (places.length === 0) return;
  await db.query(`INSERT INTO place_items (doc_seq, start, "end", id, ord, place_id, text, data)
    SELECT $1, * FROM unnest($2::int[], $3::int[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[])`,
  [seq, ...(['start', 'end', 'id', 'ord', 'placeId', 'text', 'data'] as const).map((c) => places.map((p) => p[c]))]);
}

/**
 * Version 14 to 15, in the migration's transaction, as SQLite's: place totals,
 * documents per place and forms emptied and filled again by the triggers of
 * `place_items` as each document's places are written with ids computed in
 * TypeScript (re-keyed where SQL's ASCII lower case and blanks differed);
 * claims get `ord` from the claim items; each document's analysis rewritten
 * from its items (`storedFrom14`); the item rows, their trigger functions and
 * the SQL place id function dropped; the date index made anew in listClaims' whole order.
 */
async function upgradeFrom14(db: pg.ClientBase): Promise<void> {
  await db.query(`
    DROP TRIGGER items_place_totals_insert ON items;
    DROP TRIGGER items_place_totals_delete ON items;
    DELETE FROM place_totals;
    DELETE FROM place_doc_mentions;
    DELETE FROM place_forms;
    ${PLACE_ITEMS_TABLE}
    ${PLACE_ITEMS_INDEX_AND_TRIGGERS}
    ALTER TABLE ledger_claims ADD COLUMN ord INTEGER NOT NULL DEFAULT 0;
    UPDATE ledger_claims c SET ord = i.ord FROM items i WHERE i.doc_seq = c.doc_seq AND i.kind = 'claims' AND i.id = c.claim_id;
    DROP INDEX ledger_claims_about;
    ${claimsOrderIndex(S)}
    ALTER TABLE documents ALTER COLUMN analysis TYPE BYTEA USING convert_to(analysis, 'UTF8');`);
  for (let after = '0'; ;) {
    const { rows } = await db.query<{ seq: string; text: string; analysis: Buffer }>('SELECT seq, text, analysis FROM documents WHERE seq > $1 ORDER BY seq LIMIT 200', [after]);
    if (rows.length === 0) break;
    for (const doc of rows) {
      const items = (await db.query<{ kind: string; data: string }>('SELECT kind, data FROM items WHERE doc_seq = $1 AND ord IS NOT NULL ORDER BY kind, ord', [doc.seq])).rows;
      const stored = storedFrom14(doc.analysis.toString('utf8'), doc.text, items);
      await db.query('UPDATE documents SET analysis = $1, analysis_hash = $2 WHERE seq = $3', [stored.analysis, stored.hash, doc.seq]);
      await insertPlaceItems(db, doc.seq, stored.places);
    }
    after = rows.at(-1)!.seq;
  }
  await db.query('DROP TABLE items; DROP FUNCTION items_place_totals_insert(), items_place_totals_delete(), counterclaim_place_id(text, text);');
}

/** What brings a database of schema `version` to the current one, inside the migration's transaction; null when it cannot be upgraded in place. */
export function upgrade(version: number): ((db: pg.ClientBase) => Promise<void>) | null {
  return version === 14 ? upgradeFrom14 : null;
}
