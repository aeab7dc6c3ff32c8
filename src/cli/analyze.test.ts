import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from './main.js';
import type { CliIo } from './io.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';

const EXAMPLE = path.resolve('example', 'pokrovsk.txt');

function captureIo(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => { out += t; }, err: (t) => { err += t; }, isTty: false, stdout: () => out, stderr: () => err };
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'counterclaim-cli-'));
}

test('analyze: the bundled example, as JSON, is byte-identical across runs and keeps the data contract', async () => {
  const first = captureIo();
  const second = captureIo();
  assert.equal(await main(['analyze', EXAMPLE, '--no-store', '--json'], first), 0);
  assert.equal(await main(['analyze', EXAMPLE, '--no-store', '--json'], second), 0);
  assert.equal(first.stdout(), second.stdout());
  const ledger = JSON.parse(first.stdout());
  assert.equal(ledger.version, 1);
  const [doc] = ledger.documents;
  assert.equal(doc.published, '2025-11-06', 'publication date comes from the sidecar .meta.json');
  assert.equal(doc.text, readFileSync(EXAMPLE, 'utf8'));
  for (const list of ['sentences', 'times', 'places', 'actors', 'attributions', 'quantities', 'events', 'claims']) {
    for (const item of doc[list]) {
      assert.equal(item.text, doc.text.slice(item.span[0], item.span[1]), `${list} ${item.id}: text matches its span`);
      assert.ok(item.origin?.stage && item.origin?.rule, `${list} ${item.id}: has an origin`);
    }
  }
  assert.ok(doc.sentences.length >= 13);
});

test('analyze: --published overrides the sidecar; a bad date is a usage error (exit 2)', async () => {
  const io = captureIo();
  assert.equal(await main(['analyze', EXAMPLE, '--no-store', '--json', '--published', '2025-11-07', '--outlet', 'Test Outlet'], io), 0);
  const doc = JSON.parse(io.stdout()).documents[0];
  assert.equal(doc.published, '2025-11-07');
  assert.equal(doc.outlet, 'Test Outlet');
  const bad = captureIo();
  assert.equal(await main(['analyze', EXAMPLE, '--no-store', '--published', 'yesterday'], bad), 2);
  assert.match(bad.stderr(), /--published "yesterday"/);
});

test('analyze: usage errors exit 2', async () => {
  const io = captureIo();
  assert.equal(await main(['analyze'], io), 2);
  assert.equal(await main(['analyze', EXAMPLE, '--no-such-flag'], io), 2);
  assert.equal(await main(['no-such-command'], io), 2);
});

test('analyze: a directory with good and bad files: each bad one named, the rest stored, exit 1', async () => {
  const dir = tempDir();
  const inputs = path.join(dir, 'in');
  mkdirSync(inputs);
  writeFileSync(path.join(inputs, 'a-good.txt'), 'Kyiv said on Monday that it had repelled 40 attacks.\n');
  writeFileSync(path.join(inputs, 'b-empty.txt'), '   \n');
  writeFileSync(path.join(inputs, 'c-binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
  // Undeclared bytes that are windows-1251 upper case as much as KOI8-R lower case: refused, never guessed (decode.ts).
  writeFileSync(path.join(inputs, 'd-unknown-encoding.txt'), Buffer.from([0xc1, 0xc2, 0xe1, 0xe2, 0x20, 0xc3, 0xc4, 0xe3, 0xe4, 0x0a]));
  writeFileSync(path.join(inputs, 'e-good.md'), '# Heading\n\nMoscow **denied** the [report](https://example.org).\n');
  writeFileSync(path.join(inputs, 'f-bad-meta.txt'), 'Text with a broken sidecar.\n');
  writeFileSync(path.join(inputs, 'f-bad-meta.meta.json'), '{"published": "not a date"}');
  writeFileSync(path.join(inputs, 'g-huge.txt'), Buffer.alloc(50 * 1024 * 1024, 'war is peace. '));
  const db = path.join(dir, 'ledger.db');
  const io = captureIo();
  const code = await main(['analyze', inputs, path.join(dir, 'missing.txt'), '--db', db], io);
  assert.equal(code, 1);
  const err = io.stderr();
  assert.match(err, /b-empty\.txt: .*empty.*\[input\.empty\]/);
  assert.match(err, /c-binary\.txt: .*binary.*\[input\.binary\]/);
  assert.match(err, /d-unknown-encoding\.txt: .*not valid UTF-8.*declares no encoding.*\[input\.invalid-encoding\]/);
  assert.match(err, /f-bad-meta\.meta\.json: published: .*\[input\.bad-metadata\]/);
  assert.match(err, /missing\.txt: no such file or directory \[input\.not-found\]/);
  assert.match(err, /g-huge\.txt: .*50\.0 MB.*limit.*\[input\.too-large\]/);
  const store = openSqliteStore(db);
  try {
    assert.equal(await store.countDocuments(), 2);
    const docs = await store.listDocuments();
    assert.deepEqual(docs.map((d) => path.basename(d.source ?? '')), ['a-good.txt', 'e-good.md']);
    const md = await store.getDocument(docs[1]!.id);
    assert.equal(md?.text, 'Heading\n\nMoscow denied the report.\n', 'markdown is stored as its plain text');
  } finally {
    await store.close();
  }
});

test('analyze: re-analysing the same document stores nothing new', async () => {
  const dir = tempDir();
  const db = path.join(dir, 'ledger.db');
  assert.equal(await main(['analyze', EXAMPLE, '--db', db], captureIo()), 0);
  const store = openSqliteStore(db);
  const before = await store.getDocument((await store.listDocuments())[0]!.id);
  await store.close();
  assert.equal(await main(['analyze', EXAMPLE, '--db', db], captureIo()), 0);
  const again = openSqliteStore(db);
  try {
    assert.equal(await again.countDocuments(), 1);
    assert.deepEqual(await again.getDocument(before!.id), before);
  } finally {
    await again.close();
  }
});
