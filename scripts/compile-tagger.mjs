// `node scripts/compile-tagger.mjs`: run by `npm run prepare` and `npm run build` after tsc.
// Compiles models/attribution/tagger.json into .cache/attribution/tagger.bin (span-tagger.ts,
// encodeSpanTagger), which loadResources maps at start-up instead of parsing and compiling
// the JSON model; the file names the model's SHA-256, so a retrained model is never shadowed.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { compileSpanTagger, encodeSpanTagger } from '../dist/read/attribution/span-tagger.js';
import { COMPILED_TAGGER_URL, TAGGER_MODEL_URL, taggerModelSource } from '../dist/read/load-resources.js';

const started = performance.now();
const json = readFileSync(TAGGER_MODEL_URL);
const bytes = encodeSpanTagger(compileSpanTagger(JSON.parse(json.toString('utf8'))), taggerModelSource(json));
const out = fileURLToPath(COMPILED_TAGGER_URL);
mkdirSync(path.dirname(out), { recursive: true });
const tmp = `${out}.${process.pid}.tmp`;
writeFileSync(tmp, bytes);
renameSync(tmp, out);
process.stderr.write(`attribution tagger: compiled ${out} (${(bytes.byteLength / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
