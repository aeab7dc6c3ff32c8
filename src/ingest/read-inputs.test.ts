import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isAnalysable, readInputs, withLanguage, type ReadInputsOptions } from './read-inputs.js';
import type { IngestResult } from './ingest-result.js';

const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-ingest-'));
function file(name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}
async function all(args: string[], options: ReadInputsOptions = {}): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for await (const r of readInputs(args, options)) out.push(r);
  return out;
}

test('JSON Lines: good lines ingested, each broken one reported with its line number, an over-long line skipped', async () => {
  const p = file('a.jsonl', [
    JSON.stringify({ text: 'Russian forces said they encircled the city.', outlet: 'TASS', published: '2025-11-06', id: 'x1' }),
    '{"text": broken',
    JSON.stringify({ title: 'no text' }),
    '',
    JSON.stringify({ text: 'y'.repeat(5000) }),
    JSON.stringify({ text: 'The General Staff said 100 attacks were repelled.', published: 'yesterday' }),
    JSON.stringify({ text: 'Kyiv denied it.' }),
  ].join('\n'));
  const results = await all([p], { maxLineBytes: 1000 });
  const ok = results.filter((r) => r.ok);
  assert.deepEqual(ok.map((r) => r.ok && [r.doc.meta.source, r.doc.meta.outlet, r.doc.meta.language]), [[`${p}#x1`, 'TASS', 'en'], [`${p}:7`, null, 'en']]);
  assert.deepEqual(results.filter((r) => !r.ok).map((r) => !r.ok && [r.line, r.code]), [[2, 'input.malformed'], [3, 'input.malformed'], [5, 'input.too-large'], [6, 'input.malformed']]);
});

test('Telegram export: posts with channel, time, flattened entities and forwards; service messages skipped; unknown schema refused', async () => {
  const p = file('result.json', JSON.stringify({
    name: 'General Staff', type: 'public_channel', id: 1, messages: [
      { id: 1, type: 'service', date: '2025-11-06T08:00:00', date_unixtime: '1762416000', action: 'pin_message', text: '' },
      { id: 2, type: 'message', date: '2025-11-06T09:00:00', date_unixtime: '1762419600', text: ['The enemy ', { type: 'bold', text: 'attacked 100 times' }, ' near Pokrovsk.'] },
      { id: 3, type: 'message', date: '2025-11-06T10:00:00', forwarded_from: 'Unit 425', text: 'The flag was raised over the city council.' },
      { id: 4, type: 'message', date: '2025-11-06T10:00:00', text: '', photo: 'photos/1.jpg' },
    ],
  }));
  const results = await all([p]);
  const docs = results.flatMap((r) => (r.ok ? [r.doc] : []));
  assert.deepEqual(docs.map((d) => [d.text, d.meta.outlet, d.meta.published, d.meta.forwardedFrom ?? null]), [
    ['The enemy attacked 100 times near Pokrovsk.', 'General Staff', '2025-11-06T09:00:00Z', null],
    ['The flag was raised over the city council.', 'General Staff', '2025-11-06T10:00:00', 'Unit 425'],
  ]);
  assert.equal(results.filter((r) => !r.ok && r.skipped).length, 2);
  const bad = await all([file('other.json', JSON.stringify({ version: 7, chats: 'none' }))]);
  assert.equal(bad.length, 1);
  assert.ok(!bad[0]!.ok && bad[0]!.code === 'input.unsupported-format' && /Telegram Desktop export/.test(bad[0]!.message));
});

test('Telegram exports in a batch: a group export and a broken one are named with their problem, the channel beside them is read', async () => {
  const group = file('group-result.json', JSON.stringify({ name: 'Neighbours', type: 'private_supergroup', id: 3, messages: [{ id: 1, type: 'message', date: '2025-11-06T08:00:00', text: 'Is the bridge open?' }] }));
  const broken = file('broken-result.json', '{"name": "Канал", "type": "public_channel", "id": 4, "messages": [{"id": 1');
  const good = file('channel-result.json', JSON.stringify({ name: 'Міноборони', type: 'public_channel', id: 5, messages: [
    { id: 11, type: 'message', date: '2025-11-06T09:00:00', date_unixtime: '1762419600', text: 'Підрозділи відбили атаку біля Куп’янська.' },
  ] }));
  const results = await all([group, broken, good]);
  assert.deepEqual(results.map((r) => (r.ok ? [r.doc.meta.source, r.doc.meta.outlet, r.doc.meta.language] : [r.source, r.code])), [
    [group, 'input.unsupported-format'],
    [broken, 'input.malformed'],
    [`${good}#post-11`, 'Міноборони', 'uk'],
  ]);
  assert.ok(!results[0]!.ok && /private supergroup \("Neighbours"\), not a channel/.test(results[0]!.message));
});

test('HTML: article text without boilerplate, and the page metadata', async () => {
  const body = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i}: Russia's Defence Ministry said on Wednesday that Ukrainian troops in Pokrovsk were encircled, a claim that Kyiv denied repeatedly.</p>`).join('');
  const p = file('page.html', `<!doctype html><html lang="en"><head><title>T | Site</title>
    <meta property="og:site_name" content="Kyiv Independent"><meta property="article:published_time" content="2025-11-06T08:30:00+02:00">
    <link rel="canonical" href="https://example.org/a"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Pokrovsk","author":{"name":"A. Writer"}}</script></head>
    <body><nav>Home News</nav><article><h1>Pokrovsk</h1>${body}<p>Sign up for our newsletter</p></article><footer>© 2025</footer></body></html>`);
  const [r] = await all([p]);
  assert.ok(r?.ok);
  assert.equal(r.doc.meta.outlet, 'Kyiv Independent');
  assert.equal(r.doc.meta.published, '2025-11-06T08:30:00+02:00');
  assert.equal(r.doc.meta.url, 'https://example.org/a');
  assert.equal(r.doc.meta.byline, 'A. Writer');
  assert.match(r.doc.text, /Paragraph 5: Russia's Defence Ministry/);
  assert.doesNotMatch(r.doc.text, /newsletter|Home News|<p>/);
});

test('feeds: RSS items become documents; a feed that is not XML is a clear error', async () => {
  const rss = file('feed.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Ukrinform</title>
    <item><title>Attacks repelled</title><link>https://u.example/1</link><pubDate>Thu, 06 Nov 2025 08:00:00 GMT</pubDate><description>&lt;p&gt;The General Staff said 100 attacks were repelled.&lt;/p&gt;</description></item>
  </channel></rss>`);
  const [r] = await all([rss]);
  assert.ok(r?.ok);
  assert.deepEqual([r.doc.text, r.doc.meta.outlet, r.doc.meta.url, r.doc.meta.published], ['The General Staff said 100 attacks were repelled.', 'Ukrinform', 'https://u.example/1', '2025-11-06T08:00:00Z']);
  const [bad] = await all([file('broken.rss', '<rss><channel><item></channel>')]);
  assert.ok(bad && !bad.ok && bad.code === 'input.malformed' && /not well-formed XML/.test(bad.message));
});

test('invalid UTF-8 and a missing file are failures naming the input; the rest goes on', async () => {
  const results = await all([file('bad.txt', new Uint8Array([0x61, 0xff, 0x62])), path.join(dir, 'missing.txt'), file('good.txt', 'Kyiv denied it.')]);
  assert.deepEqual(results.map((r) => (r.ok ? 'ok' : r.code)), ['input.invalid-encoding', 'input.not-found', 'ok']);
});

test('URLs: loopback refused unless allowed; fetched with --allow-private; redirect loops capped', async () => {
  const server = createServer((req, res) => {
    if (req.url === '/loop') {
      res.writeHead(302, { location: '/loop' });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('The ministry said the city was encircled.');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const [refused] = await all([`${base}/a.txt`]);
    assert.ok(refused && !refused.ok && /loopback or private address .*--allow-private/.test(refused.message));
    const [fetched] = await all([`${base}/a.txt`], { fetch: { allowPrivate: true } });
    assert.ok(fetched?.ok && fetched.doc.text === 'The ministry said the city was encircled.');
    const [loop] = await all([`${base}/loop`], { fetch: { allowPrivate: true } });
    assert.ok(loop && !loop.ok && /redirects more than 5 times/.test(loop.message));
    const [scheme] = await all(['file:///etc/passwd']);
    assert.ok(scheme && !scheme.ok && /only http and https/.test(scheme.message));
  } finally {
    server.close();
  }
});

test('language: English, Russian and Ukrainian are analysed; a mixed text is read in its main language with a diagnostic', () => {
  const source = (text: string, language: string | null = null) => ({
    id: 'x', text, diagnostics: [], meta: { title: null, outlet: null, url: null, published: null, language, source: null },
  });
  const ru = withLanguage(source('Командование сообщило, что колонна прошла через мост и заняла позиции у реки.'));
  assert.equal(ru.meta.language, 'ru');
  assert.ok(isAnalysable(ru));
  assert.deepEqual(ru.diagnostics, []);
  const uk = withLanguage(source('Командування повідомило, що колона пройшла через міст і зайняла позиції біля річки.'));
  assert.equal(uk.meta.language, 'uk');
  assert.ok(isAnalysable(uk));
  const quoted = 'Командование сообщило, что колонна прошла через мост и заняла позиции у реки. '.repeat(3)
    + '"We have withdrawn from the bridge and the positions along the river are now held by the other side," the statement in English read.';
  const mixed = withLanguage(source(quoted));
  assert.equal(mixed.meta.language, 'ru');
  assert.ok(isAnalysable(mixed));
  assert.deepEqual(mixed.diagnostics.map((d) => d.code), ['input.language-mixed']);
  const other = withLanguage(source('Le ministère a déclaré que la colonne avait traversé le pont.', 'fr'));
  assert.ok(!isAnalysable(other));
  assert.deepEqual(other.diagnostics.map((d) => d.code), ['input.language-unsupported']);
});
