import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from './lazy-dom.js';
import { absoluteUrl, parseJsonLd, readHtmlMeta } from './html-meta.js';
import { htmlToDocument } from './html-reader.js';

// Pages written for these tests, after the cases of saved news pages (Readability's and trafilatura's test pages).
function metaOf(html: string, pageUrl: string | null = null) {
  const { document } = parseHTML(html);
  return readHtmlMeta(document as unknown as Parameters<typeof readHtmlMeta>[0], pageUrl);
}

const ARTICLE = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Grid repaired', datePublished: '2025-11-02T07:15:00+02:00', author: { '@type': 'Person', name: 'I. Bondar' }, publisher: { '@type': 'Organization', name: 'Kyiv Wire' } };

test('JSON-LD in any wrapping: CDATA, commented CDATA, an HTML comment, a type with parameters', () => {
  const wrappings = [
    `<![CDATA[${JSON.stringify(ARTICLE)}]]>`,
    `//<![CDATA[\n${JSON.stringify(ARTICLE)}\n//]]>`,
    `/*<![CDATA[*/${JSON.stringify(ARTICLE)}/*]]>*/`,
    `<!--\n${JSON.stringify(ARTICLE)}\n-->`,
    `\n  ${JSON.stringify({ '@graph': [{ '@type': 'WebPage' }, ARTICLE] })}  `,
  ];
  for (const body of wrappings) {
    const m = metaOf(`<html><head><script type="application/ld+json">${body}</script></head><body></body></html>`);
    assert.equal(m.published, '2025-11-02T07:15:00+02:00', body);
    assert.equal(m.outlet, 'Kyiv Wire', body);
    assert.equal(m.byline, 'I. Bondar', body);
  }
  const m = metaOf(`<html><head><script type="Application/LD+JSON; charset=utf-8">${JSON.stringify(ARTICLE)}</script></head></html>`);
  assert.equal(m.title, 'Grid repaired');
  assert.equal(parseJsonLd('not json at all'), undefined);
  assert.equal(parseJsonLd('<![CDATA[{"broken": ]]>'), undefined);
});

test('the publisher names the outlet before og:site_name (often a section or edition)', () => {
  const html = `<html><head><meta property="og:site_name" content="U.S."><script type="application/ld+json">${JSON.stringify(ARTICLE)}</script></head></html>`;
  assert.equal(metaOf(html).outlet, 'Kyiv Wire');
  assert.equal(metaOf('<html><head><meta property="og:site_name" content="Example Times"></head></html>').outlet, 'Example Times');
  const ld = (publisher: unknown) => `<html><head><meta property="og:site_name" content="World"><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', publisher })}</script></head></html>`;
  assert.equal(metaOf(ld('Plain Wire')).outlet, 'Plain Wire');
  assert.equal(metaOf(ld([{ '@type': 'NewsMediaOrganization', name: 'First Wire' }, { name: 'Second' }])).outlet, 'First Wire');
  assert.equal(metaOf(ld({ '@type': 'Organization' })).outlet, 'World', 'a publisher without a name leaves the site name');
});

test('URLs made absolute: protocol-relative, relative to the page or <base href>, nothing but http(s)', () => {
  assert.equal(metaOf('<html><head><link rel="canonical" href="//news.example/a/1"></head></html>').url, 'https://news.example/a/1');
  assert.equal(metaOf('<html><head><link rel="canonical" href="/a/2"></head></html>', 'http://news.example/x/y').url, 'http://news.example/a/2');
  assert.equal(metaOf('<html><head><base href="https://cdn.example/en/"><meta property="og:url" content="story-3"></head></html>').url, 'https://cdn.example/en/story-3');
  assert.equal(metaOf('<html><head><link rel="canonical" href="a/4"></head></html>').url, null, 'relative with nothing to resolve it against');
  assert.equal(metaOf('<html><head><link rel="canonical" href="javascript:void(0)"><meta property="og:url" content="https://ok.example/5"></head></html>').url, 'https://ok.example/5');
  assert.equal(absoluteUrl('mailto:x@y.example', null), null);
});

test('htmlToDocument: a fetched page\'s address resolves its relative canonical link', () => {
  const page = `<!doctype html><html><head><title>T</title><link rel="canonical" href="../story"></head><body><article><p>${'The council said repairs would take weeks. '.repeat(8)}</p></article></body></html>`;
  const doc = htmlToDocument(page, 'https://site.example/news/today/index.html');
  assert.ok(!('error' in doc));
  assert.equal(doc.meta.url, 'https://site.example/news/story');
});

test('dates: JSON-LD\'s datePublished before article:published_time; posting types; Parse.ly', () => {
  const both = `<html><head><meta property="article:published_time" content="2025-12-01T10:00:00Z">
    <script type="application/ld+json">${JSON.stringify({ '@type': 'ReportageNewsArticle', datePublished: '2025-11-20T06:00:00Z' })}</script></head></html>`;
  assert.equal(metaOf(both).published, '2025-11-20T06:00:00Z');
  const post = `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'SocialMediaPosting', datePublished: '2025-10-02T09:00:00-04:00' })}</script></head></html>`;
  assert.equal(metaOf(post).published, '2025-10-02T09:00:00-04:00');
  assert.equal(metaOf('<html><head><meta name="parsely-pub-date" content="2025-09-09T09:09:00Z"></head></html>').published, '2025-09-09T09:09:00Z');
  const webpage = `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'WebPage', datePublished: '2020-01-01' })}</script></head></html>`;
  assert.equal(metaOf(webpage).published, null, 'a WebPage is not an article');
});

test('htmlToDocument: the title is Readability\'s, cleaned of the site\'s name', () => {
  const page = `<!doctype html><html><head><title>Bridge over the river reopens after repairs - Example Herald</title></head><body><article><h1>Bridge over the river reopens after repairs</h1><p>${'Engineers said the bridge over the river could carry traffic again from Monday. '.repeat(6)}</p></article></body></html>`;
  const doc = htmlToDocument(page);
  assert.ok(!('error' in doc));
  assert.equal(doc.meta.title, 'Bridge over the river reopens after repairs');
});

test('a date source in a form no parser reads does not hide the next one', () => {
  const html = `<html><head><meta property="article:published_time" content="2025-08-01T12:00:00+03:00">
    <script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', datePublished: 'sometime last week' })}</script></head></html>`;
  assert.equal(metaOf(html).published, '2025-08-01T12:00:00+03:00');
});
