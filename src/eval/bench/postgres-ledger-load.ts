import pg from 'pg';
import { analyseBases, loadDocument } from './ledger-bench.js';
import { entityKey, ledgerClaimsOf } from '../../ledger/index.js';
import type { LedgerReader } from '../../ledger/ledger-reader.js';
import { claimRowOf, createLedgerReader, runLedgerAsync, type AsyncLedgerQueries } from '../../ledger/upkeep.js';
import { openPostgresStore } from '../../store/postgres/postgres-store.js';
import { createPostgresLedgerQueries } from '../../store/postgres/ledger-queries.js';

export interface PostgresLedgerLoadOptions {
  /** An empty (or not yet migrated) database. */
  readonly url: string;
  readonly documents: number;
  readonly seed?: number;
  /** PolNeAR texts analysed as bases besides the bundled example (default 24). */
  readonly bases?: number;
  /** The last documents saved through the store (incremental recompute), which writes contradictions and timelines (default 2000). */
  readonly recompute?: number;
  readonly log?: (line: string) => void;
}

/**
 * The PostgreSQL twin of scripts/generate-ledger-load.ts: the same generated
 * documents (loadDocument: the example and PolNeAR claims moved over 400
 * Zipf places and 720+ days, sides swapped, denials), with stub document
 * rows. The ledger rows of all but the last `recompute` documents are
 * bulk-inserted (multi-row INSERT … SELECT FROM unnest, a thousand documents
 * a statement) without recomputing contradictions: that is what makes a
 * million claims a matter of minutes. The last `recompute` documents go
 * through `saveDocument`, the real incremental path, so contradictions and
 * control timelines exist for the places and propositions they touch (all
 * the busy ones). Then ANALYZE, so the planner knows the sizes.
 */
export async function generatePostgresLedgerLoad(options: PostgresLedgerLoadOptions): Promise<{ readonly claims: number; readonly contradictions: number; readonly timelines: number }> {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? 1;
  const recompute = Math.min(options.recompute ?? 2000, options.documents);
  const store = await openPostgresStore(options.url, { poolSize: 2 });
  const pool = new pg.Pool({ connectionString: options.url, max: 1 });
  try {
    const bases = await analyseBases(options.bases ?? 24);
    log(`bases: ${bases.length} documents, ${bases.reduce((n, b) => n + b.claims.length, 0)} claims`);
    const started = performance.now();
    const bulk = options.documents - recompute;
    for (let at = 0; at < bulk; at += 1000) {
      const docs = [];
      for (let i = at; i < Math.min(bulk, at + 1000); i++) docs.push(loadDocument(bases, i, seed));
      const claimCols: unknown[][] = Array.from({ length: 15 }, () => []);
      const entityCols: string[][] = [[], [], [], []];
      for (const doc of docs) {
        for (const lc of ledgerClaimsOf(doc)) {
          const r = claimRowOf(doc.id, lc);
          [r.docId, r.claimId, r.proposition, r.predicate, r.place, r.placeLabel, r.side, r.aboutEnd, r.stated, r.control, r.data, r.stance, r.sourceKey, r.outlet, r.cohort]
            .forEach((v, k) => claimCols[k]!.push(v));
        }
        for (const e of doc.entities) [entityKey(e), e.name, e.kind, e.side].forEach((v, k) => entityCols[k]!.push(v));
      }
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`INSERT INTO documents (id, title, outlet, published, language, source, text, analysis, analysis_hash)
          SELECT id, title, outlet, published, 'en', 'load', '', '{}', id FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS d(id, title, outlet, published)`,
        [docs.map((d) => d.id), docs.map((d) => d.title), docs.map((d) => d.outlet), docs.map((d) => d.published)]);
        // (`ord`, a claim's place in its document's list, is read only by getDocument: the load reads no documents.)
        await client.query(`INSERT INTO ledger_claims (doc_seq, doc_id, claim_id, proposition, predicate, place, place_label, side, about_end, stated, control, data, stance, source_key, outlet, cohort, ord)
          SELECT (SELECT seq FROM documents WHERE id = c.doc_id), c.*, 0 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
            $10::boolean[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[]) AS c(doc_id)`, claimCols);
        // The store's rule (postgres/ledger-queries.ts): a key's row is its smallest (name, kind, side) in byte order.
        await client.query(`INSERT INTO ledger_entities (key, name, kind, side)
          SELECT DISTINCT ON (k) k, n, ki, s FROM (
            SELECT k COLLATE "C" AS k, n COLLATE "C" AS n, ki COLLATE "C" AS ki, s COLLATE "C" AS s FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS e(k, n, ki, s)
          ) e ORDER BY k, n, ki, s
          ON CONFLICT (key) DO UPDATE SET name = excluded.name, kind = excluded.kind, side = excluded.side
            WHERE (excluded.name, excluded.kind, excluded.side) < (ledger_entities.name, ledger_entities.kind, ledger_entities.side)`, entityCols);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      if ((at / 1000) % 10 === 9) log(`${at + 1000} documents bulk-inserted, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    // The proposition-month summary (ledger_proposition_months) of the bulk-inserted claims, counted once as a
    // recount does, so the incremental saves below skip and recompute exactly as on a store filled by saves.
    await pool.query(`DELETE FROM ledger_proposition_months;
      INSERT INTO ledger_proposition_months (proposition, month, positive, negative, counted)
        SELECT proposition, coalesce(substr(about_end, 1, 7), 'undated'),
          count(*) FILTER (WHERE c #>> '{claim,polarity}' = 'positive'),
          count(*) FILTER (WHERE c #>> '{claim,polarity}' = 'negative'),
          count(*) FILTER (WHERE c #> '{claim,args}' @> '[{"role": "count"}]')
        FROM (SELECT proposition, about_end, data::jsonb AS c FROM ledger_claims) x GROUP BY 1, 2`);
    for (let i = bulk; i < options.documents; i++) {
      await store.saveDocument(loadDocument(bases, i, seed));
      if ((i - bulk) % 500 === 499) log(`${i - bulk + 1} documents saved with recompute, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    await pool.query('ANALYZE');
    const count = async (table: string): Promise<number> => Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
    return { claims: await count('ledger_claims'), contradictions: await count('ledger_contradictions'), timelines: await count('ledger_timelines') };
  } finally {
    await pool.end();
    await store.close();
  }
}

/** A place with the most control claims: the worst case for `claims --place`, `timeline` and `contradictions --place`. */
export async function hottestPlace(url: string): Promise<{ readonly place: string; readonly claims: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ place: string; n: string }>('SELECT place, count(*) AS n FROM ledger_claims WHERE control GROUP BY place ORDER BY n DESC LIMIT 1');
    return { place: rows[0]!.place, claims: Number(rows[0]!.n) };
  } finally {
    await client.end();
  }
}

/** One statement a reader ran, with PostgreSQL's plan for it. */
export interface ExplainedQuery { readonly sql: string; readonly plan: unknown }

/**
 * A ledger reader whose every statement is also EXPLAINed (same SQL, same
 * parameters), so tests and the bench check the plans the real readers get.
 */
export function explainingLedger(pool: pg.Pool): { readonly ledger: LedgerReader; readonly queries: AsyncLedgerQueries; readonly plans: ExplainedQuery[] } {
  const plans: ExplainedQuery[] = [];
  const db = {
    query: async (sql: string, params?: unknown[]) => {
      const explained = await pool.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
      plans.push({ sql, plan: explained.rows[0]!['QUERY PLAN'] });
      return pool.query(sql, params);
    },
  } as unknown as pg.Pool;
  const queries = createPostgresLedgerQueries(db);
  return { ledger: createLedgerReader((steps) => runLedgerAsync(steps, queries)), queries, plans };
}

/** The tables a plan reads with a sequential scan. */
export function seqScans(plan: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n['Node Type'] === 'Seq Scan') out.push(String(n['Relation Name']));
      for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
    }
  };
  walk(plan);
  return out;
}
