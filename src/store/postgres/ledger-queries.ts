import type pg from 'pg';
import { LASTING_CONTROL_PREDICATES, type AsyncLedgerQueries, type TimelineRow } from '../../ledger/upkeep.js';
import { claimFilterWhere } from '../claim-filter-sql.js';

type Db = Pick<pg.Pool, 'query'>;

/**
 * The ledger's queries in PostgreSQL (src/ledger/upkeep.ts holds what is done
 * with them), over a pool (reads) or a save's client. Recompute reads are
 * ordered fully (ties by doc_id, claim_id descending, as SQLite's index
 * order), so both backends see the same claims when a cap cuts a group; each
 * reads every cohort in one round trip (a skip scan over the cohorts).
 * Claims are keyed by their document's seq; recomputes read the claims' JSON
 * and the upkeep takes each one's core (schema 14 keeps no second copy).
 */
export function createPostgresLedgerQueries(db: Db): AsyncLedgerQueries {
  const newest = 'ORDER BY about_end DESC NULLS LAST, doc_id DESC, claim_id DESC';
  const data = async (sql: string, params: unknown[]): Promise<string[]> => (await db.query<{ data: string }>(sql, params)).rows.map((r) => r.data);
  const cohortsOf = (where: string) => `WITH RECURSIVE k(c) AS (
      (SELECT cohort FROM ledger_claims WHERE ${where} ORDER BY cohort LIMIT 1)
      UNION ALL
      SELECT (SELECT cohort FROM ledger_claims WHERE ${where} AND cohort > k.c ORDER BY cohort LIMIT 1) FROM k WHERE k.c IS NOT NULL)`;
  return {
    async storedClaims(docId) {
      const { rows } = await db.query<{ proposition: string; place: string | null; about_end: string | null; control: boolean; data: string }>(
        'SELECT proposition, place, about_end, control, data FROM ledger_claims WHERE doc_seq = (SELECT seq FROM documents WHERE id = $1)', [docId]);
      return rows.map((r) => ({ proposition: r.proposition, place: r.place, aboutEnd: r.about_end, control: r.control, data: r.data }));
    },
    async replaceClaims(docId, rows, months, entities) {
      if (entities.length) {
        // One row per key: its smallest (name, kind, side) in byte order, here and against the stored row. Key order:
        // concurrent saves lock shared keys in the same order, no deadlock.
        await db.query(`INSERT INTO ledger_entities (key, name, kind, side)
          SELECT DISTINCT ON (k) k, n, ki, s FROM (
            SELECT k COLLATE "C" AS k, n COLLATE "C" AS n, ki COLLATE "C" AS ki, s COLLATE "C" AS s FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS e(k, n, ki, s)
          ) e ORDER BY k, n, ki, s
          ON CONFLICT (key) DO UPDATE SET name = excluded.name, kind = excluded.kind, side = excluded.side
            WHERE (excluded.name, excluded.kind, excluded.side) < (ledger_entities.name, ledger_entities.kind, ledger_entities.side)`,
        [entities.map((e) => e.key), entities.map((e) => e.name), entities.map((e) => e.kind), entities.map((e) => e.side)]);
      }
      const seq = (await db.query<{ seq: string }>('SELECT seq FROM documents WHERE id = $1', [docId])).rows[0]?.seq;
      if (seq === undefined) throw new Error(`ledger: no stored document ${JSON.stringify(docId)} to file claims under`);
      await db.query('DELETE FROM ledger_claims WHERE doc_seq = $1', [seq]);
      if (rows.length) {
        const columns = ['claimId', 'proposition', 'predicate', 'place', 'placeLabel', 'side', 'aboutEnd', 'stated', 'control', 'data', 'stance', 'sourceKey', 'outlet', 'cohort'] as const;
        // `ord`: the claim's place in its document's list (the rows come in list order; schema 15 stores the claim items only here).
        await db.query(`INSERT INTO ledger_claims (doc_seq, doc_id, claim_id, proposition, predicate, place, place_label, side, about_end, stated, control, data, stance, source_key, outlet, cohort, ord)
          SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::boolean[], $12::text[],
            $13::text[], $14::text[], $15::text[], $16::text[], $17::int[])`, [seq, docId, ...columns.map((c) => rows.map((r) => r[c])), rows.map((_, ord) => ord)]);
      }
      // The summary rows in key order (the months come sorted): rows of propositions under no advisory lock (`said`,
      // half-known) are shared by concurrent saves, and one ordered upsert per save cannot deadlock.
      if (months.length) {
        await db.query(`INSERT INTO ledger_proposition_months (proposition, month, positive, negative, counted)
          SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[])
          ON CONFLICT (proposition, month) DO UPDATE SET positive = ledger_proposition_months.positive + excluded.positive,
            negative = ledger_proposition_months.negative + excluded.negative, counted = ledger_proposition_months.counted + excluded.counted`,
        [months.map((m) => m.proposition), months.map((m) => m.month), months.map((m) => m.positive), months.map((m) => m.negative), months.map((m) => m.counted)]);
      }
    },
    async monthSummary(proposition, fromMonth, toMonth, scope) {
      return (await db.query<{ positive: number; negative: number; counted: number; stored: boolean }>(
        `SELECT coalesce(sum(positive), 0)::int AS positive, coalesce(sum(negative), 0)::int AS negative, coalesce(sum(counted), 0)::int AS counted,
           EXISTS (SELECT 1 FROM ledger_contradictions WHERE scope = $4) AS stored
         FROM ledger_proposition_months WHERE proposition = $1 AND month >= $2 AND month <= $3`, [proposition, fromMonth, toMonth, scope])).rows[0]!;
    },
    propositionClaims: (proposition, window, cap) => data(`${cohortsOf('proposition = $1')}
      SELECT x.data FROM k CROSS JOIN LATERAL (SELECT data FROM ledger_claims WHERE proposition = $1 AND cohort = k.c AND
        ${window === null ? 'about_end IS NULL ORDER BY doc_id, claim_id LIMIT $2' : `about_end >= $3 AND about_end <= $4 ${newest} LIMIT $2`}) x WHERE k.c IS NOT NULL`,
    window === null ? [proposition, cap] : [proposition, cap, window.from, window.to]),
    // (ordered as ledger_claims_place is: for a place with many control claims, a scan that stops at the first one
    // costs about as little as the index, and which the planner took hung on ANALYZE's random sample)
    placeHasControlClaims: async (place) => (await db.query('SELECT 1 FROM ledger_claims WHERE place = $1 AND control ORDER BY about_end DESC NULLS LAST LIMIT 1', [place])).rowCount !== 0,
    placeControlClaims: (place, since, cap) => data(`${cohortsOf('place = $1 AND control')}
      SELECT x.data FROM k CROSS JOIN LATERAL (
        (SELECT data FROM ledger_claims WHERE place = $1 AND control AND cohort = k.c AND about_end >= $2 ${newest} LIMIT $3)
        UNION ALL
        (SELECT data FROM ledger_claims WHERE place = $1 AND control AND predicate IN (${LASTING_CONTROL_PREDICATES.map((p) => `'${p}'`).join(', ')}) AND cohort = k.c ${newest} LIMIT $3)
        UNION ALL
        (SELECT data FROM ledger_claims WHERE place = $1 AND control AND cohort = k.c AND about_end IS NULL ORDER BY doc_id, claim_id LIMIT $3)
      ) x WHERE k.c IS NOT NULL`, [place, since, cap]),
    scopeContradictions: async (scope) => (await db.query<{ id: string; data: string }>('SELECT id, data FROM ledger_contradictions WHERE scope = $1', [scope])).rows,
    async writeContradictions(scope, removed, changed) {
      if (removed.length) await db.query('DELETE FROM ledger_contradictions WHERE scope = $1 AND id = ANY($2::text[])', [scope, removed]);
      if (changed.length) {
        await db.query(`INSERT INTO ledger_contradictions (scope, id, kind, data) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])
          ON CONFLICT (scope, id) DO UPDATE SET kind = excluded.kind, data = excluded.data`, [scope, changed.map((c) => c.id), changed.map((c) => c.kind), changed.map((c) => c.data)]);
      }
    },
    async clearPlace(place, scope) {
      await db.query('DELETE FROM ledger_contradictions WHERE scope = $1', [scope]);
      await db.query('DELETE FROM ledger_timelines WHERE place = $1', [place]);
    },
    timelineRow: async (place) => (await db.query<TimelineRow>('SELECT place, label, lat, lon, country, admin1, data FROM ledger_timelines WHERE place = $1', [place])).rows[0],
    async upsertTimeline(r) {
      await db.query(`INSERT INTO ledger_timelines (place, label, lat, lon, country, admin1, state, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (place) DO UPDATE SET label = excluded.label, lat = coalesce(excluded.lat, ledger_timelines.lat), lon = coalesce(excluded.lon, ledger_timelines.lon),
        country = coalesce(excluded.country, ledger_timelines.country), admin1 = coalesce(excluded.admin1, ledger_timelines.admin1), state = excluded.state, data = excluded.data`,
      [r.place, r.label, r.lat, r.lon, r.country, r.admin1, r.state, r.data]);
    },
    timelinePlaceNamed: async (place, lower) => (await db.query<{ place: string }>(
      'SELECT place FROM ledger_timelines WHERE place = $1 OR lower(label) = $2 ORDER BY place LIMIT 1', [place, lower])).rows[0]?.place ?? null,
    claimPlaceNamed: async (place, lower) => (await db.query<{ place: string }>(
      'SELECT place FROM ledger_claims WHERE place = $1 OR place_label = $2 LIMIT 1', [place, lower])).rows[0]?.place ?? null,
    listClaims(filter) {
      const params: Array<string | number> = [];
      const bind = (v: string | number): string => `$${params.push(v)}`;
      const where = claimFilterWhere(filter, bind);
      return data(`SELECT data FROM ledger_claims ${where} ${newest} LIMIT ${bind(filter.limit)} OFFSET ${bind(filter.offset)}`, params);
    },
    // A place's propositions by a skip scan of (place, proposition) (one index probe per distinct proposition,
    // however many claims a busy place has: PostgreSQL 15's planner reads every claim of the place otherwise, and
    // for a busy place the whole table), then each proposition's scopes 'proposition@month' as a key range.
    listContradictions: (place, limit) => place === null
      ? data('SELECT data FROM ledger_contradictions ORDER BY scope, id LIMIT $1', [limit])
      : data(`WITH RECURSIVE q(p) AS (
          (SELECT proposition FROM ledger_claims WHERE place = $2 ORDER BY proposition LIMIT 1)
          UNION ALL
          SELECT (SELECT proposition FROM ledger_claims WHERE place = $2 AND proposition > q.p ORDER BY proposition LIMIT 1) FROM q WHERE q.p IS NOT NULL)
        SELECT data FROM (
          SELECT c.scope, c.id, c.data FROM ledger_contradictions c WHERE c.scope = $1
          UNION ALL
          SELECT c.scope, c.id, c.data FROM q JOIN ledger_contradictions c ON c.scope >= q.p || '@' AND c.scope < q.p || 'A' WHERE q.p IS NOT NULL
        ) x ORDER BY scope, id LIMIT $3`, [`place:${place}`, place, limit]),
    listTimelines: async () => (await db.query<TimelineRow>('SELECT place, label, lat, lon, country, admin1, data FROM ledger_timelines ORDER BY label, place')).rows,
  };
}
