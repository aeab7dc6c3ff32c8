import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, DiagnosticCode, SourceDocument } from '../model/index.js';
import { decodeText, MAX_INPUT_BYTES } from './decode.js';
import { documentId } from './document-id.js';
import { markdownToText } from './markdown.js';
import { describeZodError, mergeMeta, sidecarSchema, type MetaOverrides } from './metadata.js';

/** One input that could not be read: which file and what is wrong with it. */
export interface IngestFailure {
  readonly source: string;
  readonly code: DiagnosticCode;
  readonly message: string;
}

export type IngestResult = { readonly ok: true; readonly doc: SourceDocument } | ({ readonly ok: false } & IngestFailure);

export interface ReadFilesOptions {
  /** Values that override every input's own metadata (the CLI's --published, --outlet, --url, --title). */
  readonly overrides?: MetaOverrides;
  readonly maxBytes?: number;
}

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown']);

/**
 * Reads every path given (files, and directories recursively, in sorted order
 * so a run is reproducible), one result per input. A bad input yields a
 * failure naming it; the others go on.
 */
export async function* readFiles(paths: readonly string[], options: ReadFilesOptions = {}): AsyncGenerator<IngestResult> {
  for (const given of paths) {
    let stat;
    try {
      stat = await fs.stat(given);
    } catch {
      yield { ok: false, source: given, code: 'input.not-found', message: 'no such file or directory' };
      continue;
    }
    if (stat.isDirectory()) {
      for (const file of await listTextFiles(given)) yield await readOne(file, options);
    } else {
      yield await readOne(given, options);
    }
  }
}

async function listTextFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listTextFiles(full)));
    else if (entry.isFile() && TEXT_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) out.push(full);
  }
  return out;
}

async function readOne(file: string, options: ReadFilesOptions): Promise<IngestResult> {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  let bytes: Uint8Array;
  try {
    const handle = await fs.open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) {
        return { ok: false, source: file, code: 'input.too-large', message: `is ${(size / 1024 / 1024).toFixed(1)} MB, over the limit of ${(maxBytes / 1024 / 1024).toFixed(1)} MB` };
      }
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { ok: false, source: file, code: 'input.unreadable', message: `cannot be read: ${(error as Error).message}` };
  }
  const decoded = decodeText(bytes, maxBytes);
  if (!decoded.ok) return { ok: false, source: file, code: decoded.code, message: decoded.message };
  const ext = path.extname(file).toLowerCase();
  const text = ext === '.md' || ext === '.markdown' ? markdownToText(decoded.text) : decoded.text;
  if (text.trim() === '') return { ok: false, source: file, code: 'input.empty', message: 'has no text once markup is removed' };
  const sidecar = await readSidecar(file);
  if (!sidecar.ok) return { ok: false, source: sidecar.path, code: 'input.bad-metadata', message: sidecar.message };
  const diagnostics: Diagnostic[] = [];
  const meta = mergeMeta(file, sidecar.meta, options.overrides);
  return { ok: true, doc: { id: documentId(text), text, meta, diagnostics } };
}

type SidecarResult = { ok: true; meta: MetaOverrides | undefined } | { ok: false; path: string; message: string };

/** `NAME.meta.json` beside `NAME.txt` (or `NAME.md`). */
async function readSidecar(file: string): Promise<SidecarResult> {
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
    return { ok: false, path: sidecarPath, message: `is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = sidecarSchema.safeParse(json);
  if (!parsed.success) return { ok: false, path: sidecarPath, message: describeZodError(parsed.error) };
  const { title, outlet, url, published, language } = parsed.data;
  return { ok: true, meta: { title: title ?? null, outlet: outlet ?? null, url: url ?? null, published: published ?? null, language: language ?? null } };
}
