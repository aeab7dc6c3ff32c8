// `node dist/gazetteer/compile-main.js`: run by `npm run prepare` after tsc, so a fresh
// `npm ci` leaves the default gazetteer compiled under .cache/.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileDefaultGazetteer } from './compile-default.js';
import { DEFAULT_GAZETTEER_FILE } from './paths.js';

const started = performance.now();
const bytes = compileDefaultGazetteer();
mkdirSync(path.dirname(DEFAULT_GAZETTEER_FILE), { recursive: true });
const tmp = `${DEFAULT_GAZETTEER_FILE}.${process.pid}.tmp`;
writeFileSync(tmp, bytes);
renameSync(tmp, DEFAULT_GAZETTEER_FILE);
process.stderr.write(`gazetteer: compiled ${DEFAULT_GAZETTEER_FILE} (${(bytes.byteLength / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
