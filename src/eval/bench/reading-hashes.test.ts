import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPipeline } from '../../read/pipeline.js';
import { loadResources } from '../../read/load-resources.js';
import { READING_HASHES_FILE, compareHashes, computeHashes, describeDifferences, formatHashFile, hashCorpora, parseHashFile } from './reading-hashes.js';

const resources = await loadResources();
const pipeline = createPipeline(resources);

// The whole reading pipeline over the example, the PolNeAR texts and the warnews texts (those present):
// every document's ledger JSON must hash as the committed file says (issue 16: faster, output unchanged).
test('every document of the corpora present reads to the bytes the hash file pins', (t) => {
  const computed = computeHashes(pipeline, hashCorpora());
  for (const a of computed.absent) t.diagnostic(`${a.name} skipped: ${a.dir} is not on this machine`);
  const c = compareHashes(parseHashFile(readFileSync(READING_HASHES_FILE, 'utf8')), computed);
  assert.equal(describeDifferences(c), '');
  assert.ok(c.checked >= 1, 'at least the bundled example is checked');
});

test('a changed output, an unlisted document and a missing one are each named', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'reading-hashes-'));
  try {
    mkdirSync(path.join(dir, 'a'));
    writeFileSync(path.join(dir, 'a', 'one.txt'), 'The ministry said on Monday that two bridges were destroyed.\n');
    writeFileSync(path.join(dir, 'a', 'one.meta.json'), JSON.stringify({ published: '2024-03-05', language: 'en' }));
    writeFileSync(path.join(dir, 'two.txt'), 'Officials denied the report.\n');
    const corpora = [{ name: 'mine', dir, defaults: { published: '2024-03-01' } }, { name: 'gone', dir: path.join(dir, 'nowhere'), defaults: {} }];
    const first = computeHashes(pipeline, corpora);
    assert.deepEqual([...first.hashes.keys()], ['mine/a/one.txt', 'mine/two.txt']);
    assert.deepEqual(first.absent.map((a) => a.name), ['gone']);
    const file = parseHashFile(formatHashFile(new Map([...first.hashes, ['gone/x.txt', '0'.repeat(64)]])));
    assert.deepEqual(compareHashes(file, first), { checked: 2, changed: [], unlisted: [], missing: [], skipped: 1 });
    // the metadata beside a text is read: another publication date resolves "on Monday" to another day
    writeFileSync(path.join(dir, 'a', 'one.meta.json'), JSON.stringify({ published: '2024-04-05', language: 'en' }));
    writeFileSync(path.join(dir, 'three.txt'), 'Shelling continued overnight.\n');
    rmSync(path.join(dir, 'two.txt'));
    const c = compareHashes(file, computeHashes(pipeline, corpora));
    assert.deepEqual(c, { checked: 0, changed: ['mine/a/one.txt'], unlisted: ['mine/three.txt'], missing: ['mine/two.txt'], skipped: 1 });
    assert.match(describeDifferences(c), /1 document\(s\) read differently: mine\/a\/one\.txt.*npm run hashes -- --write/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a malformed hash file line or bad metadata is an error naming the file and the problem', () => {
  assert.throws(() => parseHashFile('# comment\nabc  example/x.txt\n', 'h.txt'), /h\.txt:2: expected "<sha256 hex>  <corpus>\/<path>"/);
  assert.throws(() => parseHashFile(`${'a'.repeat(64)}  x/y.txt\n${'b'.repeat(64)}  x/y.txt\n`, 'h.txt'), /h\.txt:2: x\/y\.txt is listed twice/);
  const dir = mkdtempSync(path.join(tmpdir(), 'reading-hashes-'));
  try {
    writeFileSync(path.join(dir, 'one.txt'), 'Nothing happened.\n');
    writeFileSync(path.join(dir, 'one.meta.json'), '{"published": 2024}');
    assert.throws(() => computeHashes(pipeline, [{ name: 'm', dir, defaults: {} }]), /one\.meta\.json: "published" must be a string or null, not 2024/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
