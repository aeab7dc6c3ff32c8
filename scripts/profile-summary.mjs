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
const self = new Map();
// time deltas are per sample; a sample's time goes to the node it hit
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  const node = byId.get(id);
  const f = node.callFrame;
  const where = f.url ? `${path.basename(f.url.replace(/^file:\/\//, ''))}:${f.lineNumber + 1}` : '';
  const key = `${f.functionName || '(anonymous)'}${where ? ` (${where})` : ''}`;
  self.set(key, (self.get(key) ?? 0) + dt);
  total += dt;
});
const idle = self.get('(idle)') ?? 0;
const busy = total - idle - (self.get('(program)') ?? 0) * 0;
const rows = [...self].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, Number(nText));
process.stdout.write(`| # | function (file:line) | self ms | share |\n|---:|---|---:|---:|\n`);
rows.forEach(([k, us], i) => process.stdout.write(`| ${i + 1} | ${k.replace(/\|/g, '\\|')} | ${(us / 1000).toFixed(0)} | ${((100 * us) / busy).toFixed(1)} % |\n`));
process.stdout.write(`\nsampled ${(busy / 1e6).toFixed(2)} s (idle left out)\n`);
