/**
 * Bad inputs for `counterclaim ingest` (docs/ingest.md, "Limits and safety"):
 * each is refused with a message naming the input and the problem, and the
 * rest of the batch goes on. Zip bombs, UTF-16, standard input, directories
 * and globs, and over-long JSON Lines lines.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';
import { expandInputs, readInputs, type ReadInputsOptions } from './read-inputs.js';
import type { IngestResult } from './ingest-result.js';
import { jsonlReader } from './readers/jsonl-reader.js';
import { MAX_ZIP_ENTRIES } from './readers/zip-reader.js';
import type { Input } from './readers/reader.js';

const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-bad-inputs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, content);
  return p;
}
async function all(args: string[], options: ReadInputsOptions = {}): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for await (const r of readInputs(args, options)) out.push(r);
  return out;
}
const docs = (results: IngestResult[]) => results.flatMap((r) => (r.ok ? [r.doc] : []));
const failures = (results: IngestResult[]) => results.flatMap((r) => (r.ok ? [] : [r]));
const MB = 1024 * 1024;

const SAID = 'Ukraine’s General Staff said on Monday that its forces had repelled 40 attacks near Kupiansk.';
const DENIED = 'Kyiv denied that its troops in Pokrovsk had been encircled, the commander-in-chief said.';

// ---------------------------------------------------------------- JSON Lines: over-long lines

test('JSON Lines: a 256 MB line is skipped without being buffered (peak memory grows far less than the line)', async () => {
  // An input made on the fly from one reused 1 MB chunk: the line exists only as it streams past.
  const chunk = new Uint8Array(MB).fill(0x61);
  const lineMb = 256;
  const input: Input = {
    source: 'huge.jsonl', name: 'huge.jsonl', isFile: false,
    bytes: async () => ({ ok: false, code: 'input.unreadable', message: 'streamed only' }),
    async *chunks() {
      yield strToU8(`${JSON.stringify({ text: SAID })}\n{"text":"`);
      for (let i = 0; i < lineMb; i++) yield chunk;
      yield strToU8(`"}\n${JSON.stringify({ text: DENIED })}\n`);
    },
  };
  const before = process.memoryUsage().rss;
  const results: IngestResult[] = [];
  for await (const r of jsonlReader.read(input, { maxBytes: 20 * MB, maxLineBytes: MB })) results.push(r);
  const peakGrowth = process.resourceUsage().maxRSS * 1024 - before;
  assert.deepEqual(docs(results).map((d) => [d.meta.source, d.text]), [['huge.jsonl:1', SAID], ['huge.jsonl:3', DENIED]]);
  const [skipped, ...rest] = failures(results);
  assert.equal(rest.length, 0);
  assert.equal(skipped!.source, 'huge.jsonl:2');
  assert.equal(skipped!.line, 2);
  assert.equal(skipped!.code, 'input.too-large');
  assert.match(skipped!.message, /^line 2 is 256\.0 MB, over the limit of 1\.0 MB for one line; it was skipped$/);
  assert.ok(peakGrowth < 96 * MB, `peak RSS grew by ${(peakGrowth / MB).toFixed(0)} MB while a ${lineMb} MB line streamed past`);
});

test('JSON Lines: lines of 40 MB (followed by a newline) and 20 MB (the last, without one) are skipped with their numbers; the others are ingested', async () => {
  const p = path.join(dir, 'long-lines.jsonl');
  const fd = openSync(p, 'w');
  const filler = Buffer.alloc(MB, 'x');
  const writeLine = (mb: number, newline: boolean): void => {
    writeSync(fd, '{"text":"');
    for (let i = 0; i < mb; i++) writeSync(fd, filler);
    writeSync(fd, newline ? '"}\n' : '"}');
  };
  writeSync(fd, `${JSON.stringify({ text: SAID })}\n`);
  writeLine(40, true);
  writeSync(fd, `${JSON.stringify({ text: DENIED })}\n`);
  writeLine(20, false);
  closeSync(fd);
  const results = await all([p, file('after-long.txt', DENIED + ' Again.')]);
  assert.deepEqual(docs(results).map((d) => d.meta.source), [`${p}:1`, `${p}:3`, path.join(dir, 'after-long.txt')]);
  assert.deepEqual(failures(results).map((f) => [f.source, f.line, f.code]), [[`${p}:2`, 2, 'input.too-large'], [`${p}:4`, 4, 'input.too-large']]);
  assert.match(failures(results)[0]!.message, /^line 2 is 40\.0 MB, over the limit of 16\.0 MB for one line; it was skipped$/);
  assert.match(failures(results)[1]!.message, /^line 4 is 20\.0 MB, over the limit of 16\.0 MB/);
  rmSync(p);
});

// ---------------------------------------------------------------- UTF-16

const TEXT = 'Kyiv denied it. Київ заперечив оточення — «це неправда».\r\nThe ministry said 100 attacks were repelled.';
const utf16le = (s: string, bom = true): Buffer => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string): Buffer => {
  const b = Buffer.from(s, 'utf16le').swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), b]);
};

test('UTF-16 with a BOM, little- and big-endian, is decoded: text, HTML, JSON Lines and a Telegram export', async () => {
  const html = `<!doctype html><html lang="en"><head><title>Київ</title><meta property="og:site_name" content="Example News"></head><body><article><p>${DENIED} Київ заперечив.</p><p>${SAID}</p></article></body></html>`;
  const jsonl = `${JSON.stringify({ text: SAID, outlet: 'Укрінформ' })}\r\n${JSON.stringify({ text: DENIED })}\n`;
  const telegram = JSON.stringify({ name: 'Генштаб', type: 'public_channel', id: 1, messages: [{ id: 7, type: 'message', date: '2025-11-05T11:00:00', date_unixtime: '1762340400', text: 'Київ: the enemy attacked 40 times.' }] });
  const results = await all([
    file('utf16/le.txt', utf16le(TEXT)), file('utf16/be.txt', utf16be(TEXT)),
    file('utf16/le.html', utf16le(html)), file('utf16/be.html', utf16be(html)),
    file('utf16/le.jsonl', utf16le(jsonl)), file('utf16/be.jsonl', utf16be(jsonl)),
    file('utf16/le/result.json', utf16le(telegram)), file('utf16/be/result.json', utf16be(telegram)),
  ]);
  assert.deepEqual(failures(results), []);
  const rows = docs(results).map((d) => [path.relative(dir, d.meta.source!), d.text, d.meta.outlet ?? null, d.meta.title ?? null]);
  for (const bom of ['le', 'be']) {
    assert.deepEqual(rows.filter(([s]) => s!.startsWith(`utf16/${bom}`) && !s!.endsWith('.html')), [
      [`utf16/${bom}.txt`, TEXT.replace('\r\n', '\n'), null, null],
      [`utf16/${bom}.jsonl:1`, SAID, 'Укрінформ', null],
      [`utf16/${bom}.jsonl:2`, DENIED, null, null],
      [`utf16/${bom}/result.json#post-7`, 'Київ: the enemy attacked 40 times.', 'Генштаб', null],
    ]);
    const page = rows.find(([s]) => s === `utf16/${bom}.html`);
    assert.ok(page, `utf16/${bom}.html was read`);
    assert.deepEqual(page.slice(2), ['Example News', 'Київ'], 'the page metadata is read');
    assert.match(page[1]!, /Київ заперечив\.[\s\S]*repelled 40 attacks/, 'the page text is read');
    assert.doesNotMatch(page[1]!, /</, 'the markup is gone');
  }
});

test('UTF-16 refused with a clear reason: without a BOM (text and JSON Lines), or with a BOM but broken; the rest goes on', async () => {
  const lone = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Ки', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from('в is the capital.', 'utf16le')]);
  const odd = Buffer.concat([utf16be(TEXT), Buffer.from([0x41])]);
  const nobomJsonl = utf16le(`${JSON.stringify({ text: SAID })}\n${JSON.stringify({ text: DENIED })}\n`, false);
  const badJsonl = Buffer.concat([utf16le(`${JSON.stringify({ text: SAID })}\n`), Buffer.from([0x00, 0xdc]), Buffer.from('{"text":"x"}\n', 'utf16le')]);
  const good = file('utf16-bad/good.txt', DENIED);
  const results = await all([
    file('utf16-bad/nobom.txt', utf16le(TEXT, false)), file('utf16-bad/lone.txt', lone), file('utf16-bad/odd.txt', odd),
    file('utf16-bad/nobom.jsonl', nobomJsonl), file('utf16-bad/broken.jsonl', badJsonl), good,
  ]);
  const rel = (s: string): string => path.relative(dir, s);
  assert.deepEqual(failures(results).map((f) => [rel(f.source), f.code]), [
    ['utf16-bad/nobom.txt', 'input.invalid-encoding'],
    ['utf16-bad/lone.txt', 'input.invalid-encoding'],
    ['utf16-bad/odd.txt', 'input.invalid-encoding'],
    ['utf16-bad/nobom.jsonl', 'input.invalid-encoding'],
    ['utf16-bad/broken.jsonl', 'input.invalid-encoding'],
  ]);
  const [nobom, loneF, oddF, nobomLine] = failures(results);
  assert.match(nobom!.message, /looks like UTF-16 without a byte-order mark/);
  assert.match(loneF!.message, /byte-order mark but is not valid UTF-16LE \(at or after byte 6\)/);
  assert.match(oddF!.message, new RegExp(`not valid UTF-16BE \\(at or after byte ${odd.length - 1}\\)`));
  assert.match(nobomLine!.message, /^looks like UTF-16 without a byte-order mark, which is not guessed; JSON Lines must be UTF-8 .*Nothing was read$/);
  const damageAt = 2 + 2 * (JSON.stringify({ text: SAID }).length + 1);
  assert.equal(failures(results)[4]!.message, `starts with a UTF-16LE byte-order mark but is not valid UTF-16LE: a low surrogate without its high half at byte ${damageAt}; the lines before it were read`);
  // The broken JSON Lines file keeps the line before the damage; the good file is read.
  assert.deepEqual(docs(results).map((d) => [rel(d.meta.source!), d.text]), [['utf16-bad/broken.jsonl:1', SAID], ['utf16-bad/good.txt', DENIED]]);
});

test('UTF-16 on standard input is sniffed as what it is (HTML, JSON Lines), not stored as markup', async () => {
  const html = `<html><head><title>T</title></head><body><p>${DENIED}</p><p>${SAID}</p></body></html>`;
  const [page] = await all(['-'], { stdin: chunked(utf16be(html), 7) });
  assert.ok(page?.ok, JSON.stringify(page));
  assert.doesNotMatch(page.doc.text, /<p>|<html/);
  assert.match(page.doc.text, /Kyiv denied/);
  const lines = await all(['-'], { stdin: chunked(utf16le(`${JSON.stringify({ text: SAID })}\n${JSON.stringify({ text: DENIED })}\n`), 5) });
  assert.deepEqual(lines.map((r) => r.ok && [r.doc.meta.source, r.doc.text]), [['-:1', SAID], ['-:2', DENIED]]);
});

// ---------------------------------------------------------------- standard input, directories, globs

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

test('standard input: JSON Lines is recognised however the pipe splits it (byte by byte, a first line over 8 KB); `-` twice is an error', async () => {
  const small = strToU8(`${JSON.stringify({ text: SAID })}\n${JSON.stringify({ text: DENIED })}\n`);
  const bytewise = await all(['-'], { stdin: chunked(small, 1) });
  assert.deepEqual(bytewise.map((r) => r.ok && [r.doc.meta.source, r.doc.text]), [['-:1', SAID], ['-:2', DENIED]]);

  const long = `${SAID} `.repeat(200).trim(); // ~19 KB on one line
  const big = strToU8(`${JSON.stringify({ title: 'long', text: long })}\n${JSON.stringify({ text: DENIED })}\n`);
  const longFirst = await all(['-'], { stdin: chunked(big, 4096) });
  assert.deepEqual(longFirst.map((r) => r.ok && [r.doc.meta.source, r.doc.meta.title, r.doc.text.length]), [['-:1', 'long', long.length], ['-:2', null, DENIED.length]]);

  const twice = await all(['-', file('stdin-twice.txt', SAID), '-'], { stdin: chunked(strToU8(DENIED), 3) });
  assert.deepEqual(twice.map((r) => (r.ok ? r.doc.text : `${r.source}: ${r.code}: ${r.message}`)), [
    DENIED, SAID, '-: input.unreadable: standard input is named more than once; it can be read only once',
  ]);
});

test('directories are read recursively (known extensions, sorted, hidden and sidecars left out); globs expand, ** included', async () => {
  const root = path.join(dir, 'tree');
  const put = (name: string, content: string | Uint8Array): string => file(path.join('tree', name), content);
  put('b.txt', `B. ${SAID}`);
  put('b.meta.json', JSON.stringify({ outlet: 'Sidecar Outlet', published: '2025-11-06' }));
  put('a/deep/er/c.txt', `C. ${SAID}`);
  put('a/deep/d.md', `# D\n\n${DENIED}`);
  put('a/e.jsonl', `${JSON.stringify({ text: `E1. ${SAID}` })}\n${JSON.stringify({ text: `E2. ${SAID}` })}\n`);
  put('a/photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  put('.hidden/h.txt', `H. ${SAID}`);
  put('a/.git/x.txt', `X. ${SAID}`);

  const fromDir = await all([root]);
  assert.deepEqual(failures(fromDir), []);
  assert.deepEqual(docs(fromDir).map((d) => [path.relative(root, d.meta.source!), d.meta.outlet ?? null]), [
    ['a/deep/d.md', null], ['a/deep/er/c.txt', null], ['a/e.jsonl:1', null], ['a/e.jsonl:2', null], ['b.txt', 'Sidecar Outlet'],
  ]);

  const specs = async (arg: string): Promise<string[]> => {
    const out: string[] = [];
    for await (const s of expandInputs([arg])) out.push('ok' in s ? `! ${s.ok ? '' : s.message}` : s.kind === 'file' ? s.path.slice(root.length + 1) : s.kind);
    return out;
  };
  assert.deepEqual(await specs(`${root}/**/*.txt`), ['a/deep/er/c.txt', 'b.txt']);
  assert.deepEqual(await specs(`${root}/a/**`), ['a/deep/d.md', 'a/deep/er/c.txt', 'a/e.jsonl', 'a/photo.png']);
  assert.deepEqual(await specs(`${root}/*`), ['b.txt'], 'a sidecar is metadata, never an input');
  assert.deepEqual(await specs(`${root}/a/*/?.md`), ['a/deep/d.md']);
  const [dotted, ...none] = await specs(`${root}/a/../*.txt`);
  assert.deepEqual([dotted && path.normalize(dotted), none], ['b.txt', []], 'a path with .. matches as written');
  assert.deepEqual(await specs(`${root}/.hidden/*.txt`), ['.hidden/h.txt'], 'a hidden folder named in the glob is entered');
  assert.deepEqual(await specs(`${root}/**/*.pdf`), ['! matches no file']);

  // A glob's files are read like any other: the sidecar still applies, the image is named as binary.
  const fromGlob = await all([`${root}/**/*.txt`, `${root}/a/*.png`]);
  assert.deepEqual(docs(fromGlob).map((d) => [path.relative(root, d.meta.source!), d.meta.outlet ?? null]), [['a/deep/er/c.txt', null], ['b.txt', 'Sidecar Outlet']]);
  assert.deepEqual(failures(fromGlob).map((f) => [path.relative(root, f.source), f.code]), [['a/photo.png', 'input.binary']]);
});

// ---------------------------------------------------------------- zip archives

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface RawEntry {
  readonly name: string;
  /** The entry's bytes as they lie in the archive (already compressed for method 8). */
  readonly data: Uint8Array;
  readonly method: number;
  /** What the headers declare: true sizes unless a test lies. */
  readonly size: number;
  readonly crc: number;
}
const stored = (name: string, text: string): RawEntry => {
  const data = strToU8(text);
  return { name, data, method: 0, size: data.length, crc: crc32(data) };
};
const deflated = (name: string, content: Uint8Array): RawEntry => ({ name, data: deflateRawSync(content), method: 8, size: content.length, crc: crc32(content) });

/** A zip archive written by hand, so headers can declare what a test wants (and lie). */
function buildZip(entries: readonly RawEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    parts.push(local, name, Buffer.from(e.data));
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt16LE(0, 12);
    c.writeUInt16LE(0x21, 14);
    c.writeUInt32LE(e.crc, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

test('zip bomb by ratio (48 MB of zeros in a ~50 KB archive, sizes declared truthfully) is refused as a whole; the rest of the batch is ingested', async () => {
  const zeros = Buffer.alloc(48 * MB);
  const bomb = file('zip/ratio-bomb.zip', buildZip([stored('first.txt', SAID), deflated('zeros.txt', zeros), stored('last.txt', DENIED)]));
  assert.ok(zeros.length / statSync(bomb).size > 500, 'the archive really is a bomb');
  const good = file('zip/good.txt', `${DENIED} (a separate file)`);
  const results = await all([bomb, good]);
  assert.deepEqual(results.map((r) => (r.ok ? `ok ${r.doc.meta.source}` : `${r.source} ${r.code}`)), [`${bomb} input.too-large`, `ok ${good}`]);
  assert.match(failures(results)[0]!.message, /^inflates past 9\.\d MB \(more than 200× the archive's 4\d\.\d KB, or over 1 GB\): refused as a likely zip bomb$/);
});

test('zip bomb with lying headers (declares 15 bytes, inflates to 48 MB) is stopped while inflating, not trusted', async () => {
  const zeros = Buffer.alloc(48 * MB);
  const liar = { ...deflated('small.txt', zeros), size: 15, crc: 0 };
  const bomb = file('zip/liar.zip', buildZip([liar, stored('note.txt', SAID)]));
  const results = await all([bomb, file('zip/good2.txt', SAID)]);
  assert.deepEqual(results.map((r) => (r.ok ? 'ok' : `${path.basename(r.source)} ${r.code}`)), ['liar.zip input.too-large', 'ok']);
  assert.match(failures(results)[0]!.message, /refused as a likely zip bomb/);
});

test(`zip with more than ${MAX_ZIP_ENTRIES.toLocaleString('en-US')} entries is refused as a whole; the rest of the batch is ingested`, async () => {
  const many: Record<string, Uint8Array> = {};
  const text = strToU8('x');
  for (let i = 0; i <= MAX_ZIP_ENTRIES; i++) many[`n/${i}.txt`] = text;
  const bomb = file('zip/many.zip', zipSync(many, { level: 0 }));
  const results = await all([bomb, file('zip/good3.txt', DENIED)]);
  assert.deepEqual(results.map((r) => (r.ok ? 'ok' : `${path.basename(r.source)} ${r.code}`)), ['many.zip input.too-large', 'ok']);
  assert.equal(failures(results)[0]!.message, `has more than ${MAX_ZIP_ENTRIES.toLocaleString('en-US')} entries: refused as a likely zip bomb`);
});

test('zip: an entry over the size limit is named and refused; the other entries are read (and a large video, not read anyway, is not reported)', async () => {
  // Text that deflates ~10×: under the ratio limit, over a 1 MB document limit.
  const words = ['attack ', 'Pokrovsk ', 'ministry ', 'said '];
  let seed = 7;
  const long = Array.from({ length: 200_000 }, () => words[((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % 4]).join('');
  const zip = file('zip/entry-limit.zip', zipSync({ 'a.txt': strToU8(SAID), 'long.txt': strToU8(long), 'video.mp4': strToU8(long), 'z.txt': strToU8(DENIED) }));
  const results = await all([zip], { maxBytes: MB });
  assert.deepEqual(results.map((r) => (r.ok ? `ok ${r.doc.meta.source}` : `${r.source} ${r.code} ${r.message}`)), [
    `ok ${zip}#a.txt`,
    `${zip}#long.txt input.too-large inflates past the limit of 1.0 MB for one document`,
    `ok ${zip}#z.txt`,
  ]);
});

test('zip: not a zip, cut short, empty, nothing readable, an unknown method or damaged data: each named with its problem', async () => {
  const whole = zipSync({ 'a.txt': strToU8(SAID), 'b.txt': strToU8(DENIED) });
  const damaged = { ...deflated('broken.txt', strToU8(SAID)), data: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]) };
  const cases: Array<[string, Uint8Array]> = [
    ['not-zip.zip', strToU8('This is plain text with a .zip name.')],
    ['cut.zip', whole.subarray(0, whole.length - 40)],
    ['empty.zip', zipSync({})],
    ['images.zip', zipSync({ 'photos/1.jpg': new Uint8Array([0xff, 0xd8, 0xff, 1, 2]), 'inner.zip': zipSync({ 'x.txt': strToU8(SAID) }) })],
    ['methods.zip', buildZip([{ ...stored('bzip2.txt', SAID), method: 12 }, damaged, stored('fine.txt', DENIED)])],
  ];
  const results = await all(cases.map(([name, bytes]) => file(`zip-bad/${name}`, bytes)));
  const rel = (s: string): string => path.relative(path.join(dir, 'zip-bad'), s);
  assert.deepEqual(results.map((r) => (r.ok ? `ok ${rel(r.doc.meta.source!)}` : `${rel(r.source)} [${r.code}] ${r.message}`)), [
    'not-zip.zip [input.malformed] is not a zip archive (it does not start with a zip file header)',
    'cut.zip [input.malformed] is not a complete zip archive (no end-of-central-directory record): truncated?',
    'empty.zip [input.empty] is a zip archive with no files in it',
    'images.zip [input.unsupported-format] is a zip archive with no entry in a format counterclaim reads (2 entries: .jpg, .zip; nested archives are not opened)',
    'methods.zip#bzip2.txt [input.unsupported-format] is compressed with method 12, which is not supported (only stored and deflate)',
    'methods.zip#broken.txt [input.malformed] cannot be inflated: invalid block type',
    'ok methods.zip#fine.txt',
  ]);
});
