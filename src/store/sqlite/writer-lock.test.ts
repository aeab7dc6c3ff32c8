import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireWriterLock } from './writer-lock.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-writer-lock-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A process that takes the lock, says so, and waits to be killed. */
function holder(db: string) {
  const script = `import(${JSON.stringify(path.join(here, 'writer-lock.ts'))}).then(async (m) => { await m.acquireWriterLock(${JSON.stringify(db)}); process.stdout.write('held\\n'); setInterval(() => {}, 1000); });`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const held = new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => { if (d.includes('held')) resolve(); });
    child.once('exit', (code) => reject(new Error(`the holder exited (${code}) before taking the lock`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, held, exited };
}

test('one holder at a time; a waiter is told and may give up; a holder killed by SIGKILL leaves no stale lock', { timeout: 120_000 }, async () => {
  const db = path.join(dir, 'ledger.db');
  const other = holder(db);
  await other.held;
  let waits = 0;
  let polls = 0;
  const gaveUp = await acquireWriterLock(db, { onWait: () => { waits++; }, shouldStop: () => ++polls > 3, pollMs: 20 });
  assert.equal(gaveUp, null, 'held by the other process: waited, then gave up when asked to stop');
  assert.equal(waits, 1, 'told once that it waits');

  const waiting = acquireWriterLock(db, { pollMs: 20 });
  other.child.kill('SIGKILL');
  await other.exited;
  const lock = await waiting;
  assert.ok(lock, 'taken once the holder was killed');
  assert.equal(existsSync(`${lock.file}-journal`), false, 'no journal file beside the lock while it is held');
  // Released, it can be taken again at once, here or elsewhere.
  lock.release();
  const again = await acquireWriterLock(db, { shouldStop: () => true });
  assert.ok(again);
  again.release();
});
