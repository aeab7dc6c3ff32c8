import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { DocumentMeta, SourceDocument } from '../../model/index.js';
import { decodeText } from '../decode.js';
import { documentId } from '../document-id.js';
import { describeZodError, mergeMeta, sidecarSchema, type MetaOverrides } from '../metadata.js';
import { failure, type IngestResult } from '../ingest-result.js';
import type { Input, ReaderOptions } from './reader.js';

export type WholeText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly result: IngestResult };

/** An input's whole contents as text: bounded in size, decoded strictly (decode.ts). */
export async function readWholeText(input: Input, options: ReaderOptions): Promise<WholeText> {
  const read = await input.bytes(options.maxBytes);
  if (!read.ok) return { ok: false, result: failure(input.source, read.code, read.message) };
  const decoded = decodeText(read.bytes, options.maxBytes, input.charset ?? null);
  if (!decoded.ok) return { ok: false, result: failure(input.source, decoded.code, decoded.message) };
  return { ok: true, text: decoded.text };
}

/** Extra metadata a reader found that `MetaOverrides` does not carry. */
export interface ExtraMeta {
  readonly byline?: string | null;
  readonly forwardedFrom?: string | null;
}

/**
 * A SourceDocument from reader output. Layers are merged in order, later wins:
 * the input's own metadata, then the sidecar, then the command line.
 */
export function buildDocument(text: string, source: string, layers: ReadonlyArray<MetaOverrides | undefined>, extra: ExtraMeta = {}): SourceDocument {
  const base: DocumentMeta = mergeMeta(source, ...layers);
  const meta: DocumentMeta = {
    ...base,
    ...(extra.byline ? { byline: extra.byline } : {}),
    ...(extra.forwardedFrom ? { forwardedFrom: extra.forwardedFrom } : {}),
  };
  return { id: documentId(text), text, meta, diagnostics: [] };
}

export type SidecarResult = { ok: true; meta: MetaOverrides | undefined } | { ok: false; result: IngestResult };

/** `NAME.meta.json` beside `NAME.txt` (or any other single-document file). */
export async function readSidecar(input: Input): Promise<SidecarResult> {
  if (!input.isFile) return { ok: true, meta: undefined };
  const file = input.source;
  const sidecarPath = path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.meta.json`);
  let raw: string;
  try {
    raw = await fs.readFile(sidecarPath, 'utf8');
  } catch {
    return { ok: true, meta: undefined };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { ok: false, result: failure(sidecarPath, 'input.bad-metadata', `is not valid JSON: ${(error as Error).message}`) };
  }
  const parsed = sidecarSchema.safeParse(json);
  if (!parsed.success) return { ok: false, result: failure(sidecarPath, 'input.bad-metadata', describeZodError(parsed.error)) };
  const { title, outlet, url, published, language } = parsed.data;
  return { ok: true, meta: { title: title ?? null, outlet: outlet ?? null, url: url ?? null, published: published ?? null, language: language ?? null } };
}

/** The common path of single-document readers: whole text, convert, sidecar, document. */
export async function* readSingleDocument(
  input: Input,
  options: ReaderOptions,
  convert: (text: string) => { text: string; meta?: MetaOverrides; extra?: ExtraMeta } | { error: string },
): AsyncGenerator<IngestResult> {
  const whole = await readWholeText(input, options);
  if (!whole.ok) {
    yield whole.result;
    return;
  }
  // The conversion inside the reader's error handling: a page it cannot make sense of is this
  // input's problem, never the run's (issue 19: an HTML file without a root tag ended the run).
  let converted: ReturnType<typeof convert>;
  try {
    converted = convert(whole.text);
  } catch (error) {
    converted = { error: `could not be read: ${(error as Error).message}` };
  }
  if ('error' in converted) {
    yield failure(input.source, 'input.malformed', converted.error);
    return;
  }
  if (converted.text.trim() === '') {
    yield failure(input.source, 'input.empty', 'has no text once markup is removed');
    return;
  }
  const sidecar = await readSidecar(input);
  if (!sidecar.ok) {
    yield sidecar.result;
    return;
  }
  yield { ok: true, doc: buildDocument(converted.text, input.source, [converted.meta, sidecar.meta, options.overrides], converted.extra) };
}
