import type Database from 'better-sqlite3';
import type { Contradiction } from '../../model/index.js';
import type { LedgerClaim } from '../../ledger/ledger-claim.js';
import { clampLimit, clampOffset, datedContradictionsWhere, entitiesWhere, placeTotalsWhere, toPlace, type BrowseReader, type DatedContradiction, type EntityTotals, type PlaceRow } from '../browse-reader.js';
import type { StoredItem } from '../store.js';
import { placeIdSql } from './migrations.js';

/** A page of a place's mentions: its documents in seq order (place_doc_mentions' key), each one's place items in text order. */
export const PLACE_MENTIONS_SQL = `SELECT (SELECT id FROM documents WHERE seq = p.doc_seq) AS doc_id, i.data FROM place_doc_mentions p
  CROSS JOIN items i INDEXED BY items_doc_kind_span ON i.doc_seq = p.doc_seq AND i.kind = 'places'
  WHERE p.place_id = ? AND ${placeIdSql('i')} = ? ORDER BY p.doc_seq, i.start, i.end DESC, i.id LIMIT ? OFFSET ?`;

/** The browse reader over the place totals, the entities and the dated contradictions. */
export function createBrowseIndex(db: Database.Database): BrowseReader {
  const placeColumns = `t.id, t.name, t.geoname_id, t.lat, t.lon, t.country, t.admin1, t.mentions, t.documents,
    (SELECT json_group_array(form) FROM (SELECT form FROM place_forms f WHERE f.place_id = t.id ORDER BY n DESC, form LIMIT 12)) AS forms`;
  const onePlace = db.prepare<[string], PlaceRow>(`SELECT ${placeColumns} FROM place_totals t WHERE t.id = ?`);
  // CROSS JOIN fixes the join order (SQLite never reorders it): start from the place's documents,
  // then each document's place items by the (doc_seq, kind) index. Left to itself the planner
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
          (SELECT data FROM ledger_claims WHERE doc_seq = (SELECT seq FROM documents WHERE id = json_extract(c.data, '$.a.doc')) AND claim_id = json_extract(c.data, '$.a.claim')) AS a,
          (SELECT data FROM ledger_claims WHERE doc_seq = (SELECT seq FROM documents WHERE id = json_extract(c.data, '$.b.doc')) AND claim_id = json_extract(c.data, '$.b.claim')) AS b
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
