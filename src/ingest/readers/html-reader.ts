import type { Readability } from '@mozilla/readability';
import { parseHTML, readabilityClass } from './lazy-dom.js';
import type { Reader } from './reader.js';
import { readSingleDocument } from './whole-text.js';
import { domToText } from './html-to-text.js';
import { readHtmlMeta } from './html-meta.js';

/**
 * A saved web page: the article's text as Readability finds it (measured at
 * ≈13 ms/page with linkedom), and the page's own metadata. When Readability
 * finds no article, the body's text is used.
 */
export const htmlReader: Reader = {
  name: 'html',
  extensions: ['.html', '.htm', '.xhtml'],
  contentTypes: ['text/html', 'application/xhtml+xml'],
  sniff: (head) => /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype html|html[\s>]|head[\s>]|body[\s>])/i.test(head),
  read: (input, options) => readSingleDocument(input, options, (html) => htmlToDocument(html, input.url ?? (/^https?:\/\//i.test(input.source) ? input.source : null))),
};

export function htmlToDocument(html: string, pageUrl: string | null = null): { text: string; meta: ReturnType<typeof metaLayer>; extra: { byline: string | null } } | { error: string } {
  try {
    return readPage(html, pageUrl);
  } catch (error) {
    return { error: `is not HTML that can be read: ${(error as Error).message}` };
  }
}

function readPage(html: string, pageUrl: string | null): { text: string; meta: ReturnType<typeof metaLayer>; extra: { byline: string | null } } {
  let { document } = parseHTML(html);
  // A fragment ("<p>text</p>", no <html>) leaves linkedom a document whose root is the first
  // element and whose body is empty, or no root at all: read it as the body of a page (issue 19).
  if (document.documentElement?.nodeName.toUpperCase() !== 'HTML' || !document.body) ({ document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`));
  const meta = readHtmlMeta(document as unknown as Parameters<typeof readHtmlMeta>[0], pageUrl);
  let text = '';
  let article: ReturnType<Readability<unknown>['parse']> = null;
  try {
    const Readability = readabilityClass();
    article = new Readability<unknown>(document as unknown as Document, { serializer: (node) => node }).parse();
  } catch {
    article = null; // Readability throws on some malformed trees; the body text below still serves
  }
  if (article?.content) text = domToText(article.content as Parameters<typeof domToText>[0]);
  if (text.trim() === '' && document.body) text = domToText(document.body as unknown as Parameters<typeof domToText>[0]);
  return {
    text,
    meta: metaLayer(meta, article?.title ?? null),
    extra: { byline: meta.byline ?? clean(article?.byline) },
  };
}

function metaLayer(meta: ReturnType<typeof readHtmlMeta>, readabilityTitle: string | null) {
  // Readability's title reads JSON-LD, Dublin Core, Open Graph and Parse.ly and cleans <title> of the site's name.
  return { title: clean(readabilityTitle) ?? meta.title, outlet: meta.outlet, url: meta.url, published: meta.published, language: meta.language };
}

function clean(v: string | null | undefined): string | null {
  const s = v?.replace(/\s+/g, ' ').trim();
  return s ? s : null;
}
