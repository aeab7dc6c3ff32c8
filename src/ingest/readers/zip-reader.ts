import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { failure, type IngestResult } from '../ingest-result.js';
import { memoryInput } from '../inputs/memory-input.js';
import type { Input, Reader, ReaderOptions } from './reader.js';

/** Ceilings that stop a zip bomb: bytes inflated in all, and per compressed byte. */
export const MAX_ZIP_TOTAL_BYTES = 1024 * 1024 * 1024;
export const MAX_ZIP_RATIO = 200;

/**
 * A `.zip` of inputs (a zipped Telegram export, a folder of articles): each
 * entry read by the reader its name picks. Inflation is counted as it
 * happens and stopped at the limits, whatever sizes the archive declares.
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
      const entries = unzipBounded(read.bytes, Math.min(MAX_ZIP_TOTAL_BYTES, Math.max(read.bytes.length, 1) * MAX_ZIP_RATIO), options.maxBytes);
      if ('error' in entries) {
        yield failure(input.source, 'input.too-large', entries.error);
        return;
      }
      for (const entry of entries.files) {
        const source = `${input.source}#${entry.name}`;
        if (entry.error) {
          yield failure(source, 'input.too-large', entry.error);
          continue;
        }
        const reader = pick(entry.name);
        if (!reader || reader.name === 'zip') continue; // images, nested archives: not reading text
        yield* reader.read(memoryInput(source, entry.name, entry.bytes!), options);
      }
    },
  };
}

interface Entry { name: string; bytes?: Uint8Array; error?: string }

function unzipBounded(zip: Uint8Array, maxTotal: number, maxEntry: number): { files: Entry[] } | { error: string } {
  const files: Entry[] = [];
  let total = 0;
  let bomb: string | null = null;
  const unzip = new Unzip((file: UnzipFile) => {
    if (file.name.endsWith('/')) return;
    const parts: Uint8Array[] = [];
    let size = 0;
    const entry: Entry = { name: file.name };
    files.push(entry);
    file.ondata = (err, data, final) => {
      if (err) {
        entry.error = `cannot be inflated: ${err.message}`;
        return;
      }
      size += data.length;
      total += data.length;
      if (total > maxTotal) {
        bomb = `inflates past ${(maxTotal / 1024 / 1024).toFixed(0)} MB (over ${MAX_ZIP_RATIO}× its size or 1 GB): refused as a likely zip bomb`;
        file.terminate();
        return;
      }
      if (size > maxEntry) {
        if (!entry.error) entry.error = `inflates past the limit of ${(maxEntry / 1024 / 1024).toFixed(1)} MB for one document`;
        return;
      }
      parts.push(data);
      if (final && !entry.error) entry.bytes = Buffer.concat(parts);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // Fed in slices so a runaway entry is stopped early rather than after the whole archive.
    for (let at = 0; at < zip.length && !bomb; at += 65536) unzip.push(zip.subarray(at, at + 65536), at + 65536 >= zip.length);
  } catch (error) {
    return { error: `is not a readable zip archive: ${(error as Error).message}` };
  }
  if (bomb) return { error: bomb };
  for (const f of files) if (!f.bytes && !f.error) f.error = 'is an entry that could not be read whole (unsupported compression?)';
  return { files };
}
