import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import type { DiagnosticCode } from '../../model/index.js';
import { failure, type IngestResult } from '../ingest-result.js';
import { memoryInput } from '../inputs/memory-input.js';
import type { Input, Reader, ReaderOptions } from './reader.js';

/**
 * Ceilings that stop a zip bomb: bytes inflated in all, per compressed byte,
 * and entries (fflate's streaming reader slows down with the square of the
 * number of entries: 20,000 take ~0.2 s, 100,000 ~4 s).
 */
export const MAX_ZIP_TOTAL_BYTES = 1024 * 1024 * 1024;
export const MAX_ZIP_RATIO = 200;
export const MAX_ZIP_ENTRIES = 20_000;

/** Inflated in slices of this many archive bytes, so a runaway entry is stopped early. */
const SLICE = 16 * 1024;

/**
 * A `.zip` of inputs (a zipped Telegram export, a folder of articles): each
 * entry read by the reader its name picks. The archive is checked whole
 * before anything in it is read: inflation is counted as it happens and
 * stopped at the limits (bytes in all, ratio to the archive's size, number of
 * entries), whatever sizes the archive declares, so a zip bomb is refused as
 * a whole. The entries are then inflated again one at a time and read as they
 * come, so memory holds one entry, not the archive's contents.
 */
export function createZipReader(pick: (name: string) => Reader | null): Reader {
  return {
    name: 'zip',
    extensions: ['.zip'],
    contentTypes: ['application/zip'],
    sniff: () => false,
    async *read(input: Input, options: ReaderOptions): AsyncGenerator<IngestResult> {
      const read = await input.bytes(options.maxBytes);
      if (!read.ok) {
        yield failure(input.source, read.code, read.message);
        return;
      }
      const zip = read.bytes;
      const shape = checkShape(zip);
      if (shape) {
        yield failure(input.source, 'input.malformed', shape);
        return;
      }
      const limits: Limits = {
        maxTotal: Math.min(MAX_ZIP_TOTAL_BYTES, Math.max(zip.length, 1) * MAX_ZIP_RATIO),
        maxEntry: options.maxBytes,
        maxEntries: MAX_ZIP_ENTRIES,
      };
      const checked = checkEntries(zip, limits);
      if ('error' in checked) {
        yield failure(input.source, checked.code, checked.error);
        return;
      }
      const { entries } = checked;
      if (entries.length === 0) {
        yield failure(input.source, 'input.empty', 'is a zip archive with no files in it');
        return;
      }
      // Images, nested archives and other formats are left out, their problems too: not text this reads.
      const readable = entries.map((e) => isReadable(pick(e.name)));
      const wanted = entries.map((e, i) => readable[i]! && !e.problem);
      if (!readable.some(Boolean)) {
        const kinds = [...new Set(entries.map((e) => extensionOf(e.name)))].slice(0, 5).join(', ');
        yield failure(input.source, 'input.unsupported-format', `is a zip archive with no entry in a format counterclaim reads (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}: ${kinds}; nested archives are not opened)`);
        return;
      }
      for (const entry of inflateEntries(zip, entries, wanted)) {
        if (!readable[entry.index]) continue;
        const source = `${input.source}#${entry.name}`;
        if (entry.problem) {
          yield failure(source, entry.problem.code, entry.problem.message);
          continue;
        }
        if (!entry.bytes) continue;
        yield* pick(entry.name)!.read(memoryInput(source, entry.name, entry.bytes), options);
      }
    },
  };
}

function isReadable(reader: Reader | null): boolean {
  return reader !== null && reader.name !== 'zip';
}

function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '(no extension)';
}

interface Limits { maxTotal: number; maxEntry: number; maxEntries: number }
interface Problem { code: DiagnosticCode; message: string }
interface Checked { name: string; problem?: Problem }

/**
 * Whether the bytes are a whole zip archive: a local file header (or, for an
 * empty archive, the end record) at the start, and the end-of-central-directory
 * record near the end. A file cut short loses that record; without this check
 * the streaming inflater would quietly return the entries before the cut.
 */
function checkShape(zip: Uint8Array): string | null {
  const sig = (at: number): number => (zip[at]! | (zip[at + 1]! << 8) | (zip[at + 2]! << 16) | (zip[at + 3]! << 24)) >>> 0;
  if (zip.length < 22 || (sig(0) !== 0x04034b50 && sig(0) !== 0x06054b50)) return 'is not a zip archive (it does not start with a zip file header)';
  const stop = Math.max(0, zip.length - 22 - 65535);
  for (let at = zip.length - 22; at >= stop; at--) if (sig(at) === 0x06054b50) return null;
  return 'is not a complete zip archive (no end-of-central-directory record): truncated?';
}

/**
 * First pass: inflates every entry, keeping nothing, to check the limits and
 * note what is wrong with each entry. A limit crossed stops the pass at once.
 */
function checkEntries(zip: Uint8Array, limits: Limits): { entries: Checked[] } | { code: DiagnosticCode; error: string } {
  const entries: Checked[] = [];
  const finished = new Set<Checked>();
  let total = 0;
  let seen = 0;
  let stop: string | null = null;
  const unzip = new Unzip((file: UnzipFile) => {
    if (stop) return;
    if (++seen > limits.maxEntries) {
      stop = `has more than ${limits.maxEntries.toLocaleString('en-US')} entries: refused as a likely zip bomb`;
      return;
    }
    if (file.name.endsWith('/')) {
      file.ondata = () => undefined;
      if (SUPPORTED.has(file.compression)) file.start();
      return;
    }
    const entry: Checked = { name: file.name };
    entries.push(entry);
    if (!SUPPORTED.has(file.compression)) {
      // Not started: fflate would fail on a method it has no decoder for. Its bytes are passed over.
      entry.problem = { code: 'input.unsupported-format', message: `is compressed with method ${file.compression}, which is not supported (only stored and deflate)` };
      return;
    }
    let size = 0;
    file.ondata = (err, data, final) => {
      if (err) {
        if (!entry.problem) entry.problem = inflateProblem(err);
        finished.add(entry);
        return;
      }
      size += data.length;
      total += data.length;
      if (total > limits.maxTotal) {
        stop = `inflates past ${mb(limits.maxTotal)} (more than ${MAX_ZIP_RATIO}× the archive's ${mb(zip.length)}, or over ${MAX_ZIP_TOTAL_BYTES / 1024 / 1024 / 1024} GB): refused as a likely zip bomb`;
        file.terminate();
        return;
      }
      if (size > limits.maxEntry && !entry.problem) entry.problem = { code: 'input.too-large', message: `inflates past the limit of ${mb(limits.maxEntry)} for one document` };
      if (final) finished.add(entry);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < zip.length && !stop; at += SLICE) unzip.push(zip.subarray(at, at + SLICE), at + SLICE >= zip.length);
  } catch (error) {
    return { code: 'input.malformed', error: `is not a readable zip archive: ${(error as Error).message}` };
  }
  if (stop) return { code: 'input.too-large', error: stop };
  for (const e of entries) if (!finished.has(e) && !e.problem) e.problem = { code: 'input.malformed', message: 'is an entry that could not be read to its end' };
  return { entries };
}

/** Compression methods read: stored and deflate. */
const SUPPORTED = new Set([0, 8]);

function mb(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`;
}

function inflateProblem(err: Error): Problem {
  return { code: 'input.malformed', message: `cannot be inflated: ${err.message}` };
}

interface Inflated { index: number; name: string; problem?: Problem; bytes?: Uint8Array }

/**
 * Second pass, once the archive is known to be within the limits: each entry
 * in archive order, inflated only if wanted, handed on as soon as it is whole.
 */
function* inflateEntries(zip: Uint8Array, checked: readonly Checked[], wanted: readonly boolean[]): Generator<Inflated> {
  const ready = new Map<number, Inflated>();
  let next = 0;
  let index = -1;
  const unzip = new Unzip((file: UnzipFile) => {
    if (file.name.endsWith('/')) {
      file.ondata = () => undefined;
      if (SUPPORTED.has(file.compression)) file.start();
      return;
    }
    const i = ++index;
    const entry = checked[i];
    if (!entry || entry.name !== file.name) return; // cannot happen: the same bytes were read the same way
    if (entry.problem || !wanted[i]) {
      ready.set(i, { index: i, name: entry.name, ...(entry.problem ? { problem: entry.problem } : {}) });
      if (!SUPPORTED.has(file.compression)) return;
      file.ondata = () => undefined; // still inflated, so the stream stays in step; nothing kept
      file.start();
      return;
    }
    const parts: Uint8Array[] = [];
    file.ondata = (err, data, final) => {
      if (err) {
        ready.set(i, { index: i, name: entry.name, problem: inflateProblem(err) });
        return;
      }
      parts.push(data);
      if (final) ready.set(i, { index: i, name: entry.name, bytes: parts.length === 1 ? parts[0]! : Buffer.concat(parts) });
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const drain = function* (): Generator<Inflated> {
    while (ready.has(next)) {
      const out = ready.get(next)!;
      ready.delete(next++);
      yield out;
    }
  };
  for (let at = 0; at < zip.length; at += SLICE) {
    unzip.push(zip.subarray(at, at + SLICE), at + SLICE >= zip.length);
    yield* drain();
  }
  for (; next < checked.length; next++) yield ready.get(next) ?? { index: next, name: checked[next]!.name, problem: { code: 'input.malformed', message: 'is an entry that could not be read to its end' } };
}
