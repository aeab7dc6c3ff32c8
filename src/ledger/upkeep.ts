import type { Claim, Contradiction, ControlStatus, Entity, PlaceMention } from '../model/index.js';
import { addDays } from '../model/date-window.js';
import { findContradictions } from './contradictions.js';
import {
  cohortOf, coreOf, createTouched, distinctClaims, mayContradict, monthContradictions, monthWindow, neverContradicts, nextTimeline, RECOMPUTE_CAP,
  recomputeOrder, TIMELINE_LOOKBACK_DAYS, type Touched,
} from './incremental.js';
import { entityKey, ledgerClaimsOf, type ClaimDocument, type LedgerClaim } from './ledger-claim.js';
import type { ClaimQuery, LedgerReader, PlaceTimeline } from './ledger-reader.js';
import { CONTROL_PREDICATES } from '../model/predicate-facts.js';

/**
 * The ledger's upkeep, written once for every backend (docs/ledger.md, "At
 * scale"): what a save changes, what it recomputes, how the readers resolve a
 * place and filter claims. Pure: it reads and writes the ledger tables only by
 * asking `LedgerQueries`, the narrow interface each backend answers with its
 * own SQL. The upkeep is a generator of those asks, so one body runs inside
 * SQLite's synchronous transaction (`runLedgerSync`) and over PostgreSQL's
 * asynchronous client (`runLedgerAsync`) alike: equal answers, equal ledger.
 */

/** A claim as a row of `ledger_claims`: the columns the queries filter and sort on, and the claim as JSON. */
export interface ClaimRow {
  readonly docId: string;
  readonly claimId: string;
  readonly proposition: string;
  readonly predicate: string;
  readonly place: string | null;
  readonly placeLabel: string | null;
  readonly side: string;
  readonly aboutEnd: string | null;
  readonly stated: string | null;
  readonly control: boolean;
  readonly data: string;
  readonly stance: string;
  readonly sourceKey: string;
  readonly outlet: string | null;
  readonly cohort: string;
}

/** What a save needs of a stored claim of the document it replaces. */
export interface StoredClaimKey {
  readonly proposition: string;
  readonly place: string | null;
  readonly aboutEnd: string | null;
  readonly control: boolean;
  /** The ledger claim's JSON (`ledger_claims.data`). */
  readonly data: string;
}

/** A change to one proposition-month summary row (`ledger_proposition_months`). */
export interface MonthDelta {
  readonly proposition: string;
  readonly month: string;
  readonly positive: number;
  readonly negative: number;
  readonly counted: number;
}

export interface EntityRow { readonly key: string; readonly name: string; readonly kind: string; readonly side: string }

/** A row of `ledger_timelines` as read. */
export interface TimelineRow {
  readonly place: string;
  readonly label: string;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly country: string | null;
  readonly admin1: string | null;
  readonly data: string;
}

/** listClaims' filters after normalisation: a place key, upper-case side, lower-case outlet, limit and offset in range. */
export interface ClaimFilter {
  readonly place?: string;
  readonly side?: string;
  readonly since?: string;
  readonly predicate?: string;
  readonly proposition?: string;
  readonly stance?: string;
  readonly until?: string;
  readonly entity?: string;
  readonly outlet?: string;
  readonly limit: number;
  readonly offset: number;
}

/**
 * The narrow query interface over the ledger tables. Written with synchronous
 * results; an asynchronous backend implements `AsyncLedgerQueries`, the same
 * methods returning promises. Claim lists are JSON strings, newest first
 * (`about_end DESC` with NULL last, then `doc_id`, `claim_id` descending)
 * unless a method says otherwise.
 */
export interface LedgerQueries {
  /** The document's stored claims (any order). */
  storedClaims(docId: string): StoredClaimKey[];
  /** Replaces the document's claims with `rows` (in the document's list order, which the store keeps: `getDocument` reads the claim items back from them), adds `months` to the summary rows (in their order) and keeps `entities` (a key's row: its smallest name, kind, side in byte order). */
  replaceClaims(docId: string, rows: readonly ClaimRow[], months: readonly MonthDelta[], entities: readonly EntityRow[]): void;
  /**
   * The summed summary rows of a proposition from `fromMonth` to `toMonth` (inclusive), and whether `scope` holds
   * contradictions (a backend may skip that read and answer false where the sums alone may contradict).
   */
  monthSummary(proposition: string, fromMonth: string, toMonth: string, scope: string): { positive: number; negative: number; counted: number; stored: boolean };
  /**
   * The cores (or full JSON) of a proposition's claims, for each cohort the newest `cap` about a date in [from, to]
   * (window null: its undated claims, the first `cap` by doc_id, claim_id).
   */
  propositionClaims(proposition: string, window: { readonly from: string; readonly to: string } | null, cap: number): string[];
  placeHasControlClaims(place: string): boolean;
  /**
   * The cores (or full JSON) of a place's control claims, for each cohort: the newest `cap` about `since` or later,
   * the newest `cap` captures and withdrawals (`LASTING_CONTROL_PREDICATES`), the first `cap` undated.
   */
  placeControlClaims(place: string, since: string, cap: number): string[];
  scopeContradictions(scope: string): Array<{ id: string; data: string }>;
  /** Deletes the scope's contradictions with ids in `removed`, inserts or replaces `changed`. */
  writeContradictions(scope: string, removed: readonly string[], changed: ReadonlyArray<{ id: string; kind: string; data: string }>): void;
  /** Deletes the contradictions of `scope` and the timeline of `place`. */
  clearPlace(place: string, scope: string): void;
  timelineRow(place: string): TimelineRow | undefined;
  /** Inserts or updates a timeline; coordinates stay as stored where the new ones are null. */
  upsertTimeline(row: TimelineRow & { readonly state: string }): void;
  /** The place key of a timeline whose key is `place` or whose lower-cased label is `lower` (smallest key), else null. */
  timelinePlaceNamed(place: string, lower: string): string | null;
  /** The place key of any claim whose place key is `place` or whose lower-cased label is `lower`, else null. */
  claimPlaceNamed(place: string, lower: string): string | null;
  listClaims(filter: ClaimFilter): string[];
  /** Contradictions (JSON) in (scope, id) order: all, or those of a place's propositions and of its control scope. */
  listContradictions(place: string | null, limit: number): string[];
  /** Every timeline, by label then key. */
  listTimelines(): TimelineRow[];
}

export type AsyncLedgerQueries = { readonly [K in keyof LedgerQueries]: (...args: Parameters<LedgerQueries[K]>) => Promise<ReturnType<LedgerQueries[K]>> };

/** One question the upkeep asks of the tables. */
export interface LedgerAsk { readonly name: keyof LedgerQueries; readonly args: readonly unknown[] }
/** Upkeep code: asks questions, gets answers, returns T. */
export type LedgerSteps<T> = Generator<LedgerAsk, T, unknown>;

type Asker = { readonly [K in keyof LedgerQueries]: (...args: Parameters<LedgerQueries[K]>) => LedgerSteps<ReturnType<LedgerQueries[K]>> };
const ask = new Proxy({} as Asker, {
  get: (_, name) => function* (...args: unknown[]): LedgerSteps<unknown> {
    return yield { name: name as keyof LedgerQueries, args };
  },
});

/** Runs upkeep steps against a synchronous backend (SQLite), inside its transaction. */
export function runLedgerSync<T>(steps: LedgerSteps<T>, queries: LedgerQueries): T {
  let step = steps.next();
  while (!step.done) step = steps.next((queries[step.value.name] as (...args: readonly unknown[]) => unknown)(...step.value.args));
  return step.value;
}

/** Runs upkeep steps against an asynchronous backend (PostgreSQL), one question at a time. */
export async function runLedgerAsync<T>(steps: LedgerSteps<T>, queries: AsyncLedgerQueries): Promise<T> {
  let step = steps.next();
  while (!step.done) step = steps.next(await (queries[step.value.name] as (...args: readonly unknown[]) => Promise<unknown>)(...step.value.args));
  return step.value;
}

// (the stores' partial indexes name them: src/store/*/migrations.ts)
export { LASTING_CONTROL_PREDICATES } from '../model/predicate-facts.js';

/** A ledger claim as its `ledger_claims` row. */
export function claimRowOf(docId: string, lc: LedgerClaim): ClaimRow {
  const c = lc.claim;
  const place = c.args.find((a) => a.role === 'place');
  return {
    docId, claimId: c.id, proposition: c.proposition, predicate: c.predicate, place: place?.key ?? null, placeLabel: place?.label.toLowerCase() ?? null,
    side: c.side, aboutEnd: c.about.window?.end ?? null, stated: c.statedAt.value, control: CONTROL_PREDICATES.has(c.predicate), data: JSON.stringify(lc),
    stance: c.stance, sourceKey: lc.source.key, outlet: lc.outlet?.toLowerCase() ?? null, cohort: cohortOf(c),
  };
}

/** What the ledger reads of a saved document. */
export type LedgerSaveDocument = ClaimDocument & { readonly id: string; readonly entities: readonly Entity[]; readonly places: readonly PlaceMention[] };

/** What a save changes in the ledger, decided before anything is written; `lockKeys` name the shared rows it recomputes. */
export interface LedgerSavePlan {
  readonly rows: readonly ClaimRow[];
  readonly months: readonly MonthDelta[];
  readonly entities: readonly EntityRow[];
  readonly touched: Touched;
  readonly lockKeys: readonly string[];
}

const monthOf = (aboutEnd: string | null): string => aboutEnd?.slice(0, 7) ?? 'undated';

/** Step 1 of a save: the document's stored claims read, its new claims built, what both touch. */
export function* planLedgerSave(doc: LedgerSaveDocument): LedgerSteps<LedgerSavePlan> {
  const { touch, months, places } = createTouched();
  const deltas = new Map<string, { proposition: string; month: string; positive: number; negative: number; counted: number }>();
  const bump = (proposition: string, aboutEnd: string | null, claim: Pick<Claim, 'polarity' | 'args'>, sign: number): void => {
    const month = monthOf(aboutEnd);
    const key = `${proposition}\u0000${month}`;
    const d = deltas.get(key) ?? { proposition, month, positive: 0, negative: 0, counted: 0 };
    if (claim.polarity === 'positive') d.positive += sign;
    if (claim.polarity === 'negative') d.negative += sign;
    if (claim.args.some((a) => a.role === 'count')) d.counted += sign;
    deltas.set(key, d);
  };
  for (const old of yield* ask.storedClaims(doc.id)) {
    touch(old.proposition, old.place, old.aboutEnd, old.control);
    bump(old.proposition, old.aboutEnd, (JSON.parse(old.data) as LedgerClaim).claim, -1);
  }
  const rows: ClaimRow[] = [];
  for (const lc of ledgerClaimsOf(doc)) {
    const row = claimRowOf(doc.id, lc);
    rows.push(row);
    touch(row.proposition, row.place, row.aboutEnd, row.control);
    bump(row.proposition, row.aboutEnd, lc.claim, 1);
  }
  // Nothing to recompute for propositions that never contradict, so nothing to lock.
  for (const p of [...months.keys()]) if (neverContradicts(p)) months.delete(p);
  const lockKeys = [...[...months.keys()].map((p) => `ledger-proposition:${p}`), ...[...places.keys()].map((p) => `ledger-place:${p}`)];
  // Summary rows in key order: concurrent saves update shared rows in one order.
  const monthDeltas = [...deltas.values()].sort((a, b) => compareBytes(a.proposition, b.proposition) || compareBytes(a.month, b.month));
  const entities = doc.entities.map((e) => ({ key: entityKey(e), name: e.name, kind: e.kind, side: e.side }));
  return { rows, months: monthDeltas, entities, touched: { months, places }, lockKeys };
}

/** Step 2, after the document's row is written (PostgreSQL: holding the plan's locks): replace its claims, recompute what they touch. */
export function* applyLedgerSave(docId: string, places: readonly PlaceMention[], plan: LedgerSavePlan): LedgerSteps<void> {
  yield* ask.replaceClaims(docId, plan.rows, plan.months, plan.entities);
  yield* recomputeTouched(plan.touched, places);
}

/** Recomputes the proposition-months and places `touched` names (`places`: mentions that give a timeline its coordinates). */
export function* recomputeTouched(touched: Touched, places: readonly PlaceMention[]): LedgerSteps<void> {
  const order = recomputeOrder(touched);
  for (const [p, m] of order.months) yield* refreshPropositionMonth(p, m);
  for (const [p, from] of order.places) yield* refreshPlace(p, from, places);
}

/**
 * What the saves of a batch touch, merged, so the batch recomputes each
 * proposition-month and place once, at its commit, instead of once per save
 * (a recompute reads the claims as they stand then, so the ledger is the one
 * the saves one by one would leave). A place's earliest touched date is the
 * earliest of the saves' (undated first); its mentions are every save's.
 */
export interface PendingRecompute {
  add(touched: Touched, places: readonly PlaceMention[]): void;
  /** The merged touched sets and mentions, and a fresh start; null when nothing is pending. */
  take(): { touched: Touched; places: PlaceMention[] } | null;
}

export function createPendingRecompute(): PendingRecompute {
  let months = new Map<string, Set<string | null>>();
  let byPlace = new Map<string, string | null>();
  let mentions: PlaceMention[] = [];
  return {
    add(touched, places) {
      for (const [p, set] of touched.months) {
        const into = months.get(p) ?? new Set<string | null>();
        for (const m of set) into.add(m);
        months.set(p, into);
      }
      for (const [place, from] of touched.places) {
        const prev = byPlace.get(place);
        byPlace.set(place, prev === undefined ? from : prev === null || from === null ? null : prev < from ? prev : from);
      }
      if (touched.places.size) for (const m of places) mentions.push(m);
    },
    take() {
      if (months.size === 0 && byPlace.size === 0) return null;
      const out = { touched: { months, places: byPlace }, places: mentions };
      months = new Map();
      byPlace = new Map();
      mentions = [];
      return out;
    },
  };
}

/**
 * A save's upkeep against a synchronous backend (SQLite: inside the save's transaction): its claims replaced,
 * and what they touch recomputed at once, or added to `pending` to be recomputed at the batch's commit.
 */
export function saveLedgerSync(doc: LedgerSaveDocument, queries: LedgerQueries, pending?: PendingRecompute): void {
  const plan = runLedgerSync(planLedgerSave(doc), queries);
  queries.replaceClaims(doc.id, plan.rows, plan.months, plan.entities);
  if (pending) pending.add(plan.touched, doc.places);
  else runLedgerSync(recomputeTouched(plan.touched, doc.places), queries);
}

const parseClaims = (rows: readonly string[]): LedgerClaim[] => rows.map((r) => JSON.parse(r) as LedgerClaim);
/** Claims read for a recompute as their cores, whether a backend stores cores or only the claims (coreOf of a core is the core). */
const parseCores = (rows: readonly string[]): LedgerClaim[] => rows.map((r) => coreOf(JSON.parse(r) as LedgerClaim));

/** Writes a scope's contradictions, touching only rows that changed (triggers of other tables hang on these rows). */
function* writeScope(scope: string, list: readonly Contradiction[]): LedgerSteps<void> {
  const old = new Map((yield* ask.scopeContradictions(scope)).map((r) => [r.id, r.data]));
  const fresh = new Map(list.map((c) => [c.id, JSON.stringify(c)]));
  const removed = [...old.keys()].filter((id) => !fresh.has(id));
  const changed = list.filter((c) => old.get(c.id) !== fresh.get(c.id)).map((c) => ({ id: c.id, kind: c.kind, data: fresh.get(c.id)! }));
  if (removed.length || changed.length) yield* ask.writeContradictions(scope, removed, changed);
}

/**
 * One proposition's contradictions in one month (the month of `about_end`, or
 * undated): the month's claims and those within the predicate's persistence
 * before it, newest first, at most RECOMPUTE_CAP of each cohort; kept are the
 * contradictions with a claim in the month. Scope `proposition@YYYY-MM`.
 */
function* refreshPropositionMonth(proposition: string, month: string | null): LedgerSteps<void> {
  const scope = `${proposition}@${month ?? 'undated'}`;
  const window = monthWindow(proposition, month);
  const sum = yield* ask.monthSummary(proposition, window?.earliestMonth ?? 'undated', month ?? 'undated', scope);
  if (!mayContradict(sum, sum.stored)) return;
  const claims = distinctClaims(parseCores(yield* ask.propositionClaims(proposition, window && { from: window.from, to: window.to }, RECOMPUTE_CAP)));
  yield* writeScope(scope, monthContradictions(claims, month));
}

/**
 * A place's control timeline, incrementally: statuses before `from` (the
 * earliest date a save touched) kept as stored; from there on recomputed from
 * the claims of the lookback window before `from` (newest first, at most
 * RECOMPUTE_CAP of each cohort) and the place's captures and withdrawals.
 */
function* refreshPlace(place: string, from: string | null, places: readonly PlaceMention[]): LedgerSteps<void> {
  const scope = `place:${place}`;
  if (!(yield* ask.placeHasControlClaims(place))) {
    yield* ask.clearPlace(place, scope);
    return;
  }
  const since = from === null ? '0000-00-00' : addDays(from, -TIMELINE_LOOKBACK_DAYS);
  const claims = distinctClaims(parseCores(yield* ask.placeControlClaims(place, since, RECOMPUTE_CAP)));
  yield* writeScope(scope, findContradictions(claims).filter((x) => x.kind === 'control'));
  const stored = yield* ask.timelineRow(place);
  const next = nextTimeline(place, from, claims, stored, places);
  if (!next) return;
  const m = next.mention;
  yield* ask.upsertTimeline({ place, label: next.label, lat: m?.lat ?? null, lon: m?.lon ?? null, country: m?.country ?? null, admin1: m?.admin1 ?? null, state: next.state, data: next.data });
}

/** A place key or name to the key the ledger files it under: a timeline's key or label first, then any claim's. */
function* resolvePlace(place: string): LedgerSteps<string> {
  const p = place.trim();
  return (yield* ask.timelinePlaceNamed(p, p.toLowerCase())) ?? (yield* ask.claimPlaceNamed(p, p.toLowerCase())) ?? p;
}

export function toTimeline(row: TimelineRow): PlaceTimeline {
  return { place: row.place, label: row.label, lat: row.lat, lon: row.lon, country: row.country, admin1: row.admin1, statuses: JSON.parse(row.data) as ControlStatus[] };
}

/** The ledger's readers over a backend's queries (`run` runs steps against it). */
export function createLedgerReader(run: <T>(steps: LedgerSteps<T>) => Promise<T>): LedgerReader {
  return {
    listClaims: (query: ClaimQuery = {}) => run((function* () {
      const filter: ClaimFilter = {
        ...(query.place ? { place: yield* resolvePlace(query.place) } : {}),
        ...(query.side ? { side: query.side.toUpperCase() } : {}),
        ...(query.since ? { since: query.since } : {}),
        ...(query.predicate ? { predicate: query.predicate } : {}),
        ...(query.proposition ? { proposition: query.proposition } : {}),
        ...(query.stance ? { stance: query.stance } : {}),
        ...(query.until ? { until: query.until } : {}),
        ...(query.entity ? { entity: query.entity } : {}),
        ...(query.outlet ? { outlet: query.outlet.toLowerCase() } : {}),
        limit: Math.max(1, Math.min(query.limit ?? 1000, 100_000)),
        offset: Math.max(0, Math.min(query.offset ?? 0, 1_000_000)),
      };
      return parseClaims(yield* ask.listClaims(filter));
    })()),
    listContradictions: (query = {}) => run((function* () {
      const place = query.place ? yield* resolvePlace(query.place) : null;
      return (yield* ask.listContradictions(place, Math.max(1, Math.min(query.limit ?? 1000, 100_000)))).map((r) => JSON.parse(r) as Contradiction);
    })()),
    timeline: (place) => run((function* () {
      const row = yield* ask.timelineRow(yield* resolvePlace(place));
      return row ? toTimeline(row) : null;
    })()),
    listPlaces: () => run((function* () {
      return (yield* ask.listTimelines()).map(toTimeline);
    })()),
  };
}

/** Byte order of UTF-8 strings (SQLite's BINARY, PostgreSQL's COLLATE "C"): code point order. */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
