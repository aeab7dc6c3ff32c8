import { z } from 'zod';
import { failure, type IngestResult } from '../ingest-result.js';
import { describeZodError, isoDateOrDateTime } from '../metadata.js';
import { looksLikeUtf16, normalizeNewlines } from '../decode.js';
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
    const body = head.replace(/^\uFEFF/, '');
    const nl = body.indexOf('\n');
    const first = (nl < 0 ? body : body.slice(0, nl)).trim();
    // A first line longer than the head (a long article on one line): an object's start is enough.
    if (nl < 0 && body.length >= 4096) return /^\{\s*"[^"\n]*"\s*:/.test(first);
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
    chunks = utf16ToUtf8(input.chunks());
  } catch (error) {
    yield failure(input.source, 'input.unreadable', `cannot be read: ${(error as Error).message}`);
    return;
  }
  let iterator;
  let lines = 0; // lines that are not blank: a file without one is empty, and says so (issue 19)
  try {
    iterator = splitLines(chunks, options.maxLineBytes);
    for await (const item of iterator) {
      const at = `${input.source}:${item.line}`;
      if (!('bytes' in item) || item.bytes.some((b) => b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0xef && b !== 0xbb && b !== 0xbf)) lines++;
      if ('tooLong' in item) {
        yield failure(at, 'input.too-large', `line ${item.line} is ${mb(item.tooLong)}, over the limit of ${mb(options.maxLineBytes)} for one line; it was skipped`, { line: item.line });
        continue;
      }
      let raw: string;
      if (item.bytes.includes(0)) {
        if (item.line === 1 && looksLikeUtf16(item.bytes)) {
          // Every line would fail the same way: one message for the file.
          yield failure(input.source, 'input.invalid-encoding', 'looks like UTF-16 without a byte-order mark, which is not guessed; JSON Lines must be UTF-8 (or UTF-16 with a BOM). Nothing was read');
          return;
        }
        yield failure(at, 'input.invalid-encoding', `line ${item.line} contains NUL bytes, which JSON Lines (UTF-8 text) cannot hold`, { line: item.line });
        continue;
      }
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
    if (lines === 0) yield failure(input.source, 'input.empty', 'has no records (JSON Lines: one JSON object per line)');
  } catch (error) {
    if (error instanceof Utf16Error) yield failure(input.source, 'input.invalid-encoding', error.message);
    else yield failure(input.source, 'input.unreadable', `could not be read to the end: ${(error as Error).message}`);
  }
}

class Utf16Error extends Error {}

/**
 * A stream that starts with a UTF-16 byte-order mark, re-encoded as UTF-8 as
 * it goes (a chunk at a time, so the line limit still holds); any other
 * stream passes through untouched. Invalid UTF-16 (a lone surrogate, an odd
 * byte at the end) stops the file at the exact byte: everything before it
 * has been passed on, so the lines before it are read.
 */
async function* utf16ToUtf8(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let littleEndian: boolean | null = null;
  let label = '';
  let decoder: TextDecoder | null = null;
  let carry: Uint8Array = new Uint8Array(0); // bytes of a character not yet whole (or, at first, fewer than 2 bytes)
  let offset = 0; // file offset of carry[0]
  const encoder = new TextEncoder();
  const invalid = (at: number, what: string): Utf16Error =>
    new Utf16Error(`starts with a ${label} byte-order mark but is not valid ${label}: ${what} at byte ${at}; the lines before it were read`);
  const iterator = chunks[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const chunk = next.value;
      let buf: Uint8Array = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      if (littleEndian === null) {
        if (buf.length < 2) {
          carry = buf.slice();
          continue;
        }
        const le = buf[0] === 0xff && buf[1] === 0xfe;
        const be = buf[0] === 0xfe && buf[1] === 0xff;
        if (!le && !be) {
          // Not UTF-16: pass everything through as it is.
          yield buf;
          for (;;) {
            const rest = await iterator.next();
            if (rest.done) return;
            yield rest.value;
          }
        }
        littleEndian = le;
        label = le ? 'UTF-16LE' : 'UTF-16BE';
        decoder = new TextDecoder(le ? 'utf-16le' : 'utf-16be');
        buf = buf.subarray(2);
        offset = 2;
      }
      const unit = (i: number): number => (littleEndian ? buf[i]! | (buf[i + 1]! << 8) : (buf[i]! << 8) | buf[i + 1]!);
      let i = 0;
      let bad: string | null = null;
      while (i + 1 < buf.length) {
        const u = unit(i);
        if (u >= 0xd800 && u <= 0xdbff) {
          if (i + 3 >= buf.length) break; // its pair is in the next chunk
          const low = unit(i + 2);
          if (low < 0xdc00 || low > 0xdfff) {
            bad = 'a high surrogate without its low half';
            break;
          }
          i += 4;
        } else if (u >= 0xdc00 && u <= 0xdfff) {
          bad = 'a low surrogate without its high half';
          break;
        } else i += 2;
      }
      if (i > 0) yield encoder.encode(decoder!.decode(buf.subarray(0, i)));
      if (bad) throw invalid(offset + i, bad);
      carry = buf.slice(i);
      offset += i;
    }
  } finally {
    await iterator.return?.(); // stopped early (Ctrl-C, an error): the file is closed
  }
  if (littleEndian === null) {
    if (carry.length > 0) yield carry;
    return;
  }
  if (carry.length > 0) throw invalid(offset, carry.length === 1 ? 'a lone byte at the end' : 'a high surrogate at the end');
}

function mb(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`;
}
