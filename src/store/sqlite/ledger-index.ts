import type Database from 'better-sqlite3';
import type { Contradiction, ControlStatus } from '../../model/index.js';
import type { LedgerDocument } from '../../report/ledger-json.js';
import { CONTROL_PREDICATES, entityKey, findContradictions, ledgerClaimsOf, type LedgerClaim, type LedgerReader, type PlaceTimeline } from '../../ledger/index.js';
import {
  cohortOf, coreOf, createTouched, distinctClaims, mayContradict, monthContradictions, monthWindow, nextTimeline, RECOMPUTE_CAP, recomputeOrder, TIMELINE_LOOKBACK_DAYS,
} from '../../ledger/incremental.js';
import { addDays } from '../../read/claims/time-window.js';

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

export interface LedgerIndex extends LedgerReader {
  /** Called inside the store's save transaction after a document's items are written: updates only what the document touches. */
  onSave(doc: LedgerDocument): void;
}

/**
 * The ledger kept in SQLite, maintained incrementally: saving a document
 * replaces its claims, then recomputes the contradictions of the
 * propositions and the timelines of the places it touches (old and new), so
 * the work per document depends on those groups' sizes, not on the store's.
 */
export function createLedgerIndex(db: Database.Database): LedgerIndex {
  const oldKeys = db.prepare<[string], { proposition: string; place: string | null; about_end: string | null; control: number; core: string }>(
    'SELECT proposition, place, about_end, control, coalesce(core, data) AS core FROM ledger_claims WHERE doc_id = ?');
  const bumpMonth = db.prepare<[string, string, number, number, number]>(`INSERT INTO ledger_proposition_months (proposition, month, positive, negative, counted) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(proposition, month) DO UPDATE SET positive = positive + excluded.positive, negative = negative + excluded.negative, counted = counted + excluded.counted`);
  const monthsBetween = db.prepare<[string, string, string], { positive: number; negative: number; counted: number }>(
    'SELECT coalesce(sum(positive), 0) AS positive, coalesce(sum(negative), 0) AS negative, coalesce(sum(counted), 0) AS counted FROM ledger_proposition_months WHERE proposition = ? AND month >= ? AND month <= ?');
  const scopeHasRows = db.prepare<[string], { n: number }>('SELECT 1 AS n FROM ledger_contradictions WHERE scope = ? LIMIT 1');
  const deleteClaims = db.prepare<[string]>('DELETE FROM ledger_claims WHERE doc_id = ?');
  const insertClaim = db.prepare(`INSERT INTO ledger_claims (doc_id, claim_id, proposition, predicate, place, place_label, side, about_end, stated, control, data, core, stance, source_key, outlet, cohort)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // A key's row is its smallest (name, kind, side) in byte order, whatever the save order ("Analysts" < "analysts"; PostgreSQL keeps the same rule).
  const upsertEntity = db.prepare(`INSERT INTO ledger_entities (key, name, kind, side) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE
    SET name = excluded.name, kind = excluded.kind, side = excluded.side WHERE (excluded.name, excluded.kind, excluded.side) < (name, kind, side)`);
  // The cohorts of a proposition and of a place's control claims, one index probe each (the next one after `cohort`).
  const nextCohort = db.prepare<[string, string], { cohort: string | null }>('SELECT min(cohort) AS cohort FROM ledger_claims WHERE proposition = ? AND cohort > ?');
  const nextControlCohort = db.prepare<[string, string], { cohort: string | null }>('SELECT min(cohort) AS cohort FROM ledger_claims WHERE place = ? AND control = 1 AND cohort > ?');
  // Claims of one cohort of a proposition in a date range, newest first, capped; undated claims apart. Without
  // statistics the planner prefers (proposition, about_end) and would read every cohort's claims of the range.
  const byPropositionBetween = db.prepare<[string, string, string, string, number], { data: string }>(
    'SELECT coalesce(core, data) AS data FROM ledger_claims INDEXED BY ledger_claims_cohort WHERE proposition = ? AND cohort = ? AND about_end >= ? AND about_end <= ? ORDER BY about_end DESC, doc_id DESC, claim_id DESC LIMIT ?');
  const byPropositionUndated = db.prepare<[string, string, number], { data: string }>(
    'SELECT coalesce(core, data) AS data FROM ledger_claims WHERE proposition = ? AND cohort = ? AND about_end IS NULL ORDER BY doc_id, claim_id LIMIT ?');
  const controlSince = db.prepare<[string, string, string, number], { data: string }>(
    'SELECT coalesce(core, data) AS data FROM ledger_claims WHERE place = ? AND control = 1 AND cohort = ? AND about_end >= ? ORDER BY about_end DESC, doc_id DESC, claim_id DESC LIMIT ?');
  // Captures and withdrawals stay current for years: read apart from the lookback window (few per place).
  const capturesAt = db.prepare<[string, string, number], { data: string }>(
    `SELECT coalesce(core, data) AS data FROM ledger_claims WHERE place = ? AND control = 1 AND predicate IN ('captured', 'withdrew', 'surrendered', 'controls') AND cohort = ?
     ORDER BY about_end DESC, doc_id DESC, claim_id DESC LIMIT ?`);
  const controlUndated = db.prepare<[string, string, number], { data: string }>(
    'SELECT coalesce(core, data) AS data FROM ledger_claims WHERE place = ? AND control = 1 AND cohort = ? AND about_end IS NULL ORDER BY doc_id, claim_id LIMIT ?');
  const hasControl = db.prepare<[string], { n: number }>('SELECT 1 AS n FROM ledger_claims WHERE place = ? AND control = 1 LIMIT 1');
  const scopeRows = db.prepare<[string], { id: string; data: string }>('SELECT id, data FROM ledger_contradictions WHERE scope = ?');
  const deleteContradiction = db.prepare<[string, string]>('DELETE FROM ledger_contradictions WHERE scope = ? AND id = ?');
  const deleteScope = db.prepare<[string]>('DELETE FROM ledger_contradictions WHERE scope = ?');
  const insertContradiction = db.prepare('INSERT OR REPLACE INTO ledger_contradictions (scope, id, kind, data) VALUES (?, ?, ?, ?)');
  const upsertTimeline = db.prepare(`INSERT INTO ledger_timelines (place, label, lat, lon, country, admin1, state, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(place) DO UPDATE SET label = excluded.label, lat = coalesce(excluded.lat, lat), lon = coalesce(excluded.lon, lon),
    country = coalesce(excluded.country, country), admin1 = coalesce(excluded.admin1, admin1), state = excluded.state, data = excluded.data`);
  const deleteTimeline = db.prepare<[string]>('DELETE FROM ledger_timelines WHERE place = ?');
  const placeByLabel = db.prepare<[string, string], { place: string }>('SELECT place FROM ledger_timelines WHERE place = ? OR lower(label) = ? ORDER BY place LIMIT 1');
  const claimPlaceByLabel = db.prepare<[string, string], { place: string }>('SELECT place FROM ledger_claims WHERE place = ? OR place_label = ? LIMIT 1');
  const timelineRow = db.prepare<[string], TimelineRow>('SELECT place, label, lat, lon, country, admin1, data FROM ledger_timelines WHERE place = ?');
  const allTimelines = db.prepare<[], TimelineRow>('SELECT place, label, lat, lon, country, admin1, data FROM ledger_timelines ORDER BY label, place');

  const parse = (rows: Array<{ data: string }>): LedgerClaim[] => rows.map((r) => JSON.parse(r.data) as LedgerClaim);
  // listClaims' statements by SQL text: one per combination of filters (at most 2^9), limit and offset bound as values.
  const listStatements = new Map<string, Database.Statement>();
  const listStatement = (sql: string): Database.Statement => {
    let statement = listStatements.get(sql);
    if (!statement) listStatements.set(sql, statement = db.prepare(sql));
    return statement;
  };
  const cohorts = (next: Database.Statement<[string, string], { cohort: string | null }>, key: string): string[] => {
    const out: string[] = [];
    for (let c = next.get(key, '')?.cohort; c != null; c = next.get(key, c)?.cohort) out.push(c);
    return out;
  };
  const resolvePlace = (place: string): string => {
    const p = place.trim();
    return placeByLabel.get(p, p.toLowerCase())?.place ?? claimPlaceByLabel.get(p, p.toLowerCase())?.place ?? p;
  };

  /** Writes a scope's contradictions, touching only rows that changed (triggers of other tables hang on these rows). */
  const writeScope = (scope: string, list: readonly Contradiction[]): void => {
    const old = new Map(scopeRows.all(scope).map((r) => [r.id, r.data]));
    const fresh = new Map(list.map((c) => [c.id, JSON.stringify(c)]));
    for (const id of old.keys()) if (!fresh.has(id)) deleteContradiction.run(scope, id);
    for (const c of list) if (old.get(c.id) !== fresh.get(c.id)) insertContradiction.run(scope, c.id, c.kind, fresh.get(c.id));
  };

  /**
   * One proposition's contradictions in one month (the month of `about_end`,
   * or undated): read the month's claims and those within the predicate's
   * persistence before it, newest first, at most RECOMPUTE_CAP of each cohort; keep the
   * contradictions with a claim in the month. Scope `proposition@YYYY-MM`.
   */
  const refreshPropositionMonth = (proposition: string, month: string | null): void => {
    const scope = `${proposition}@${month ?? 'undated'}`;
    const window = monthWindow(proposition, month);
    const sum = monthsBetween.get(proposition, window?.earliestMonth ?? 'undated', month ?? 'undated')!;
    if (!mayContradict(sum, false) && !scopeHasRows.get(scope)) return;
    const claims = distinctClaims(cohorts(nextCohort, proposition).flatMap((cohort) => parse(window === null
      ? byPropositionUndated.all(proposition, cohort, RECOMPUTE_CAP)
      : byPropositionBetween.all(proposition, cohort, window.from, window.to, RECOMPUTE_CAP))));
    writeScope(scope, monthContradictions(claims, month));
  };

  /**
   * A place's control timeline, incrementally: statuses before `from` (the
   * earliest date a save touched) are kept as stored; from there on they are
   * recomputed from the claims of the lookback window before `from` (newest
   * first, at most RECOMPUTE_CAP of each cohort) and the place's captures and withdrawals.
   */
  const refreshPlace = (place: string, from: string | null, doc: LedgerDocument): void => {
    const scope = `place:${place}`;
    if (!hasControl.get(place)) {
      deleteScope.run(scope);
      deleteTimeline.run(place);
      return;
    }
    const since = from === null ? '0000-00-00' : addDays(from, -TIMELINE_LOOKBACK_DAYS);
    const claims = distinctClaims(cohorts(nextControlCohort, place).flatMap((cohort) => [
      ...parse(controlSince.all(place, cohort, since, RECOMPUTE_CAP)), ...parse(capturesAt.all(place, cohort, RECOMPUTE_CAP)), ...parse(controlUndated.all(place, cohort, RECOMPUTE_CAP)),
    ]));
    writeScope(scope, findContradictions(claims).filter((x) => x.kind === 'control'));
    const next = nextTimeline(place, from, claims, timelineRow.get(place), doc.places);
    if (!next) return;
    upsertTimeline.run(place, next.label, next.mention?.lat ?? null, next.mention?.lon ?? null, next.mention?.country ?? null, next.mention?.admin1 ?? null, next.state, next.data);
  };

  return {
    onSave(doc) {
      // What the save touches: (proposition, month) pairs and places with the earliest date, old claims and new.
      const { touch, ...touched } = createTouched();
      for (const row of oldKeys.all(doc.id)) {
        touch(row.proposition, row.place, row.about_end, row.control === 1);
        const old = (JSON.parse(row.core) as LedgerClaim).claim;
        bumpMonth.run(row.proposition, row.about_end?.slice(0, 7) ?? 'undated', old.polarity === 'positive' ? -1 : 0, old.polarity === 'negative' ? -1 : 0, old.args.some((a) => a.role === 'count') ? -1 : 0);
      }
      deleteClaims.run(doc.id);
      for (const e of doc.entities) upsertEntity.run(entityKey(e), e.name, e.kind, e.side);
      for (const lc of ledgerClaimsOf(doc)) {
        const c = lc.claim;
        const place = c.args.find((a) => a.role === 'place');
        const control = CONTROL_PREDICATES.has(c.predicate);
        const aboutEnd = c.about.window?.end ?? null;
        insertClaim.run(doc.id, c.id, c.proposition, c.predicate, place?.key ?? null, place?.label.toLowerCase() ?? null, c.side,
          aboutEnd, c.statedAt.value, control ? 1 : 0, JSON.stringify(lc), JSON.stringify(coreOf(lc)), c.stance, lc.source.key, lc.outlet?.toLowerCase() ?? null, cohortOf(c));
        touch(c.proposition, place?.key ?? null, aboutEnd, control);
        bumpMonth.run(c.proposition, aboutEnd?.slice(0, 7) ?? 'undated', c.polarity === 'positive' ? 1 : 0, c.polarity === 'negative' ? 1 : 0, c.args.some((a) => a.role === 'count') ? 1 : 0);
      }
      const order = recomputeOrder(touched);
      for (const [p, m] of order.months) refreshPropositionMonth(p, m);
      for (const [p, from] of order.places) refreshPlace(p, from, doc);
    },
    async listClaims(query = {}) {
      const where: string[] = [];
      const params: Array<string | number> = [];
      if (query.place) { where.push('place = ?'); params.push(resolvePlace(query.place)); }
      if (query.side) { where.push('side = ?'); params.push(query.side.toUpperCase()); }
      if (query.since) { where.push('about_end >= ?'); params.push(query.since); }
      if (query.predicate) { where.push('predicate = ?'); params.push(query.predicate); }
      if (query.proposition) { where.push('proposition = ?'); params.push(query.proposition); }
      if (query.stance) { where.push('stance = ?'); params.push(query.stance); }
      // `until` bounds the date a claim is about; an undated claim's date is its statement's (callers refine).
      if (query.until) { where.push('(about_end <= ? OR (about_end IS NULL AND (stated IS NULL OR substr(stated, 1, 10) <= ?)))'); params.push(query.until, query.until); }
      if (query.entity) { where.push('source_key = ?'); params.push(query.entity); }
      if (query.outlet) { where.push('outlet = ?'); params.push(query.outlet.toLowerCase()); }
      const limit = Math.max(1, Math.min(query.limit ?? 1000, 100_000));
      const offset = Math.max(0, Math.min(query.offset ?? 0, 1_000_000));
      const sql = `SELECT data FROM ledger_claims ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY about_end DESC, doc_id DESC, claim_id DESC LIMIT ? OFFSET ?`;
      params.push(limit, offset);
      return parse(listStatement(sql).all(...params) as Array<{ data: string }>);
    },
    async listContradictions(query = {}) {
      const limit = Math.max(1, Math.min(query.limit ?? 1000, 100_000));
      const rows = query.place
        // Scopes are 'proposition@month' (a range of the primary key per proposition) and 'place:KEY'.
        ? db.prepare<[string, string, number], { data: string }>(`SELECT data FROM (
            SELECT c.scope, c.id, c.data FROM ledger_contradictions c WHERE c.scope = ?
            UNION ALL
            SELECT c.scope, c.id, c.data FROM (SELECT DISTINCT proposition AS p FROM ledger_claims WHERE place = ?) q
              JOIN ledger_contradictions c ON c.scope >= q.p || '@' AND c.scope < q.p || 'A'
          ) ORDER BY scope, id LIMIT ?`).all(`place:${resolvePlace(query.place)}`, resolvePlace(query.place), limit)
        : db.prepare<[number], { data: string }>('SELECT data FROM ledger_contradictions ORDER BY scope, id LIMIT ?').all(limit);
      return rows.map((r) => JSON.parse(r.data) as Contradiction);
    },
    async timeline(place) {
      const row = timelineRow.get(resolvePlace(place));
      return row ? toTimeline(row) : null;
    },
    async listPlaces() {
      return allTimelines.all().map(toTimeline);
    },
  };
}

interface TimelineRow { place: string; label: string; lat: number | null; lon: number | null; country: string | null; admin1: string | null; data: string }

function toTimeline(row: TimelineRow): PlaceTimeline {
  return { place: row.place, label: row.label, lat: row.lat, lon: row.lon, country: row.country, admin1: row.admin1, statuses: JSON.parse(row.data) as ControlStatus[] };
}
