import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from './main.js';
import type { CliIo } from './io.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';

function captureIo(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => { out += t; }, err: (t) => { err += t; }, isTty: false, stdout: () => out, stderr: () => err };
}

const seed = readFileSync(path.resolve('example', 'pokrovsk.txt'), 'utf8');

/** A batch in every format, with broken records among good ones. */
function writeBatch(dir: string): string {
  const inputs = path.join(dir, 'inputs');
  mkdirSync(inputs);
  const lines = [
    JSON.stringify({ text: 'Ukraine’s General Staff said on Monday that its forces had repelled 40 attacks near Kupiansk.', outlet: 'Wire A', published: '2025-11-10' }),
    '{"text": "a broken line',
    JSON.stringify({ title: 'no text field' }),
    JSON.stringify({ text: seed, outlet: 'Republisher', published: '2025-11-06' }),
  ];
  writeFileSync(path.join(inputs, 'feed.jsonl'), `${lines.join('\n')}\n`);
  writeFileSync(path.join(inputs, 'result.json'), JSON.stringify({
    name: 'Test Channel', type: 'public_channel', id: 42,
    messages: [
      { id: 1, type: 'service', date: '2025-11-05T10:00:00', action: 'create_channel' },
      { id: 2, type: 'message', date: '2025-11-05T11:00:00', date_unixtime: '1762340400', text: ['Russian forces ', { type: 'bold', text: 'captured' }, ' the village of Udachne, the ministry said.'] },
    ],
  }));
  writeFileSync(path.join(inputs, 'page.html'), `<!doctype html><html><head><title>Kyiv denies encirclement</title>
    <meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2025-11-07T09:00:00Z"></head>
    <body><nav>Home | World</nav><article><h1>Kyiv denies encirclement</h1>
    <p>Ukraine’s commander-in-chief denied on Thursday that troops in Pokrovsk had been encircled, saying supply lines remained open despite heavy Russian pressure.</p>
    <p>The Russian Defence Ministry said the city was surrounded and called on the garrison to surrender, a claim Kyiv rejected as propaganda.</p></article>
    <footer>Subscribe to our newsletter</footer></body></html>`);
  writeFileSync(path.join(inputs, 'empty.txt'), '');
  return inputs;
}

test('ingest: every format in one batch; bad records named with their line; the rest stored; search finds them; a re-run is a no-op', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-ingest-'));
  const inputs = writeBatch(dir);
  const db = path.join(dir, 'ledger.db');
  const io = captureIo();
  const code = await main(['ingest', inputs, '--db', db, '--jobs', '0'], io);
  const err = io.stderr();
  assert.equal(code, 1, err);
  assert.match(err, /feed\.jsonl:2\b/, 'the broken JSON line is named by its line number');
  assert.match(err, /feed\.jsonl:3\b/, 'the line without text is named by its line number');
  assert.match(err, /empty\.txt/);

  const store = openSqliteStore(db);
  try {
    const docs = await store.listDocuments({ limit: 100 });
    assert.equal(docs.length, 4, JSON.stringify(docs, null, 1));
    const byOutlet = Object.fromEntries(docs.map((d) => [d.outlet, d]));
    assert.equal(byOutlet['Test Channel']?.published?.slice(0, 10), '2025-11-05');
    assert.equal(byOutlet['Example News']?.title, 'Kyiv denies encirclement');
    assert.equal(byOutlet['Example News']?.published?.slice(0, 10), '2025-11-07');
    const telegram = await store.getDocument(byOutlet['Test Channel']!.id);
    assert.equal(telegram?.text, 'Russian forces captured the village of Udachne, the ministry said.');
    const html = await store.getDocument(byOutlet['Example News']!.id);
    assert.doesNotMatch(html!.text, /newsletter|Home \| World/, 'boilerplate is dropped');
    assert.ok(html!.attributions.length > 0 || html!.times.length > 0, 'the page was analysed');
  } finally {
    await store.close();
  }

  const search = captureIo();
  assert.equal(await main(['search', 'encircled', '--db', db, '--json'], search), 0);
  const hits = JSON.parse(search.stdout());
  assert.ok(Array.isArray(hits) ? hits.length > 0 : hits.results?.length > 0, search.stdout());

  const again = captureIo();
  assert.equal(await main(['ingest', inputs, '--db', db, '--jobs', '0'], again), 1, 'the failures are reported again');
  assert.match(again.stderr(), /feed\.jsonl:2\b/, 'a source with a failed record is read again, not skipped as read');
  const reopened = openSqliteStore(db);
  try {
    assert.equal(await reopened.countDocuments(), 4, 'nothing is stored twice');
  } finally {
    await reopened.close();
  }
});

test('ingest: a lightly edited wire copy is stored and linked to the first copy', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-dup-'));
  const db = path.join(dir, 'ledger.db');
  const copy = seed.replace('Russia’s Defence Ministry called on', 'The Russian Defence Ministry on Wednesday called on') + '\nThis report was updated.';
  const file = path.join(dir, 'wire.jsonl');
  writeFileSync(file, `${JSON.stringify({ text: seed, outlet: 'Original' })}\n${JSON.stringify({ text: copy, outlet: 'Copy' })}\n`);
  assert.equal(await main(['ingest', file, '--db', db, '--jobs', '0', '--quiet'], captureIo()), 0);
  const store = openSqliteStore(db);
  try {
    const docs = await store.listDocuments();
    const original = docs.find((d) => d.outlet === 'Original')!;
    const copied = await store.getDocument(docs.find((d) => d.outlet === 'Copy')!.id);
    assert.equal(copied?.duplicateOf?.id, original.id);
    assert.ok(copied!.duplicateOf!.similarity > 0.8);
  } finally {
    await store.close();
  }
});

test('search: a malformed query is a usage error, not a crash', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-search-'));
  const io = captureIo();
  assert.equal(await main(['search', '"unbalanced', '--db', path.join(dir, 'x.db')], io), 2);
});
