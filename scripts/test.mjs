#!/usr/bin/env node
// Runs every test beside the code (src/**/*.test.ts) with Node's own test runner,
// which prints its pass/fail counts at the end. Extra arguments are passed on
// (e.g. `npm test -- --test-name-pattern=time`); file arguments narrow the run.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { startTestCluster } from './pg-test-cluster.mjs';

function findTests(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) findTests(full, out);
    else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const args = process.argv.slice(2);
const fileArgs = args.filter((a) => a.endsWith('.test.ts'));
const flags = args.filter((a) => !a.endsWith('.test.ts'));
const files = fileArgs.length > 0 ? fileArgs : findTests('src');
// One throw-away PostgreSQL cluster for the whole run (the store contract suite and
// the queue tests create a database each on it); without one those tests skip
// with the reason, except under CI=true where startTestCluster throws.
const needsPostgres = files.some((f) => /src[\\/](store|queue)[\\/]/.test(f));
const cluster = process.env.COUNTERCLAIM_TEST_POSTGRES || !needsPostgres ? null : startTestCluster();
if (cluster && 'skip' in cluster) console.error(`PostgreSQL tests will be skipped: ${cluster.skip}`);
const pgEnv = cluster && !('skip' in cluster) ? { COUNTERCLAIM_TEST_POSTGRES: cluster.adminUrl } : {};
let result;
try {
  result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...flags, ...files], {
    stdio: 'inherit',
    env: { ...process.env, TZ: 'UTC', ...pgEnv },
  });
} finally {
  if (cluster && !('skip' in cluster)) cluster.stop();
}
process.exit(result.status ?? 1);
