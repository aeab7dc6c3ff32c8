import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed, feedReader, resolveUrl, type ParsedFeed } from './feed-reader.js';
import { memoryInput } from '../inputs/memory-input.js';
import type { IngestResult } from '../ingest-result.js';

// Fixtures written for these tests, after the cases feed parsers' own suites check (node-feedparser,
// rss-parser, Python feedparser): text constructs by type, prefixes, xml:base, guid permalinks.

function feed(xml: string, address: string | null = null): ParsedFeed {
  const parsed = parseFeed(xml, address);
  assert.ok(!('error' in parsed), 'error' in parsed ? parsed.error : '');
  return parsed;
}

async function read(xml: string | Uint8Array, source = 'test.atom', extra: { url?: string; charset?: string } = {}): Promise<IngestResult[]> {
  const bytes = typeof xml === 'string' ? new TextEncoder().encode(xml) : xml;
  const out: IngestResult[] = [];
  for await (const r of feedReader.read(memoryInput(source, source, bytes, undefined, extra), { maxBytes: 1 << 20, maxLineBytes: 1 << 20 })) out.push(r);
  return out;
}

test('atom: xhtml, html and text content each read by their type', () => {
  const f = feed(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Frontline Notes</title>
  <entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Shelling near <i>Kherson</i></div></title>
    <link href="https://news.example/a"/><updated>2025-11-03T08:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Regional officials said two people were hurt &amp; a school was hit.</p><p>Repairs began <b>on Monday</b>.</p></div></content></entry>
  <entry><title type="html">Talks &lt;em&gt;stall&lt;/em&gt; again</title><link href="https://news.example/b"/><published>2025-11-04T09:30:00+02:00</published>
    <content type="html">&lt;p&gt;Negotiators left without a statement.&lt;/p&gt;&lt;p&gt;A second round is planned.&lt;/p&gt;</content></entry>
  <entry><title>Plain &amp; simple</title><link href="https://news.example/c"/><updated>2025-11-05T00:00:00Z</updated>
    <content type="text">Prices rose 3 &lt; 5 percent, the ministry said.</content></entry>
  <entry><title>CDATA summary</title><link href="https://news.example/d"/><updated>2025-11-06T00:00:00Z</updated>
    <summary type="html"><![CDATA[<p>Power was restored to <b>4,000</b> homes.</p>]]></summary></entry>
</feed>`);
  assert.equal(f.kind, 'atom');
  assert.equal(f.title, 'Frontline Notes');
  assert.deepEqual(f.items.map((i) => i.title), ['Shelling near Kherson', 'Talks stall again', 'Plain & simple', 'CDATA summary']);
  assert.match(f.items[0]!.text, /two people were hurt & a school was hit\.\s+Repairs began on Monday\./);
  assert.doesNotMatch(f.items[0]!.text, /</);
  assert.match(f.items[1]!.text, /^Negotiators left without a statement\.\s+A second round is planned\.$/);
  assert.equal(f.items[2]!.text, 'Prices rose 3 < 5 percent, the ministry said.');
  assert.equal(f.items[3]!.text, 'Power was restored to 4,000 homes.');
  assert.deepEqual(f.items.map((i) => i.published), ['2025-11-03T08:00:00Z', '2025-11-04T09:30:00+02:00', '2025-11-05T00:00:00Z', '2025-11-06T00:00:00Z']);
});

test('atom: any namespace prefix, the feed\'s author as byline fallback, id as link when there is none', () => {
  const f = feed(`<?xml version="1.0"?>
<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>Prefixed</a:title><a:author><a:name>Desk</a:name></a:author>
  <a:entry><a:id>https://news.example/items/7</a:id><a:title>One</a:title><a:updated>2025-10-01T12:00:00Z</a:updated>
    <a:content type="html">&lt;p&gt;The bridge reopened.&lt;/p&gt;</a:content></a:entry>
  <a:entry><a:id>tag:news.example,2025:8</a:id><a:title>Two</a:title><a:author><a:name>O. Petrenko</a:name></a:author>
    <a:summary>Trains run again.</a:summary></a:entry>
</a:feed>`);
  assert.equal(f.title, 'Prefixed');
  assert.deepEqual(f.items.map((i) => [i.title, i.link, i.byline, i.text]), [
    ['One', 'https://news.example/items/7', 'Desk', 'The bridge reopened.'],
    ['Two', null, 'O. Petrenko', 'Trains run again.'],
  ]);
});

test('atom: relative links resolve against xml:base (feed, entry, link) and then the feed\'s address', () => {
  const xml = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/base/"><title>Based</title>
  <entry xml:base="2025/"><title>A</title><link rel="alternate" href="post-a.html"/><link rel="edit" href="/edit/a"/><summary>a</summary></entry>
  <entry><title>B</title><link href="../other/post-b"/><summary>b</summary></entry>
  <entry><title>C</title><link xml:base="https://mirror.example/x/" href="c"/><summary>c</summary></entry>
  <entry><title>D</title><link href="//cdn.example/d"/><summary>d</summary></entry>
</feed>`;
  assert.deepEqual(feed(xml).items.map((i) => i.link), [
    'https://blog.example/base/2025/post-a.html', 'https://blog.example/other/post-b', 'https://mirror.example/x/c', 'https://cdn.example/d',
  ]);
  const noBase = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Plain</title><entry><title>E</title><link href="news/e.html"/><summary>e</summary></entry></feed>`;
  assert.equal(feed(noBase, 'https://site.example/feeds/all.atom').items[0]!.link, 'https://site.example/feeds/news/e.html');
  assert.equal(feed(noBase).items[0]!.link, null, 'a relative link with nothing to resolve it against is not stored');
  assert.equal(resolveUrl('javascript:alert(1)', 'https://a.example/'), null);
});

test('rss: CDATA and content:encoded, dc:creator and dc:date, guid as permalink, RFC 822 dates, RSS 1.0', () => {
  const f = feed(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel><title>Wire &amp; Co</title><link>https://wire.example/</link><atom:link href="https://wire.example/rss" rel="self"/>
  <item><title>First</title><link>https://wire.example/1</link><pubDate>Tue, 04 Nov 2025 14:05:00 GMT</pubDate>
    <description><![CDATA[<p>Short.</p>]]></description><content:encoded><![CDATA[<p>The <b>full</b> story.</p>]]></content:encoded><dc:creator>A. Writer</dc:creator></item>
  <item><title>Second</title><guid isPermaLink="true">https://wire.example/2</guid><dc:date>2025-11-05T06:00:00Z</dc:date><description>Only a description.</description></item>
  <item><title>Third</title><guid isPermaLink="false">https://wire.example/3</guid><pubDate>Wed, 05 Nov 2025 10:00:00 +0200</pubDate><description>No link.</description></item>
  <item><title>Title only</title><link>https://wire.example/4</link></item>
</channel></rss>`);
  assert.equal(f.kind, 'rss');
  assert.equal(f.title, 'Wire & Co');
  assert.deepEqual(f.items.map((i) => [i.link, i.published, i.byline]), [
    ['https://wire.example/1', '2025-11-04T14:05:00Z', 'A. Writer'], ['https://wire.example/2', '2025-11-05T06:00:00Z', null],
    [null, '2025-11-05T08:00:00Z', null], ['https://wire.example/4', null, null],
  ]);
  assert.equal(f.items[0]!.text, 'The full story.');
  assert.equal(f.items[3]!.text, '');
  const rdf = feed(`<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="https://r.example/"><title>RDF Site</title></channel>
  <item rdf:about="https://r.example/1"><title>R1</title><link>https://r.example/1</link><description>One.</description></item></rdf:RDF>`);
  assert.deepEqual([rdf.title, rdf.items.map((i) => [i.title, i.link, i.text])], ['RDF Site', [['R1', 'https://r.example/1', 'One.']]]);
});

test('reader: a feed with no entries says so; an entry without text says why; relative links use the fetched address', async () => {
  const [empty] = await read('<feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet</title></feed>');
  assert.ok(empty && !empty.ok);
  assert.equal(empty.code, 'input.empty');
  assert.match(empty.message, /Atom feed \("Quiet"\) with no entries/);
  const [rss] = await read('<rss version="2.0"><channel><title>Nothing</title></channel></rss>', 'n.rss');
  assert.ok(rss && !rss.ok && /RSS feed \("Nothing"\) with no items/.test(rss.message));
  const titles = await read('<rss version="2.0"><channel><title>Links</title><item><title>a</title><link>https://l.example/a</link></item></channel></rss>', 'l.rss');
  assert.deepEqual(titles.map((r) => !r.ok && [r.source, r.skipped ?? false]), [['l.rss#item-1', true], ['l.rss', false]]);
  assert.ok(!titles[1]!.ok && /has 1 item but none with text to read/.test(titles[1]!.message));
  const results = await read(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
    <entry><title>Elsewhere</title><content src="https://x.example/body.html" type="text/html"/></entry>
    <entry><title>Here</title><link href="p/1"/><content>Troops withdrew from the village, the army said.</content></entry></feed>`,
  'https://feeds.example/a/feed.atom', { url: 'https://feeds.example/a/feed.atom' });
  assert.equal(results.length, 2);
  assert.ok(!results[0]!.ok && /content is elsewhere/.test(results[0]!.message));
  assert.ok(results[1]!.ok);
  assert.equal(results[1]!.doc.meta.url, 'https://feeds.example/a/p/1');
  assert.equal(results[1]!.doc.meta.outlet, 'T');
});

test('reader: a feed in windows-1251 declared by its XML prolog is decoded', async () => {
  const encode1251 = (s: string): Uint8Array => {
    const table = new Map<string, number>();
    const decoder = new TextDecoder('windows-1251');
    for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
    return Uint8Array.from([...s].map((ch) => table.get(ch)!));
  };
  const xml = '<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Новости</title><item><title>Обстрел</title><link>https://n.example/1</link><description>Военные сообщили об обстреле города.</description></item></channel></rss>';
  const [r] = await read(encode1251(xml), 'n.xml');
  assert.ok(r?.ok, r && !r.ok ? r.message : '');
  assert.equal(r.doc.meta.outlet, 'Новости');
  assert.equal(r.doc.text, 'Военные сообщили об обстреле города.');
});

test('feeds as servers write them: unescaped markup in a description, a blank line before the declaration, links relative to the feed\'s own self link', () => {
  const rss = feed(`
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Raw</title><link>/news</link>
  <atom:link rel="self" href="https://raw.example/news/feed.xml"/>
  <item><title>Markup</title><link>/news/1</link><description><p>Shelling hit <b>two</b> villages &amp; a bridge.</p></description></item>
</channel></rss>`);
  assert.deepEqual(rss.items.map((i) => [i.link, i.text]), [['https://raw.example/news/1', 'Shelling hit two villages & a bridge.']]);
  const atom = feed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>Site</title><link href="https://site.example/"/><link rel="self" href="/feed.atom"/>
    <entry><title>S</title><link href="/s/1"/><summary>s</summary></entry></feed>`);
  assert.equal(atom.items[0]!.link, 'https://site.example/s/1', 'a relative self link says nothing; the absolute site link does');
  const rooted = feed(`<rss version="2.0" xml:base="https://rooted.example/"><channel><title>R</title><item><title>x</title><link>a/b</link><description>x</description></item></channel></rss>`);
  assert.equal(rooted.items[0]!.link, 'https://rooted.example/a/b');
});
