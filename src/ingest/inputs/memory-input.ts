import type { Input } from '../readers/reader.js';

/** An input already in memory (a fetched URL, a zip entry, standard input once read). */
export function memoryInput(source: string, name: string, bytes: Uint8Array, contentType?: string, fetched: { readonly charset?: string | null; readonly url?: string } = {}): Input {
  return {
    source,
    name,
    isFile: false,
    ...(contentType ? { contentType } : {}),
    ...(fetched.charset ? { charset: fetched.charset } : {}),
    ...(fetched.url ? { url: fetched.url } : {}),
    async bytes(maxBytes) {
      if (bytes.length > maxBytes) return { ok: false, code: 'input.too-large', message: `is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the limit of ${(maxBytes / 1024 / 1024).toFixed(1)} MB` };
      return { ok: true, bytes };
    },
    async *chunks() {
      yield bytes;
    },
  };
}
