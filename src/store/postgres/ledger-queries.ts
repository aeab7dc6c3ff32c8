import type pg from 'pg';
import type { AsyncLedgerQueries } from '../../ledger/upkeep.js';
import { ledgerQueriesAsync, type LedgerSqlDialect } from '../ledger-sql.js';
import { numbered } from './postgres-store.js';

/**
 * PostgreSQL's side of the ledger's statements (src/store/ledger-sql.ts): each statement is a round trip, so
 * rows go in one `unnest` statement per table and every cohort is read in one recursive statement (a skip scan
 * over the cohorts, each one's claims by LATERAL); so are a place's propositions, by the (place, proposition) index.
 */
export const postgresLedgerDialect: LedgerSqlDialect = {
  indexedBy: () => '',
  newest: 'ORDER BY about_end DESC NULLS LAST, doc_id DESC, claim_id DESC',
  isControl: 'control',
  // (ordered as ledger_claims_place is: for a place with many control claims, a scan that stops at the first one
  // costs about as little as the index, and which the planner took hung on ANALYZE's random sample)
  controlProbeOrder: ' ORDER BY about_end DESC NULLS LAST',
  rowsSource: (types, rows) => [{ sql: `SELECT * FROM unnest(${types.map((t) => `?::${t}[]`).join(', ')})`, params: types.map((_, i) => rows.map((row) => row[i])) }],
  *eachCohort(where, reads) {
    const perCohort = reads({ sql: 'k.c', params: [] });
    return (yield {
      sql: `WITH RECURSIVE k(c) AS (
          (SELECT cohort FROM ledger_claims WHERE ${where.sql} ORDER BY cohort LIMIT 1)
          UNION ALL
          SELECT (SELECT cohort FROM ledger_claims WHERE ${where.sql} AND cohort > k.c ORDER BY cohort LIMIT 1) FROM k WHERE k.c IS NOT NULL)
        SELECT x.data FROM k CROSS JOIN LATERAL (${perCohort.map((r) => `(${r.sql})`).join(' UNION ALL ')}) x WHERE k.c IS NOT NULL`,
      params: [...where.params, ...where.params, ...perCohort.flatMap((r) => r.params)],
    }) as Array<{ data: string }>;
  },
  // A skip scan of (place, proposition): one index probe per distinct proposition, however many claims a busy place
  // has (PostgreSQL 15's planner reads every claim of the place otherwise, and for a busy place the whole table).
  // a range read per proposition, parameterised by it: a plain join let the planner scan every contradiction on an unlucky ANALYZE sample
  contradictionsOfPropositions: "CROSS JOIN LATERAL (SELECT scope, id, data FROM ledger_contradictions WHERE scope >= q.p || '@' AND scope < q.p || 'A') c",
  placePropositions: `WITH RECURSIVE r(p) AS (
      (SELECT proposition FROM ledger_claims WHERE place = ? ORDER BY proposition LIMIT 1)
      UNION ALL
      SELECT (SELECT proposition FROM ledger_claims WHERE place = ? AND proposition > r.p ORDER BY proposition LIMIT 1) FROM r WHERE r.p IS NOT NULL)
    SELECT p FROM r WHERE p IS NOT NULL`,
};

/** The ledger's queries over a pool (reads) or a save's client. */
export function createPostgresLedgerQueries(db: Pick<pg.Pool, 'query'>): AsyncLedgerQueries {
  return ledgerQueriesAsync(postgresLedgerDialect, async (sql, params) => (await db.query(numbered(sql), [...params])).rows);
}
