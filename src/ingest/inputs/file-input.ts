import { createReadStream, promises as fs } from 'node:fs';
import type { Input } from '../readers/reader.js';

/** A file on disk: whole reads check the size first, streams read 1 MB at a time. */
export function fileInput(file: string): Input {
  return {
    source: file,
    name: file,
    isFile: true,
    async bytes(maxBytes) {
      try {
        const handle = await fs.open(file, 'r');
        try {
          const { size } = await handle.stat();
          if (size > maxBytes) return { ok: false, code: 'input.too-large', message: `is ${mb(size)}, over the limit of ${mb(maxBytes)} for one document` };
          return { ok: true, bytes: await handle.readFile() };
        } finally {
          await handle.close();
        }
      } catch (error) {
        return { ok: false, code: 'input.unreadable', message: `cannot be read: ${(error as Error).message}` };
      }
    },
    chunks() {
      return createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Uint8Array>;
    },
  };
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
