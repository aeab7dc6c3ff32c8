import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readInputs } from './read-inputs.js';
import { documentId } from './document-id.js';
import { textProblem } from './text-problem.js';
import type { IngestResult } from './ingest-result.js';

test('textProblem: NUL and lone surrogates; pairs and ordinary text pass', () => {
  assert.equal(textProblem('Our sentence, with an emoji \ud83d\ude00.'), null);
  assert.equal(textProblem('a\u0000b')?.code, 'input.binary');
  assert.equal(textProblem('a\ud800b')?.code, 'input.invalid-encoding');
  assert.equal(textProblem('a\udc00')?.code, 'input.invalid-encoding');
  assert.equal(textProblem('\ud800')?.code, 'input.invalid-encoding');
});

test('JSON Lines: an escaped lone surrogate or NUL fails its record; the stored text always hashes to its id (issue 19)', async () => {
  const lines = [
    '{"text": "Our first report, plain."}',
    '{"text": "Our second report \\ud800 with half a pair."}',
    '{"text": "Our third report \\u0000 with a NUL."}',
    '{"text": "Our fourth report \\ud83d\\ude00 with a whole pair."}',
  ].join('\n');
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-text-'));
  const file = path.join(dir, 'feed.jsonl');
  writeFileSync(file, lines);
  const results: IngestResult[] = [];
  // Through readInputs, as every run reads: the check is after every reader.
  try {
    for await (const r of readInputs([file])) results.push(r);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const summary = results.map((r) => (r.ok ? 'ok' : r.code));
  assert.deepEqual(summary, ['ok', 'input.invalid-encoding', 'input.binary', 'ok']);
  for (const r of results) if (r.ok) assert.equal(r.doc.id, documentId(Buffer.from(r.doc.text, 'utf8').toString('utf8')));
});

test('JSON Lines: an empty file, or one of blank lines, is reported, not passed over in silence (issue 19)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-empty-'));
  try {
    for (const [name, content] of [['empty.jsonl', ''], ['blank.jsonl', '\n  \n\r\n'], ['bom.jsonl', '\ufeff\n']] as const) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      const results: IngestResult[] = [];
      for await (const r of readInputs([file])) results.push(r);
      assert.deepEqual(results.map((r) => (r.ok ? 'ok' : r.code)), ['input.empty'], name);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('metadata dates: a day its month does not have is refused (2025-02-30 was taken as 2 March)', async () => {
  const { isoDateOrDateTime } = await import('./metadata.js');
  for (const bad of ['2025-02-30', '2025-02-29', '2024-04-31', '2025-13-01', '2025-00-10', '2025-02-30T10:00:00Z']) assert.equal(isoDateOrDateTime.safeParse(bad).success, false, bad);
  for (const good of ['2024-02-29', '2025-12-31', '2025-11-06T08:30:00Z', '2025-11-06 08:30']) assert.equal(isoDateOrDateTime.safeParse(good).success, true, good);
});

test('directories: a link to a file is read, a link to a directory or to nothing is named, not passed over (issue 19)', async () => {
  const { mkdirSync, symlinkSync } = await import('node:fs');
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-links-'));
  try {
    const inside = path.join(dir, 'in');
    mkdirSync(inside);
    writeFileSync(path.join(dir, 'real.txt'), 'Officials said on Monday that the bridge near Kharkiv had reopened.');
    symlinkSync(path.join(dir, 'real.txt'), path.join(inside, 'a-link.txt'));
    symlinkSync(dir, path.join(inside, 'b-up'));
    symlinkSync(path.join(dir, 'missing.txt'), path.join(inside, 'c-broken.txt'));
    const results: IngestResult[] = [];
    for await (const r of readInputs([inside])) results.push(r);
    assert.deepEqual(results.map((r) => (r.ok ? `ok ${path.basename(r.doc.meta.source ?? '')}` : `${r.code} ${path.basename(r.source)}`)),
      ['ok a-link.txt', 'input.unsupported-format b-up', 'input.not-found c-broken.txt']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
