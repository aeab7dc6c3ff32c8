import type { DiagnosticCode } from '../model/index.js';

export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly code: DiagnosticCode; readonly message: string };

/** Default ceiling on one input's size; larger inputs are refused rather than read whole. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/**
 * Bytes to text. A byte-order mark (UTF-8, UTF-16) decides; bytes that are
 * valid UTF-8 are UTF-8 (ASCII reads the same in every declared encoding, and
 * legacy-encoded text is never valid UTF-8 by chance, while saved pages often
 * keep a stale declaration); else, in the order of the WHATWG encoding
 * sniffing algorithm, the charset a server declared (`declared`, from its
 * Content-Type), then the document's own declaration (an XML prolog's
 * `encoding`, an HTML `<meta charset>` or `http-equiv` Content-Type); else a
 * single-byte encoding detected where the bytes leave no doubt
 * (Cyrillic in windows-1251 or KOI8-R, Western text in ISO-8859-1), else a
 * refusal that says why. Decoding is strict (`fatal`): a wrong guess would
 * silently corrupt every span.
 */
export function decodeText(bytes: Uint8Array, maxBytes = MAX_INPUT_BYTES, declared: string | null = null): Decoded {
  if (bytes.length > maxBytes) {
    return { ok: false, code: 'input.too-large', message: `is ${formatBytes(bytes.length)}, over the limit of ${formatBytes(maxBytes)}` };
  }
  let text: string;
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (utf16) {
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2));
    } catch {
      return { ok: false, code: 'input.invalid-encoding', message: `starts with a ${utf16.toUpperCase()} byte-order mark but is not valid ${utf16.toUpperCase()} (at or after byte ${firstInvalidUtf16(bytes, utf16 === 'utf-16le')}); convert it to UTF-8 first` };
    }
  } else {
    if (looksLikeUtf16(bytes)) return { ok: false, code: 'input.invalid-encoding', message: 'looks like UTF-16 without a byte-order mark, which is not guessed; save it as UTF-8 (or UTF-16 with a BOM)' };
    if (looksBinary(bytes)) return { ok: false, code: 'input.binary', message: 'looks like a binary file (it contains NUL bytes), not text' };
    const utf8 = tryDecode('utf-8', bytes);
    if (utf8 !== null) text = utf8; // pure ASCII reads the same in any declared encoding; real legacy text is never valid UTF-8 by chance
    else {
      const declaration = utf8Bom ? null : declaredEncoding(declared, 'the server') ?? declaredEncoding(inDocumentCharset(bytes), 'the document');
      if (declaration && 'error' in declaration) return { ok: false, code: 'input.invalid-encoding', message: declaration.error };
      if (declaration && declaration.encoding !== 'utf-8') {
        const decoded = tryDecode(declaration.encoding, bytes);
        if (decoded === null) return { ok: false, code: 'input.invalid-encoding', message: `is declared ${declaration.label} by ${declaration.by} but is not valid ${declaration.encoding}; convert it to UTF-8 first` };
        text = decoded;
      } else if (declaration || utf8Bom) {
        return { ok: false, code: 'input.invalid-encoding', message: `is not valid UTF-8 (at or after byte ${firstInvalidUtf8(bytes)}), though ${utf8Bom ? 'it starts with a UTF-8 byte-order mark' : `${declaration!.by} declares it UTF-8`}; convert it to UTF-8 first` };
      } else {
        const detected = detectSingleByteEncoding(bytes);
        if ('error' in detected) return { ok: false, code: 'input.invalid-encoding', message: `is not valid UTF-8 (at or after byte ${firstInvalidUtf8(bytes)}) and declares no encoding; ${detected.error}; convert it to UTF-8 first, or declare its encoding (<meta charset>, <?xml encoding>)` };
        text = new TextDecoder(detected.encoding).decode(bytes);
      }
    }
  }
  if (/\u0000/.test(text)) return { ok: false, code: 'input.binary', message: 'contains NUL characters, not text' };
  if (text.trim() === '') return { ok: false, code: 'input.empty', message: 'is empty (no text to analyse)' };
  return { ok: true, text: normalizeNewlines(text) };
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The encoding a label names, as TextDecoder knows it (`latin1` and
 * `iso-8859-1` are windows-1252 there, as in browsers). A UTF-16 label on
 * bytes without a BOM is ignored, as HTML's prescan does: the bytes were read
 * as ASCII to find it. An unknown label is an error naming it.
 */
function declaredEncoding(label: string | null, by: string): { encoding: string; label: string; by: string } | { error: string } | null {
  if (!label) return null;
  let encoding: string;
  try {
    encoding = new TextDecoder(label.trim()).encoding;
  } catch {
    return { error: `declares the encoding ${JSON.stringify(label)} (by ${by}), which is not one this reader knows; convert it to UTF-8 first` };
  }
  if (encoding.startsWith('utf-16')) return null;
  return { encoding, label, by };
}

/**
 * The charset the document declares in its first 4 KB, read as ASCII: an XML
 * prolog's `encoding="…"` (XML 1.0, 4.3.3), else `<meta charset="…">` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">` (HTML, "prescan a
 * byte stream to determine its encoding").
 */
export function inDocumentCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const xml = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  if (xml) return xml[1]!;
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const charset = /\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(meta[0]);
    if (charset) return charset[1]!;
  }
  return null;
}

/**
 * An undeclared single-byte encoding, only where the bytes say it plainly:
 * text whose letters are mostly bytes 0xC0-0xFF is Cyrillic, windows-1251 when
 * they are mostly in its lower-case half (0xE0-0xFF) and KOI8-R when mostly in
 * KOI8-R's (0xC0-0xDF), since running text is mostly lower case; text of
 * ASCII letters with a few accented ones among them (under 15%) is Western,
 * ISO-8859-1 (windows-1252). Mostly well-formed UTF-8 with a few broken bytes,
 * and anything between, is refused: a wrong guess corrupts every span.
 */
export function detectSingleByteEncoding(bytes: Uint8Array): { encoding: string } | { error: string } {
  let ascii = 0;
  let high = 0;
  let upperHalf = 0; // 0xE0-0xFF: windows-1251 lower case, KOI8-R upper case
  let lowerHalf = 0; // 0xC0-0xDF: windows-1251 upper case, KOI8-R lower case
  for (const b of bytes) {
    if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) ascii++;
    else if (b >= 0x80) {
      high++;
      if (b >= 0xe0) upperHalf++;
      else if (b >= 0xc0) lowerHalf++;
    }
  }
  // Mostly well-formed UTF-8 with a few broken bytes is damaged UTF-8, not Latin-1 or Cyrillic: reading it so would garble every accent.
  if (high > 0 && utf8SequenceBytes(bytes) >= high / 2) return { error: 'it looks like UTF-8 with some invalid bytes' };
  const share = high / Math.max(1, high + ascii);
  if (share > 0.5 && upperHalf + lowerHalf >= 0.8 * high) {
    if (upperHalf >= 3 * lowerHalf) return { encoding: 'windows-1251' };
    if (lowerHalf >= 3 * upperHalf) return { encoding: 'koi8-r' };
    return { error: 'it looks Cyrillic but could be windows-1251 or KOI8-R' };
  }
  if (share < 0.15) return { encoding: 'windows-1252' };
  return { error: 'its bytes fit no single encoding plainly' };
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

/** How many bytes belong to well-formed UTF-8 sequences of two to four bytes. */
function utf8SequenceBytes(bytes: Uint8Array): number {
  let n = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 1;
    let ok = len > 1 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = bytes[i + k]! >> 6 === 2;
    if (ok) {
      n += len;
      i += len;
    } else i++;
  }
  return n;
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
