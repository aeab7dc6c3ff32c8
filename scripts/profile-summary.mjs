#!/usr/bin/env node
// `node scripts/profile-summary.mjs FILE.cpuprofile [N]`: the N (default 10) functions with the most
// self time in a V8 CPU profile (node --cpu-prof), with their share of the sampled time, and the
// share of garbage collection. For docs/eval.md's profile of the reading pipeline (issue 16).
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [file, nText = '10'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node scripts/profile-summary.mjs FILE.cpuprofile [N]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfTime = new Map();
// time deltas are per sample; a sample's time goes to the node it hit
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  const node = byId.get(id);
  const f = node.callFrame;
  const where = f.url ? `${path.basename(f.url.replace(/^file:\/\//, ''))}:${f.lineNumber + 1}` : '';
  const key = `${f.functionName || '(anonymous)'}${where ? ` (${where})` : ''}`;
  selfTime.set(key, (selfTime.get(key) ?? 0) + dt);
  total += dt;
});
const idle = selfTime.get('(idle)') ?? 0;
const busy = total - idle;
const rows = [...selfTime].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, Number(nText));
process.stdout.write(`| # | function (file:line) | self ms | share |\n|---:|---|---:|---:|\n`);
rows.forEach(([k, us], i) => process.stdout.write(`| ${i + 1} | ${k.replace(/\|/g, '\\|')} | ${(us / 1000).toFixed(0)} | ${((100 * us) / busy).toFixed(1)} % |\n`));
process.stdout.write(`\nsampled ${(busy / 1e6).toFixed(2)} s (idle left out)\n`);

// Self time by folder of the source (src/read/<stage>/, the gazetteer, node internals): which stage costs what.
const byFolder = new Map();
profile.samples.forEach((id, i) => {
  const f = byId.get(id).callFrame;
  if (f.functionName === '(idle)') return;
  const m = /\/(?:src|dist)\/((?:read\/)?[^/]+)\//.exec(f.url);
  const key = m ? m[1] : f.url ? (f.url.includes('node_modules') ? 'node_modules' : 'node internals') : f.functionName || '(native)';
  byFolder.set(key, (byFolder.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
process.stdout.write(`\n| folder | self ms | share |\n|---|---:|---:|\n`);
for (const [k, us] of [...byFolder].sort((a, b) => b[1] - a[1]).slice(0, 16)) process.stdout.write(`| ${k} | ${(us / 1000).toFixed(0)} | ${((100 * us) / busy).toFixed(1)} % |\n`);
