/**
 * Two ingests at once into one database (issue 19): with SQLite, two runs of
 * the same file linked documents into near-duplicate cycles and left a ledger
 * that differed from a clean run's; with PostgreSQL, each run's summary claimed
 * every document. Our own sentences.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runIngest, type IngestCounts } from './ingest-run.js';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { createTestDatabase, testPostgres } from '../testing/postgres-test-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-concurrent-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const PLACES = ['Kupiansk', 'Pokrovsk', 'Bakhmut', 'Avdiivka', 'Vovchansk', 'Lyman', 'Siversk', 'Kurakhove'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** Reports, every third one followed by a near-duplicate of it (a republished copy with a line added). */
function feed(count: number): string[] {
  const lines: string[] = [];
  for (let i = 0; lines.length < count; i++) {
    const place = PLACES[i % PLACES.length]!;
    const other = PLACES[(i * 3 + 1) % PLACES.length]!;
    const day = DAYS[i % DAYS.length]!;
    const side = i % 2 === 0 ? 'Russia\'s defence ministry said on' : 'Ukraine\'s General Staff said on';
    const text = `${side} ${day} that its forces had taken control of ${place} after ${i + 2} days of fighting. `
      + `The other side denied that ${place} had fallen and said its troops still held the town. `
      + `Officials reported ${10 + i} attacks near ${other} and said ${i + 3} drones had been shot down overnight. `
      + `Report number ${i} on the fighting in the east, filed from the regional capital.`;
    const published = `2025-03-${String(1 + (i % 28)).padStart(2, '0')}`;
    lines.push(JSON.stringify({ text, published, outlet: `Outlet ${i % 4}` }));
    if (i % 3 === 0) lines.push(JSON.stringify({ text: `${text} Republished with permission.`, published, outlet: 'Aggregator' }));
  }
  return lines.slice(0, count);
}

function cli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args], {
    cwd: root, env: { ...process.env, COUNTERCLAIM_DB: '' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
  child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const summary = (out: { stdout: string }) => JSON.parse(out.stdout) as IngestCounts;

test('SQLite: two ingest processes of one file into one database leave the clean run\'s ledger', { timeout: 600_000 }, async () => {
  const file = path.join(dir, 'feed.jsonl');
  const lines = feed(60);
  writeFileSync(file, `${lines.join('\n')}\n`);
  const clean = path.join(dir, 'clean.db');
  const shared = path.join(dir, 'shared.db');
  const cleanRun = summary(await cli(['ingest', file, '--db', clean, '--jobs', '1', '--json', '--quiet']));
  assert.equal(cleanRun.ingested, lines.length);
  assert.ok(cleanRun.nearDuplicates >= 15, `the feed has near-duplicates (${cleanRun.nearDuplicates})`);

  const [a, b] = await Promise.all([0, 1].map(() => cli(['ingest', file, '--db', shared, '--jobs', '1', '--json', '--quiet'])));
  assert.equal(a!.code, 0, a!.stderr);
  assert.equal(b!.code, 0, b!.stderr);
  const [sa, sb] = [summary(a!), summary(b!)];
  assert.equal(sa.ingested + sb.ingested, lines.length, `each document stored by one run (${sa.ingested} + ${sb.ingested})`);
  assert.equal(sa.nearDuplicates + sb.nearDuplicates, cleanRun.nearDuplicates);

  const exported = async (db: string) => {
    const out = await cli(['export', '--format', 'json', '--db', db]);
    assert.equal(out.code, 0, out.stderr);
    return JSON.parse(out.stdout) as unknown;
  };
  assert.deepEqual(await exported(shared), await exported(clean), 'the ledger is the clean run\'s');
  assert.match(a!.stderr + b!.stderr, /another ingest is writing to .*shared\.db; waiting for it to finish/);
});

const postgres = testPostgres();

test('PostgreSQL: two concurrent ingests of one file each report only what they stored', { skip: postgres.skip ?? false, timeout: 600_000 }, async () => {
  const adminUrl = 'adminUrl' in postgres ? postgres.adminUrl : '';
  const db = await createTestDatabase(adminUrl);
  const file = path.join(dir, 'pg-feed.jsonl');
  const lines = feed(60);
  writeFileSync(file, `${lines.join('\n')}\n`);
  const stores = await Promise.all([openPostgresStore(db.url), openPostgresStore(db.url)]);
  try {
    const runs = await Promise.all(stores.map((store) => runIngest([file], { store, jobs: 0, window: 16 })));
    const [a, b] = runs as [IngestCounts, IngestCounts];
    assert.equal(await stores[0]!.countDocuments(), lines.length);
    assert.equal(a.failed + b.failed, 0);
    assert.equal(a.ingested + b.ingested, lines.length, `each document counted by the run that stored it (${a.ingested} + ${b.ingested})`);
    for (const run of runs) assert.equal(run.ingested + run.skipped, lines.length, 'every document either stored or skipped');
  } finally {
    await Promise.all(stores.map((s) => s.close()));
    await db.drop();
  }
});
