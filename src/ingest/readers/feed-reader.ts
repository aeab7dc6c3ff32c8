import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from './lazy-dom.js';
import { failure, type IngestResult } from '../ingest-result.js';
import type { MetaOverrides } from '../metadata.js';
import type { Reader } from './reader.js';
import { buildDocument, readWholeText } from './whole-text.js';
import { domToText } from './html-to-text.js';
import { toIsoDateTime } from './html-meta.js';

/** One entry of a feed, before it becomes a document. */
export interface FeedItem {
  readonly title: string | null;
  readonly link: string | null;
  readonly published: string | null;
  readonly byline: string | null;
  readonly text: string;
}

export interface ParsedFeed {
  readonly title: string | null;
  readonly items: readonly FeedItem[];
}

/** RSS 2.0 and Atom feeds: each item a document, the feed's title as outlet. */
export const feedReader: Reader = {
  name: 'feed',
  extensions: ['.rss', '.atom', '.xml'],
  contentTypes: ['application/rss+xml', 'application/atom+xml', 'application/xml', 'text/xml'],
  sniff: (head) => /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/.test(head),
  read: readFeed,
};

async function* readFeed(input: Parameters<Reader['read']>[0], options: Parameters<Reader['read']>[1]): AsyncGenerator<IngestResult> {
  const whole = await readWholeText(input, options);
  if (!whole.ok) {
    yield whole.result;
    return;
  }
  const parsed = parseFeed(whole.text);
  if ('error' in parsed) {
    yield failure(input.source, 'input.malformed', parsed.error, parsed.line !== undefined ? { line: parsed.line } : {});
    return;
  }
  let n = 0;
  for (const item of parsed.items) {
    n++;
    const source = `${input.source}#item-${n}`;
    if (item.text.trim() === '') {
      yield failure(source, 'input.empty', `item ${n}${item.title ? ` ("${item.title}")` : ''} has no text`, { skipped: true });
      continue;
    }
    const own: MetaOverrides = { title: item.title, outlet: parsed.title, url: item.link, published: item.published };
    yield { ok: true, doc: buildDocument(item.text, source, [own, options.overrides], { byline: item.byline }) };
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'author' || name === 'category',
});

/** Parses RSS 2.0 (also RSS 1.0 / RDF) or Atom. Not XML, or XML that is not a feed, is an error that says which. */
export function parseFeed(xml: string): ParsedFeed | { error: string; line?: number } {
  // Entity declarations are how "billion laughs" expansions start; no real feed needs them.
  if (/<!ENTITY/i.test(xml.slice(0, 65536))) return { error: 'declares XML entities (<!ENTITY>), which are refused: no feed needs them and they can expand without bound' };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { error: `is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`, line: valid.err.line };
  let root: Record<string, unknown>;
  try {
    root = parser.parse(xml) as Record<string, unknown>;
  } catch (error) {
    return { error: `is not XML that can be read: ${(error as Error).message}` };
  }
  const rss = obj(root.rss) ?? obj(root['rdf:RDF']);
  if (rss) {
    const channel = obj(rss.channel) ?? {};
    const items = arr(channel.item ?? rss.item).map((raw): FeedItem => {
      const item = obj(raw) ?? {};
      return {
        title: textOf(item.title),
        link: textOf(arr(item.link)[0]),
        published: toIsoDateTime(textOf(item.pubDate) ?? textOf(item['dc:date'])),
        byline: textOf(item['dc:creator']) ?? textOf(arr(item.author)[0]),
        text: htmlFragmentToText(textOf(item['content:encoded']) ?? textOf(item.description) ?? ''),
      };
    });
    return { title: textOf(channel.title), items };
  }
  const feed = obj(root.feed);
  if (feed) {
    const items = arr(feed.entry).map((raw): FeedItem => {
      const entry = obj(raw) ?? {};
      const links = arr(entry.link).map((l) => obj(l) ?? {});
      const link = links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate') ?? links[0];
      const author = obj(arr(entry.author)[0]);
      return {
        title: textOf(entry.title),
        link: typeof link?.['@_href'] === 'string' ? link['@_href'] : null,
        published: toIsoDateTime(textOf(entry.published) ?? textOf(entry.updated)),
        byline: author ? textOf(author.name) : null,
        text: htmlFragmentToText(textOf(entry.content) ?? textOf(entry.summary) ?? ''),
      };
    });
    return { title: textOf(feed.title), items };
  }
  const top = Object.keys(root).filter((k) => !k.startsWith('?'))[0];
  return { error: `is XML but not an RSS or Atom feed (its root element is <${top ?? '?'}>, expected <rss> or <feed>)` };
}

function obj(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function arr(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

function textOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  const o = obj(v);
  if (o && o['#text'] !== undefined) return textOf(o['#text']);
  return null;
}

/** Descriptions are often escaped HTML: its text, never its markup. */
export function htmlFragmentToText(fragment: string): string {
  if (!/[<&]/.test(fragment)) return fragment.trim();
  const { document } = parseHTML(`<!doctype html><html><body>${fragment}</body></html>`);
  return domToText(document.body as unknown as Parameters<typeof domToText>[0]);
}
