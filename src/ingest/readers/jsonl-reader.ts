import { z } from 'zod';
import { failure, type IngestResult } from '../ingest-result.js';
import { describeZodError, isoDateOrDateTime } from '../metadata.js';
import { normalizeNewlines } from '../decode.js';
import type { Input, Reader, ReaderOptions } from './reader.js';
import { buildDocument } from './whole-text.js';
import { splitLines } from './split-lines.js';

/** One JSON Lines record (docs/ingest.md). Unknown fields are ignored, not errors. */
export const jsonlRecordSchema = z.object({
  text: z.string().refine((s) => s.trim() !== '', 'must not be empty'),
  id: z.union([z.string(), z.number()]).nullish(),
  title: z.string().nullish(),
  outlet: z.string().nullish(),
  url: z.string().nullish(),
  published: isoDateOrDateTime.nullish(),
  language: z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 code like en').nullish(),
  byline: z.string().nullish(),
});

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON Lines, streamed: one document per line, read line by line so a file
 * of any size is never loaded whole. Each broken line is reported with its
 * number; the good lines go on.
 */
export const jsonlReader: Reader = {
  name: 'jsonl',
  extensions: ['.jsonl', '.ndjson'],
  contentTypes: ['application/jsonl', 'application/x-ndjson', 'application/x-jsonlines'],
  sniff: (head) => {
    const first = head.replace(/^\uFEFF/, '').split('\n', 1)[0]!.trim();
    if (!first.startsWith('{') || !first.endsWith('}')) return false;
    try {
      return typeof JSON.parse(first) === 'object';
    } catch {
      return false;
    }
  },
  read: readJsonl,
};

async function* readJsonl(input: Input, options: ReaderOptions): AsyncGenerator<IngestResult> {
  let chunks: AsyncIterable<Uint8Array>;
  try {
    chunks = input.chunks();
  } catch (error) {
    yield failure(input.source, 'input.unreadable', `cannot be read: ${(error as Error).message}`);
    return;
  }
  let iterator;
  try {
    iterator = splitLines(chunks, options.maxLineBytes);
    for await (const item of iterator) {
      const at = `${input.source}:${item.line}`;
      if ('tooLong' in item) {
        yield failure(at, 'input.too-large', `line ${item.line} is ${mb(item.tooLong)}, over the limit of ${mb(options.maxLineBytes)} for one line; it was skipped`, { line: item.line });
        continue;
      }
      let raw: string;
      try {
        raw = utf8.decode(item.bytes);
      } catch {
        yield failure(at, 'input.invalid-encoding', `line ${item.line} is not valid UTF-8`, { line: item.line });
        continue;
      }
      if (item.line === 1) raw = raw.replace(/^\uFEFF/, '');
      if (raw.trim() === '') continue; // blank lines are allowed between records
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch (error) {
        yield failure(at, 'input.malformed', `line ${item.line} is not valid JSON: ${(error as Error).message}`, { line: item.line });
        continue;
      }
      const parsed = jsonlRecordSchema.safeParse(json);
      if (!parsed.success) {
        yield failure(at, 'input.malformed', `line ${item.line}: ${describeZodError(parsed.error)}`, { line: item.line });
        continue;
      }
      const r = parsed.data;
      const source = r.id !== undefined && r.id !== null ? `${input.source}#${r.id}` : at;
      yield {
        ok: true,
        doc: buildDocument(
          normalizeNewlines(r.text),
          source,
          [{ title: r.title ?? null, outlet: r.outlet ?? null, url: r.url ?? null, published: r.published ?? null, language: r.language ?? null }, options.overrides],
          { byline: r.byline ?? null },
        ),
      };
    }
  } catch (error) {
    yield failure(input.source, 'input.unreadable', `could not be read to the end: ${(error as Error).message}`);
  }
}

function mb(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`;
}
