import type Database from 'better-sqlite3';
import type { LedgerReader } from '../../ledger/ledger-reader.js';
import { mayContradict } from '../../ledger/incremental.js';
import {
  createLedgerReader, LASTING_CONTROL_PREDICATES, recomputeTouched, runLedgerSync, saveLedgerSync, type LedgerQueries, type LedgerSaveDocument, type PendingRecompute, type TimelineRow,
} from '../../ledger/upkeep.js';
import { claimFilterWhere } from '../claim-filter-sql.js';

/** SQL of the ledger tables (migration 3). */
export const LEDGER_MIGRATION_SQL = `
  CREATE TABLE ledger_claims (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL,
    proposition TEXT NOT NULL,
    predicate TEXT NOT NULL,
    place TEXT,
    place_label TEXT,
    side TEXT NOT NULL,
    about_end TEXT,
    stated TEXT,
    control INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (doc_id, claim_id)
  ) WITHOUT ROWID;
  CREATE INDEX ledger_claims_proposition ON ledger_claims(proposition);
  CREATE INDEX ledger_claims_place ON ledger_claims(place, about_end);
  CREATE INDEX ledger_claims_place_label ON ledger_claims(place_label);
  CREATE INDEX ledger_claims_side ON ledger_claims(side, about_end);
  CREATE INDEX ledger_claims_about ON ledger_claims(about_end);
  CREATE TABLE ledger_entities (key TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, side TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE ledger_contradictions (
    scope TEXT NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (scope, id)
  ) WITHOUT ROWID;
  CREATE TABLE ledger_timelines (
    place TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    lat REAL, lon REAL, country TEXT, admin1 TEXT,
    state TEXT, data TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX ledger_timelines_label ON ledger_timelines(lower(label));
`;

/**
 * SQL of migration 5 (ledger at scale): claims by proposition in date order,
 * so a save recomputes only the claims near the dates it touches.
 */
export const LEDGER_SCALE_MIGRATION_SQL = `
  CREATE INDEX ledger_claims_proposition_about ON ledger_claims(proposition, about_end);
  DROP INDEX ledger_claims_proposition;
`;

/**
 * SQL of migration 6: a compact copy of each claim (`core`: what contradictions
 * and timelines read, without sentence, spans and rules; about a seventh of
 * `data`) and claims by place and proposition (`contradictions --place`).
 * Rows stored before it have no core: `data` is read instead.
 */
export const LEDGER_CORE_MIGRATION_SQL = `
  ALTER TABLE ledger_claims ADD COLUMN core TEXT;
  CREATE INDEX ledger_claims_place_proposition ON ledger_claims(place, proposition);
`;

/**
 * SQL of migration 7: the filters of `/api/claims` as columns (stance, merged
 * source key, lower-cased outlet), filled from `data` for rows stored before
 * it, and claims by place + stance + date (`?place=…&stance=deny`), by source
 * and by predicate in date order (migration 10 names the key in each index). Indexes of a WITHOUT ROWID table end with its
 * key (doc_id, claim_id), so each also serves the list's tie-break order.
 */
export const LEDGER_FILTER_MIGRATION_SQL = `
  ALTER TABLE ledger_claims ADD COLUMN stance TEXT;
  ALTER TABLE ledger_claims ADD COLUMN source_key TEXT;
  ALTER TABLE ledger_claims ADD COLUMN outlet TEXT;
  UPDATE ledger_claims SET stance = json_extract(data, '$.claim.stance'), source_key = json_extract(data, '$.source.key'), outlet = lower(json_extract(data, '$.outlet'));
  CREATE INDEX ledger_claims_place_stance ON ledger_claims(place, stance, about_end);
  CREATE INDEX ledger_claims_source ON ledger_claims(source_key, about_end);
  CREATE INDEX ledger_claims_predicate ON ledger_claims(predicate, about_end);
`;

/**
 * SQL of migration 8: a summary row per proposition-month (month of
 * `about_end`, 'undated' without one) counting its positive and negative
 * claims and those with a count, kept by the ledger index on save, so a save
 * skips the months that cannot hold a contradiction (docs/ledger.md, "At scale").
 */
export const LEDGER_SUMMARY_MIGRATION_SQL = `
  CREATE TABLE ledger_proposition_months (
    proposition TEXT NOT NULL,
    month TEXT NOT NULL,
    positive INTEGER NOT NULL,
    negative INTEGER NOT NULL,
    counted INTEGER NOT NULL,
    PRIMARY KEY (proposition, month)
  ) WITHOUT ROWID;
  INSERT INTO ledger_proposition_months (proposition, month, positive, negative, counted)
    SELECT proposition, coalesce(substr(about_end, 1, 7), 'undated'),
      sum(json_extract(coalesce(core, data), '$.claim.polarity') = 'positive'),
      sum(json_extract(coalesce(core, data), '$.claim.polarity') = 'negative'),
      sum(instr(json_extract(coalesce(core, data), '$.claim.args'), '"role":"count"') > 0)
    FROM ledger_claims GROUP BY 1, 2;
`;

/**
 * SQL of migration 10 (ingest at scale, issue 6): ledger claims in a rowid
 * table. As a WITHOUT ROWID table keyed by random document ids, rows of 1–3 KB
 * were inserted all over a tree of overflowing cells (≈ 1.6 ms of each save).
 * The WITHOUT ROWID indexes ended implicitly with the key (doc_id, claim_id);
 * every index here names it, so each reads in the same order as before (ties
 * included: the recompute caps and the list's tie-break order are unchanged).
 * The dated-contradiction triggers name ledger_claims and are left as they
 * are (legacy_alter_table: the rename does not re-check them).
 */
export const LEDGER_ROWID_MIGRATION_SQL = `
  PRAGMA legacy_alter_table = ON;
  CREATE TABLE ledger_claims_v10 (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL,
    proposition TEXT NOT NULL,
    predicate TEXT NOT NULL,
    place TEXT,
    place_label TEXT,
    side TEXT NOT NULL,
    about_end TEXT,
    stated TEXT,
    control INTEGER NOT NULL,
    data TEXT NOT NULL,
    core TEXT,
    stance TEXT,
    source_key TEXT,
    outlet TEXT,
    UNIQUE (doc_id, claim_id)
  );
  INSERT INTO ledger_claims_v10 (doc_id, claim_id, proposition, predicate, place, place_label, side, about_end, stated, control, data, core, stance, source_key, outlet)
    SELECT doc_id, claim_id, proposition, predicate, place, place_label, side, about_end, stated, control, data, core, stance, source_key, outlet FROM ledger_claims;
  DROP TABLE ledger_claims;
  ALTER TABLE ledger_claims_v10 RENAME TO ledger_claims;
  PRAGMA legacy_alter_table = OFF;
  CREATE INDEX ledger_claims_place ON ledger_claims(place, about_end, doc_id, claim_id);
  CREATE INDEX ledger_claims_place_label ON ledger_claims(place_label, doc_id, claim_id);
  CREATE INDEX ledger_claims_side ON ledger_claims(side, about_end, doc_id, claim_id);
  CREATE INDEX ledger_claims_about ON ledger_claims(about_end, doc_id, claim_id);
  CREATE INDEX ledger_claims_proposition_about ON ledger_claims(proposition, about_end, doc_id, claim_id);
  CREATE INDEX ledger_claims_place_proposition ON ledger_claims(place, proposition, doc_id, claim_id);
  CREATE INDEX ledger_claims_place_stance ON ledger_claims(place, stance, about_end, doc_id, claim_id);
  CREATE INDEX ledger_claims_source ON ledger_claims(source_key, about_end, doc_id, claim_id);
  CREATE INDEX ledger_claims_predicate ON ledger_claims(predicate, about_end, doc_id, claim_id);
`;

/**
 * SQL of migration 12: each claim's cohort (polarity, side, whether counted:
 * `cohortOf` in src/ledger/incremental.ts), filled from the stored core for
 * rows stored before it, and indexes that read the newest claims of one
 * cohort: of a proposition (a month's contradictions), of a place's control
 * claims, and of its captures and withdrawals (a timeline). Recomputes read
 * each cohort apart, so one side's repeated claims no longer push the other
 * side's out of the read.
 */
export const LEDGER_COHORT_MIGRATION_SQL = `
  ALTER TABLE ledger_claims ADD COLUMN cohort TEXT;
  UPDATE ledger_claims SET cohort = json_extract(coalesce(core, data), '$.claim.polarity') || '/' || side
    || CASE WHEN instr(json_extract(coalesce(core, data), '$.claim.args'), '"role":"count"') > 0 THEN '/#' ELSE '' END;
  CREATE INDEX ledger_claims_cohort ON ledger_claims(proposition, cohort, about_end, doc_id, claim_id);
  CREATE INDEX ledger_claims_control_cohort ON ledger_claims(place, cohort, about_end, doc_id, claim_id) WHERE control = 1;
  CREATE INDEX ledger_claims_capture_cohort ON ledger_claims(place, cohort, about_end, doc_id, claim_id)
    WHERE control = 1 AND predicate IN ('captured', 'withdrew', 'surrendered', 'controls');
`;


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
  const core = 'coalesce(core, data) AS data';
  const newest = 'ORDER BY about_end DESC, doc_id DESC, claim_id DESC';
  const stored = db.prepare<[string], { proposition: string; place: string | null; about_end: string | null; control: number; core: string }>(
    'SELECT proposition, place, about_end, control, coalesce(core, data) AS core FROM ledger_claims WHERE doc_id = ?');
  const bumpMonth = db.prepare<[string, string, number, number, number]>(`INSERT INTO ledger_proposition_months (proposition, month, positive, negative, counted) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(proposition, month) DO UPDATE SET positive = positive + excluded.positive, negative = negative + excluded.negative, counted = counted + excluded.counted`);
  const monthsBetween = db.prepare<[string, string, string], { positive: number; negative: number; counted: number }>(
    'SELECT coalesce(sum(positive), 0) AS positive, coalesce(sum(negative), 0) AS negative, coalesce(sum(counted), 0) AS counted FROM ledger_proposition_months WHERE proposition = ? AND month >= ? AND month <= ?');
  const scopeHasRows = db.prepare<[string], { n: number }>('SELECT 1 AS n FROM ledger_contradictions WHERE scope = ? LIMIT 1');
  const deleteClaims = db.prepare<[string]>('DELETE FROM ledger_claims WHERE doc_id = ?');
  const insertClaim = db.prepare(`INSERT INTO ledger_claims (doc_id, claim_id, proposition, predicate, place, place_label, side, about_end, stated, control, data, core, stance, source_key, outlet, cohort)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
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
  const claimPlaceByName = db.prepare<[string, string], { place: string }>('SELECT place FROM ledger_claims WHERE place = ? OR place_label = ? LIMIT 1');
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
    storedClaims: (docId) => stored.all(docId).map((r) => ({ proposition: r.proposition, place: r.place, aboutEnd: r.about_end, control: r.control === 1, core: r.core })),
    replaceClaims(docId, rows, months, entities) {
      deleteClaims.run(docId);
      for (const e of entities) upsertEntity.run(e.key, e.name, e.kind, e.side);
      for (const r of rows) {
        insertClaim.run(r.docId, r.claimId, r.proposition, r.predicate, r.place, r.placeLabel, r.side, r.aboutEnd, r.stated, r.control ? 1 : 0,
          r.data, r.core, r.stance, r.sourceKey, r.outlet, r.cohort);
      }
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
      const sql = `SELECT data FROM ledger_claims ${claimFilterWhere(filter, (v) => (params.push(v), '?'))} ${newest} LIMIT ? OFFSET ?`;
      let statement = listStatements.get(sql);
      if (!statement) listStatements.set(sql, statement = db.prepare(sql));
      return data(statement.all(...params, filter.limit, filter.offset));
    },
    listContradictions: (place, limit) => data(place === null ? allContradictions.all(limit) : placeContradictions.all(`place:${place}`, place, limit)),
    listTimelines: () => allTimelines.all(),
  };
}
