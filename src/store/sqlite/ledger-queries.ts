import type Database from 'better-sqlite3';
import type { LedgerReader } from '../../ledger/ledger-reader.js';
import { createLedgerReader, recomputeTouched, runLedgerSync, saveLedgerSync, type LedgerQueries, type LedgerSaveDocument, type PendingRecompute } from '../../ledger/upkeep.js';
import { ledgerQueriesSync, type LedgerSqlDialect } from '../ledger-sql.js';

/** The ledger over a SQLite connection: its readers, and its upkeep for a saved document (inside the save's transaction). */
export interface LedgerIndex extends LedgerReader {
  /** A saved document's claims replaced; what they touch recomputed now, or added to `pending` (a batch's, recomputed by `recompute`). */
  onSave(doc: LedgerSaveDocument, pending?: PendingRecompute): void;
  /** Recomputes what `pending` holds (a batch's saves, at its commit, inside its transaction). */
  recompute(pending: PendingRecompute): void;
}

export function createLedgerIndex(db: Database.Database): LedgerIndex {
  const queries = createSqliteLedgerQueries(db);
  return {
    ...createLedgerReader(async (steps) => runLedgerSync(steps, queries)),
    onSave: (doc, pending) => saveLedgerSync(doc, queries, pending),
    recompute(pending) {
      const batch = pending.take();
      if (batch) runLedgerSync(recomputeTouched(batch.touched, batch.places), queries);
    },
  };
}

/**
 * SQLite's side of the ledger's statements (src/store/ledger-sql.ts): a statement costs no round trip, so
 * cohorts are probed one index step at a time and rows inserted one statement each (prepared once); without
 * statistics the planner needs some indexes named. Undated claims sort last in `DESC` by themselves.
 */
export const sqliteLedgerDialect: LedgerSqlDialect = {
  indexedBy: (index) => ` INDEXED BY ${index}`,
  newest: 'ORDER BY about_end DESC, doc_id DESC, claim_id DESC',
  isControl: 'control = 1',
  controlProbeOrder: '',
  rowsSource: (types, rows) => {
    const values = `VALUES (${types.map(() => '?').join(', ')})`;
    return rows.map((row) => ({ sql: values, params: row.map((v) => (typeof v === 'boolean' ? Number(v) : v)) }));
  },
  *eachCohort(where, reads) {
    const out: Array<{ data: string }> = [];
    const next = `SELECT min(cohort) AS cohort FROM ledger_claims WHERE ${where.sql} AND cohort > ?`;
    for (let c = ((yield { sql: next, params: [...where.params, ''] }) as Array<{ cohort: string | null }>)[0]?.cohort; c != null;
      c = ((yield { sql: next, params: [...where.params, c] }) as Array<{ cohort: string | null }>)[0]?.cohort) {
      for (const read of reads({ sql: '?', params: [c] })) out.push(...((yield read) as Array<{ data: string }>));
    }
    return out;
  },
  // No (place, proposition) index: the place's claims from ledger_claims_place.
  placePropositions: 'SELECT DISTINCT proposition AS p FROM ledger_claims WHERE place = ?',
  contradictionsOfPropositions: "JOIN ledger_contradictions c ON c.scope >= q.p || '@' AND c.scope < q.p || 'A'",
};

/** The ledger's queries on a SQLite connection, run at once (inside a save's savepoint); each statement text prepared once. */
export function createSqliteLedgerQueries(db: Database.Database): LedgerQueries {
  const statements = new Map<string, Database.Statement>();
  return ledgerQueriesSync(sqliteLedgerDialect, (sql, params) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, statement = db.prepare(sql));
    if (statement.reader) return statement.all(...params);
    statement.run(...params);
    return [];
  });
}
