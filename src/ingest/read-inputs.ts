import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, SourceDocument } from '../model/index.js';
import { MAX_INPUT_BYTES } from './decode.js';
import type { MetaOverrides } from './metadata.js';
import { failure, type IngestResult } from './ingest-result.js';
import { textProblem } from './text-problem.js';
import type { Input, Reader, ReaderOptions } from './readers/reader.js';
import { readerForContent, readerForContentType, readerForName } from './readers/registry.js';
import { fileInput } from './inputs/file-input.js';
import { memoryInput } from './inputs/memory-input.js';
import { stdinInput } from './inputs/stdin-input.js';
import { fetchUrl, type FetchOptions } from './inputs/fetch-url.js';
import { globBase, globToRegExp, isGlob } from './inputs/glob.js';
import { detectLanguage, LANGUAGE_NAMES, MIXED_SHARE, otherScriptShare } from './language/detect-language.js';

export interface ReadInputsOptions {
  /** Values that override every input's own metadata (the CLI's --published, --outlet, --url, --title). */
  readonly overrides?: MetaOverrides;
  readonly maxBytes?: number;
  readonly maxLineBytes?: number;
  /** JSON Lines: our field -> the record's field it is read from (the CLI's --map). */
  readonly fieldMap?: Readonly<Record<string, string>>;
  readonly fetch?: FetchOptions;
  /** Standard input, for `-` (tests pass their own). */
  readonly stdin?: AsyncIterable<Uint8Array>;
}

/** Default ceiling on one JSON Lines line. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

/** One thing the user named, once globs and directories are expanded. */
export type InputSpec = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'stdin' } | { readonly kind: 'url'; readonly url: string };

/**
 * Expands what the user named into inputs: files, directories (recursively,
 * files with a known extension, in sorted order so a run is reproducible),
 * globs, `-` for standard input, http(s) URLs. A name that matches nothing is
 * a failure naming it.
 */
export async function* expandInputs(args: readonly string[]): AsyncGenerator<InputSpec | IngestResult> {
  let stdinNamed = false;
  for (const arg of args) {
    if (arg === '-') {
      if (stdinNamed) yield failure(arg, 'input.unreadable', 'standard input is named more than once; it can be read only once');
      else yield { kind: 'stdin' };
      stdinNamed = true;
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) {
      yield { kind: 'url', url: arg };
      continue;
    }
    let stat;
    try {
      stat = await fs.stat(arg);
    } catch {
      if (isGlob(arg)) {
        const matches = await expandGlob(arg);
        if (matches.length === 0) yield failure(arg, 'input.not-found', 'matches no file');
        for (const file of matches) yield { kind: 'file', path: file };
      } else yield failure(arg, 'input.not-found', 'no such file or directory');
      continue;
    }
    if (stat.isDirectory()) {
      for (const file of await listInputFiles(arg)) yield typeof file === 'string' ? { kind: 'file', path: file } : file;
    }
    else yield { kind: 'file', path: arg };
  }
}

/** Reads one input with the reader its name, content type or first bytes pick, and marks each document's language. */
export async function* readInput(spec: InputSpec, options: ReadInputsOptions = {}): AsyncGenerator<IngestResult> {
  const readerOptions: ReaderOptions = {
    ...(options.overrides ? { overrides: options.overrides } : {}),
    maxBytes: options.maxBytes ?? MAX_INPUT_BYTES,
    maxLineBytes: options.maxLineBytes ?? MAX_LINE_BYTES,
    ...(options.fieldMap ? { fieldMap: options.fieldMap } : {}),
  };
  let input: Input;
  let reader: Reader | null;
  if (spec.kind === 'file') {
    input = fileInput(spec.path);
    reader = readerForName(spec.path) ?? readerForContent(await readHead(spec.path));
  } else if (spec.kind === 'stdin') {
    const { input: stdin, head } = await stdinInput(options.stdin ?? process.stdin);
    input = stdin;
    reader = readerForContent(head);
  } else {
    const fetched = await fetchUrl(spec.url, { maxBytes: readerOptions.maxBytes, ...options.fetch });
    if (!fetched.ok) {
      yield failure(spec.url, fetched.code, fetched.message);
      return;
    }
    const name = new URL(fetched.url).pathname;
    input = memoryInput(spec.url, name, fetched.bytes, fetched.contentType, { charset: fetched.charset, url: fetched.url });
    reader = readerForContentType(fetched.contentType) ?? readerForName(name) ?? readerForContent(fetched.bytes);
    if (reader.name === 'text' && fetched.contentType !== 'text/plain') reader = readerForContent(fetched.bytes);
    if (reader.name === 'feed' && !readerForContent(fetched.bytes).name.match(/feed/)) reader = readerForContent(fetched.bytes); // application/xml that is really HTML
  }
  if (!reader) {
    yield failure(input.source, 'input.unsupported-format', 'is in a format counterclaim does not read');
    return;
  }
  // A reader that throws fails its input, not the run: the inputs after it are still read (issue 19).
  try {
    for await (const result of reader.read(input, readerOptions)) {
      // Escapes inside JSON, feeds and pages can make what bytes cannot: NULs, lone surrogates.
      const problem = result.ok ? textProblem(result.doc.text) : null;
      if (result.ok && problem) yield failure(result.doc.meta.source ?? input.source, problem.code, problem.message);
      else yield result.ok ? { ok: true, doc: withLanguage(result.doc) } : result;
    }
  } catch (error) {
    yield failure(input.source, 'input.malformed', `could not be read (${reader.name}): ${(error as Error).message}`);
  }
}

/** Every input of every argument, one result per document or problem. */
export async function* readInputs(args: readonly string[], options: ReadInputsOptions = {}): AsyncGenerator<IngestResult> {
  for await (const spec of expandInputs(args)) {
    if ('ok' in spec) yield spec;
    else yield* readInput(spec, options);
  }
}

/** The languages the pipeline reads (issue 14: Russian and Ukrainian with their own resources, data/<concern>/<language>/). */
export const ANALYSED_LANGUAGES: ReadonlySet<string> = new Set(['en', 'ru', 'uk']);

/**
 * Records the language (the input's own, or detected). A document in a language
 * the pipeline does not read gets an info diagnostic: it is stored and
 * searchable but not read (see isAnalysable). One that mixes scripts (a Russian
 * post quoting an English statement at length) is read in its main language,
 * with an info diagnostic saying so.
 */
export function withLanguage(doc: SourceDocument): SourceDocument {
  const stated = doc.meta.language;
  const language = stated ?? detectLanguage(doc.text);
  const diagnostics: Diagnostic[] = [...doc.diagnostics];
  const rule = stated ? 'language.stated' : 'language.detect';
  if (language === null || !ANALYSED_LANGUAGES.has(language)) {
    const name = language ? `${LANGUAGE_NAMES[language as keyof typeof LANGUAGE_NAMES] ?? language} (${language})` : 'a language that could not be determined';
    diagnostics.push({
      code: 'input.language-unsupported', severity: 'info', stage: 'ingest', rule,
      message: `text is in ${name}: stored and searchable, not analysed (English, Russian and Ukrainian are analysed)`,
    });
  } else {
    const other = otherScriptShare(doc.text, language);
    if (other >= MIXED_SHARE) {
      const name = LANGUAGE_NAMES[language as keyof typeof LANGUAGE_NAMES];
      diagnostics.push({
        code: 'input.language-mixed', severity: 'info', stage: 'ingest', rule: 'language.mixed',
        message: `${Math.round(other * 100)}% of the letters are in another script than ${name}'s: the text is read as ${name} (${language}), the rest may be missed`,
      });
    }
  }
  return { ...doc, meta: { ...doc.meta, language }, diagnostics };
}

/** Whether the pipeline reads this document (English, Russian, Ukrainian). */
export function isAnalysable(doc: SourceDocument): boolean {
  return !doc.diagnostics.some((d) => d.code === 'input.language-unsupported');
}

async function readHead(file: string): Promise<Uint8Array> {
  try {
    const handle = await fs.open(file, 'r');
    try {
      const buffer = new Uint8Array(8192);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return new Uint8Array(0); // the reader reports the problem with the right wording
  }
}

/**
 * The files of a directory, recursively, that a reader takes by name. A symbolic link to a
 * file is read like the file; one to a directory is not followed (it may lead back up), and
 * says so, as does a broken one (issue 19: links were passed over without a word).
 */
async function listInputFiles(dir: string): Promise<Array<string | IngestResult>> {
  const out: Array<string | IngestResult> = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listInputFiles(full)));
    else if (entry.isFile() && readerForName(entry.name)) out.push(full);
    else if (entry.isSymbolicLink()) {
      const target = await fs.stat(full).catch(() => null);
      if (target === null) out.push(failure(full, 'input.not-found', 'is a symbolic link to nothing'));
      else if (target.isDirectory()) out.push(failure(full, 'input.unsupported-format', 'is a symbolic link to a directory, not followed inside a directory (name it on the command line to read it)'));
      else if (target.isFile() && readerForName(entry.name)) out.push(full);
    }
  }
  return out;
}

/**
 * The files a glob matches, sorted. As in a shell, a wildcard does not match
 * a name starting with `.` (so `**` does not enter `.git`), and, as in a
 * directory, `NAME.meta.json` sidecars are metadata, never inputs. Paths are
 * joined as written (not normalised), so `a/../b/*.txt` matches what it names.
 */
async function expandGlob(glob: string): Promise<string[]> {
  const base = globBase(glob);
  const pattern = glob.startsWith('./') ? glob.slice(2) : glob;
  const re = globToRegExp(pattern);
  const namesDotSegment = pattern.split('/').some((seg) => seg.startsWith('.') && seg !== '.' && seg !== '..');
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = dir === '.' ? entry.name : `${dir.replace(/^\.\//, '').replace(/\/$/, '')}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') || namesDotSegment) await walk(full);
      } else if (entry.isFile() && re.test(full) && !entry.name.toLowerCase().endsWith('.meta.json')) out.push(full);
    }
  };
  await walk(base);
  return out;
}
