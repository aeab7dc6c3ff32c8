// A throw-away PostgreSQL cluster for the tests: Debian's `postgresql` (installed
// with apt when absent and CI=true or we are root), initdb in a temporary folder
// as an unprivileged user, listening only on a unix socket inside that folder
// (no port to collide with), removed by stop(). Synchronous, so it can also be
// stopped from a process 'exit' handler.
//
// Run directly to try it: `node scripts/pg-test-cluster.mjs` starts one, prints its
// URL, and removes it on Ctrl-C.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PORT = 5432;

/** The bin folder of the newest PostgreSQL installed the Debian way, or null. */
export function findPostgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(root, versions[0], 'bin') : null;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Installs Debian's postgresql with apt; returns why not when it cannot. */
function installPostgres() {
  if (!isRoot()) return 'not root, so apt-get cannot install it';
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'ignore', env });
  if (update.error || update.status !== 0) return 'apt-get update failed';
  const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { stdio: 'ignore', env });
  if (install.error || install.status !== 0) return 'apt-get install postgresql failed';
  return null;
}

/**
 * Starts a cluster. Returns { url(dbName), adminUrl, stop() }, or { skip: reason }
 * when PostgreSQL cannot be had here; with CI=true that is an error instead.
 */
export function startTestCluster() {
  const ci = process.env.CI === 'true';
  let bin = findPostgresBin();
  let why = 'PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb)';
  if (!bin && (ci || isRoot())) {
    const failed = installPostgres();
    bin = findPostgresBin();
    if (failed) why += `; ${failed}`;
  }
  if (!bin) {
    if (ci) throw new Error(`PostgreSQL tests cannot run: ${why}. CI must run them: install Debian's postgresql package.`);
    return { skip: `${why}; the PostgreSQL backend is not tested (install postgresql, or set COUNTERCLAIM_TEST_POSTGRES to a server URL)` };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'ccpg-'));
  // initdb refuses to run as root: the cluster belongs to `postgres` (or `nobody`).
  let runAs = [];
  if (isRoot()) {
    const user = spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : 'nobody';
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    runAs = ['runuser', '-u', user, '--'];
  }
  const run = (cmd, args) => {
    const full = [...runAs, path.join(bin, cmd), ...args];
    const result = spawnSync(full[0], full.slice(1), { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) {
      const log = existsSync(path.join(dir, 'log')) ? readFileSync(path.join(dir, 'log'), 'utf8').slice(-2000) : '';
      throw new Error(`${cmd} failed (${result.status}): ${result.stderr || result.error}\n${log}`);
    }
  };
  const data = path.join(dir, 'data');
  const stop = () => {
    spawnSync(runAs[0] ?? path.join(bin, 'pg_ctl'), [...runAs.slice(1), ...(runAs.length ? [path.join(bin, 'pg_ctl')] : []), '-D', data, '-m', 'immediate', '-w', 'stop'], { stdio: 'ignore', cwd: dir });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // C.UTF-8: the text search parser needs a UTF-8 ctype to see Cyrillic letters as letters.
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    // Durability is not what these tests measure: fsync off keeps the 2-core machine free.
    const options = `-c listen_addresses='' -k ${dir} -p ${PORT} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', options, '-w', '-t', '60', 'start']);
  } catch (error) {
    stop();
    throw error;
  }
  const url = (db) => `postgresql://postgres@${encodeURIComponent(dir)}:${PORT}/${db}`;
  return { url, adminUrl: url('postgres'), dir, stop };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cluster = startTestCluster();
  if ('skip' in cluster) {
    console.error(cluster.skip);
    process.exit(1);
  }
  console.log(cluster.adminUrl);
  const bye = () => {
    cluster.stop();
    process.exit(0);
  };
  process.on('SIGINT', bye);
  process.on('SIGTERM', bye);
  setInterval(() => undefined, 1 << 30);
}
