// `npm run hashes [-- --write] [--only CORPUS,...] [--polnear DIR] [--warnews DIR]`: checks (or, with --write, regenerates)
// src/eval/bench/reading-hashes.txt, the SHA-256 of each document's ledger JSON (reading-hashes.ts).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPipeline } from '../../read/pipeline.js';
import { loadResources } from '../../read/load-resources.js';
import { READING_HASHES_FILE, compareHashes, computeHashes, describeDifferences, formatHashFile, hashCorpora, parseHashFile } from './reading-hashes.js';

const { values } = parseArgs({ options: { write: { type: 'boolean', default: false }, only: { type: 'string' }, polnear: { type: 'string' }, warnews: { type: 'string' } } });
const all = hashCorpora({ polnear: values.polnear, warnews: values.warnews });
const only = values.only?.split(',').map((s) => s.trim());
const unknown = only?.filter((name) => !all.some((c) => c.name === name)) ?? [];
if (unknown.length > 0) {
  process.stderr.write(`hashes: --only takes ${all.map((c) => c.name).join(', ')} (comma-separated), not ${unknown.map((u) => JSON.stringify(u)).join(', ')}\n`);
  process.exit(2);
}
const corpora = only ? all.filter((c) => only.includes(c.name)) : all;
const pipeline = createPipeline(await loadResources());
const t0 = performance.now();
const computed = computeHashes(pipeline, corpora);
const seconds = ((performance.now() - t0) / 1000).toFixed(1);
for (const a of computed.absent) process.stderr.write(`hashes: ${a.name} skipped: ${a.dir} is not on this machine\n`);
const expected = existsSync(READING_HASHES_FILE) ? parseHashFile(readFileSync(READING_HASHES_FILE, 'utf8')) : new Map<string, string>();
const shown = path.relative(process.cwd(), READING_HASHES_FILE);
if (values.write) {
  // The corpora not on this machine keep their lines: regenerating without the warnews texts must not drop theirs.
  const merged = new Map([...expected].filter(([name]) => !computed.present.includes(name.slice(0, name.indexOf('/')))));
  for (const [name, hash] of computed.hashes) merged.set(name, hash);
  const c = compareHashes(expected, computed);
  writeFileSync(READING_HASHES_FILE, formatHashFile(merged));
  process.stdout.write(`hashes: wrote ${shown}: ${computed.hashes.size} documents of ${computed.present.join(', ')} in ${seconds} s (${c.changed.length} changed, ${c.unlisted.length} new, ${c.missing.length} dropped)\n`);
} else {
  // with --only, the corpora left out are not compared (neither checked nor missing)
  const listed = only ? new Map([...expected].filter(([name]) => only.includes(name.slice(0, name.indexOf('/'))))) : expected;
  const c = compareHashes(listed, computed);
  const problem = describeDifferences(c);
  if (problem !== '' || c.checked === 0) {
    process.stderr.write(`hashes: ${problem || `nothing was checked (no corpus of ${shown} is on this machine)`}\n`);
    process.exit(1);
  }
  process.stdout.write(`hashes: ${c.checked} documents of ${computed.present.join(', ')} read byte-identically in ${seconds} s (${c.skipped} listed documents of absent corpora not checked)\n`);
}
