import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { explainingLedger, generatePostgresLedgerLoad, hottestPlace, seqScans } from '../../eval/bench/postgres-ledger-load.js';
import { createTestDatabase, testPostgres } from '../../testing/postgres-test-server.js';
import { numbered, PLACE_MENTIONS_SQL } from './postgres-store.js';

const postgres = testPostgres();

/**
 * The plans of the ledger readers (claims --place/--side/--since, contradictions,
 * contradictions --place, timeline) on a generated load big enough for the
 * planner to choose as it would at scale: no sequential scan of the claims or
 * contradictions tables. (ledger_timelines has one row per place: a scan of it is allowed.)
 * docs/deployment.md gives the timings at a million claims.
 */
// No time limit: what is asserted is the plans; how long the load takes depends on the machine's load (a 300 s
// limit failed on a shared 2-core machine), and the bench times the queries (npm run bench -- --only ledger).
test('postgres ledger: reader queries use indexes, no seq scan on claims or contradictions', { skip: postgres.skip ?? false }, async () => {
  const db = await createTestDatabase('adminUrl' in postgres ? postgres.adminUrl : '');
  const pool = new pg.Pool({ connectionString: db.url, max: 1 });
  try {
    const load = await generatePostgresLedgerLoad({ url: db.url, documents: 4000, bases: 3, recompute: 600 });
    assert.ok(load.claims > 15_000 && load.contradictions >= 50 && load.timelines > 0, JSON.stringify(load));
    const hot = await hottestPlace(db.url);
    const { ledger, queries, plans } = explainingLedger(pool);
    const timeline = await ledger.timeline(hot.place);
    assert.ok(timeline);
    await ledger.timeline(timeline.label);
    assert.ok((await ledger.listClaims({ place: hot.place, limit: 200 })).length === 200);
    await ledger.listClaims({ place: timeline.label, side: 'UA', limit: 200 });
    await ledger.listClaims({ side: 'RU', limit: 200 });
    await ledger.listClaims({ since: '2024-06-01', limit: 200 });
    await ledger.listClaims({ limit: 50, offset: 100 });
    // The filters: place + stance, source, predicate, place + until with an offset.
    await ledger.listClaims({ place: hot.place, stance: 'deny', limit: 200 });
    await ledger.listClaims({ entity: (await ledger.listClaims({ limit: 1 }))[0]!.source.key, limit: 200 });
    await ledger.listClaims({ predicate: 'captured', limit: 200 });
    await ledger.listClaims({ place: hot.place, until: '2024-06-01', offset: 50, limit: 50 });
    // A page (the board's size): with fewer rows than the limit, sorting a scan is the cheaper plan, as the planner knows.
    await ledger.listContradictions({ limit: 20 });
    await ledger.listContradictions({ place: hot.place });
    // The reads of a save and of a recompute, on the busiest place and one of its propositions.
    const [busiest] = await ledger.listClaims({ place: hot.place, predicate: 'captured', limit: 1 });
    assert.ok(busiest);
    await queries.storedClaims(busiest.doc);
    await queries.propositionClaims(busiest.claim.proposition, { from: '2024-01-01', to: '2024-12-31' }, 60);
    await queries.propositionClaims(busiest.claim.proposition, null, 60);
    await queries.placeControlClaims(hot.place, '2024-06-01', 60);
    await queries.placeHasControlClaims(hot.place);
    for (const { sql, plan } of plans) {
      assert.deepEqual(seqScans(plan).filter((t) => t !== 'ledger_timelines'), [], `${sql}\n${JSON.stringify(plan, null, 1)}`);
    }
    // The indexes of a save and a recompute, and of the filters, are the ones their plans use. (At this size the planner
    // reads a place's or a side's first page from other indexes; ledger_claims_place and _side serve them at a million
    // claims: docs/deployment.md.)
    const used = new Set(plans.flatMap(({ plan }) => indexNames(plan)));
    for (const name of ['ledger_claims_doc_seq_claim_id_key', 'ledger_claims_cohort', 'ledger_claims_control_cohort', 'ledger_claims_capture_cohort',
      'ledger_claims_place_proposition', 'ledger_claims_place_stance', 'ledger_claims_source', 'ledger_claims_predicate', 'ledger_claims_about']) {
      assert.ok(used.has(name), `${name} in no plan; used: ${[...used].sort().join(', ')}`);
    }
    // An unfiltered page is read in listClaims' whole order from ledger_claims_about: no sort, not even of a date's ties.
    const unfiltered = plans.find(({ sql }) => /^SELECT data FROM ledger_claims\s+ORDER BY/.test(sql));
    assert.ok(unfiltered, plans.map((p) => p.sql).join('\n'));
    assert.deepEqual(indexNames(unfiltered.plan), ['ledger_claims_about'], JSON.stringify(unfiltered.plan));
    assert.doesNotMatch(JSON.stringify(unfiltered.plan), /"Node Type":"(Incremental )?Sort"/, JSON.stringify(unfiltered.plan));
    // A page of the most mentioned place's mentions: its documents by the (place_id, doc_seq) key, no scan of items.
    const place = (await pool.query<{ id: string; mentions: number }>('SELECT id, mentions FROM place_totals ORDER BY mentions DESC LIMIT 1')).rows[0]!;
    assert.ok(place.mentions > 100, JSON.stringify(place));
    const mentions = (await pool.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${numbered(PLACE_MENTIONS_SQL)}`, [place.id, place.id, 20, 0])).rows[0]!['QUERY PLAN'];
    const text = JSON.stringify(mentions);
    assert.deepEqual(seqScans(mentions), [], text);
    assert.match(text, /place_doc_mentions_pkey/, text);
  } finally {
    await pool.end();
    await db.drop();
  }
});

/** The indexes a plan reads. */
function indexNames(plan: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (typeof n['Index Name'] === 'string') out.push(n['Index Name']);
      for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
    }
  };
  walk(plan);
  return out;
}
