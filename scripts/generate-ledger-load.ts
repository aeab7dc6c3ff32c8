#!/usr/bin/env -S node --import tsx
/**
 * Builds a SQLite store with a large ledger, for the speed targets of issue 5
 * (≤ 5 ms ledger update per new document, ≤ 100 ms per query at 100,000
 * documents). Reproducible: the same --seed and inputs give the same store.
 *
 *   node --import tsx scripts/generate-ledger-load.ts [--documents 100000] [--out /tmp/counterclaim-ledger-load-100000.db] [--seed 1] [--bases 24]
 *
 * How: the bundled example (example/pokrovsk.txt) and the first --bases
 * PolNeAR texts (../shared/data/polnear/train/text) are analysed once by the
 * pipeline; each generated document takes a window of up to 8 claims of one
 * of them (the example for half the documents) and moves it to one of 400
 * places (Zipf: a few places get most reports), a date (documents arrive in
 * order over 720 days from 2024-01-01) and one of 40 outlets, swapping RU/UA
 * in half, denying control claims in 15%, marking 5% as wire copies. Document
 * rows are stubs (no text or items): the load is in the ledger tables, which
 * are written by the same ledger index a real save uses.
 * At 100,000 documents: see docs/ledger.md, "At scale", for time and size.
 */
import { parseArgs } from 'node:util';
import { generateLedgerLoad } from '../src/eval/bench/ledger-bench.js';

const { values } = parseArgs({ options: {
  documents: { type: 'string', default: '100000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' }, bases: { type: 'string', default: '24' },
} });
const documents = Number(values.documents);
if (!Number.isInteger(documents) || documents < 1) throw new Error('--documents must be a positive integer');
const out = values.out ?? `/tmp/counterclaim-ledger-load-${documents}.db`;
const started = performance.now();
await generateLedgerLoad({ documents, out, seed: Number(values.seed), bases: Number(values.bases), log: (l) => process.stderr.write(`${l}\n`) });
process.stderr.write(`wrote ${documents} documents to ${out} in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
