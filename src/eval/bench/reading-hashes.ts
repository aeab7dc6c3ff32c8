import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceDocument } from '../../ingest/index.js';
import type { DocumentMeta } from '../../model/index.js';
import type { Pipeline } from '../../read/pipeline.js';
import { ledgerJson, toLedgerDocument } from '../../report/ledger-json.js';

/**
 * The reading pipeline's output, pinned byte for byte (issue 16): the SHA-256 of
 * each document's ledger JSON (what `analyze --json` prints for it alone) over
 * the bundled example, the PolNeAR texts and the warnews texts, against the
 * committed READING_HASHES_FILE. A change meant to be faster must leave every
 * hash as it is; a change meant to read differently regenerates the file with
 * `npm run hashes -- --write`, an explicit step whose diff is reviewed.
 *
 * Corpora that are not on this machine (PolNeAR under ../shared/data, the
 * git-ignored warnews texts) are skipped and named as skipped, never failed.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
// beside this file in src/ (also when run from the build in dist/)
export const READING_HASHES_FILE = path.join(root, 'src', 'eval', 'bench', 'reading-hashes.txt');
/** The publication date the PolNeAR texts are read with (as `npm run bench` reads them): relative times resolve. */
export const POLNEAR_PUBLISHED = '2016-10-01';

export interface HashCorpus {
  /** The name the file's lines begin with: `<hash>  <corpus>/<relative path>`. */
  readonly name: string;
  readonly dir: string;
  /** The metadata of a text that has no `<name>.meta.json` beside it. */
  readonly defaults: Partial<DocumentMeta>;
}

export interface CorpusOptions {
  readonly polnear?: string;
  readonly warnews?: string;
}

/** The example, PolNeAR (`../shared/data/polnear`) and warnews (`$COUNTERCLAIM_WARNEWS`, else `.cache/warnews`). */
export function hashCorpora(options: CorpusOptions = {}): HashCorpus[] {
  return [
    { name: 'example', dir: path.join(root, 'example'), defaults: {} },
    { name: 'polnear', dir: path.resolve(options.polnear ?? path.join(root, '..', 'shared', 'data', 'polnear')), defaults: { published: POLNEAR_PUBLISHED } },
    { name: 'warnews', dir: path.resolve(options.warnews ?? process.env.COUNTERCLAIM_WARNEWS ?? path.join(root, '.cache', 'warnews')), defaults: {} },
  ];
}

/** Every .txt file under `dir`, recursively, as paths relative to it with forward slashes, sorted. */
function textFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.txt')) out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** The metadata in `<name>.meta.json` beside a text (example, warnews), over the corpus defaults. */
function metaOf(file: string, defaults: Partial<DocumentMeta>): Partial<DocumentMeta> {
  const metaFile = file.replace(/\.txt$/, '.meta.json');
  if (!existsSync(metaFile)) return defaults;
  let meta: Record<string, unknown>;
  try {
    meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`reading hashes: ${metaFile} is not valid JSON (${(error as Error).message})`);
  }
  const field = (key: string): string | null | undefined => {
    const v = meta[key];
    if (v === undefined || v === null || typeof v === 'string') return v;
    throw new Error(`reading hashes: ${metaFile}: "${key}" must be a string or null, not ${JSON.stringify(v)}`);
  };
  return { ...defaults, title: field('title'), outlet: field('outlet'), url: field('url'), published: field('published') ?? defaults.published, language: field('language') };
}

/** The SHA-256 (hex) of one document's ledger JSON. */
export function documentHash(pipeline: Pipeline, text: string, meta: Partial<DocumentMeta>): string {
  const json = ledgerJson([toLedgerDocument(pipeline.read(sourceDocument(text, meta)))]);
  return createHash('sha256').update(json).digest('hex');
}

export interface ComputedHashes {
  /** `<corpus>/<relative path>` → hash, for every text of every corpus present. */
  readonly hashes: Map<string, string>;
  readonly present: string[];
  readonly absent: Array<{ name: string; dir: string }>;
}

/** Reads every text of the corpora that are present and hashes its output. */
export function computeHashes(pipeline: Pipeline, corpora: readonly HashCorpus[], onProgress?: (done: number, corpus: string) => void): ComputedHashes {
  const hashes = new Map<string, string>();
  const present: string[] = [];
  const absent: Array<{ name: string; dir: string }> = [];
  for (const corpus of corpora) {
    if (!existsSync(corpus.dir)) {
      absent.push({ name: corpus.name, dir: corpus.dir });
      continue;
    }
    present.push(corpus.name);
    const files = textFiles(corpus.dir);
    if (files.length === 0) throw new Error(`reading hashes: ${corpus.dir} (${corpus.name}) holds no .txt files`);
    for (const rel of files) {
      const full = path.join(corpus.dir, rel);
      hashes.set(`${corpus.name}/${rel}`, documentHash(pipeline, readFileSync(full, 'utf8'), metaOf(full, corpus.defaults)));
      onProgress?.(hashes.size, corpus.name);
    }
  }
  return { hashes, present, absent };
}

/** Parses the hash file: `<64 hex>  <corpus>/<path>` a line; a malformed line is an error naming the file and line. */
export function parseHashFile(text: string, file = READING_HASHES_FILE): Map<string, string> {
  const out = new Map<string, string>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const m = /^([0-9a-f]{64}) {2}(\S(?:.*\S)?)$/.exec(line);
    if (!m) throw new Error(`${file}:${i + 1}: expected "<sha256 hex>  <corpus>/<path>", got ${JSON.stringify(line.slice(0, 80))}`);
    if (out.has(m[2]!)) throw new Error(`${file}:${i + 1}: ${m[2]} is listed twice`);
    out.set(m[2]!, m[1]!);
  });
  return out;
}

export function formatHashFile(hashes: ReadonlyMap<string, string>): string {
  const lines = [...hashes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, hash]) => `${hash}  ${name}`);
  return `# SHA-256 of each document's ledger JSON (src/eval/bench/reading-hashes.ts). Regenerate deliberately: npm run hashes -- --write\n${lines.join('\n')}\n`;
}

export interface HashComparison {
  readonly checked: number;
  /** Documents whose output changed. */
  readonly changed: string[];
  /** Documents of a present corpus that the file does not list. */
  readonly unlisted: string[];
  /** Listed documents of a present corpus that are not there any more. */
  readonly missing: string[];
  /** Listed documents of corpora not on this machine: not checked. */
  readonly skipped: number;
}

export function compareHashes(expected: ReadonlyMap<string, string>, computed: ComputedHashes): HashComparison {
  const changed: string[] = [];
  const unlisted: string[] = [];
  const missing: string[] = [];
  let checked = 0;
  let skipped = 0;
  for (const [name, hash] of computed.hashes) {
    const want = expected.get(name);
    if (want === undefined) unlisted.push(name);
    else if (want !== hash) changed.push(name);
    else checked++;
  }
  for (const name of expected.keys()) {
    const corpus = name.slice(0, name.indexOf('/'));
    if (!computed.present.includes(corpus)) skipped++;
    else if (!computed.hashes.has(name)) missing.push(name);
  }
  return { checked, changed, unlisted, missing, skipped };
}

/** One paragraph saying what differs, for an error or the script's output; empty when nothing does. */
export function describeDifferences(c: HashComparison): string {
  const parts: string[] = [];
  const list = (names: string[]): string => `${names.slice(0, 10).join(', ')}${names.length > 10 ? ` and ${names.length - 10} more` : ''}`;
  if (c.changed.length > 0) parts.push(`${c.changed.length} document(s) read differently: ${list(c.changed)}`);
  if (c.unlisted.length > 0) parts.push(`${c.unlisted.length} document(s) not in ${path.relative(root, READING_HASHES_FILE)}: ${list(c.unlisted)}`);
  if (c.missing.length > 0) parts.push(`${c.missing.length} listed document(s) missing: ${list(c.missing)}`);
  return parts.length === 0 ? '' : `${parts.join('; ')}. If the change of output is intended, regenerate with npm run hashes -- --write and review the diff.`;
}
