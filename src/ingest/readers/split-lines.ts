/** One line of a byte stream, or the note that it was too long to keep. */
export type Line = { readonly line: number; readonly bytes: Uint8Array } | { readonly line: number; readonly tooLong: number };

/**
 * Splits a byte stream on `\n` without ever holding more than one line (up to
 * `maxLineBytes`) and one chunk: a longer line is skipped to its end and
 * reported with its number and length, never buffered whole. A final line
 * without `\n` counts.
 */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<Line> {
  let parts: Uint8Array[] = [];
  let length = 0;
  let overflow = 0; // bytes of the current line beyond what was kept, once it is too long
  let line = 0;
  const end = (): Line => {
    line++;
    if (overflow > 0) {
      const out: Line = { line, tooLong: length + overflow };
      parts = [];
      length = 0;
      overflow = 0;
      return out;
    }
    const bytes = parts.length === 1 ? parts[0]! : concat(parts, length);
    parts = [];
    length = 0;
    return { line, bytes };
  };
  const take = (piece: Uint8Array): void => {
    if (overflow > 0 || length + piece.length > maxLineBytes) {
      if (overflow === 0) {
        overflow = length + piece.length;
        length = 0;
        parts = [];
      } else overflow += piece.length;
      return;
    }
    parts.push(piece);
    length += piece.length;
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl < 0) break;
      take(chunk.subarray(start, nl));
      yield end();
      start = nl + 1;
    }
    // Copy the tail (the stream may reuse the chunk's memory), unless the line is too long to keep anyway.
    if (start < chunk.length) take(overflow > 0 || length + chunk.length - start > maxLineBytes ? chunk.subarray(start) : chunk.slice(start));
  }
  if (length > 0 || overflow > 0) yield end();
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
