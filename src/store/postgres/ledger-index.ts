import type pg from 'pg';
import type { Contradiction, ControlStatus } from '../../model/index.js';
import type { LedgerDocument } from '../../report/ledger-json.js';
import { CONTROL_PREDICATES, entityKey, findContradictions, ledgerClaimsOf, type LedgerClaim, type LedgerReader, type PlaceTimeline } from '../../ledger/index.js';
import {
  cohortOf, coreOf, createTouched, distinctClaims, mayContradict, monthContradictions, monthWindow, neverContradicts, nextTimeline, RECOMPUTE_CAP, recomputeOrder, TIMELINE_LOOKBACK_DAYS,
} from '../../ledger/incremental.js';
import { addDays } from '../../read/claims/time-window.js';

/**
 * SQL of the ledger tables (migration 3), the PostgreSQL twin of SQLite's
 * migration 3 (src/store/sqlite/ledger-index.ts). Keys and dates are
 * `COLLATE "C"` so ORDER BY, ranges and lower() behave as SQLite's BINARY
 * (byte order, ASCII-only lower case) whatever the database's locale.
 * Claim indexes carry the readers' sort (`about_end DESC NULLS LAST, doc_id
 * DESC, claim_id DESC`: SQLite sorts NULL last in DESC) so `claims --place`,
 * `--side` and `--since` read the first page straight from an index; the
 * partial index on control claims serves timeline recomputes.
 */
export const LEDGER_MIGRATION_SQL = `
  CREATE TABLE ledger_claims (
    doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_id TEXT COLLATE "C" NOT NULL,
    proposition TEXT COLLATE "C" NOT NULL,
    predicate TEXT COLLATE "C" NOT NULL,
    place TEXT COLLATE "C",
    place_label TEXT COLLATE "C",
    side TEXT COLLATE "C" NOT NULL,
    about_end TEXT COLLATE "C",
    stated TEXT COLLATE "C",
    control BOOLEAN NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (doc_id, claim_id)
  );
  CREATE INDEX ledger_claims_proposition ON ledger_claims(proposition);
  CREATE INDEX ledger_claims_place ON ledger_claims(place, about_end DESC NULLS LAST, doc_id DESC, claim_id DESC);
  CREATE INDEX ledger_claims_place_control ON ledger_claims(place, about_end DESC NULLS LAST, doc_id DESC, claim_id DESC) WHERE control;
  CREATE INDEX ledger_claims_place_label ON ledger_claims(place_label);
  CREATE INDEX ledger_claims_side ON ledger_claims(side, about_end DESC NULLS LAST, doc_id DESC, claim_id DESC);
  CREATE INDEX ledger_claims_about ON ledger_claims(about_end DESC NULLS LAST, doc_id DESC, claim_id DESC);
  CREATE TABLE ledger_entities (key TEXT COLLATE "C" PRIMARY KEY, name TEXT COLLATE "C" NOT NULL, kind TEXT COLLATE "C" NOT NULL, side TEXT COLLATE "C" NOT NULL);
  CREATE TABLE ledger_contradictions (
    scope TEXT COLLATE "C" NOT NULL,
    id TEXT COLLATE "C" NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (scope, id)
  );
  CREATE TABLE ledger_timelines (
    place TEXT COLLATE "C" PRIMARY KEY,
    label TEXT COLLATE "C" NOT NULL,
    lat DOUBLE PRECISION, lon DOUBLE PRECISION, country TEXT, admin1 TEXT,
    state TEXT, data TEXT NOT NULL
  );
  CREATE INDEX ledger_timelines_label ON ledger_timelines(lower(label));
`;

/** Migration 5 (as SQLite's): claims of a proposition in date order, for recomputes of one month. */
export const LEDGER_SCALE_MIGRATION_SQL = `
  CREATE INDEX ledger_claims_proposition_about ON ledger_claims(proposition, about_end DESC NULLS LAST, doc_id DESC, claim_id DESC);
  DROP INDEX ledger_claims_proposition;
`;

/** Migration 6 (as SQLite's): a compact core copy of each claim, and claims by place and proposition (`contradictions --place`). */
export const LEDGER_CORE_MIGRATION_SQL = `
  ALTER TABLE ledger_claims ADD COLUMN core TEXT;
  CREATE INDEX ledger_claims_place_proposition ON ledger_claims(place, proposition);
`;

/**
 * Migration 7 (as SQLite's): the filters of `/api/claims` as columns (stance,
 * merged source key, lower-cased outlet), filled from `data` for rows stored
 * before it, and claims by place + stance, by source and by predicate, each
 * in the readers' order (ties by doc_id, claim_id descending) so a filtered
 * page reads straight from an index. lower() under COLLATE "C" folds ASCII
 * only, as SQLite's lower() does in its backfill.
 */
export const LEDGER_FILTER_MIGRATION_SQL = `
  ALTER TABLE ledger_claims ADD COLUMN stance TEXT COLLATE "C";
  ALTER TABLE ledger_claims ADD COLUMN source_key TEXT COLLATE "C";
  ALTER TABLE ledger_claims ADD COLUMN outlet TEXT COLLATE "C";
  UPDATE ledger_claims SET stance = data::jsonb #>> '{claim,stance}', source_key = data::jsonb #>> '{source,key}',
    outlet = lower((data::jsonb ->> 'outlet') COLLATE "C");
  CREATE INDEX ledger_claims_place_stance ON ledger_claims(place, stance, about_end DESC NULLS LAST, doc_id DESC, claim_id DESC);
  CREATE INDEX ledger_claims_source ON ledger_claims(source_key, about_end DESC NULLS LAST, doc_id DESC, claim_id DESC);
  CREATE INDEX ledger_claims_predicate ON ledger_claims(predicate, about_end DESC NULLS LAST, doc_id DESC, claim_id DESC);
`;

/**
 * Migration 8 (as SQLite's): a summary row per proposition-month (month of
 * `about_end`, 'undated' without one) counting its positive and negative
 * claims and those with a count, kept on save, so a save skips the months
 * that cannot hold a contradiction (docs/ledger.md, "At scale").
 */
export const LEDGER_SUMMARY_MIGRATION_SQL = `
  CREATE TABLE ledger_proposition_months (
    proposition TEXT COLLATE "C" NOT NULL,
    month TEXT COLLATE "C" NOT NULL,
    positive INTEGER NOT NULL,
    negative INTEGER NOT NULL,
    counted INTEGER NOT NULL,
    PRIMARY KEY (proposition, month)
  );
  INSERT INTO ledger_proposition_months (proposition, month, positive, negative, counted)
    SELECT proposition, coalesce(substr(about_end, 1, 7), 'undated'),
      count(*) FILTER (WHERE c #>> '{claim,polarity}' = 'positive'),
      count(*) FILTER (WHERE c #>> '{claim,polarity}' = 'negative'),
      count(*) FILTER (WHERE c #> '{claim,args}' @> '[{"role": "count"}]')
    FROM (SELECT proposition, about_end, coalesce(core, data)::jsonb AS c FROM ledger_claims) x GROUP BY 1, 2;
`;


/**
 * Migration 12 (as SQLite's): each claim's cohort (polarity, side, whether
 * counted: `cohortOf`), filled from the stored core for rows stored before
 * it, and indexes reading the newest claims of one cohort, in the readers'
 * order: of a proposition, of a place's control claims (which replaces the
 * partial index of migration 3), and of its captures and withdrawals.
 */
export const LEDGER_COHORT_MIGRATION_SQL = `
  ALTER TABLE ledger_claims ADD COLUMN IF NOT EXISTS cohort TEXT COLLATE "C";
  UPDATE ledger_claims SET cohort = (coalesce(core, data)::jsonb #>> '{claim,polarity}') || '/' || side
    || CASE WHEN coalesce(core, data)::jsonb #> '{claim,args}' @> '[{"role": "count"}]' THEN '/#' ELSE '' END;
  CREATE INDEX IF NOT EXISTS ledger_claims_cohort ON ledger_claims(proposition, cohort, about_end DESC NULLS LAST, doc_id DESC, claim_id DESC);
  CREATE INDEX IF NOT EXISTS ledger_claims_control_cohort ON ledger_claims(place, cohort, about_end DESC NULLS LAST, doc_id DESC, claim_id DESC) WHERE control;
  CREATE INDEX IF NOT EXISTS ledger_claims_capture_cohort ON ledger_claims(place, cohort, about_end DESC NULLS LAST, doc_id DESC, claim_id DESC)
    WHERE control AND predicate IN ('captured', 'withdrew', 'surrendered', 'controls');
  DROP INDEX IF EXISTS ledger_claims_place_control;
`;

/** What a save touches in the ledger, read before anything is written, and the advisory-lock keys that guard it. */
export interface LedgerPlan {
  readonly claims: readonly LedgerClaim[];
  /** proposition -> months (YYYY-MM or null) whose contradictions are recomputed. */
  readonly months: ReadonlyMap<string, ReadonlySet<string | null>>;
  /** place -> earliest date touched (null: undated, recompute all). */
  readonly places: ReadonlyMap<string, string | null>;
  readonly lockKeys: readonly string[];
}

export interface PostgresLedgerIndex extends LedgerReader {
  /** Step 1 of a save, before its locks are taken: the old claims' keys and the new claims. */
  plan(client: pg.PoolClient, doc: LedgerDocument): Promise<LedgerPlan>;
  /** Step 2, holding the plan's locks, after the document's row is written: replace its claims, recompute what they touch. */
  apply(client: pg.PoolClient, doc: LedgerDocument, plan: LedgerPlan): Promise<void>;
}

type Db = Pick<pg.Pool, 'query'>;

/**
 * The ledger kept in PostgreSQL with the same incremental maintenance as
 * SQLite's (src/store/sqlite/ledger-index.ts: per proposition-month
 * contradictions, per place timelines from the earliest touched date, at
 * most RECOMPUTE_CAP claims read each) and the same pure ledger functions
 * (findContradictions, controlTimeline). Concurrency: a save holds an
 * advisory transaction lock per proposition and per place it touches
 * (taken by the store, sorted, before any write), so two workers saving
 * documents about the same place recompute one after the other, the second
 * reading what the first committed: no lost timeline status, no duplicate
 * contradiction. Reads in a recompute are ordered fully (ties by doc_id,
 * claim_id descending, as SQLite's index order) so both backends see the
 * same claims when a cap cuts a group.
 */
export function createLedgerIndex(pool: Db): PostgresLedgerIndex {
  const parse = (rows: Array<{ data: string }>): LedgerClaim[] => rows.map((r) => JSON.parse(r.data) as LedgerClaim);
  const newest = 'ORDER BY about_end DESC NULLS LAST, doc_id DESC, claim_id DESC';

  const resolvePlace = async (db: Db, place: string): Promise<string> => {
    const p = place.trim();
    const t = await db.query<{ place: string }>('SELECT place FROM ledger_timelines WHERE place = $1 OR lower(label) = $2 ORDER BY place LIMIT 1', [p, p.toLowerCase()]);
    if (t.rows[0]) return t.rows[0].place;
    const c = await db.query<{ place: string }>('SELECT place FROM ledger_claims WHERE place = $1 OR place_label = $2 LIMIT 1', [p, p.toLowerCase()]);
    return c.rows[0]?.place ?? p;
  };

  /** Writes a scope's contradictions, touching only rows that changed (the contradiction_dates trigger hangs on them). */
  const writeScope = async (db: Db, scope: string, list: readonly Contradiction[]): Promise<void> => {
    const old = new Map((await db.query<{ id: string; data: string }>('SELECT id, data FROM ledger_contradictions WHERE scope = $1', [scope])).rows.map((r) => [r.id, r.data]));
    const fresh = new Map(list.map((c) => [c.id, JSON.stringify(c)]));
    const gone = [...old.keys()].filter((id) => !fresh.has(id));
    if (gone.length) await db.query('DELETE FROM ledger_contradictions WHERE scope = $1 AND id = ANY($2::text[])', [scope, gone]);
    const changed = list.filter((c) => old.get(c.id) !== fresh.get(c.id));
    if (changed.length) {
      await db.query(
        `INSERT INTO ledger_contradictions (scope, id, kind, data) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])
         ON CONFLICT (scope, id) DO UPDATE SET kind = excluded.kind, data = excluded.data`,
        [scope, changed.map((c) => c.id), changed.map((c) => c.kind), changed.map((c) => fresh.get(c.id)!)],
      );
    }
  };

  const refreshPropositionMonth = async (db: Db, proposition: string, month: string | null): Promise<void> => {
    const scope = `${proposition}@${month ?? 'undated'}`;
    const window = monthWindow(proposition, month);
    // The summary rows of the months read (migration 8) and whether the scope holds rows, in one round trip.
    const sum = (await db.query<{ positive: number; negative: number; counted: number; stored: boolean }>(
      `SELECT coalesce(sum(positive), 0)::int AS positive, coalesce(sum(negative), 0)::int AS negative, coalesce(sum(counted), 0)::int AS counted,
         EXISTS (SELECT 1 FROM ledger_contradictions WHERE scope = $4) AS stored
       FROM ledger_proposition_months WHERE proposition = $1 AND month >= $2 AND month <= $3`,
      [proposition, window?.earliestMonth ?? 'undated', month ?? 'undated', scope])).rows[0]!;
    if (!mayContradict(sum, sum.stored)) return;
    // Each cohort's newest claims (undated: the first by key, as SQLite), the cohorts found by a skip scan, in one round trip.
    const read = window === null
      ? 'about_end IS NULL ORDER BY doc_id, claim_id LIMIT $2'
      : `about_end >= $3 AND about_end <= $4 ${newest} LIMIT $2`;
    const { rows } = await db.query<{ data: string }>(`
      WITH RECURSIVE k(c) AS (
        (SELECT cohort FROM ledger_claims WHERE proposition = $1 ORDER BY cohort LIMIT 1)
        UNION ALL
        SELECT (SELECT cohort FROM ledger_claims WHERE proposition = $1 AND cohort > k.c ORDER BY cohort LIMIT 1) FROM k WHERE k.c IS NOT NULL
      )
      SELECT x.data FROM k CROSS JOIN LATERAL (
        SELECT coalesce(core, data) AS data FROM ledger_claims WHERE proposition = $1 AND cohort = k.c AND ${read}
      ) x WHERE k.c IS NOT NULL`, window === null ? [proposition, RECOMPUTE_CAP] : [proposition, RECOMPUTE_CAP, window.from, window.to]);
    const claims = distinctClaims(parse(rows));
    await writeScope(db, scope, monthContradictions(claims, month));
  };

  const refreshPlace = async (db: Db, place: string, from: string | null, doc: LedgerDocument): Promise<void> => {
    const scope = `place:${place}`;
    if ((await db.query('SELECT 1 FROM ledger_claims WHERE place = $1 AND control LIMIT 1', [place])).rowCount === 0) {
      await db.query('DELETE FROM ledger_contradictions WHERE scope = $1', [scope]);
      await db.query('DELETE FROM ledger_timelines WHERE place = $1', [place]);
      return;
    }
    const since = from === null ? '0000-00-00' : addDays(from, -TIMELINE_LOOKBACK_DAYS);
    // The three reads SQLite makes apart, for each cohort of the place's control claims, in one round trip.
    const { rows } = await db.query<{ data: string }>(`
      WITH RECURSIVE k(c) AS (
        (SELECT cohort FROM ledger_claims WHERE place = $1 AND control ORDER BY cohort LIMIT 1)
        UNION ALL
        SELECT (SELECT cohort FROM ledger_claims WHERE place = $1 AND control AND cohort > k.c ORDER BY cohort LIMIT 1) FROM k WHERE k.c IS NOT NULL
      )
      SELECT x.data FROM k CROSS JOIN LATERAL (
        (SELECT coalesce(core, data) AS data FROM ledger_claims WHERE place = $1 AND control AND cohort = k.c AND about_end >= $2 ${newest} LIMIT $3)
        UNION ALL
        (SELECT coalesce(core, data) FROM ledger_claims WHERE place = $1 AND control AND predicate IN ('captured', 'withdrew', 'surrendered', 'controls') AND cohort = k.c ${newest} LIMIT $3)
        UNION ALL
        (SELECT coalesce(core, data) FROM ledger_claims WHERE place = $1 AND control AND cohort = k.c AND about_end IS NULL ORDER BY doc_id, claim_id LIMIT $3)
      ) x WHERE k.c IS NOT NULL`, [place, since, RECOMPUTE_CAP]);
    const claims = distinctClaims(parse(rows));
    await writeScope(db, scope, findContradictions(claims).filter((x) => x.kind === 'control'));
    const stored = (await db.query<TimelineRow>('SELECT place, label, lat, lon, country, admin1, data FROM ledger_timelines WHERE place = $1', [place])).rows[0];
    const next = nextTimeline(place, from, claims, stored, doc.places);
    if (!next) return;
    await db.query(`INSERT INTO ledger_timelines (place, label, lat, lon, country, admin1, state, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      ON CONFLICT (place) DO UPDATE SET label = excluded.label, lat = coalesce(excluded.lat, ledger_timelines.lat), lon = coalesce(excluded.lon, ledger_timelines.lon),
      country = coalesce(excluded.country, ledger_timelines.country), admin1 = coalesce(excluded.admin1, ledger_timelines.admin1), state = excluded.state, data = excluded.data`,
    [place, next.label, next.mention?.lat ?? null, next.mention?.lon ?? null, next.mention?.country ?? null, next.mention?.admin1 ?? null, next.state, next.data]);
  };

  return {
    async plan(client, doc) {
      const { touch, months, places } = createTouched();
      const old = await client.query<{ proposition: string; place: string | null; about_end: string | null; control: boolean }>(
        'SELECT proposition, place, about_end, control FROM ledger_claims WHERE doc_id = $1', [doc.id]);
      for (const row of old.rows) touch(row.proposition, row.place, row.about_end, row.control);
      const claims = ledgerClaimsOf(doc);
      for (const lc of claims) {
        const place = lc.claim.args.find((a) => a.role === 'place');
        touch(lc.claim.proposition, place?.key ?? null, lc.claim.about.window?.end ?? null, CONTROL_PREDICATES.has(lc.claim.predicate));
      }
      // Nothing to recompute for propositions that never contradict, so nothing to lock.
      for (const p of [...months.keys()]) if (neverContradicts(p)) months.delete(p);
      const lockKeys = [...[...months.keys()].map((p) => `ledger-proposition:${p}`), ...[...places.keys()].map((p) => `ledger-place:${p}`)];
      return { claims, months, places, lockKeys };
    },
    async apply(client, doc, plan) {
      if (doc.entities.length) {
        // One row per key: its smallest (name, kind, side) in byte order, here and against the stored row, so the
        // display name does not depend on save order ("Analysts" < "analysts"; SQLite keeps the same rule).
        // Key order: concurrent saves lock shared keys in the same order, no deadlock.
        await client.query(`INSERT INTO ledger_entities (key, name, kind, side)
          SELECT DISTINCT ON (k) k, n, ki, s FROM (
            SELECT k COLLATE "C" AS k, n COLLATE "C" AS n, ki COLLATE "C" AS ki, s COLLATE "C" AS s FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS e(k, n, ki, s)
          ) e ORDER BY k, n, ki, s
          ON CONFLICT (key) DO UPDATE SET name = excluded.name, kind = excluded.kind, side = excluded.side
            WHERE (excluded.name, excluded.kind, excluded.side) < (ledger_entities.name, ledger_entities.kind, ledger_entities.side)`,
        [doc.entities.map((e) => entityKey(e)), doc.entities.map((e) => e.name), doc.entities.map((e) => e.kind), doc.entities.map((e) => e.side)]);
      }
      // The document's old claims out and the proposition-month summary moved by old (-1) and new (+1) claims, in one
      // statement that updates summary rows in key order: rows of propositions under no advisory lock (`said`, half-known)
      // are shared by concurrent saves, and one ordered upsert per save cannot deadlock.
      const delta: Array<Array<string | number>> = [[], [], [], [], []];
      for (const { claim: c } of plan.claims) {
        [c.proposition, c.about.window?.end.slice(0, 7) ?? 'undated', c.polarity === 'positive' ? 1 : 0, c.polarity === 'negative' ? 1 : 0,
          c.args.some((a) => a.role === 'count') ? 1 : 0].forEach((v, i) => delta[i]!.push(v));
      }
      await client.query(`WITH gone AS (DELETE FROM ledger_claims WHERE doc_id = $1 RETURNING proposition, about_end, coalesce(core, data)::jsonb AS c),
        delta AS (
          SELECT proposition, coalesce(substr(about_end, 1, 7), 'undated') AS month, -((c #>> '{claim,polarity}' = 'positive') IS TRUE)::int AS positive,
            -((c #>> '{claim,polarity}' = 'negative') IS TRUE)::int AS negative, -((c #> '{claim,args}' @> '[{"role": "count"}]') IS TRUE)::int AS counted FROM gone
          UNION ALL
          SELECT p COLLATE "C", m COLLATE "C", po, ne, co FROM unnest($2::text[], $3::text[], $4::int[], $5::int[], $6::int[]) AS n(p, m, po, ne, co)
        )
        INSERT INTO ledger_proposition_months (proposition, month, positive, negative, counted)
          SELECT proposition, month, sum(positive), sum(negative), sum(counted) FROM delta GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (proposition, month) DO UPDATE SET positive = ledger_proposition_months.positive + excluded.positive,
          negative = ledger_proposition_months.negative + excluded.negative, counted = ledger_proposition_months.counted + excluded.counted`,
      [doc.id, ...delta]);
      if (plan.claims.length) {
        const cols: Array<Array<string | boolean | null>> = Array.from({ length: 16 }, () => []);
        for (const lc of plan.claims) {
          const c = lc.claim;
          const place = c.args.find((a) => a.role === 'place');
          const row = [doc.id, c.id, c.proposition, c.predicate, place?.key ?? null, place?.label.toLowerCase() ?? null, c.side,
            c.about.window?.end ?? null, c.statedAt.value, CONTROL_PREDICATES.has(c.predicate), JSON.stringify(lc), JSON.stringify(coreOf(lc)),
            c.stance, lc.source.key, lc.outlet?.toLowerCase() ?? null, cohortOf(c)];
          row.forEach((v, i) => cols[i]!.push(v));
        }
        await client.query(`INSERT INTO ledger_claims (doc_id, claim_id, proposition, predicate, place, place_label, side, about_end, stated, control, data, core, stance, source_key, outlet, cohort)
          SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::boolean[], $11::text[], $12::text[],
            $13::text[], $14::text[], $15::text[], $16::text[])`, cols);
      }
      const order = recomputeOrder(plan);
      for (const [p, m] of order.months) await refreshPropositionMonth(client, p, m);
      for (const [p, from] of order.places) await refreshPlace(client, p, from, doc);
    },
    async listClaims(query = {}) {
      const where: string[] = [];
      const params: Array<string | number> = [];
      const bind = (v: string | number): string => `$${params.push(v)}`;
      if (query.place) where.push(`place = ${bind(await resolvePlace(pool, query.place))}`);
      if (query.side) where.push(`side = ${bind(query.side.toUpperCase())}`);
      if (query.since) where.push(`about_end >= ${bind(query.since)}`);
      if (query.predicate) where.push(`predicate = ${bind(query.predicate)}`);
      if (query.proposition) where.push(`proposition = ${bind(query.proposition)}`);
      if (query.stance) where.push(`stance = ${bind(query.stance)}`);
      // `until` bounds the date a claim is about; an undated claim's date is its statement's (callers refine), as SQLite.
      if (query.until) {
        const until = bind(query.until);
        where.push(`(about_end <= ${until} OR (about_end IS NULL AND (stated IS NULL OR substr(stated, 1, 10) <= ${until})))`);
      }
      if (query.entity) where.push(`source_key = ${bind(query.entity)}`);
      if (query.outlet) where.push(`outlet = ${bind(query.outlet.toLowerCase())}`);
      const limit = Math.max(1, Math.min(query.limit ?? 1000, 100_000));
      const offset = Math.max(0, Math.min(query.offset ?? 0, 1_000_000));
      const sql = `SELECT data FROM ledger_claims ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${newest} LIMIT ${limit} OFFSET ${offset}`;
      return parse((await pool.query<{ data: string }>(sql, params)).rows);
    },
    async listContradictions(query = {}) {
      const limit = Math.max(1, Math.min(query.limit ?? 1000, 100_000));
      if (!query.place) return (await pool.query<{ data: string }>('SELECT data FROM ledger_contradictions ORDER BY scope, id LIMIT $1', [limit])).rows.map((r) => JSON.parse(r.data) as Contradiction);
      const place = await resolvePlace(pool, query.place);
      // The place's propositions by a skip scan of (place, proposition) (one index probe per distinct proposition,
      // however many claims a busy place has), then each proposition's scopes 'proposition@month' as a key range.
      const { rows } = await pool.query<{ data: string }>(`
        WITH RECURSIVE q(p) AS (
          (SELECT proposition FROM ledger_claims WHERE place = $2 ORDER BY proposition LIMIT 1)
          UNION ALL
          SELECT (SELECT proposition FROM ledger_claims WHERE place = $2 AND proposition > q.p ORDER BY proposition LIMIT 1) FROM q WHERE q.p IS NOT NULL
        )
        SELECT data FROM (
          SELECT c.scope, c.id, c.data FROM ledger_contradictions c WHERE c.scope = $1
          UNION ALL
          SELECT c.scope, c.id, c.data FROM q JOIN ledger_contradictions c ON c.scope >= q.p || '@' AND c.scope < q.p || 'A' WHERE q.p IS NOT NULL
        ) x ORDER BY scope, id LIMIT $3`, [`place:${place}`, place, limit]);
      return rows.map((r) => JSON.parse(r.data) as Contradiction);
    },
    async timeline(place) {
      const { rows } = await pool.query<TimelineRow>('SELECT place, label, lat, lon, country, admin1, data FROM ledger_timelines WHERE place = $1', [await resolvePlace(pool, place)]);
      return rows[0] ? toTimeline(rows[0]) : null;
    },
    async listPlaces() {
      return (await pool.query<TimelineRow>('SELECT place, label, lat, lon, country, admin1, data FROM ledger_timelines ORDER BY label, place')).rows.map(toTimeline);
    },
  };
}

interface TimelineRow { place: string; label: string; lat: number | null; lon: number | null; country: string | null; admin1: string | null; data: string }

function toTimeline(row: TimelineRow): PlaceTimeline {
  return { place: row.place, label: row.label, lat: row.lat, lon: row.lon, country: row.country, admin1: row.admin1, statuses: JSON.parse(row.data) as ControlStatus[] };
}
