import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { main } from './main.js';
import type { CliIo } from './io.js';
import { analysedExample, temporaryStore } from '../server/testing/fixture.js';
import { openStore } from '../store/open-store.js';
import { ledgerClaimsOf } from '../ledger/index.js';
import type { LedgerDocument } from '../report/ledger-json.js';
import { readGold, scoreReviews } from '../eval/reviews.js';

function captureIo(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => { out += t; }, err: (t) => { err += t; }, isTty: false, stdout: () => out, stderr: () => err };
}

let db: string;
let dir: string;
let doc: LedgerDocument;
let dispose: () => Promise<void>;

before(async () => {
  doc = await analysedExample();
  const made = await temporaryStore([doc]);
  db = made.db;
  dir = path.dirname(db);
  dispose = made.dispose;
  // The CLI opens the database itself: close this handle so only the commands hold it.
  await made.store.close();
});
after(async () => dispose().catch(() => undefined));

test('users add prints a token once; list shows the user without it; remove revokes; bad input is a usage error', async () => {
  const io = captureIo();
  assert.equal(await main(['users', 'add', 'erin', '--role', 'analyst', '--db', db], io), 0);
  const token = /cc_[0-9a-f]{16}_[A-Za-z0-9_-]{43}/.exec(io.stdout())?.[0];
  assert.ok(token, io.stdout());
  const list = captureIo();
  assert.equal(await main(['users', 'list', '--json', '--db', db], list), 0);
  const { users } = JSON.parse(list.stdout()) as { users: Array<{ name: string; role: string; createdBy: string }> };
  assert.deepEqual(users.map((u) => [u.name, u.role]), [['erin', 'analyst']]);
  assert.match(users[0]!.createdBy, /^cli:/);
  assert.doesNotMatch(list.stdout(), new RegExp(token.slice(20)));
  for (const bad of [['users', 'add', 'erin', '--role', 'analyst'], ['users', 'add', 'x', '--role', 'boss'], ['users', 'add', 'Bad Name', '--role', 'reader'], ['users', 'remove', 'nobody']]) {
    const e = captureIo();
    assert.equal(await main([...bad, '--db', db], e), 2, bad.join(' '));
  }
  assert.equal(await main(['users', 'remove', 'erin', '--db', db], captureIo()), 0);
});

test('review from the CLI: stored and audited as the login; export --gold; npm run eval scores the pipeline against it', async () => {
  const claims = ledgerClaimsOf(doc);
  const ru = claims.find((c) => c.claim.side === 'RU')!;
  const other = claims.find((c) => c !== ru && c.claim.span.join() !== ru.claim.span.join())!;
  const third = claims.find((c) => c !== ru && c !== other && c.claim.span.join() !== ru.claim.span.join() && c.claim.span.join() !== other.claim.span.join())!;
  const run = async (...args: string[]) => {
    const io = captureIo();
    const code = await main([...args, '--db', db], io);
    return { code, out: io.stdout(), err: io.stderr() };
  };
  assert.equal((await run('review', 'claim', doc.id, ru.claim.id, '--correct', 'side=UA', '--reason', 'Written for this test')).code, 0);
  assert.equal((await run('review', 'claim', doc.id, other.claim.id, '--confirm', '--reason', 'Written for this test')).code, 0);
  assert.equal((await run('review', 'claim', doc.id, third.claim.id, '--reject', '--reason', 'Written for this test')).code, 0);
  // Mistakes are usage errors naming the problem, and store nothing.
  const noReason = await run('review', 'claim', doc.id, ru.claim.id, '--confirm');
  assert.equal(noReason.code, 2);
  assert.match(noReason.err, /needs a reason/);
  const unknown = await run('review', 'claim', doc.id, 'claim:0-1', '--confirm', '--reason', 'x');
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /no claim claim:0-1/);
  const list = await run('review', 'list', '--json');
  const { reviews } = JSON.parse(list.out) as { reviews: Array<{ decision: string; actor: string }> };
  assert.deepEqual(reviews.map((r) => r.decision), ['reject', 'confirm', 'correct']);
  assert.ok(reviews.every((r) => r.actor.startsWith('cli:')));

  const gold = path.join(dir, 'gold.jsonl');
  assert.equal((await run('review', 'export', '--gold', gold)).code, 0);
  assert.equal(readFileSync(gold, 'utf8').trim().split('\n').length, 3);
  const log: string[] = [];
  const scores = await scoreReviews(readGold(gold, (l) => log.push(l)), { misses: true, log: (l) => log.push(l) });
  // The pipeline reads both kept claims where it did; the corrected side is the one field it gets wrong; the rejected claim is still produced.
  assert.deepEqual(scores.reviewed, { claims: 2, found: 1, side: 0.5, stance: 1, proposition: 1, place: 1, time: 1, 'all-fields': 0.5, rejected: 1, 'rejected-gone': 0 });
  assert.ok(log.some((l) => /side RU \(analyst: UA\)/.test(l)), log.join('\n'));

  // The desk's audit trail holds all three, by the CLI's user.
  const store = await openStore(db);
  try {
    const { deskOf } = await import('../store/desk/open-desk.js');
    const trail = await deskOf(store)!.listAudit({ target: { kind: 'claim' } });
    assert.equal(trail.length, 3);
  } finally {
    await store.close();
  }
});

test('every CLI write is audited: ingest and analyze record one run each (who, sources, what they stored), --as names the writer, a run that stores nothing records nothing', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const os = await import('node:os');
  const { deskOf } = await import('../store/desk/open-desk.js');
  const inputs = mkdtempSync(path.join(os.tmpdir(), 'counterclaim-cli-audit-'));
  // Two short reports of our own.
  writeFileSync(path.join(inputs, 'a.txt'), 'Ukraine’s General Staff said on Monday that its forces repelled 40 attacks near Kupiansk.');
  writeFileSync(path.join(inputs, 'b.txt'), 'Russia’s Defence Ministry said on Monday that its troops advanced near Lyman.');
  writeFileSync(path.join(inputs, 'c.txt'), 'The regional governor said on Tuesday that shelling damaged a school in Kherson.');
  const run = async (...args: string[]) => {
    const io = captureIo();
    const code = await main([...args, '--db', db], io);
    return { code, out: io.stdout(), err: io.stderr() };
  };
  const trail = async () => {
    const store = await openStore(db);
    try {
      return (await deskOf(store)!.listAudit({ limit: 500 })).filter((r) => r.action.startsWith('cli.'));
    } finally {
      await store.close();
    }
  };
  const ingested = await run('ingest', path.join(inputs, 'a.txt'), path.join(inputs, 'b.txt'), '--published', '2025-11-10', '--jobs', '0', '--quiet');
  assert.equal(ingested.code, 0, ingested.err);
  let records = await trail();
  assert.equal(records.length, 1);
  const [first] = records;
  assert.equal(first!.action, 'cli.ingest');
  assert.match(first!.actor, /^cli:[^\s]+$/);
  const after = first!.after as { stored: number; documents: string[]; sources: string[]; counts: { ingested: number } };
  assert.equal(after.stored, 2);
  assert.equal(after.documents.length, 2);
  assert.ok(after.documents.every((id) => /^[0-9a-f]{64}$/.test(id)));
  assert.deepEqual(after.sources, [path.join(inputs, 'a.txt'), path.join(inputs, 'b.txt')]);
  assert.equal(after.counts.ingested, 2);

  // The same input again stores nothing: no write, no record.
  assert.equal((await run('ingest', path.join(inputs, 'a.txt'), '--jobs', '0', '--quiet')).code, 0);
  assert.equal((await trail()).length, 1);

  // --as names who the run is for; analyze --db stores and is audited too.
  assert.equal((await run('analyze', path.join(inputs, 'c.txt'), '--published', '2025-11-11', '--as', 'night-desk')).code, 0);
  records = await trail();
  assert.deepEqual(records.map((r) => [r.action, r.actor]).slice(1), [['cli.analyze', 'cli:night-desk']]);
  assert.equal((records[1]!.after as { stored: number }).stored, 1);

  // A bad --as is a usage error before anything is read or stored.
  const bad = await run('ingest', path.join(inputs, 'c.txt'), '--as', 'Not A Name');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--as "Not A Name" must be/);
  assert.equal((await trail()).length, 2);
});
