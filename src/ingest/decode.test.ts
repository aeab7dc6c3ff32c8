import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText, detectSingleByteEncoding, inDocumentCharset } from './decode.js';

/** Text in a single-byte encoding, made by inverting TextDecoder's own table (no encoder library needed). */
function encode(text: string, encoding: string): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let b = 255; b >= 0; b--) table.set(decoder.decode(new Uint8Array([b])), b);
  return Uint8Array.from([...text].map((ch) => {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`${JSON.stringify(ch)} is not in ${encoding}`);
    return b;
  }));
}

const RU = 'Министерство обороны заявило, что войска отразили атаку у села. Украинские военные это опровергли.';
const UK = 'Генеральний штаб повідомив, що сили оборони відбили сто атак протягом доби.';
const FR = 'Le ministère a déclaré que les forces avaient repoussé une attaque près de la ville, a-t-il précisé.';

function decoded(bytes: Uint8Array, declared: string | null = null): string {
  const r = decodeText(bytes, 1 << 20, declared);
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r.text;
}

test('declared encodings: HTML <meta charset>, http-equiv, XML prolog, a server\'s charset', () => {
  assert.match(decoded(encode(`<!doctype html><html><head><meta charset="windows-1251"><title>x</title></head><body>${RU}</body></html>`, 'windows-1251')), /Министерство обороны/);
  assert.match(decoded(encode(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><body>${RU}</body></html>`, 'koi8-r')), /отразили атаку/);
  assert.match(decoded(encode(`<?xml version="1.0" encoding="KOI8-R"?><rss><channel><title>${RU}</title></channel></rss>`, 'koi8-r')), /опровергли/);
  assert.match(decoded(encode(`<p>${FR}</p>`, 'windows-1252'), 'ISO-8859-1'), /ministère a déclaré/);
  // Ukrainian letters (і, є, ї) are in windows-1251 too.
  assert.equal(decoded(encode(UK, 'windows-1251'), 'windows-1251'), UK);
});

test('the server\'s charset wins over the document\'s; a BOM over both; valid UTF-8 over a stale declaration', () => {
  const page = `<html><head><meta charset="windows-1251"></head><body>${RU}</body></html>`;
  assert.match(decoded(encode(page, 'koi8-r'), 'koi8-r'), /Министерство/);
  const utf8 = new TextEncoder().encode(page);
  assert.match(decoded(utf8), /Министерство/);
  assert.match(decoded(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]), 'koi8-r'), /Министерство/);
});

test('undeclared: windows-1251, KOI8-R and ISO-8859-1 detected where the bytes say it plainly', () => {
  assert.deepEqual(detectSingleByteEncoding(encode(RU, 'windows-1251')), { encoding: 'windows-1251' });
  assert.equal(decoded(encode(RU, 'windows-1251')), RU);
  assert.deepEqual(detectSingleByteEncoding(encode(RU, 'koi8-r')), { encoding: 'koi8-r' });
  assert.equal(decoded(encode(RU, 'koi8-r')), RU);
  assert.equal(decoded(encode(UK, 'windows-1251')), UK);
  assert.equal(decoded(encode(FR, 'windows-1252')), FR);
});

test('undeclared and ambiguous, or declared wrongly: a clear error, never a guess', () => {
  // As many bytes in one half as in the other: windows-1251 upper case or KOI8-R lower case, no telling.
  const mixed = Uint8Array.from([0xc1, 0xc2, 0xe1, 0xe2, 0x20, 0xc3, 0xc4, 0xe3, 0xe4, 0x20, 0xc5, 0xe5]);
  const r = decodeText(mixed);
  assert.ok(!r.ok);
  assert.equal(r.code, 'input.invalid-encoding');
  assert.match(r.message, /declares no encoding; it looks Cyrillic but could be windows-1251 or KOI8-R; convert it to UTF-8 first/);
  // UTF-8 with one broken byte is not Latin-1: reading it so would turn every é into Ã©.
  const utf8 = new TextEncoder().encode(FR);
  const damaged = Uint8Array.from([...utf8.subarray(0, 20), 0xe9, ...utf8.subarray(20)]);
  const d = decodeText(damaged);
  assert.ok(!d.ok && /is not valid UTF-8 \(at or after byte 20\) and declares no encoding; it looks like UTF-8 with some invalid bytes/.test(d.message), d.ok ? '' : d.message);
  const unknown = decodeText(encode(`<meta charset="x-martian">${RU}`, 'windows-1251'));
  assert.ok(!unknown.ok && /declares the encoding "x-martian" \(by the document\), which is not one this reader knows/.test(unknown.message));
  const wrong = decodeText(encode(RU, 'windows-1251'), 1 << 20, 'utf-8');
  assert.ok(!wrong.ok && /is not valid UTF-8 \(at or after byte 0\), though the server declares it UTF-8/.test(wrong.message));
});

test('inDocumentCharset: the prolog or the first <meta> with a charset', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  assert.equal(inDocumentCharset(bytes('<?xml version="1.0" encoding=\'ISO-8859-1\'?><rss/>')), 'ISO-8859-1');
  assert.equal(inDocumentCharset(bytes('<html><head><meta name="x" content="y"><META CHARSET=cp1251></head>')), 'cp1251');
  assert.equal(inDocumentCharset(bytes('<html><body>charset=koi8-r</body></html>')), null);
});
