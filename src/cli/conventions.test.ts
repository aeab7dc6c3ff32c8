import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check as checkGeoJson } from '@placemarkio/check-geojson';
import { COMMAND_SUMMARIES, exitQuietlyOnClosedPipe, main } from './main.js';
import { wantsEscapes, type CliIo } from './io.js';

function captureIo(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => { out += t; }, err: (t) => { err += t; }, isTty: false, stdout: () => out, stderr: () => err };
}

test('--version prints the package version; --help has one line per command saying what it does', async () => {
  const v = captureIo();
  assert.equal(await main(['--version'], v), 0);
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  assert.equal(v.stdout(), `counterclaim ${pkg.version}\n`);
  const h = captureIo();
  assert.equal(await main(['--help'], h), 0);
  const block = h.stdout().split('Commands:\n')[1]!.split('\n\n')[0]!.split('\n');
  assert.deepEqual(block.map((line) => line.trim().split(/\s+/)[0]), Object.keys(COMMAND_SUMMARIES), 'every command listed has a summary');
  for (const line of block) assert.match(line, /^  [a-z]+ +\S.{10,}$/, line);
  assert.match(h.stdout(), /--version/);
});

test('escapes only on a terminal that has not asked for none (NO_COLOR, TERM=dumb)', () => {
  assert.equal(wantsEscapes({ isTTY: true }, {}), true);
  assert.equal(wantsEscapes({ isTTY: true }, { NO_COLOR: '1' }), false);
  assert.equal(wantsEscapes({ isTTY: true }, { NO_COLOR: '' }), true, 'an empty NO_COLOR does not count (no-color.org)');
  assert.equal(wantsEscapes({ isTTY: true }, { TERM: 'dumb' }), false);
  assert.equal(wantsEscapes({ isTTY: false }, {}), false);
  assert.equal(wantsEscapes({}, {}), false);
});

test('a closed pipe (… | head) ends the program quietly with status 141, other errors still throw', () => {
  const stream = new EventEmitter() as unknown as NodeJS.WriteStream;
  const exits: number[] = [];
  exitQuietlyOnClosedPipe(stream, (code) => exits.push(code));
  stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
  assert.deepEqual(exits, [141]);
  assert.throws(() => stream.emit('error', Object.assign(new Error('disk full'), { code: 'ENOSPC' })), /disk full/);
  // And for real: a process writing far more than `head` reads.
  const script = `import { exitQuietlyOnClosedPipe } from ${JSON.stringify(path.resolve('src/cli/main.ts'))};
exitQuietlyOnClosedPipe();
const line = 'x'.repeat(1023) + '\\n';
let n = 0;
const write = () => { while (n++ < 20000) if (!process.stdout.write(line)) return process.stdout.once('drain', write); };
write();`;
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-epipe-'));
  writeFileSync(path.join(dir, 'writer.mts'), script);
  const r = spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(path.join(dir, 'writer.mts'))} | head -c 10 > /dev/null; echo "status=\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
  assert.doesNotMatch(r.stderr, /EPIPE|Error/, r.stderr);
  assert.match(r.stdout, /status=141/);
});

test('read commands refuse a database file that does not exist, and create none', async () => {
  const db = path.join(mkdtempSync(path.join(tmpdir(), 'counterclaim-nodb-')), 'typo.db');
  for (const argv of [['claims'], ['contradictions'], ['timeline', 'Pokrovsk'], ['places'], ['search', 'x'], ['export', '--format', 'json']]) {
    const io = captureIo();
    assert.equal(await main([...argv, '--db', db], io), 2, argv.join(' '));
    assert.match(io.stderr(), /no database at .*typo\.db; read commands do not create one/);
    assert.equal(existsSync(db), false, argv.join(' '));
  }
});

test('ingest --json and --map; unknown --side / --place warn with the known ones; the stored example exports a Pokrovsk point', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-conventions-'));
  const db = path.join(dir, 'ledger.db');
  const seed = readFileSync(path.resolve('example', 'pokrovsk.txt'), 'utf8');
  const jsonl = path.join(dir, 'theirs.jsonl');
  writeFileSync(jsonl, [
    JSON.stringify({ headline: 'Pokrovsk', summary: seed, date: 'Thu, 06 Nov 2025 09:00:00 GMT', source: 'Example News', link: 'https://example.org/pokrovsk' }),
    JSON.stringify({ headline: 'No body', date: '2025-11-06' }),
    JSON.stringify({ summary: 'Kyiv said its troops held the line near Kupiansk.', date: 'last Tuesday' }),
  ].join('\n'));
  const io = captureIo();
  const code = await main(['ingest', jsonl, '--db', db, '--jobs', '0', '--json', '--quiet', '--map', 'text=summary,published=date,title=headline,outlet=source,url=link'], io);
  assert.equal(code, 1, io.stderr());
  const summary = JSON.parse(io.stdout()) as { ingested: number; failed: number; failures: Array<{ source: string; line: number; message: string }> };
  assert.equal(summary.ingested, 1);
  assert.equal(summary.failed, 2);
  assert.deepEqual(summary.failures.map((f) => f.line), [2, 3]);
  assert.match(summary.failures[0]!.message, /^line 2: has no "text" \(read from "summary"\) field; its fields are headline, date$/);
  assert.match(summary.failures[1]!.message, /^line 3: field "published" \(read from "date"\) is the text "last Tuesday", not a date counterclaim reads/);
  assert.match(io.stderr(), /theirs\.jsonl:2: line 2: has no "text"/, '--quiet still names failed records');

  const bad = captureIo();
  assert.equal(await main(['ingest', jsonl, '--db', db, '--map', 'body=summary'], bad), 2);
  assert.match(bad.stderr(), /--map: "body" is not a field counterclaim reads; the fields are text, id, title/);

  const side = captureIo();
  assert.equal(await main(['claims', '--db', db, '--side', 'RUS'], side), 0);
  assert.match(side.stderr(), /warning: no claims for side "RUS"; the sides in this ledger are .*\bRU\b.*\bUA\b/);
  const place = captureIo();
  assert.equal(await main(['claims', '--db', db, '--place', 'Atlantis'], place), 0);
  assert.match(place.stderr(), /warning: no place "Atlantis" in this ledger; places with a control timeline: .*Pokrovsk/);
  const known = captureIo();
  assert.equal(await main(['claims', '--db', db, '--side', 'ua', '--place', 'Pokrovsk'], known), 0);
  assert.equal(known.stderr(), '');

  const atlantis = captureIo();
  assert.equal(await main(['timeline', 'Atlantis', '--db', db], atlantis), 1);
  assert.match(atlantis.stderr(), /no control claims about "Atlantis"[\s\S]*places with a control timeline: .*Pokrovsk/);

  const timeline = captureIo();
  assert.equal(await main(['timeline', 'Pokrovsk', '--db', db, '--json'], timeline), 0);
  const t = JSON.parse(timeline.stdout()) as { lat: number | null; lon: number | null };
  assert.ok(t.lat !== null && t.lat > 48 && t.lon !== null && t.lon > 37, 'the stored timeline row has coordinates');
  const geo = captureIo();
  assert.equal(await main(['export', '--format', 'geojson', '--db', db], geo), 0);
  const g = checkGeoJson(geo.stdout()) as unknown as { features: Array<{ geometry: { type: string; coordinates: number[] }; properties: { name: string } }> };
  const pokrovsk = g.features.find((f) => f.properties.name === 'Pokrovsk');
  assert.equal(pokrovsk?.geometry.type, 'Point');
  const review = captureIo();
  assert.equal(await main(['export', '--format', 'claimreview', '--db', db, '--base-url', 'https://ledger.example/'], review), 0);
  assert.ok((JSON.parse(review.stdout()) as { '@graph': Array<{ url: string }> })['@graph'].every((r) => r.url.startsWith('https://ledger.example/#/doc/')));
});
