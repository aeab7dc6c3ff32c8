import type Database from 'better-sqlite3';
import type { Contradiction } from '../../model/index.js';
import type { LedgerClaim } from '../../ledger/ledger-claim.js';
import { clampLimit, clampOffset, datedContradictionsWhere, entitiesWhere, placeTotalsWhere, toPlace, type BrowseReader, type DatedContradiction, type EntityTotals, type PlaceRow } from '../browse-reader.js';
import type { StoredItem } from '../store.js';

/** SQL for a place mention's aggregation id from an items row (`row` is `new` or `old`): the same as `placeIdOf`. */
function placeIdSql(row: string): string {
  const name = `coalesce(json_extract(${row}.data, '$.name'), ${row}.text)`;
  const blanks = `' ' || char(9) || char(10) || char(13)`;
  const lowered = `lower(trim(${name}, ${blanks}))`;
  return `(CASE WHEN json_extract(${row}.data, '$.geonameId') IS NOT NULL THEN 'geonames-' || json_extract(${row}.data, '$.geonameId')
    ELSE 'name-' || replace(replace(replace(replace(${lowered}, ' ', '-'), char(9), '-'), char(10), '-'), char(13), '-') END)`;
}

/** A claim's date for ordering contradictions: the end of the time it is about, else its statement date. */
const claimDate = (alias: string) => `coalesce(${alias}.about_end, substr(${alias}.stated, 1, 10))`;

const datedContradictionSelect = (scope: string, id: string, data: string) => `
  SELECT ${scope}, ${id}, nullif(max(coalesce(${claimDate('la')}, ''), coalesce(${claimDate('lb')}, '')), ''), coalesce(la.place, lb.place)
  FROM (SELECT 1) LEFT JOIN ledger_claims la ON la.doc_id = json_extract(${data}, '$.a.doc') AND la.claim_id = json_extract(${data}, '$.a.claim')
  LEFT JOIN ledger_claims lb ON lb.doc_id = json_extract(${data}, '$.b.doc') AND lb.claim_id = json_extract(${data}, '$.b.claim')`;

/**
 * The triggers on `items` that keep place totals, documents per place and
 * forms up to date (migration 4; created again by migration 9 with the table).
 */
export const ITEMS_PLACE_TRIGGERS_SQL = `
  CREATE TRIGGER items_place_totals_insert AFTER INSERT ON items WHEN new.kind = 'places' BEGIN
    INSERT INTO place_totals (id, name, geoname_id, lat, lon, country, admin1)
      VALUES (${placeIdSql('new')}, coalesce(json_extract(new.data, '$.name'), new.text), json_extract(new.data, '$.geonameId'),
        json_extract(new.data, '$.lat'), json_extract(new.data, '$.lon'), json_extract(new.data, '$.country'), json_extract(new.data, '$.admin1'))
      ON CONFLICT(id) DO NOTHING;
    INSERT OR IGNORE INTO place_doc_mentions (place_id, doc_id, mentions) VALUES (${placeIdSql('new')}, new.doc_id, 0);
    UPDATE place_totals SET mentions = mentions + 1,
      documents = documents + (SELECT mentions = 0 FROM place_doc_mentions WHERE place_id = ${placeIdSql('new')} AND doc_id = new.doc_id)
      WHERE id = ${placeIdSql('new')};
    UPDATE place_doc_mentions SET mentions = mentions + 1 WHERE place_id = ${placeIdSql('new')} AND doc_id = new.doc_id;
    INSERT INTO place_forms (place_id, form, n) VALUES (${placeIdSql('new')}, new.text, 1) ON CONFLICT(place_id, form) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER items_place_totals_delete AFTER DELETE ON items WHEN old.kind = 'places' BEGIN
    UPDATE place_doc_mentions SET mentions = mentions - 1 WHERE place_id = ${placeIdSql('old')} AND doc_id = old.doc_id;
    UPDATE place_totals SET mentions = mentions - 1,
      documents = documents - coalesce((SELECT mentions = 0 FROM place_doc_mentions WHERE place_id = ${placeIdSql('old')} AND doc_id = old.doc_id), 0)
      WHERE id = ${placeIdSql('old')};
    DELETE FROM place_doc_mentions WHERE place_id = ${placeIdSql('old')} AND doc_id = old.doc_id AND mentions <= 0;
    UPDATE place_forms SET n = n - 1 WHERE place_id = ${placeIdSql('old')} AND form = old.text;
    DELETE FROM place_forms WHERE place_id = ${placeIdSql('old')} AND form = old.text AND n <= 0;
    DELETE FROM place_totals WHERE id = ${placeIdSql('old')} AND mentions <= 0;
  END;`;

/**
 * Migration 13: each place's documents in storage order (`seq`), so a page of
 * a place's mentions walks them from an index and stops at the page. Before,
 * the page sorted every mention of the place: 1.8 s for a place in 40,000 of
 * 100,000 documents. The insert trigger now writes the document's seq (a
 * document keeps its seq when saved again); rows stored before are filled.
 */
export const PLACE_MENTION_ORDER_MIGRATION_SQL = `
  ALTER TABLE place_doc_mentions ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
  UPDATE place_doc_mentions SET seq = (SELECT d.seq FROM documents d WHERE d.id = place_doc_mentions.doc_id);
  CREATE UNIQUE INDEX place_doc_mentions_seq ON place_doc_mentions(place_id, seq);
  DROP TRIGGER items_place_totals_insert;
  CREATE TRIGGER items_place_totals_insert AFTER INSERT ON items WHEN new.kind = 'places' BEGIN
    INSERT INTO place_totals (id, name, geoname_id, lat, lon, country, admin1)
      VALUES (${placeIdSql('new')}, coalesce(json_extract(new.data, '$.name'), new.text), json_extract(new.data, '$.geonameId'),
        json_extract(new.data, '$.lat'), json_extract(new.data, '$.lon'), json_extract(new.data, '$.country'), json_extract(new.data, '$.admin1'))
      ON CONFLICT(id) DO NOTHING;
    INSERT OR IGNORE INTO place_doc_mentions (place_id, doc_id, mentions, seq)
      VALUES (${placeIdSql('new')}, new.doc_id, 0, (SELECT seq FROM documents WHERE id = new.doc_id));
    UPDATE place_totals SET mentions = mentions + 1,
      documents = documents + (SELECT mentions = 0 FROM place_doc_mentions WHERE place_id = ${placeIdSql('new')} AND doc_id = new.doc_id)
      WHERE id = ${placeIdSql('new')};
    UPDATE place_doc_mentions SET mentions = mentions + 1 WHERE place_id = ${placeIdSql('new')} AND doc_id = new.doc_id;
    INSERT INTO place_forms (place_id, form, n) VALUES (${placeIdSql('new')}, new.text, 1) ON CONFLICT(place_id, form) DO UPDATE SET n = n + 1;
  END;
`;

/** A page of a place's mentions: its documents in seq order (migration 13's index), each one's place items in text order. */
export const PLACE_MENTIONS_SQL = `SELECT i.doc_id, i.data FROM place_doc_mentions p INDEXED BY place_doc_mentions_seq
  CROSS JOIN items i INDEXED BY items_doc_kind_span ON i.doc_id = p.doc_id AND i.kind = 'places'
  WHERE p.place_id = ? AND ${placeIdSql('i')} = ? ORDER BY p.seq, i.start, i.end DESC, i.id LIMIT ? OFFSET ?`;

/**
 * Migration 4 (browsing at scale, issue 7): items in document then text order
 * without a sort of every item of a kind; place totals (mentions, documents,
 * forms) kept up to date by triggers on `items`, so the map reads one small
 * table; contradictions dated, so the board reads the newest first from an index.
 * Triggers keep these right whoever writes (the store, ingest workers).
 */
export const BROWSE_MIGRATION_SQL = `
  CREATE INDEX items_doc_kind_span ON items(doc_id, kind, start, end DESC, id);
  CREATE TABLE place_totals (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, geoname_id INTEGER, lat REAL, lon REAL, country TEXT, admin1 TEXT,
    mentions INTEGER NOT NULL DEFAULT 0, documents INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;
  CREATE INDEX place_totals_rank ON place_totals(mentions DESC, name, id);
  CREATE TABLE place_doc_mentions (place_id TEXT NOT NULL, doc_id TEXT NOT NULL, mentions INTEGER NOT NULL, PRIMARY KEY (place_id, doc_id)) WITHOUT ROWID;
  CREATE TABLE place_forms (place_id TEXT NOT NULL, form TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (place_id, form)) WITHOUT ROWID;
${ITEMS_PLACE_TRIGGERS_SQL}
  CREATE TABLE contradiction_dates (scope TEXT NOT NULL, id TEXT NOT NULL, date TEXT, place TEXT, PRIMARY KEY (scope, id)) WITHOUT ROWID;
  CREATE INDEX contradiction_dates_date ON contradiction_dates(date DESC, scope, id);
  CREATE INDEX contradiction_dates_place ON contradiction_dates(place, date DESC);
  CREATE TRIGGER ledger_contradictions_dated_insert AFTER INSERT ON ledger_contradictions BEGIN
    INSERT OR REPLACE INTO contradiction_dates (scope, id, date, place) ${datedContradictionSelect('new.scope', 'new.id', 'new.data')};
  END;
  CREATE TRIGGER ledger_contradictions_dated_delete AFTER DELETE ON ledger_contradictions BEGIN
    DELETE FROM contradiction_dates WHERE scope = old.scope AND id = old.id;
  END;
  INSERT INTO contradiction_dates (scope, id, date, place) SELECT * FROM (SELECT c.scope, c.id,
    nullif(max(coalesce(${claimDate('la')}, ''), coalesce(${claimDate('lb')}, '')), ''), coalesce(la.place, lb.place)
    FROM ledger_contradictions c
    LEFT JOIN ledger_claims la ON la.doc_id = json_extract(c.data, '$.a.doc') AND la.claim_id = json_extract(c.data, '$.a.claim')
    LEFT JOIN ledger_claims lb ON lb.doc_id = json_extract(c.data, '$.b.doc') AND lb.claim_id = json_extract(c.data, '$.b.claim')) WHERE true;
  CREATE TEMP TABLE place_items_backfill AS SELECT ${placeIdSql('i')} AS place_id, i.doc_id, i.text, i.data, d.seq, i.start
    FROM items i JOIN documents d ON d.id = i.doc_id WHERE i.kind = 'places';
  INSERT INTO place_totals (id, name, geoname_id, lat, lon, country, admin1, mentions, documents)
    SELECT place_id, coalesce(json_extract(data, '$.name'), text), json_extract(data, '$.geonameId'), json_extract(data, '$.lat'), json_extract(data, '$.lon'),
      json_extract(data, '$.country'), json_extract(data, '$.admin1'), count(*), count(DISTINCT doc_id)
    FROM (SELECT * FROM place_items_backfill ORDER BY seq, start) GROUP BY place_id;
  INSERT INTO place_doc_mentions (place_id, doc_id, mentions) SELECT place_id, doc_id, count(*) FROM place_items_backfill GROUP BY place_id, doc_id;
  INSERT INTO place_forms (place_id, form, n) SELECT place_id, text, count(*) FROM place_items_backfill GROUP BY place_id, text;
  DROP TABLE place_items_backfill;
`;

/** The browse reader over migration 4's tables (and the ledger tables of migration 3). */
export function createBrowseIndex(db: Database.Database): BrowseReader {
  const placeColumns = `t.id, t.name, t.geoname_id, t.lat, t.lon, t.country, t.admin1, t.mentions, t.documents,
    (SELECT json_group_array(form) FROM (SELECT form FROM place_forms f WHERE f.place_id = t.id ORDER BY n DESC, form LIMIT 12)) AS forms`;
  const onePlace = db.prepare<[string], PlaceRow>(`SELECT ${placeColumns} FROM place_totals t WHERE t.id = ?`);
  // CROSS JOIN fixes the join order (SQLite never reorders it): start from the place's documents,
  // then each document's place items by the (doc_id, kind) index. Left to itself the planner
  // started from every place item in the store and computed each one's place id from its JSON.
  const mentionsOf = db.prepare<[string, string, number, number], { doc_id: string; data: string }>(PLACE_MENTIONS_SQL);
  return {
    async listPlaces(query = {}) {
      const params: string[] = [];
      const filter = placeTotalsWhere(query, (v) => (params.push(v), '?'));
      const total = (db.prepare(`SELECT count(*) AS n FROM place_totals t ${filter}`).get(...params) as { n: number }).n;
      const rows = db.prepare(`SELECT ${placeColumns} FROM place_totals t ${filter} ORDER BY t.mentions DESC, t.name, t.id LIMIT ? OFFSET ?`)
        .all(...params, clampLimit(query.limit, 500), clampOffset(query.offset)) as PlaceRow[];
      return { places: rows.map(toPlace), total };
    },
    async getPlace(id) {
      const row = onePlace.get(id);
      return row ? toPlace(row) : null;
    },
    async placeMentions(id, query = {}) {
      return mentionsOf.all(id, id, clampLimit(query.limit, 100), clampOffset(query.offset))
        .map((r): StoredItem<'places'> => ({ docId: r.doc_id, kind: 'places', item: JSON.parse(r.data) as StoredItem<'places'>['item'] }));
    },
    async listEntities(query = {}) {
      const params: string[] = [];
      const filter = entitiesWhere(query, (v) => (params.push(v), '?'));
      const total = (db.prepare(`SELECT count(*) AS n FROM ledger_entities ${filter}`).get(...params) as { n: number }).n;
      const entities = db.prepare(`SELECT key, name, kind, side FROM ledger_entities ${filter} ORDER BY name, key LIMIT ? OFFSET ?`)
        .all(...params, clampLimit(query.limit, 100), clampOffset(query.offset)) as EntityTotals[];
      return { entities, total };
    },
    async listContradictions(query = {}) {
      const params: string[] = [];
      const filter = datedContradictionsWhere(query, (v) => (params.push(v), '?'));
      const total = (db.prepare(`SELECT count(*) AS n FROM contradiction_dates d ${filter}`).get(...params) as { n: number }).n;
      const rows = db.prepare(`SELECT c.data, d.date,
          (SELECT data FROM ledger_claims WHERE doc_id = json_extract(c.data, '$.a.doc') AND claim_id = json_extract(c.data, '$.a.claim')) AS a,
          (SELECT data FROM ledger_claims WHERE doc_id = json_extract(c.data, '$.b.doc') AND claim_id = json_extract(c.data, '$.b.claim')) AS b
        FROM contradiction_dates d JOIN ledger_contradictions c ON c.scope = d.scope AND c.id = d.id
        ${filter} ORDER BY d.date DESC, d.scope, d.id LIMIT ? OFFSET ?`)
        .all(...params, clampLimit(query.limit, 50), clampOffset(query.offset)) as Array<{ data: string; date: string | null; a: string | null; b: string | null }>;
      const contradictions = rows.map((r): DatedContradiction => ({
        contradiction: JSON.parse(r.data) as Contradiction, date: r.date,
        a: r.a ? JSON.parse(r.a) as LedgerClaim : null, b: r.b ? JSON.parse(r.b) as LedgerClaim : null,
      }));
      return { contradictions, total };
    },
  };
}
