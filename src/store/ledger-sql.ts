import { mayContradict } from '../ledger/incremental.js';
import { LASTING_CONTROL_PREDICATES } from '../model/predicate-facts.js';
import {
  compareBytes, type AsyncLedgerQueries, type EntityRow, type LedgerQueries, type TimelineRow,
} from '../ledger/upkeep.js';
import { claimFilterWhere } from './claim-filter-sql.js';

/** One statement: `?` placeholders in text order, and their values. */
export interface Sql { readonly sql: string; readonly params: readonly unknown[] }
/** Statements asked one at a time: each step yields a statement and is given its rows (none for a write). */
export type SqlSteps<T> = Generator<Sql, T, unknown[]>;
/** A column's type, for a dialect that sends a column of rows as one typed array (PostgreSQL's `unnest`). */
export type SqlColumnType = 'text' | 'int' | 'bigint' | 'boolean';

/**
 * What differs between the two dialects in the ledger's statements: the
 * strategy where the planners differ (how cohorts and a place's propositions
 * are walked, which index is pinned), bulk inserts, and a few spellings.
 * Everything else in this file is one statement text run by both.
 */
export interface LedgerSqlDialect {
  /** An index a read must use (SQLite's ` INDEXED BY …`: its planner, without statistics, would sort a whole table); '' where the planner is left to choose. */
  indexedBy(index: string): string;
  /** Claims newest first: `about_end` descending with undated ones last, then `doc_id`, `claim_id` descending. */
  readonly newest: string;
  /** "A control claim", spelled as the partial indexes on it are (so a read can use them). */
  readonly isControl: string;
  /** The order that ties the probe "has this place a control claim" to its index ('' where the index is chosen anyway). */
  readonly controlProbeOrder: string;
  /** Rows as the source of an INSERT (the text after its column list): a statement per row (VALUES) or one for them all (unnest). */
  rowsSource(types: readonly SqlColumnType[], rows: ReadonlyArray<readonly unknown[]>): Sql[];
  /**
   * For each cohort of the claims matching `where`, in ascending order, the rows (`data`) of `reads(cohort)`,
   * each read in turn: SQLite probes the index one cohort at a time, PostgreSQL walks them in one recursive statement.
   */
  eachCohort(where: Sql, reads: (cohort: Sql) => Sql[]): SqlSteps<Array<{ data: string }>>;
  /** A query of one column `p`: the distinct propositions of the place bound to every `?` in it. */
  readonly placePropositions: string;
  /** The contradictions scoped to each proposition `q.p` of those (a range of the primary key per proposition), as a join on `q`. */
  readonly contradictionsOfPropositions: string;
}

type LedgerStatements = { readonly [K in keyof LedgerQueries]: (...args: Parameters<LedgerQueries[K]>) => SqlSteps<ReturnType<LedgerQueries[K]>> };

function* rows<R>(sql: string, ...params: unknown[]): SqlSteps<R[]> {
  return (yield { sql, params }) as R[];
}
function* run(statements: readonly Sql[]): SqlSteps<void> {
  for (const statement of statements) yield statement;
}
const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
const dataOf = (list: ReadonlyArray<{ data: string }>): string[] => list.map((r) => r.data);
/** SQLite answers 1 and 0, PostgreSQL a boolean. */
const truth = (value: unknown): boolean => value === true || value === 1;

// `ord`: the claim's place in its document's list (schema 15 stores a document's claims only here, read back in this order).
const CLAIM_COLUMNS = 'doc_seq, doc_id, claim_id, proposition, predicate, place, place_label, side, about_end, stated, control, data, stance, source_key, outlet, cohort, ord';
const CLAIM_TYPES: readonly SqlColumnType[] = ['bigint', ...Array<SqlColumnType>(9).fill('text'), 'boolean', ...Array<SqlColumnType>(5).fill('text'), 'int'];
const TIMELINE_COLUMNS = 'place, label, lat, lon, country, admin1, data';

/**
 * A key's row is its smallest (name, kind, side) in byte order, whatever the save order ("Analysts" < "analysts"):
 * the smallest of a save's rows per key, here, and against the stored row, in the upsert. In key order, so
 * concurrent saves lock shared keys in the same order (no deadlock).
 */
function smallestPerKey(entities: readonly EntityRow[]): EntityRow[] {
  const tuple = (e: EntityRow): string[] => [e.name, e.kind, e.side];
  const byKey = new Map<string, EntityRow>();
  for (const e of entities) {
    const held = byKey.get(e.key);
    const order = held ? tuple(e).map((v, i) => compareBytes(v, tuple(held)[i]!)).find((c) => c !== 0) ?? 0 : -1;
    if (order < 0) byKey.set(e.key, e);
  }
  return [...byKey.values()].sort((a, b) => compareBytes(a.key, b.key));
}

/**
 * The ledger's queries (src/ledger/upkeep.ts holds what is done with them),
 * written once as statements over a dialect. SQLite runs each at once inside
 * a save's savepoint (`ledgerQueriesSync`), PostgreSQL awaits each
 * (`ledgerQueriesAsync`). Recompute reads are ordered fully (ties by doc_id,
 * claim_id descending), so both backends see the same claims when a cap cuts
 * a group. Claims are keyed by their document's seq; recomputes read the
 * claims' JSON and the upkeep takes each one's core.
 */
export function ledgerStatements(d: LedgerSqlDialect): LedgerStatements {
  const { newest, isControl } = d;
  const monthSums = 'SELECT coalesce(sum(positive), 0) AS positive, coalesce(sum(negative), 0) AS negative, coalesce(sum(counted), 0) AS counted '
    + 'FROM ledger_proposition_months WHERE proposition = ? AND month >= ? AND month <= ?';
  return {
    *storedClaims(docId) {
      const stored = yield* rows<{ proposition: string; place: string | null; about_end: string | null; control: unknown; data: string }>(
        'SELECT proposition, place, about_end, control, data FROM ledger_claims WHERE doc_seq = (SELECT seq FROM documents WHERE id = ?)', docId);
      return stored.map((r) => ({ proposition: r.proposition, place: r.place, aboutEnd: r.about_end, control: truth(r.control), data: r.data }));
    },
    *replaceClaims(docId, claims, months, entities) {
      const unique = smallestPerKey(entities);
      if (unique.length) {
        yield* run(d.rowsSource(['text', 'text', 'text', 'text'], unique.map((e) => [e.key, e.name, e.kind, e.side])).map((source) => ({
          sql: `INSERT INTO ledger_entities (key, name, kind, side) ${source.sql} ON CONFLICT (key) DO UPDATE SET name = excluded.name, kind = excluded.kind, side = excluded.side
            WHERE (excluded.name, excluded.kind, excluded.side) < (ledger_entities.name, ledger_entities.kind, ledger_entities.side)`, params: source.params,
        })));
      }
      const seq = (yield* rows<{ seq: number | string }>('SELECT seq FROM documents WHERE id = ?', docId))[0]?.seq;
      if (seq === undefined) throw new Error(`ledger: no stored document ${JSON.stringify(docId)} to file claims under`);
      yield* rows('DELETE FROM ledger_claims WHERE doc_seq = ?', seq);
      if (claims.length) {
        yield* run(d.rowsSource(CLAIM_TYPES, claims.map((r, ord) => [seq, docId, r.claimId, r.proposition, r.predicate, r.place, r.placeLabel, r.side, r.aboutEnd, r.stated,
          r.control, r.data, r.stance, r.sourceKey, r.outlet, r.cohort, ord])).map((source) => ({ sql: `INSERT INTO ledger_claims (${CLAIM_COLUMNS}) ${source.sql}`, params: source.params })));
      }
      // The summary rows in key order (the months come sorted): rows of propositions under no advisory lock (`said`,
      // half-known) are shared by concurrent PostgreSQL saves, and one ordered upsert per save cannot deadlock.
      if (months.length) {
        yield* run(d.rowsSource(['text', 'text', 'int', 'int', 'int'], months.map((m) => [m.proposition, m.month, m.positive, m.negative, m.counted])).map((source) => ({
          sql: `INSERT INTO ledger_proposition_months (proposition, month, positive, negative, counted) ${source.sql}
            ON CONFLICT (proposition, month) DO UPDATE SET positive = ledger_proposition_months.positive + excluded.positive,
            negative = ledger_proposition_months.negative + excluded.negative, counted = ledger_proposition_months.counted + excluded.counted`, params: source.params,
        })));
      }
    },
    *monthSummary(proposition, fromMonth, toMonth, scope) {
      const [row] = yield* rows<{ positive: number | string; negative: number | string; counted: number | string }>(monthSums, proposition, fromMonth, toMonth);
      const sum = { positive: Number(row!.positive), negative: Number(row!.negative), counted: Number(row!.counted) };
      // The scope is read only when the sums alone cannot contradict (a read less per recompute, and fewer pages in SQLite's cache).
      const stored = !mayContradict(sum, false) && (yield* rows('SELECT 1 AS found FROM ledger_contradictions WHERE scope = ? LIMIT 1', scope)).length > 0;
      return { ...sum, stored };
    },
    *propositionClaims(proposition, window, cap) {
      return dataOf(yield* d.eachCohort({ sql: 'proposition = ?', params: [proposition] }, (cohort) => [window === null
        ? { sql: `SELECT data FROM ledger_claims WHERE proposition = ? AND cohort = ${cohort.sql} AND about_end IS NULL ORDER BY doc_id, claim_id LIMIT ?`,
          params: [proposition, ...cohort.params, cap] }
        // (the cohort index pinned in SQLite: without statistics its planner read every cohort's claims of the range)
        : { sql: `SELECT data FROM ledger_claims${d.indexedBy('ledger_claims_cohort')} WHERE proposition = ? AND cohort = ${cohort.sql} AND about_end >= ? AND about_end <= ? ${newest} LIMIT ?`,
          params: [proposition, ...cohort.params, window.from, window.to, cap] }]));
    },
    *placeHasControlClaims(place) {
      return (yield* rows(`SELECT 1 AS found FROM ledger_claims WHERE place = ? AND ${isControl}${d.controlProbeOrder} LIMIT 1`, place)).length > 0;
    },
    *placeControlClaims(place, since, cap) {
      const lasting = LASTING_CONTROL_PREDICATES.map((p) => `'${p}'`).join(', ');
      return dataOf(yield* d.eachCohort({ sql: `place = ? AND ${isControl}`, params: [place] }, (cohort) => [
        { sql: `SELECT data FROM ledger_claims WHERE place = ? AND ${isControl} AND cohort = ${cohort.sql} AND about_end >= ? ${newest} LIMIT ?`, params: [place, ...cohort.params, since, cap] },
        { sql: `SELECT data FROM ledger_claims WHERE place = ? AND ${isControl} AND predicate IN (${lasting}) AND cohort = ${cohort.sql} ${newest} LIMIT ?`, params: [place, ...cohort.params, cap] },
        { sql: `SELECT data FROM ledger_claims WHERE place = ? AND ${isControl} AND cohort = ${cohort.sql} AND about_end IS NULL ORDER BY doc_id, claim_id LIMIT ?`, params: [place, ...cohort.params, cap] },
      ]));
    },
    scopeContradictions: (scope) => rows<{ id: string; data: string }>('SELECT id, data FROM ledger_contradictions WHERE scope = ?', scope),
    *writeContradictions(scope, removed, changed) {
      // A changed one is deleted and inserted again (each dialect's triggers keep the dated copy on insert and delete).
      const gone = [...removed, ...changed.map((c) => c.id)];
      if (gone.length) yield* rows(`DELETE FROM ledger_contradictions WHERE scope = ? AND id IN (${marks(gone.length)})`, scope, ...gone);
      if (changed.length) {
        yield* run(d.rowsSource(['text', 'text', 'text', 'text'], changed.map((c) => [scope, c.id, c.kind, c.data]))
          .map((source) => ({ sql: `INSERT INTO ledger_contradictions (scope, id, kind, data) ${source.sql}`, params: source.params })));
      }
    },
    *clearPlace(place, scope) {
      yield* rows('DELETE FROM ledger_contradictions WHERE scope = ?', scope);
      yield* rows('DELETE FROM ledger_timelines WHERE place = ?', place);
    },
    *timelineRow(place) {
      return (yield* rows<TimelineRow>(`SELECT ${TIMELINE_COLUMNS} FROM ledger_timelines WHERE place = ?`, place))[0];
    },
    *upsertTimeline(r) {
      yield* rows(`INSERT INTO ledger_timelines (place, label, lat, lon, country, admin1, state, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (place) DO UPDATE SET label = excluded.label, lat = coalesce(excluded.lat, ledger_timelines.lat), lon = coalesce(excluded.lon, ledger_timelines.lon),
        country = coalesce(excluded.country, ledger_timelines.country), admin1 = coalesce(excluded.admin1, ledger_timelines.admin1), state = excluded.state, data = excluded.data`,
      r.place, r.label, r.lat, r.lon, r.country, r.admin1, r.state, r.data);
    },
    *timelinePlaceNamed(place, lower) {
      return (yield* rows<{ place: string }>('SELECT place FROM ledger_timelines WHERE place = ? OR lower(label) = ? ORDER BY place LIMIT 1', place, lower))[0]?.place ?? null;
    },
    *claimPlaceNamed(place, lower) {
      return (yield* rows<{ place: string }>(`SELECT place FROM (SELECT place FROM ledger_claims WHERE place = ? LIMIT 1) a
        UNION ALL SELECT place FROM (SELECT place FROM ledger_claims${d.indexedBy('ledger_claims_place_label')} WHERE place_label = ? LIMIT 1) b LIMIT 1`, place, lower))[0]?.place ?? null;
    },
    *listClaims(filter) {
      const params: Array<string | number> = [];
      // Without an equality filter that has its own index, claims are read newest first from the date index
      // (SQLite, left to choose, sorts the whole table: its indexes end with the row id, not the tie-break).
      const byDate = filter.place === undefined && filter.side === undefined && filter.predicate === undefined && filter.proposition === undefined && filter.entity === undefined;
      const where = claimFilterWhere(filter, (v) => (params.push(v), '?'));
      return dataOf(yield* rows<{ data: string }>(`SELECT data FROM ledger_claims${byDate ? d.indexedBy('ledger_claims_about') : ''} ${where} ${newest} LIMIT ? OFFSET ?`,
        ...params, filter.limit, filter.offset));
    },
    // A place's propositions (the dialect's walk), then each one's scopes 'proposition@month' as a key range of the primary key.
    *listContradictions(place, limit) {
      if (place === null) return dataOf(yield* rows<{ data: string }>('SELECT data FROM ledger_contradictions ORDER BY scope, id LIMIT ?', limit));
      const placeParams = d.placePropositions.split('?').slice(1).map(() => place);
      return dataOf(yield* rows<{ data: string }>(`SELECT data FROM (
          SELECT c.scope, c.id, c.data FROM ledger_contradictions c WHERE c.scope = ?
          UNION ALL
          SELECT c.scope, c.id, c.data FROM (${d.placePropositions}) q ${d.contradictionsOfPropositions}
        ) x ORDER BY scope, id LIMIT ?`, `place:${place}`, ...placeParams, limit));
    },
    listTimelines: () => rows<TimelineRow>(`SELECT ${TIMELINE_COLUMNS} FROM ledger_timelines ORDER BY label, place`),
  };
}

/** Runs statements at once (SQLite, inside its transaction). */
export function runSqlSync<T>(steps: SqlSteps<T>, query: (sql: string, params: readonly unknown[]) => unknown[]): T {
  let step = steps.next();
  while (!step.done) step = steps.next(query(step.value.sql, step.value.params));
  return step.value;
}

/** Runs statements one at a time, awaiting each (PostgreSQL). */
export async function runSqlAsync<T>(steps: SqlSteps<T>, query: (sql: string, params: readonly unknown[]) => Promise<unknown[]>): Promise<T> {
  let step = steps.next();
  while (!step.done) step = steps.next(await query(step.value.sql, step.value.params));
  return step.value;
}

/** The ledger's queries over a synchronous connection. */
export function ledgerQueriesSync(d: LedgerSqlDialect, query: (sql: string, params: readonly unknown[]) => unknown[]): LedgerQueries {
  const statements = ledgerStatements(d) as Record<string, (...args: unknown[]) => SqlSteps<unknown>>;
  return Object.fromEntries(Object.entries(statements).map(([name, steps]) => [name, (...args: unknown[]) => runSqlSync(steps(...args), query)])) as unknown as LedgerQueries;
}

/** The ledger's queries over an asynchronous connection. */
export function ledgerQueriesAsync(d: LedgerSqlDialect, query: (sql: string, params: readonly unknown[]) => Promise<unknown[]>): AsyncLedgerQueries {
  const statements = ledgerStatements(d) as Record<string, (...args: unknown[]) => SqlSteps<unknown>>;
  return Object.fromEntries(Object.entries(statements).map(([name, steps]) => [name, (...args: unknown[]) => runSqlAsync(steps(...args), query)])) as unknown as AsyncLedgerQueries;
}
