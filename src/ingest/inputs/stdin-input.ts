import type { Input } from '../readers/reader.js';

/**
 * Standard input (`-`), read once. The first chunk is kept so the format can
 * be sniffed; the stream then goes on from where it was, so JSON Lines on a
 * pipe is streamed like a file.
 */
export async function stdinInput(stream: AsyncIterable<Uint8Array> = process.stdin): Promise<{ input: Input; head: Uint8Array }> {
  const iterator = stream[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? new Uint8Array(0) : first.value;
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
