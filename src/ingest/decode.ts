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
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    else {
      if (looksBinary(bytes)) return { ok: false, code: 'input.binary', message: 'looks like a binary file (it contains NUL bytes), not text' };
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    }
  } catch {
    return { ok: false, code: 'input.invalid-encoding', message: `is not valid UTF-8 (at or after byte ${firstInvalidUtf8(bytes)}); convert it to UTF-8 first` };
  }
  if (/\u0000/.test(text)) return { ok: false, code: 'input.binary', message: 'contains NUL characters, not text' };
  if (text.trim() === '') return { ok: false, code: 'input.empty', message: 'is empty (no text to analyse)' };
  return { ok: true, text: normalizeNewlines(text) };
}

/** CRLF and lone CR become LF so offsets mean the same on every platform. */
export function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
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
