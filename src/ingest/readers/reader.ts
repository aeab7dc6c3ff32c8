import type { MetaOverrides } from '../metadata.js';
import type { IngestResult } from '../ingest-result.js';

/** One thing to read: a file, standard input, or a fetched URL. */
export interface Input {
  /** How the user named it (a path, `-`, a URL): every message and `meta.source` use it. */
  readonly source: string;
  /** A file name to dispatch on (`.html`, `.jsonl`...): the path, or a URL's path. */
  readonly name: string;
  /** The Content-Type a server sent, if any. */
  readonly contentType?: string;
  /** The charset a server declared with it (`text/html; charset=windows-1251`), if any: decode.ts honours it. */
  readonly charset?: string;
  /** The address a fetched input came from, after redirects: relative links in it resolve against it. */
  readonly url?: string;
  /** True for files on disk: they may have a `NAME.meta.json` sidecar. */
  readonly isFile: boolean;
  /** The whole contents, refused (not read) over `maxBytes`. */
  bytes(maxBytes: number): Promise<BytesResult>;
  /** The contents in chunks, for readers that stream (JSON Lines). */
  chunks(): AsyncIterable<Uint8Array>;
}

export type BytesResult = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly code: 'input.too-large' | 'input.unreadable'; readonly message: string };

export interface ReaderOptions {
  readonly overrides?: MetaOverrides;
  /** Ceiling on one whole-read input (text, HTML, feed, Telegram export). */
  readonly maxBytes: number;
  /** Ceiling on one JSON Lines line. */
  readonly maxLineBytes: number;
  /** JSON Lines: our field -> the record's field it is read from (`--map text=summary,published=date`). */
  readonly fieldMap?: Readonly<Record<string, string>>;
}

export type ReaderName = 'text' | 'markdown' | 'html' | 'feed' | 'jsonl' | 'telegram' | 'zip';

/** Reads one kind of input into documents; a bad record is a failure result, the others go on. */
export interface Reader {
  readonly name: ReaderName;
  /** Lower-case file extensions this reader owns, with the dot. */
  readonly extensions: readonly string[];
  /** Content types (without parameters) this reader owns, for URLs. */
  readonly contentTypes: readonly string[];
  /** Whether the first bytes (decoded leniently) look like this format; used when the name says nothing. */
  sniff(head: string): boolean;
  read(input: Input, options: ReaderOptions): AsyncIterable<IngestResult>;
}
