/**
 * The CLI's `timeline` and `contradictions` read the ledger as reviewed, as the server does
 * (issue 18: "the ledger uses reviewed decisions over automatic ones and keeps both"), and
 * `--automatic` still shows the reading without the reviews.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { main } from './main.js';
import type { CliIo } from './io.js';
import { openStore } from '../store/open-store.js';

function captureIo(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => { out += t; }, err: (t) => { err += t; }, isTty: false, stdout: () => out, stderr: () => err };
}

let dir: string;
let db: string;
const run = async (...args: string[]) => {
  const io = captureIo();
  const code = await main([...args, '--db', db], io);
  return { code, out: io.stdout(), err: io.stderr() };
};

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'counterclaim-cli-reviewed-'));
  db = path.join(dir, 'r.db');
  // Two reports written for this test: one side claims a capture, the other denies it the next day.
  writeFileSync(path.join(dir, 'claim.txt'), 'Russia’s Defence Ministry said on Monday that Russian troops had captured Siversk.');
  writeFileSync(path.join(dir, 'denial.txt'), 'Ukraine’s General Staff on Tuesday denied that Russian troops had captured Siversk.');
  for (const [file, day] of [['claim.txt', '2025-12-01'], ['denial.txt', '2025-12-02']] as const) {
    const ingested = await run('ingest', path.join(dir, file), '--published', day, '--jobs', '0', '--quiet');
    assert.equal(ingested.code, 0, ingested.err);
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('timeline and contradictions show the reviewed reading; --automatic the one as read', async () => {
  const store = await openStore(db);
  let capture;
  try {
    capture = (await store.ledger.listClaims({ place: 'Siversk', predicate: 'captured' })).find((c) => c.claim.polarity === 'positive');
  } finally {
    await store.close();
  }
  assert.ok(capture, 'the pipeline reads the claim of capture');

  // As read: claimed captured (denied), and the capture and its denial contradict.
  const before = JSON.parse((await run('timeline', 'Siversk', '--json')).out) as { statuses: Array<{ state: string }>; automaticStatuses?: unknown; review: unknown };
  assert.equal(before.statuses.at(-1)!.state, 'claimed-captured');
  assert.equal(before.automaticStatuses, undefined);
  const readContradictions = JSON.parse((await run('contradictions', '--place', 'Siversk', '--json')).out) as unknown[];
  assert.equal(readContradictions.length, 1);

  const reviewed = await run('review', 'claim', capture.doc, capture.claim.id, '--reject', '--reason', 'Written for this test: the ministry said no such thing');
  assert.equal(reviewed.code, 0, reviewed.err);

  // With the capture claim rejected, nothing says the town was taken, and nothing contradicts.
  const after = JSON.parse((await run('timeline', 'Siversk', '--json')).out) as { statuses: Array<{ state: string }>; automaticStatuses: Array<{ state: string }> };
  assert.notEqual(after.statuses.at(-1)?.state, 'claimed-captured');
  assert.equal(after.automaticStatuses.at(-1)!.state, 'claimed-captured', 'the automatic reading is kept beside it');
  const text = await run('timeline', 'Siversk');
  assert.match(text.out, /as reviewed/);
  assert.match(text.out, /As read, before the reviews:\n {2}\d{4}-\d{2}-\d{2} {2}claimed-captured by RU/);
  assert.deepEqual(JSON.parse((await run('contradictions', '--place', 'Siversk', '--json')).out), []);
  assert.match((await run('contradictions', '--place', 'Siversk')).out, /^0 contradictions \(1 more undone by analysts' reviews; --automatic lists them\)/);

  // --automatic: the ledger as read, for both.
  const automatic = JSON.parse((await run('timeline', 'Siversk', '--json', '--automatic')).out) as { statuses: Array<{ state: string }>; automaticStatuses?: unknown };
  assert.equal(automatic.statuses.at(-1)!.state, 'claimed-captured');
  assert.equal(automatic.automaticStatuses, undefined);
  assert.equal((JSON.parse((await run('contradictions', '--place', 'Siversk', '--json', '--automatic')).out) as unknown[]).length, 1);

  // A confirmation replaces the rejection: the reading as read stands again.
  assert.equal((await run('review', 'claim', capture.doc, capture.claim.id, '--confirm', '--reason', 'Written for this test: checked again')).code, 0);
  assert.equal((JSON.parse((await run('timeline', 'Siversk', '--json')).out) as { statuses: Array<{ state: string }> }).statuses.at(-1)!.state, 'claimed-captured');
  const confirmed = JSON.parse((await run('contradictions', '--place', 'Siversk', '--json')).out) as unknown[];
  assert.equal(confirmed.length, 1);
});
