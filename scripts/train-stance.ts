#!/usr/bin/env -S node --import tsx
// Trains the FNC-1 stance model on every pair of a split (default: the dev half
// in ../shared/data/fnc-1) and writes models/stance/stance-model.json.
// Deterministic: the same data gives the same bytes. Usage:
//   npx tsx scripts/train-stance.ts [--data DIR] [--prefix dev] [--out FILE]
// The eval (src/eval/fnc1.ts) does not use this file: it retrains per fold.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadCues, readFncPairs } from '../src/eval/fnc1.js';
import { trainStanceModel } from '../src/ledger/stance/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: path.join(root, '..', 'shared', 'data', 'fnc-1') },
    prefix: { type: 'string', default: 'dev' },
    out: { type: 'string', default: path.join(root, 'models', 'stance', 'stance-model.json') },
  },
});
const pairs = await readFncPairs(values.data, values.prefix);
const model = trainStanceModel(pairs, await loadCues(), `FNC-1 ${values.prefix} half (${pairs.length} pairs, ${new Set(pairs.map((p) => p.bodyId)).size} bodies)`);
await mkdir(path.dirname(values.out), { recursive: true });
await writeFile(values.out, `${JSON.stringify(model)}\n`);
process.stderr.write(`wrote ${values.out} (${pairs.length} pairs)\n`);
