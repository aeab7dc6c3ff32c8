import type { Input } from '../readers/reader.js';

/** Bytes read ahead to sniff the format: as many as a file's head (read-inputs.ts). */
export const STDIN_HEAD_BYTES = 8192;

/**
 * Standard input (`-`), read once. The first 8 KB (or all of it, if less)
 * are kept so the format can be sniffed however the pipe delivers them; the
 * stream then goes on from where it was, so JSON Lines on a pipe is streamed
 * like a file.
 */
export async function stdinInput(stream: AsyncIterable<Uint8Array> = process.stdin): Promise<{ input: Input; head: Uint8Array }> {
  const iterator = stream[Symbol.asyncIterator]();
  const firsts: Uint8Array[] = [];
  let headLength = 0;
  while (headLength < STDIN_HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) break;
    firsts.push(next.value);
    headLength += next.value.length;
  }
  const head = firsts.length === 1 ? firsts[0]! : Buffer.concat(firsts);
  let used = false;
  const rest = async function* (): AsyncGenerator<Uint8Array> {
    if (used) throw new Error('standard input can only be read once');
    used = true;
    if (head.length > 0) yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  };
  const input: Input = {
    source: '-',
    name: '-',
    isFile: false,
    async bytes(maxBytes) {
      const parts: Uint8Array[] = [];
      let total = 0;
      for await (const chunk of rest()) {
        total += chunk.length;
        if (total > maxBytes) return { ok: false, code: 'input.too-large', message: `is over the limit of ${(maxBytes / 1024 / 1024).toFixed(1)} MB for one document` };
        parts.push(chunk);
      }
      return { ok: true, bytes: Buffer.concat(parts) };
    },
    chunks: rest,
  };
  return { input, head };
}
