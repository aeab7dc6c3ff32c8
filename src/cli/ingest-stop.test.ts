/**
 * A run asked to stop stops (issue 19: SIGTERM waited for the document in
 * hand, which with an input that never ends was forever): a second SIGTERM
 * quits at once, the first one after a grace period, and what was stored
 * before stays stored.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-stop-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** `counterclaim ingest FEED.jsonl` reading from a named pipe the test keeps open: the input never ends. */
function ingestFromOpenPipe(db: string, graceMs: number) {
  const feed = `${db}.jsonl`;
  if (spawnSync('mkfifo', [feed]).status !== 0) throw new Error('mkfifo is needed for this test');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'ingest', feed, '--db', db, '--jobs', '1'], {
    cwd: root, env: { ...process.env, COUNTERCLAIM_DB: '', COUNTERCLAIM_STOP_GRACE_MS: String(graceMs) }, stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  child.stdout.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((resolve) => {
    let signalledAt = 0;
    child.on('close', (code, signal) => resolve({ code, signal, ms: performance.now() - signalledAt }));
    child.on('spawn', () => undefined);
    (child as unknown as { markSignal: () => void }).markSignal = () => { signalledAt = performance.now(); };
  });
  const signal = (): void => {
    (child as unknown as { markSignal: () => void }).markSignal();
    child.kill('SIGTERM');
  };
  const writer = fs.open(feed, 'w'); // completes once the run opens the pipe
  return { child, exited, signal, stderr: () => stderr, writer };
}

/** Feeds documents (more than the reader's first read takes) and waits until some are committed; their number. */
async function someStored(db: string, run: ReturnType<typeof ingestFromOpenPipe>): Promise<number> {
  const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ text: `Officials said on Monday that bridge number ${i + 1} near Kharkiv had reopened.`, published: '2025-01-06' }));
  await (await run.writer).write(`${lines.join('\n')}\n`);
  for (let i = 0; i < 2400; i++) {
    const n = stored(db);
    if (n > 0) return n;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing was stored: ${run.stderr()}`);
}

/** Documents committed so far, read without taking a lock the run might want. */
function stored(db: string): number {
  try {
    const sqlite = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (sqlite.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      sqlite.close();
    }
  } catch {
    return 0; // not created yet
  }
}

test('ingest: a second SIGTERM quits at once; what was stored is kept', { timeout: 300_000 }, async () => {
  const db = path.join(dir, 'twice.db');
  const run = ingestFromOpenPipe(db, 600_000);
  const before = await someStored(db, run);
  run.signal();
  await new Promise((r) => setTimeout(r, 300));
  run.child.kill('SIGTERM');
  const { signal } = await run.exited;
  assert.equal(signal, 'SIGKILL', `it killed itself, not waiting for the pipe: ${run.stderr()}`);
  assert.ok(stored(db) >= before, `what was committed before the signal is kept (${before} before, ${stored(db)} after)`);
  await (await run.writer).close().catch(() => undefined);
});

test('ingest: one SIGTERM quits after the grace period when the input never ends', { timeout: 300_000 }, async () => {
  const db = path.join(dir, 'once.db');
  const run = ingestFromOpenPipe(db, 1500);
  const before = await someStored(db, run);
  run.signal();
  const { signal } = await run.exited;
  assert.equal(signal, 'SIGKILL', `it killed itself, not waiting for the pipe: ${run.stderr()}`);
  assert.match(run.stderr(), /not stopped within 1\.5 s; quitting/);
  assert.ok(stored(db) >= before, `what was committed before the signal is kept (${before} before, ${stored(db)} after)`);
  await (await run.writer).close().catch(() => undefined);
});

test('ingest: a FIFO on the command line that nobody writes to does not hold the run past the grace period', { timeout: 300_000 }, async () => {
  const db = path.join(dir, 'unopened.db');
  const feed = path.join(dir, 'nobody-writes.jsonl');
  if (spawnSync('mkfifo', [feed]).status !== 0) throw new Error('mkfifo is needed for this test');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'ingest', feed, '--db', db, '--jobs', '0'], {
    cwd: root, env: { ...process.env, COUNTERCLAIM_DB: '', COUNTERCLAIM_STOP_GRACE_MS: '1500' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  child.stdout.resume();
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
  // The run opens the database before the input: once it exists, the run is past start-up; then wait until one of its
  // threads is blocked opening the pipe (Linux shows `wait_for_partner` as the thread's wait channel), so that a slow,
  // loaded machine does not send the signal while the run is still starting (it would then stop cleanly, no kill needed).
  for (let i = 0; i < 1200 && stored(db) === 0 && !existsSync(db); i++) await new Promise((r) => setTimeout(r, 100));
  for (let i = 0; i < 600 && !blockedOnFifo(child.pid!); i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 200));
  child.kill('SIGTERM');
  assert.equal(await exited, 'SIGKILL', `it killed itself, not waiting for the pipe: ${stderr}`);
  assert.match(stderr, /not stopped within 1\.5 s; quitting/);
  rmSync(feed, { force: true });
});

/** Whether a thread of the process waits in the kernel for a FIFO's writer (Linux /proc; false where it cannot be read). */
function blockedOnFifo(pid: number): boolean {
  try {
    return readdirSync(`/proc/${pid}/task`).some((t) => {
      try { return readFileSync(`/proc/${pid}/task/${t}/wchan`, 'utf8').includes('wait_for_partner'); } catch { return false; }
    });
  } catch { return false; }
}
