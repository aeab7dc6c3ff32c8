/** Metadata a news page states about itself in its `<head>` and markup. */
export interface HtmlMeta {
  readonly title: string | null;
  readonly byline: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly url: string | null;
  readonly language: string | null;
}

interface QueryableDocument {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
}

/**
 * Reads, in order of trust: Open Graph and article meta tags, JSON-LD
 * `NewsArticle` (schema.org; its date before `article:published_time`), then
 * `<time datetime>`, `<link rel=canonical>`.
 * The outlet is the JSON-LD publisher before `og:site_name`, which many sites
 * fill with a section or an edition ("U.S.", "World") rather than their name.
 * URLs are made absolute against `pageUrl` (where the page was fetched from),
 * else `<base href>`; a protocol-relative one (`//host/path`) takes https.
 * Must run before Readability, which rewrites the document.
 */
export function readHtmlMeta(document: QueryableDocument, pageUrl: string | null = null): HtmlMeta {
  const meta = (selector: string): string | null => clean(document.querySelector(selector)?.getAttribute('content'));
  const ld = jsonLdArticle(document);
  // JSON-LD's date first: some sites fill article:published_time with the last update (as Readability reads it too).
  // The first that is a date wins: one source written in a form no parser reads does not hide the others.
  const published = [
    () => stringField(ld, 'datePublished'), () => meta('meta[property="article:published_time"]'), () => meta('meta[name="article:published_time"]'),
    () => meta('meta[itemprop="datePublished"]'), () => meta('meta[name="parsely-pub-date"]'), () => meta('meta[name="pubdate"]'), () => meta('meta[name="date"]'),
    () => clean(document.querySelector('time[datetime]')?.getAttribute('datetime')),
  ].map((read) => toIsoDateTime(read())).find((d) => d !== null) ?? null;
  const base = absoluteUrl(clean(document.querySelector('base[href]')?.getAttribute('href')), pageUrl) ?? pageUrl;
  const url = [clean(document.querySelector('link[rel="canonical"]')?.getAttribute('href')), meta('meta[property="og:url"]'), stringField(ld, 'url'), pageUrl]
    .map((u) => absoluteUrl(u, base)).find((u) => u !== null) ?? null;
  return {
    title: meta('meta[property="og:title"]') ?? stringField(ld, 'headline') ?? clean(document.querySelector('title')?.textContent),
    byline: meta('meta[name="author"]') ?? authorName(ld),
    outlet: publisherName(ld) ?? meta('meta[property="og:site_name"]'),
    published,
    url,
    language: languageCode(document.querySelector('html')?.getAttribute('lang')),
  };
}

/** An http(s) URL made absolute against `base`; protocol-relative ones take https when there is no base; anything else null. */
export function absoluteUrl(value: string | null | undefined, base: string | null): string | null {
  const v = value?.trim();
  if (!v) return null;
  try {
    const url = new URL(v, base ?? (v.startsWith('//') ? 'https://localhost/' : undefined));
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function clean(value: string | null | undefined): string | null {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? v : null;
}

type Json = Record<string, unknown>;

function jsonLdArticle(document: QueryableDocument): Json | null {
  const scripts = document.querySelectorAll('script');
  for (let i = 0; i < scripts.length; i++) {
    if (!/^\s*application\/ld\+json\s*(;|$)/i.test(scripts[i]!.getAttribute('type') ?? '')) continue;
    const data = parseJsonLd(scripts[i]!.textContent ?? '');
    if (data === undefined) continue; // a broken JSON-LD block is common and says nothing about the article
    const found = findArticle(data, 0);
    if (found) return found;
  }
  return null;
}

/**
 * A JSON-LD block's JSON in any wrapping sites put around it: `<![CDATA[`,
 * `//<![CDATA[ … //]]>`, `/*<![CDATA[*\/`, HTML comments; undefined when what
 * is left is not JSON.
 */
export function parseJsonLd(text: string): unknown {
  // The markers go, then what they leave: empty /**/ comments and lines that were only a // comment.
  const json = text.replace(/<!\[CDATA\[|\]\]>|<!--|-->/g, '').replace(/\/\*\s*\*\//g, '').replace(/^\s*\/\/.*$/gm, '').trim();
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

function findArticle(data: unknown, depth: number): Json | null {
  if (depth > 4 || data === null || typeof data !== 'object') return null;
  if (Array.isArray(data)) {
    for (const entry of data) {
      const found = findArticle(entry, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const obj = data as Json;
  const type = obj['@type'];
  const types = Array.isArray(type) ? type : [type];
  // Every schema.org type of article or post (NewsArticle, ReportageNewsArticle, BlogPosting, SocialMediaPosting, Report...).
  if (types.some((t) => typeof t === 'string' && /(Article|Posting|Report)$/.test(t))) return obj;
  return findArticle(obj['@graph'], depth + 1);
}

function stringField(obj: Json | null, key: string): string | null {
  const v = obj?.[key];
  return typeof v === 'string' ? clean(v) : null;
}

function authorName(ld: Json | null): string | null {
  const author = ld?.author;
  const list = Array.isArray(author) ? author : author ? [author] : [];
  const names = list.map((a) => (typeof a === 'string' ? a : typeof a === 'object' && a && typeof (a as Json).name === 'string' ? ((a as Json).name as string) : null)).filter((n): n is string => !!n);
  return names.length > 0 ? names.join(', ') : null;
}

/** The publisher's name: an Organization (or a list of them: the first), or a plain string. */
function publisherName(ld: Json | null): string | null {
  const p = Array.isArray(ld?.publisher) ? (ld!.publisher as unknown[])[0] : ld?.publisher;
  if (typeof p === 'string') return clean(p);
  return p && typeof p === 'object' && typeof (p as Json).name === 'string' ? clean((p as Json).name as string) : null;
}

/** ISO 8601 as the page states it (zone kept); other formats that Date understands become UTC; nonsense is dropped. */
export function toIsoDateTime(value: string | null): string | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(v) && !Number.isNaN(Date.parse(v.slice(0, 10)))) return v.replace(' ', 'T');
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().replace('.000Z', 'Z');
}

function languageCode(lang: string | null | undefined): string | null {
  const m = /^([a-z]{2,3})\b/i.exec(lang ?? '');
  return m ? m[1]!.toLowerCase() : null;
}
