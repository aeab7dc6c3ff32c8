import { z } from 'zod';
import { failure, type IngestResult } from '../ingest-result.js';
import { isoDateOrDateTime } from '../metadata.js';
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

/** The fields a record can give, after `--map` (docs/ingest.md). */
export const JSONL_FIELDS = ['text', 'id', 'title', 'outlet', 'url', 'published', 'language', 'byline'] as const;
export type JsonlField = (typeof JSONL_FIELDS)[number];

export interface JsonlRecord {
  readonly text: string;
  readonly id: string | number | null;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly language: string | null;
  readonly byline: string | null;
}

/**
 * `--map text=summary,published=date`: our field for each of the record's.
 * A field may name a nested one with dots (`text=body.content`). Unknown
 * fields of ours, or a field mapped twice, are errors that say so.
 */
export function parseFieldMap(spec: string): { map: Record<string, string> } | { error: string } {
  const map: Record<string, string> = {};
  for (const pair of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z]+)\s*=\s*(\S.*)$/.exec(pair);
    if (!m) return { error: `"${pair}" is not FIELD=THEIRS (e.g. text=summary)` };
    const [, ours, theirs] = m as unknown as [string, string, string];
    if (!(JSONL_FIELDS as readonly string[]).includes(ours)) return { error: `"${ours}" is not a field counterclaim reads; the fields are ${JSONL_FIELDS.join(', ')}` };
    if (map[ours] !== undefined) return { error: `"${ours}" is mapped twice` };
    map[ours] = theirs.trim();
  }
  return { map };
}

/**
 * The dates feeds and news datasets write: ISO 8601 / RFC 3339 (Atom) as it
 * is, RFC 822 / RFC 1123 (RSS: "Thu, 06 Nov 2025 10:00:00 GMT", also with a
 * numeric zone or a 2-digit year) as UTC; anything else null.
 */
export function feedDate(value: string): string | null {
  const v = value.trim();
  if (isoDateOrDateTime.safeParse(v).success) return v.replace(' ', 'T');
  if (/^(?:[A-Za-z]{3},?\s+)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[A-Za-z]{1,5}|[+-]\d{4}))?$/.test(v)) {
    const ms = Date.parse(v);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString().replace('.000Z', 'Z');
  }
  return null;
}

function describeJson(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v === 'number' ? 'the number' : 'the value'} ${String(v)}`;
}

/**
 * A parsed line as a record, its fields read through `map`, checked with
 * messages of our own that name the field (and the record's field it came from).
 */
export function jsonlRecord(json: unknown, map: Readonly<Record<string, string>>): { record: JsonlRecord } | { error: string } {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { error: `is ${describeJson(json)}, not a JSON object with a "text" field` };
  const obj = json as Record<string, unknown>;
  const name = (field: JsonlField): string => (map[field] ? `"${field}" (read from "${map[field]}")` : `"${field}"`);
  const get = (field: JsonlField): unknown => {
    const path = map[field] ?? field;
    let v: unknown = obj;
    for (const key of path.split('.')) v = v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;
    return v;
  };
  const text = get('text');
  if (text === undefined || text === null) {
    const fields = Object.keys(obj);
    return { error: `has no ${name('text')} field${fields.length ? `; its fields are ${fields.slice(0, 12).join(', ')}${map.text ? '' : ' (name the one with the article with --map text=FIELD)'}` : ''}` };
  }
  if (typeof text !== 'string') return { error: `field ${name('text')} must be text, not ${describeJson(text)}` };
  if (text.trim() === '') return { error: `field ${name('text')} is empty` };
  const out: Record<string, string | number | null> = { text };
  for (const field of ['title', 'outlet', 'url', 'byline', 'language', 'published', 'id'] as const) {
    const v = get(field);
    if (v === undefined || v === null || v === '') {
      out[field] = null;
      continue;
    }
    if (field === 'id' && typeof v === 'number') {
      out.id = v;
      continue;
    }
    if (typeof v !== 'string') return { error: `field ${name(field)} must be text, not ${describeJson(v)}` };
    if (field === 'published') {
      const date = feedDate(v);
      if (!date) return { error: `field ${name(field)} is ${describeJson(v)}, not a date counterclaim reads (ISO 8601 like 2025-11-06 or 2025-11-06T08:30:00Z, or RFC 822 like Thu, 06 Nov 2025 08:30:00 GMT)` };
      out.published = date;
    } else if (field === 'language') {
      const code = v.trim().toLowerCase();
      if (!/^[a-z]{2,3}(?:[-_][a-z0-9]+)*$/.test(code)) return { error: `field ${name(field)} is ${describeJson(v)}, not an ISO 639 language code like en or uk` };
      out.language = code.slice(0, code.search(/[-_]|$/));
    } else out[field] = v;
  }
  return { record: out as unknown as JsonlRecord };
}

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
      const parsed = jsonlRecord(json, options.fieldMap ?? {});
      if ('error' in parsed) {
        yield failure(at, 'input.malformed', `line ${item.line}: ${parsed.error}`, { line: item.line });
        continue;
      }
      const r = parsed.record;
      const source = r.id !== null ? `${input.source}#${r.id}` : at;
      yield {
        ok: true,
        doc: buildDocument(
          normalizeNewlines(r.text),
          source,
          [{ title: r.title, outlet: r.outlet, url: r.url, published: r.published, language: r.language }, options.overrides],
          { byline: r.byline },
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
