import type { DiagnosticCode } from '../model/index.js';

export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly code: DiagnosticCode; readonly message: string };

/** Default ceiling on one input's size; larger inputs are refused rather than read whole. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/**
 * Bytes to text. UTF-8 (with or without BOM) and UTF-16 with a BOM are
 * accepted; anything else is refused with the reason, never guessed: a wrong
 * guess would silently corrupt every span.
 */
export function decodeText(bytes: Uint8Array, maxBytes = MAX_INPUT_BYTES): Decoded {
  if (bytes.length > maxBytes) {
    return { ok: false, code: 'input.too-large', message: `is ${formatBytes(bytes.length)}, over the limit of ${formatBytes(maxBytes)}` };
  }
  let text: string;
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2));
    } catch {
      return { ok: false, code: 'input.invalid-encoding', message: `starts with a ${utf16.toUpperCase()} byte-order mark but is not valid ${utf16.toUpperCase()} (at or after byte ${firstInvalidUtf16(bytes, utf16 === 'utf-16le')}); convert it to UTF-8 first` };
    }
  } else {
    if (looksLikeUtf16(bytes)) return { ok: false, code: 'input.invalid-encoding', message: 'looks like UTF-16 without a byte-order mark, which is not guessed; save it as UTF-8 (or UTF-16 with a BOM)' };
    if (looksBinary(bytes)) return { ok: false, code: 'input.binary', message: 'looks like a binary file (it contains NUL bytes), not text' };
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      return { ok: false, code: 'input.invalid-encoding', message: `is not valid UTF-8 (at or after byte ${firstInvalidUtf8(bytes)}); convert it to UTF-8 first` };
    }
  }
  if (/\u0000/.test(text)) return { ok: false, code: 'input.binary', message: 'contains NUL characters, not text' };
  if (text.trim() === '') return { ok: false, code: 'input.empty', message: 'is empty (no text to analyse)' };
  return { ok: true, text: normalizeNewlines(text) };
}

/** CRLF and lone CR become LF so offsets mean the same on every platform. */
export function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * UTF-16 without a BOM: in the first 8 KB, NUL bytes that are nearly all at
 * even offsets (big-endian) or nearly all at odd ones (little-endian), in at
 * least a quarter of the byte pairs, as Latin text in UTF-16 has. Only used
 * to word the refusal; such text is never decoded by guess.
 */
export function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  return (even >= pairs / 4 && odd <= even / 20) || (odd >= pairs / 4 && even <= odd / 20);
}

/** Where UTF-16 (after its 2-byte BOM) first goes wrong: a lone surrogate, or an odd byte at the end. */
export function firstInvalidUtf16(bytes: Uint8Array, littleEndian: boolean): number {
  const unit = (i: number): number => (littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  let i = 2;
  while (i + 1 < bytes.length) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 3 >= bytes.length) return i;
      const low = unit(i + 2);
      if (low < 0xdc00 || low > 0xdfff) return i;
      i += 4;
    } else if (u >= 0xdc00 && u <= 0xdfff) return i;
    else i += 2;
  }
  return i;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Decode growing prefixes at character boundaries is slow; scan the byte structure instead.
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 6 ? 2 : b >> 4 === 14 ? 3 : b >> 3 === 30 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (i + k >= bytes.length || bytes[i + k]! >> 6 !== 2) return i;
    i += len;
  }
  return i;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`;
}
