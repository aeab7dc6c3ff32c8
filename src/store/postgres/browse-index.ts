import type pg from 'pg';
import type { Contradiction } from '../../model/index.js';
import type { LedgerClaim } from '../../ledger/ledger-claim.js';
import { clampLimit, clampOffset, datedContradictionsWhere, entitiesWhere, placeTotalsWhere, toPlace, type BrowseReader, type DatedContradiction, type EntityTotals, type PlaceRow } from '../browse-reader.js';
import type { StoredItem } from '../store.js';

/**
 * A page of a place's mentions: the place's documents in seq order (the key of
 * place_doc_mentions), each one's place items by index. The page is sorted a
 * document at a time (an incremental sort on seq) and the scan stops once it is full.
 */
export const PLACE_MENTIONS_SQL = `SELECT (SELECT id FROM documents WHERE seq = p.doc_seq) AS doc_id, x.data
  FROM (SELECT doc_seq FROM place_doc_mentions WHERE place_id = $1 ORDER BY doc_seq) p
  CROSS JOIN LATERAL (SELECT i.data, i.start, i."end", i.id FROM items i WHERE i.doc_seq = p.doc_seq AND i.kind = 'places' AND i.place_id = $1) x
  ORDER BY p.doc_seq, x.start, x."end" DESC, x.id COLLATE "C" LIMIT $2 OFFSET $3`;

/**
 * The browse reader over the place totals (kept by the items triggers:
 * src/store/postgres/migrations.ts), the entities and the dated
 * contradictions; the same answers as SQLite's.
 */
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
        LEFT JOIN ledger_claims la ON la.doc_seq = (SELECT seq FROM documents WHERE id = c.data::jsonb #>> '{a,doc}') AND la.claim_id = c.data::jsonb #>> '{a,claim}'
        LEFT JOIN ledger_claims lb ON lb.doc_seq = (SELECT seq FROM documents WHERE id = c.data::jsonb #>> '{b,doc}') AND lb.claim_id = c.data::jsonb #>> '{b,claim}'
        ORDER BY p.date DESC NULLS LAST, p.scope, p.id`, params);
      const contradictions = rows.map((r): DatedContradiction => ({
        contradiction: JSON.parse(r.data) as Contradiction, date: r.date,
        a: r.a ? JSON.parse(r.a) as LedgerClaim : null, b: r.b ? JSON.parse(r.b) as LedgerClaim : null,
      }));
      return { contradictions, total };
    },
  };
}
