import type { XMLParser } from 'fast-xml-parser';
import { parseHTML, xmlParserModule } from './lazy-dom.js';
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
  /** Why the text is empty, where it is. */
  readonly why?: string | null;
}

export interface ParsedFeed {
  readonly kind: 'rss' | 'atom';
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
  // Relative links resolve against xml:base, then the address the feed was fetched from, then its own self link.
  const address = input.url ?? (/^https?:\/\//i.test(input.source) ? input.source : null);
  const parsed = parseFeed(whole.text, address);
  if ('error' in parsed) {
    yield failure(input.source, 'input.malformed', parsed.error, parsed.line !== undefined ? { line: parsed.line } : {});
    return;
  }
  if (parsed.items.length === 0) {
    const noun = parsed.kind === 'atom' ? 'entries (<entry>)' : 'items (<item>)';
    yield failure(input.source, 'input.empty', `is ${parsed.kind === 'atom' ? 'an Atom' : 'an RSS'} feed${parsed.title ? ` ("${parsed.title}")` : ''} with no ${noun}, so there is nothing to read`);
    return;
  }
  let n = 0;
  let documents = 0;
  for (const item of parsed.items) {
    n++;
    const source = `${input.source}#item-${n}`;
    if (item.text.trim() === '') {
      yield failure(source, 'input.empty', `item ${n}${item.title ? ` ("${item.title}")` : ''} has no text${item.why ? ` (${item.why})` : ''}`, { skipped: true });
      continue;
    }
    const own: MetaOverrides = { title: item.title, outlet: parsed.title, url: item.link, published: item.published };
    documents++;
    yield { ok: true, doc: buildDocument(item.text, source, [own, options.overrides], { byline: item.byline }) };
  }
  if (documents === 0) {
    // Every item was passed over: the feed as a whole read nothing, which the run must not report as success.
    const noun = parsed.kind === 'atom' ? (n === 1 ? 'entry' : 'entries') : n === 1 ? 'item' : 'items';
    yield failure(input.source, 'input.empty', `has ${n} ${noun} but none with text to read (titles and links only); nothing was stored`);
  }
}

/** Atom's text constructs (title, summary, content) keep their markup raw, to be read by their `type` (RFC 4287, 3.1). */
const ATOM_TEXT_CONSTRUCTS = ['title', 'subtitle', 'summary', 'content', 'rights'];

let parser: XMLParser | null = null;
const feedParser = (): XMLParser => parser ??= new (xmlParserModule().XMLParser)({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  processEntities: true,
  htmlEntities: true,
  // Atom may be written with any prefix (`<atom:feed xmlns:atom="…">`); RSS modules are read by local name (encoded, creator, date).
  removeNSPrefix: true,
  stopNodes: [
    ...ATOM_TEXT_CONSTRUCTS.flatMap((t) => [`feed.${t}`, `feed.entry.${t}`]),
    // RSS bodies are escaped HTML or CDATA, but some feeds put the markup in unescaped: kept raw, read as HTML.
    ...['rss.channel.item', 'rss.item', 'RDF.item'].flatMap((item) => [`${item}.description`, `${item}.encoded`]),
  ],
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'author' || name === 'category',
});

/** Parses RSS 2.0 (also RSS 1.0 / RDF) or Atom. Not XML, or XML that is not a feed, is an error that says which. */
export function parseFeed(xml: string, address: string | null = null): ParsedFeed | { error: string; line?: number } {
  // Entity declarations are how "billion laughs" expansions start; no real feed needs them.
  if (/<!ENTITY/i.test(xml.slice(0, 65536))) return { error: 'declares XML entities (<!ENTITY>), which are refused: no feed needs them and they can expand without bound' };
  // A blank line before the XML declaration is not well-formed XML, but common (servers' templates): it is passed over.
  xml = xml.replace(/^\s+(?=<\?xml)/, '');
  const valid = xmlParserModule().XMLValidator.validate(xml);
  if (valid !== true) return { error: `is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`, line: valid.err.line };
  let root: Record<string, unknown>;
  try {
    root = feedParser().parse(xml) as Record<string, unknown>;
  } catch (error) {
    return { error: `is not XML that can be read: ${(error as Error).message}` };
  }
  const rss = obj(root.rss) ?? obj(root.RDF);
  if (rss) {
    const channel = obj(first(rss.channel)) ?? {};
    const channelLinks = arr(channel.link);
    const base = baseOf(channel, baseOf(rss, address)) ?? inferredBase(
      channelLinks.map((l) => obj(l)).find((l) => l?.['@_rel'] === 'self')?.['@_href'], channelLinks.map((l) => textOf(l)).find(Boolean));
    const items = arr(channel.item ?? rss.item).map((raw): FeedItem => {
      const item = obj(raw) ?? {};
      const links = arr(item.link);
      const link = links.map((l) => textOf(l)).find(Boolean) ?? links.map((l) => str(obj(l)?.['@_href'])).find(Boolean) ?? permalinkGuid(item.guid);
      const text = rssBody(item.encoded) || rssBody(item.description);
      return {
        title: plainTitle(textOf(item.title)),
        link: resolveUrl(link, baseOf(item, base)),
        published: toIsoDateTime(textOf(item.pubDate) ?? textOf(item.date) ?? textOf(item.published) ?? textOf(item.updated)),
        byline: textOf(item.creator) ?? textOf(obj(arr(item.author)[0])?.name) ?? textOf(arr(item.author)[0]),
        text,
        why: text === '' ? 'neither <description> nor <content:encoded> has any' : null,
      };
    });
    return { kind: 'rss', title: plainTitle(textOf(channel.title)), items };
  }
  const feed = obj(root.feed);
  if (feed) {
    const feedLinks = arr(feed.link).map((l) => obj(l) ?? {});
    const feedBase = baseOf(feed, address) ?? inferredBase(
      feedLinks.find((l) => l['@_rel'] === 'self')?.['@_href'], feedLinks.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate')?.['@_href']);
    const feedAuthor = obj(arr(feed.author)[0]);
    const items = arr(feed.entry).map((raw): FeedItem => {
      const entry = obj(raw) ?? {};
      const base = baseOf(entry, feedBase);
      const links = arr(entry.link).map((l) => obj(l) ?? {});
      const link = links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate') ?? links[0];
      const href = str(link?.['@_href']);
      const id = textOf(entry.id);
      const author = obj(arr(entry.author)[0]) ?? feedAuthor;
      const content = obj(first(entry.content)) ?? (typeof first(entry.content) === 'string' ? { '#text': first(entry.content) } : null);
      const outOfLine = content !== null && str(content['@_src']) !== null;
      const text = (outOfLine ? '' : atomText(entry.content)) || atomText(entry.summary);
      return {
        title: atomText(entry.title) || null,
        link: href ? resolveUrl(href, baseOf(link, base)) : id && /^https?:\/\//i.test(id) ? id : null,
        published: toIsoDateTime(textOf(entry.published) ?? textOf(entry.updated) ?? textOf(entry.issued) ?? textOf(entry.modified)),
        byline: author ? textOf(author.name) : null,
        text,
        why: text !== '' ? null : outOfLine ? `its content is elsewhere (src="${str(content!['@_src'])}") and it has no summary` : 'neither <content> nor <summary> has any',
      };
    });
    return { kind: 'atom', title: atomText(feed.title) || null, items };
  }
  const top = Object.keys(root).filter((k) => !k.startsWith('?'))[0];
  return { error: `is XML but not an RSS or Atom feed (its root element is <${top ?? '?'}>, expected <rss> or <feed>)` };
}

/**
 * An Atom text construct's text by its `type` (RFC 4287, 3.1): `text` as it
 * is (entities decoded), `html` as escaped markup to read, `xhtml` as the
 * markup of its `<div>`. The markup arrives raw (a stop node).
 */
function atomText(node: unknown): string {
  const n = first(node);
  const o = obj(n);
  const raw = typeof n === 'string' ? n : typeof o?.['#text'] === 'string' ? (o['#text'] as string) : '';
  const type = (str(o?.['@_type']) ?? 'text').toLowerCase();
  if (type === 'xhtml' || type === 'application/xhtml+xml') return htmlFragmentToText(raw);
  const value = xmlCharacterData(raw);
  if (type === 'html' || type === 'text/html') return htmlFragmentToText(value);
  return value.replace(/[ \t]+/g, ' ').trim();
}

/** An RSS body kept raw (a stop node): escaped HTML, CDATA or unescaped markup, read as HTML. */
function rssBody(node: unknown): string {
  const raw = textOf(node);
  return raw ? htmlFragmentToText(xmlCharacterData(raw)) : '';
}

/** The character data of raw XML content: CDATA sections as they are, entity and character references decoded elsewhere. */
function xmlCharacterData(raw: string): string {
  return raw.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/).map((part) => part.startsWith('<![CDATA[') ? part.slice(9, -3) : part
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!)).join('');
}

/** A title that is escaped HTML in some feeds ("A &lt;b&gt;bold&lt;/b&gt; claim"): its text. */
function plainTitle(title: string | null): string | null {
  if (!title) return null;
  return /<\/?[a-z][^>]*>/i.test(title) ? htmlFragmentToText(title) || null : title;
}

/** RSS `<guid>` is the item's link unless isPermaLink="false" (RSS 2.0 specification). */
function permalinkGuid(guid: unknown): string | null {
  const g = first(guid);
  const text = textOf(g);
  if (!text || str(obj(g)?.['@_isPermaLink'])?.toLowerCase() === 'false') return null;
  return /^https?:\/\//i.test(text) ? text : null;
}

/** A link made absolute against its base (xml:base, the feed's address); a relative link with no base is dropped. */
export function resolveUrl(link: string | null, base: string | null): string | null {
  if (!link) return null;
  try {
    const url = new URL(link.trim(), base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * With no xml:base and no address it was fetched from, a feed's relative links
 * resolve against where the feed says it is: its self link, else its
 * alternate (site) link, where absolute (as node-feedparser does).
 */
function inferredBase(self: unknown, alternate: unknown): string | null {
  return resolveUrl(str(self), null) ?? resolveUrl(str(alternate), null);
}

/** An element's base URL: its xml:base resolved against its parent's (XML Base, section 4.2), else its parent's. */
function baseOf(element: Record<string, unknown> | undefined, parent: string | null): string | null {
  const own = str(element?.['@_base']);
  if (own === null) return parent;
  try {
    return new URL(own, parent ?? undefined).href;
  } catch {
    return parent;
  }
}

function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

function obj(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function arr(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** An element's text; of repeated elements (a module's `<media:title>` beside `<title>`), the first that has some. */
function textOf(v: unknown): string | null {
  if (Array.isArray(v)) return v.map(textOf).find((t) => t !== null) ?? null;
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
