import type pg from 'pg';
import type { Contradiction } from '../../model/index.js';
import type { LedgerClaim } from '../../ledger/ledger-claim.js';
import { clampLimit, clampOffset, datedContradictionsWhere, entitiesWhere, placeTotalsWhere, toPlace, type BrowseReader, type DatedContradiction, type EntityTotals, type PlaceRow } from '../browse-reader.js';
import type { StoredItem } from '../store.js';

/**
 * Migration 4 (browsing at scale), the PostgreSQL twin of SQLite's
 * (src/store/sqlite/browse-index.ts), kept by the same kind of triggers so
 * the totals are right whoever writes:
 * - `counterclaim_place_id(data, text)` is `placeIdOf` in SQL (trim, ASCII
 *   lower case, each blank a dash); `items.place_id` is a stored generated
 *   column of it, so a place's mentions are an index lookup, not a scan of
 *   every place item computing its id (SQLite's placeMentions does that);
 * - place totals, per-document mentions and forms kept by row triggers on
 *   `items` (in PostgreSQL, the store also takes an advisory lock per place
 *   id before writing items, so concurrent saves update these rows in one
 *   order and never deadlock);
 * - contradictions dated by a trigger on `ledger_contradictions`, so the board
 *   reads the newest first from an index (`date DESC NULLS LAST`: SQLite's
 *   DESC puts NULL last).
 */
export const BROWSE_MIGRATION_SQL = `
  CREATE INDEX items_doc_kind_span ON items(doc_id, kind, start, "end" DESC, id COLLATE "C");
  CREATE FUNCTION counterclaim_place_id(data TEXT, text TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN (data::jsonb ->> 'geonameId') IS NOT NULL THEN 'geonames-' || (data::jsonb ->> 'geonameId')
      ELSE 'name-' || regexp_replace(translate(btrim(coalesce(data::jsonb ->> 'name', text), E' \\t\\n\\r'),
        'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), E'[ \\t\\n\\r]', '-', 'g') END
  $$;
  ALTER TABLE items ADD COLUMN place_id TEXT COLLATE "C" GENERATED ALWAYS AS (CASE WHEN kind = 'places' THEN counterclaim_place_id(data, text) END) STORED;
  CREATE INDEX items_place ON items(place_id) WHERE place_id IS NOT NULL;
  CREATE TABLE place_totals (
    id TEXT COLLATE "C" PRIMARY KEY, name TEXT COLLATE "C" NOT NULL, geoname_id INTEGER, lat DOUBLE PRECISION, lon DOUBLE PRECISION, country TEXT, admin1 TEXT,
    mentions INTEGER NOT NULL DEFAULT 0, documents INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX place_totals_rank ON place_totals(mentions DESC, name, id);
  CREATE TABLE place_doc_mentions (place_id TEXT COLLATE "C" NOT NULL, doc_id TEXT COLLATE "C" NOT NULL, mentions INTEGER NOT NULL, PRIMARY KEY (place_id, doc_id));
  CREATE TABLE place_forms (place_id TEXT COLLATE "C" NOT NULL, form TEXT COLLATE "C" NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (place_id, form));
  CREATE FUNCTION items_place_totals_insert() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE d jsonb := new.data::jsonb; first boolean;
  BEGIN
    INSERT INTO place_totals (id, name, geoname_id, lat, lon, country, admin1)
      VALUES (new.place_id, coalesce(d ->> 'name', new.text), (d ->> 'geonameId')::integer, (d ->> 'lat')::double precision, (d ->> 'lon')::double precision, d ->> 'country', d ->> 'admin1')
      ON CONFLICT (id) DO NOTHING;
    INSERT INTO place_doc_mentions AS m (place_id, doc_id, mentions) VALUES (new.place_id, new.doc_id, 1)
      ON CONFLICT (place_id, doc_id) DO UPDATE SET mentions = m.mentions + 1 RETURNING m.mentions = 1 INTO first;
    UPDATE place_totals SET mentions = mentions + 1, documents = documents + first::integer WHERE id = new.place_id;
    INSERT INTO place_forms AS f (place_id, form, n) VALUES (new.place_id, new.text, 1) ON CONFLICT (place_id, form) DO UPDATE SET n = f.n + 1;
    RETURN NULL;
  END $$;
  CREATE FUNCTION items_place_totals_delete() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE last boolean;
  BEGIN
    UPDATE place_doc_mentions SET mentions = mentions - 1 WHERE place_id = old.place_id AND doc_id = old.doc_id RETURNING mentions <= 0 INTO last;
    UPDATE place_totals SET mentions = mentions - 1, documents = documents - coalesce(last::integer, 0) WHERE id = old.place_id;
    DELETE FROM place_doc_mentions WHERE place_id = old.place_id AND doc_id = old.doc_id AND mentions <= 0;
    UPDATE place_forms SET n = n - 1 WHERE place_id = old.place_id AND form = old.text;
    DELETE FROM place_forms WHERE place_id = old.place_id AND form = old.text AND n <= 0;
    DELETE FROM place_totals WHERE id = old.place_id AND mentions <= 0;
    RETURN NULL;
  END $$;
  CREATE TRIGGER items_place_totals_insert AFTER INSERT ON items FOR EACH ROW WHEN (new.kind = 'places') EXECUTE FUNCTION items_place_totals_insert();
  CREATE TRIGGER items_place_totals_delete AFTER DELETE ON items FOR EACH ROW WHEN (old.kind = 'places') EXECUTE FUNCTION items_place_totals_delete();
  CREATE TABLE contradiction_dates (scope TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, date TEXT COLLATE "C", place TEXT COLLATE "C", PRIMARY KEY (scope, id));
  CREATE INDEX contradiction_dates_date ON contradiction_dates(date DESC NULLS LAST, scope, id);
  CREATE INDEX contradiction_dates_place ON contradiction_dates(place, date DESC NULLS LAST, scope, id);
  CREATE FUNCTION ledger_contradictions_dated() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF tg_op <> 'INSERT' THEN DELETE FROM contradiction_dates WHERE scope = old.scope AND id = old.id; END IF;
    IF tg_op <> 'DELETE' THEN
      INSERT INTO contradiction_dates (scope, id, date, place)
      SELECT new.scope, new.id,
        nullif(greatest(coalesce(la.about_end, substr(la.stated, 1, 10), ''), coalesce(lb.about_end, substr(lb.stated, 1, 10), '')), ''), coalesce(la.place, lb.place)
      FROM (SELECT new.data::jsonb AS j) c
      LEFT JOIN ledger_claims la ON la.doc_id = c.j #>> '{a,doc}' AND la.claim_id = c.j #>> '{a,claim}'
      LEFT JOIN ledger_claims lb ON lb.doc_id = c.j #>> '{b,doc}' AND lb.claim_id = c.j #>> '{b,claim}';
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER ledger_contradictions_dated AFTER INSERT OR UPDATE OR DELETE ON ledger_contradictions FOR EACH ROW EXECUTE FUNCTION ledger_contradictions_dated();
  INSERT INTO contradiction_dates (scope, id, date, place)
    SELECT c.scope, c.id, nullif(greatest(coalesce(la.about_end, substr(la.stated, 1, 10), ''), coalesce(lb.about_end, substr(lb.stated, 1, 10), '')), ''), coalesce(la.place, lb.place)
    FROM ledger_contradictions c
    LEFT JOIN ledger_claims la ON la.doc_id = c.data::jsonb #>> '{a,doc}' AND la.claim_id = c.data::jsonb #>> '{a,claim}'
    LEFT JOIN ledger_claims lb ON lb.doc_id = c.data::jsonb #>> '{b,doc}' AND lb.claim_id = c.data::jsonb #>> '{b,claim}';
  INSERT INTO place_totals (id, name, geoname_id, lat, lon, country, admin1, mentions, documents)
    SELECT DISTINCT ON (i.place_id) i.place_id, coalesce(i.data::jsonb ->> 'name', i.text), (i.data::jsonb ->> 'geonameId')::integer,
      (i.data::jsonb ->> 'lat')::double precision, (i.data::jsonb ->> 'lon')::double precision, i.data::jsonb ->> 'country', i.data::jsonb ->> 'admin1',
      count(*) OVER (PARTITION BY i.place_id), 0
    FROM items i JOIN documents d ON d.id = i.doc_id WHERE i.place_id IS NOT NULL ORDER BY i.place_id, d.seq, i.start;
  INSERT INTO place_doc_mentions (place_id, doc_id, mentions) SELECT place_id, doc_id, count(*) FROM items WHERE place_id IS NOT NULL GROUP BY place_id, doc_id;
  UPDATE place_totals t SET documents = (SELECT count(*) FROM place_doc_mentions m WHERE m.place_id = t.id);
  INSERT INTO place_forms (place_id, form, n) SELECT place_id, text, count(*) FROM items WHERE place_id IS NOT NULL GROUP BY place_id, text;
`;

/**
 * Migration 13 (as SQLite's): each place's documents in storage order (`seq`),
 * so a page of a place's mentions walks them from an index and stops at the
 * page instead of sorting every mention of the place. The insert trigger now
 * writes the document's seq; rows stored before are filled.
 */
export const PLACE_MENTION_ORDER_MIGRATION_SQL = `
  ALTER TABLE place_doc_mentions ADD COLUMN IF NOT EXISTS seq BIGINT;
  UPDATE place_doc_mentions m SET seq = d.seq FROM documents d WHERE d.id = m.doc_id;
  ALTER TABLE place_doc_mentions ALTER COLUMN seq SET NOT NULL;
  CREATE UNIQUE INDEX IF NOT EXISTS place_doc_mentions_seq ON place_doc_mentions(place_id, seq);
  CREATE OR REPLACE FUNCTION items_place_totals_insert() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE d jsonb := new.data::jsonb; first boolean;
  BEGIN
    INSERT INTO place_totals (id, name, geoname_id, lat, lon, country, admin1)
      VALUES (new.place_id, coalesce(d ->> 'name', new.text), (d ->> 'geonameId')::integer, (d ->> 'lat')::double precision, (d ->> 'lon')::double precision, d ->> 'country', d ->> 'admin1')
      ON CONFLICT (id) DO NOTHING;
    INSERT INTO place_doc_mentions AS m (place_id, doc_id, mentions, seq) VALUES (new.place_id, new.doc_id, 1, (SELECT seq FROM documents WHERE id = new.doc_id))
      ON CONFLICT (place_id, doc_id) DO UPDATE SET mentions = m.mentions + 1 RETURNING m.mentions = 1 INTO first;
    UPDATE place_totals SET mentions = mentions + 1, documents = documents + first::integer WHERE id = new.place_id;
    INSERT INTO place_forms AS f (place_id, form, n) VALUES (new.place_id, new.text, 1) ON CONFLICT (place_id, form) DO UPDATE SET n = f.n + 1;
    RETURN NULL;
  END $$;
`;

/**
 * A page of a place's mentions: the place's documents in seq order (migration
 * 13's index), each one's place items by index. The page is sorted a document
 * at a time (an incremental sort on seq) and the scan stops once it is full.
 */
export const PLACE_MENTIONS_SQL = `SELECT x.doc_id, x.data FROM (SELECT doc_id, seq FROM place_doc_mentions WHERE place_id = $1 ORDER BY seq) p
  CROSS JOIN LATERAL (SELECT i.doc_id, i.data, i.start, i."end", i.id FROM items i WHERE i.doc_id = p.doc_id AND i.kind = 'places' AND i.place_id = $1) x
  ORDER BY p.seq, x.start, x."end" DESC, x.id COLLATE "C" LIMIT $2 OFFSET $3`;

/** The browse reader over migration 4's tables (and the ledger tables of migration 3); the same answers as SQLite's. */
export function createBrowseIndex(pool: Pick<pg.Pool, 'query'>): BrowseReader {
  const placeColumns = `t.id, t.name, t.geoname_id, t.lat, t.lon, t.country, t.admin1, t.mentions, t.documents,
    (SELECT coalesce(json_agg(form ORDER BY n DESC, form), '[]') FROM (SELECT form, n FROM place_forms f WHERE f.place_id = t.id ORDER BY n DESC, form LIMIT 12) s)::text AS forms`;
  return {
    async listPlaces(query = {}) {
      const params: Array<string | number> = [];
      const bind = (v: string | number): string => `$${params.push(v)}`;
      const filter = placeTotalsWhere(query, bind);
      const total = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM place_totals t ${filter}`, params)).rows[0]!.n);
      const { rows } = await pool.query<PlaceRow>(`SELECT ${placeColumns} FROM place_totals t ${filter} ORDER BY t.mentions DESC, t.name, t.id LIMIT ${bind(clampLimit(query.limit, 500))} OFFSET ${bind(clampOffset(query.offset))}`, params);
      return { places: rows.map(toPlace), total };
    },
    async getPlace(id) {
      const { rows } = await pool.query<PlaceRow>(`SELECT ${placeColumns} FROM place_totals t WHERE t.id = $1`, [id]);
      return rows[0] ? toPlace(rows[0]) : null;
    },
    async placeMentions(id, query = {}) {
      const { rows } = await pool.query<{ doc_id: string; data: string }>(
        PLACE_MENTIONS_SQL, [id, clampLimit(query.limit, 100), clampOffset(query.offset)]);
      return rows.map((r): StoredItem<'places'> => ({ docId: r.doc_id, kind: 'places', item: JSON.parse(r.data) as StoredItem<'places'>['item'] }));
    },
    async listEntities(query = {}) {
      const params: Array<string | number> = [];
      const bind = (v: string | number): string => `$${params.push(v)}`;
      const filter = entitiesWhere(query, bind);
      const total = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ledger_entities ${filter}`, params)).rows[0]!.n);
      const { rows } = await pool.query<EntityTotals>(`SELECT key, name, kind, side FROM ledger_entities ${filter} ORDER BY name, key LIMIT ${bind(clampLimit(query.limit, 100))} OFFSET ${bind(clampOffset(query.offset))}`, params);
      return { entities: rows, total };
    },
    async listContradictions(query = {}) {
      const params: string[] = [];
      const filter = datedContradictionsWhere(query, (v) => `$${params.push(v)}`);
      const total = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM contradiction_dates d ${filter}`, params)).rows[0]!.n);
      // The page first (from the date index), then its claims: two key lookups per row shown.
      const { rows } = await pool.query<{ data: string; date: string | null; a: string | null; b: string | null }>(`
        SELECT c.data, p.date, la.data AS a, lb.data AS b
        FROM (SELECT d.scope, d.id, d.date FROM contradiction_dates d ${filter} ORDER BY d.date DESC NULLS LAST, d.scope, d.id
              LIMIT ${clampLimit(query.limit, 50)} OFFSET ${clampOffset(query.offset)}) p
        JOIN ledger_contradictions c ON c.scope = p.scope AND c.id = p.id
        LEFT JOIN ledger_claims la ON la.doc_id = c.data::jsonb #>> '{a,doc}' AND la.claim_id = c.data::jsonb #>> '{a,claim}'
        LEFT JOIN ledger_claims lb ON lb.doc_id = c.data::jsonb #>> '{b,doc}' AND lb.claim_id = c.data::jsonb #>> '{b,claim}'
        ORDER BY p.date DESC NULLS LAST, p.scope, p.id`, params);
      const contradictions = rows.map((r): DatedContradiction => ({
        contradiction: JSON.parse(r.data) as Contradiction, date: r.date,
        a: r.a ? JSON.parse(r.a) as LedgerClaim : null, b: r.b ? JSON.parse(r.b) as LedgerClaim : null,
      }));
      return { contradictions, total };
    },
  };
}
