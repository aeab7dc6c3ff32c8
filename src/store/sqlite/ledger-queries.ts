import type Database from 'better-sqlite3';
import type { LedgerReader } from '../../ledger/ledger-reader.js';
import { mayContradict } from '../../ledger/incremental.js';
import {
  createLedgerReader, LASTING_CONTROL_PREDICATES, recomputeTouched, runLedgerSync, saveLedgerSync, type LedgerQueries, type LedgerSaveDocument, type PendingRecompute, type TimelineRow,
} from '../../ledger/upkeep.js';
import { claimFilterWhere } from '../claim-filter-sql.js';

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
 * The ledger's queries in SQLite (src/ledger/upkeep.ts holds what is done with
 * them). Statements are prepared once; listClaims' by SQL text, one per
 * combination of filters.
 */
export function createSqliteLedgerQueries(db: Database.Database): LedgerQueries {
  // Recomputes read the claims' JSON; the upkeep takes each one's core (coreOf): SQLite keeps no second copy.
  const core = 'data';
  const newest = 'ORDER BY about_end DESC, doc_id DESC, claim_id DESC';
  // Claims are keyed by their document's seq (its row id in `documents`).
  const docSeq = db.prepare<[string], { seq: number }>('SELECT seq FROM documents WHERE id = ?');
  const stored = db.prepare<[string], { proposition: string; place: string | null; about_end: string | null; control: number; data: string }>(
    'SELECT proposition, place, about_end, control, data FROM ledger_claims WHERE doc_seq = (SELECT seq FROM documents WHERE id = ?)');
  const bumpMonth = db.prepare<[string, string, number, number, number]>(`INSERT INTO ledger_proposition_months (proposition, month, positive, negative, counted) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(proposition, month) DO UPDATE SET positive = positive + excluded.positive, negative = negative + excluded.negative, counted = counted + excluded.counted`);
  const monthsBetween = db.prepare<[string, string, string], { positive: number; negative: number; counted: number }>(
    'SELECT coalesce(sum(positive), 0) AS positive, coalesce(sum(negative), 0) AS negative, coalesce(sum(counted), 0) AS counted FROM ledger_proposition_months WHERE proposition = ? AND month >= ? AND month <= ?');
  const scopeHasRows = db.prepare<[string], { n: number }>('SELECT 1 AS n FROM ledger_contradictions WHERE scope = ? LIMIT 1');
  const deleteClaims = db.prepare<[number]>('DELETE FROM ledger_claims WHERE doc_seq = ?');
  // `ord`: the claim's place in its document's list (the rows come in list order; schema 15 stores the claim items only here).
  const insertClaim = db.prepare(`INSERT INTO ledger_claims (doc_seq, doc_id, claim_id, proposition, predicate, place, place_label, side, about_end, stated, control, data, stance, source_key, outlet, cohort, ord)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // A key's row is its smallest (name, kind, side) in byte order, whatever the save order ("Analysts" < "analysts").
  const upsertEntity = db.prepare(`INSERT INTO ledger_entities (key, name, kind, side) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE
    SET name = excluded.name, kind = excluded.kind, side = excluded.side WHERE (excluded.name, excluded.kind, excluded.side) < (name, kind, side)`);
  // The cohorts of a proposition and of a place's control claims, one index probe each (the next one after `cohort`).
  const nextCohort = db.prepare<[string, string], { cohort: string | null }>('SELECT min(cohort) AS cohort FROM ledger_claims WHERE proposition = ? AND cohort > ?');
  const nextControlCohort = db.prepare<[string, string], { cohort: string | null }>('SELECT min(cohort) AS cohort FROM ledger_claims WHERE place = ? AND control = 1 AND cohort > ?');
  // Without statistics the planner prefers (proposition, about_end) and would read every cohort's claims of the range.
  const byPropositionBetween = db.prepare<[string, string, string, string, number], { data: string }>(
    `SELECT ${core} FROM ledger_claims INDEXED BY ledger_claims_cohort WHERE proposition = ? AND cohort = ? AND about_end >= ? AND about_end <= ? ${newest} LIMIT ?`);
  const byPropositionUndated = db.prepare<[string, string, number], { data: string }>(
    `SELECT ${core} FROM ledger_claims WHERE proposition = ? AND cohort = ? AND about_end IS NULL ORDER BY doc_id, claim_id LIMIT ?`);
  const controlSince = db.prepare<[string, string, string, number], { data: string }>(
    `SELECT ${core} FROM ledger_claims WHERE place = ? AND control = 1 AND cohort = ? AND about_end >= ? ${newest} LIMIT ?`);
  const capturesAt = db.prepare<[string, string, number], { data: string }>(
    `SELECT ${core} FROM ledger_claims WHERE place = ? AND control = 1 AND predicate IN (${LASTING_CONTROL_PREDICATES.map((p) => `'${p}'`).join(', ')}) AND cohort = ? ${newest} LIMIT ?`);
  const controlUndated = db.prepare<[string, string, number], { data: string }>(
    `SELECT ${core} FROM ledger_claims WHERE place = ? AND control = 1 AND cohort = ? AND about_end IS NULL ORDER BY doc_id, claim_id LIMIT ?`);
  const hasControl = db.prepare<[string], { n: number }>('SELECT 1 AS n FROM ledger_claims WHERE place = ? AND control = 1 LIMIT 1');
  const scopeRows = db.prepare<[string], { id: string; data: string }>('SELECT id, data FROM ledger_contradictions WHERE scope = ?');
  const deleteContradiction = db.prepare<[string, string]>('DELETE FROM ledger_contradictions WHERE scope = ? AND id = ?');
  const deleteScope = db.prepare<[string]>('DELETE FROM ledger_contradictions WHERE scope = ?');
  const insertContradiction = db.prepare('INSERT OR REPLACE INTO ledger_contradictions (scope, id, kind, data) VALUES (?, ?, ?, ?)');
  const upsertTimeline = db.prepare(`INSERT INTO ledger_timelines (place, label, lat, lon, country, admin1, state, data) VALUES (@place, @label, @lat, @lon, @country, @admin1, @state, @data)
    ON CONFLICT(place) DO UPDATE SET label = excluded.label, lat = coalesce(excluded.lat, lat), lon = coalesce(excluded.lon, lon),
    country = coalesce(excluded.country, country), admin1 = coalesce(excluded.admin1, admin1), state = excluded.state, data = excluded.data`);
  const deleteTimeline = db.prepare<[string]>('DELETE FROM ledger_timelines WHERE place = ?');
  const timelineByName = db.prepare<[string, string], { place: string }>('SELECT place FROM ledger_timelines WHERE place = ? OR lower(label) = ? ORDER BY place LIMIT 1');
  const claimPlaceByName = db.prepare<[string, string], { place: string }>(
    'SELECT place FROM (SELECT place FROM ledger_claims WHERE place = ? LIMIT 1) UNION ALL SELECT place FROM (SELECT place FROM ledger_claims INDEXED BY ledger_claims_place_label WHERE place_label = ? LIMIT 1) LIMIT 1');
  const timelineRow = db.prepare<[string], TimelineRow>('SELECT place, label, lat, lon, country, admin1, data FROM ledger_timelines WHERE place = ?');
  const allTimelines = db.prepare<[], TimelineRow>('SELECT place, label, lat, lon, country, admin1, data FROM ledger_timelines ORDER BY label, place');
  const allContradictions = db.prepare<[number], { data: string }>('SELECT data FROM ledger_contradictions ORDER BY scope, id LIMIT ?');
  // Scopes are 'proposition@month' (a range of the primary key per proposition) and 'place:KEY'.
  const placeContradictions = db.prepare<[string, string, number], { data: string }>(`SELECT data FROM (
      SELECT c.scope, c.id, c.data FROM ledger_contradictions c WHERE c.scope = ?
      UNION ALL
      SELECT c.scope, c.id, c.data FROM (SELECT DISTINCT proposition AS p FROM ledger_claims WHERE place = ?) q
        JOIN ledger_contradictions c ON c.scope >= q.p || '@' AND c.scope < q.p || 'A'
    ) ORDER BY scope, id LIMIT ?`);
  const listStatements = new Map<string, Database.Statement<unknown[], { data: string }>>();
  const data = (rows: ReadonlyArray<{ data: string }>): string[] => rows.map((r) => r.data);
  const cohorts = (next: Database.Statement<[string, string], { cohort: string | null }>, key: string): string[] => {
    const out: string[] = [];
    for (let c = next.get(key, '')?.cohort; c != null; c = next.get(key, c)?.cohort) out.push(c);
    return out;
  };

  return {
    storedClaims: (docId) => stored.all(docId).map((r) => ({ proposition: r.proposition, place: r.place, aboutEnd: r.about_end, control: r.control === 1, data: r.data })),
    replaceClaims(docId, rows, months, entities) {
      const seq = docSeq.get(docId)?.seq;
      if (seq === undefined) throw new Error(`ledger: no stored document ${JSON.stringify(docId)} to file claims under`);
      deleteClaims.run(seq);
      for (const e of entities) upsertEntity.run(e.key, e.name, e.kind, e.side);
      rows.forEach((r, ord) => insertClaim.run(seq, r.docId, r.claimId, r.proposition, r.predicate, r.place, r.placeLabel, r.side, r.aboutEnd, r.stated, r.control ? 1 : 0,
        r.data, r.stance, r.sourceKey, r.outlet, r.cohort, ord));
      for (const m of months) bumpMonth.run(m.proposition, m.month, m.positive, m.negative, m.counted);
    },
    monthSummary(proposition, fromMonth, toMonth, scope) {
      const sum = monthsBetween.get(proposition, fromMonth, toMonth)!;
      // The scope is read only when the sums alone cannot contradict (a read less per recompute, and fewer pages in the cache).
      return { ...sum, stored: !mayContradict(sum, false) && scopeHasRows.get(scope) !== undefined };
    },
    propositionClaims: (proposition, window, cap) => cohorts(nextCohort, proposition).flatMap((cohort) => data(window === null
      ? byPropositionUndated.all(proposition, cohort, cap)
      : byPropositionBetween.all(proposition, cohort, window.from, window.to, cap))),
    placeHasControlClaims: (place) => hasControl.get(place) !== undefined,
    placeControlClaims: (place, since, cap) => cohorts(nextControlCohort, place).flatMap((cohort) => [
      ...data(controlSince.all(place, cohort, since, cap)), ...data(capturesAt.all(place, cohort, cap)), ...data(controlUndated.all(place, cohort, cap)),
    ]),
    scopeContradictions: (scope) => scopeRows.all(scope),
    writeContradictions(scope, removed, changed) {
      for (const id of removed) deleteContradiction.run(scope, id);
      for (const c of changed) insertContradiction.run(scope, c.id, c.kind, c.data);
    },
    clearPlace(place, scope) {
      deleteScope.run(scope);
      deleteTimeline.run(place);
    },
    timelineRow: (place) => timelineRow.get(place),
    upsertTimeline: (row) => void upsertTimeline.run(row),
    timelinePlaceNamed: (place, lower) => timelineByName.get(place, lower)?.place ?? null,
    claimPlaceNamed: (place, lower) => claimPlaceByName.get(place, lower)?.place ?? null,
    listClaims(filter) {
      const params: Array<string | number> = [];
      // Without an equality filter that has its own index, claims are read newest first from the date index
      // (left to choose, the planner sorts the whole table: its indexes end with the row id, not the tie-break).
      const byDate = filter.place === undefined && filter.side === undefined && filter.predicate === undefined && filter.proposition === undefined && filter.entity === undefined;
      const sql = `SELECT data FROM ledger_claims${byDate ? ' INDEXED BY ledger_claims_about' : ''} ${claimFilterWhere(filter, (v) => (params.push(v), '?'))} ${newest} LIMIT ? OFFSET ?`;
      let statement = listStatements.get(sql);
      if (!statement) listStatements.set(sql, statement = db.prepare(sql));
      return data(statement.all(...params, filter.limit, filter.offset));
    },
    listContradictions: (place, limit) => data(place === null ? allContradictions.all(limit) : placeContradictions.all(`place:${place}`, place, limit)),
    listTimelines: () => allTimelines.all(),
  };
}
