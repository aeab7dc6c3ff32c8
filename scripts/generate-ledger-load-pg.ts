#!/usr/bin/env -S node --import tsx
/**
 * The PostgreSQL ledger load (issue 8: queries at 1,000,000 claims under 200 ms),
 * then the timings of claims --place, contradictions, contradictions --place and
 * timeline on the busiest place, with their plans' sequential scans listed.
 *
 *   node --import tsx scripts/generate-ledger-load-pg.ts --url postgres://… [--documents 170000] [--recompute 2000] [--seed 1] [--bases 24]
 *
 * The database must be empty (it is migrated here). How the load is made:
 * src/eval/bench/postgres-ledger-load.ts.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { explainingLedger, generatePostgresLedgerLoad, hottestPlace, seqScans } from '../src/eval/bench/postgres-ledger-load.js';
import { createLedgerIndex } from '../src/store/postgres/ledger-queries.js';

const { values } = parseArgs({ options: {
  url: { type: 'string' }, documents: { type: 'string', default: '170000' }, recompute: { type: 'string', default: '2000' },
  seed: { type: 'string', default: '1' }, bases: { type: 'string', default: '24' }, 'skip-load': { type: 'boolean', default: false },
} });
if (!values.url) throw new Error('--url postgres://… is required');
const log = (l: string): boolean => process.stderr.write(`${l}\n`);
const started = performance.now();
if (!values['skip-load']) {
  const load = await generatePostgresLedgerLoad({ url: values.url, documents: Number(values.documents), recompute: Number(values.recompute), seed: Number(values.seed), bases: Number(values.bases), log });
  log(`load: ${JSON.stringify(load)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
const hot = await hottestPlace(values.url);
const pool = new pg.Pool({ connectionString: values.url, max: 1 });
const { ledger, plans } = explainingLedger(pool);
const plain = createLedgerIndex(pool);
const label = (await plain.timeline(hot.place))?.label ?? hot.place;
const total = Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM ledger_claims')).rows[0]!.n);
const runs: Record<string, () => Promise<unknown>> = {
  'claims --place': () => plain.listClaims({ place: label, limit: 200 }),
  'claims --place --side UA --since 2025-01-01': () => plain.listClaims({ place: label, side: 'UA', since: '2025-01-01', limit: 200 }),
  contradictions: () => plain.listContradictions({ limit: 200 }),
  'contradictions --place': () => plain.listContradictions({ place: label }),
  timeline: () => plain.timeline(label),
};
log(`claims ${total}, busiest place ${hot.place} (${label}) with ${hot.claims} control claims`);
for (const [name, run] of Object.entries(runs)) {
  const ms: number[] = [];
  for (let r = 0; r < 30; r++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  log(`${name.padEnd(44)} p50 ${ms[15]!.toFixed(2)} ms  p95 ${ms[28]!.toFixed(2)} ms  max ${ms[29]!.toFixed(2)} ms`);
}
await ledger.listClaims({ place: label, limit: 200 });
await ledger.listContradictions({ limit: 200 });
await ledger.listContradictions({ place: label });
await ledger.timeline(label);
for (const { sql, plan } of plans) log(`seq scans: ${JSON.stringify(seqScans(plan))}  ${sql.replace(/\s+/g, ' ').slice(0, 90)}`);
await pool.end();
