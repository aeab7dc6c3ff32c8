import { createRequire } from 'node:module';
import type { parseHTML as ParseHtml } from 'linkedom';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type * as FastXmlParser from 'fast-xml-parser';

/**
 * linkedom and Readability cost about 0.2 s to load, and only HTML pages and
 * feeds with HTML content need them: they are required on first use, not at
 * start-up, so `analyze notes.txt` does not pay for them. Both packages ship a
 * CommonJS build, so the load stays synchronous for the synchronous readers.
 */
const require = createRequire(import.meta.url);
let linkedom: { parseHTML: typeof ParseHtml } | null = null;
let readability: { Readability: typeof ReadabilityClass } | null = null;
let fastXmlParser: typeof FastXmlParser | null = null;

export function parseHTML(html: string): ReturnType<typeof ParseHtml> {
  linkedom ??= require('linkedom') as { parseHTML: typeof ParseHtml };
  return linkedom.parseHTML(html);
}

export function readabilityClass(): typeof ReadabilityClass {
  readability ??= require('@mozilla/readability') as { Readability: typeof ReadabilityClass };
  return readability.Readability;
}

/** fast-xml-parser (with its table of HTML entities): feeds alone need it, so it is loaded on the first feed (CLI start-up). */
export function xmlParserModule(): typeof FastXmlParser {
  fastXmlParser ??= require('fast-xml-parser') as typeof FastXmlParser;
  return fastXmlParser;
}
