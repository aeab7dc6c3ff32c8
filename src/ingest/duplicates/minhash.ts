/**
 * MinHash signatures over word shingles, with LSH banding (Broder 1997;
 * Leskovec, Rajaraman & Ullman, Mining of Massive Datasets ch. 3). Hash seeds
 * are fixed, so a signature stored today matches one computed next year.
 */

/** Words per shingle: 3 keeps reordered sentences similar (only boundary shingles change) and unrelated texts apart. */
export const SHINGLE_WORDS = 3;
export const NUM_HASHES = 128;
/** 32 bands of 4 rows: pairs with Jaccard ≈ 0.42 become candidates half the time, 0.7 almost always. */
export const BANDS = 32;
export const ROWS = NUM_HASHES / BANDS;
/** Estimated Jaccard similarity from which a later document is linked to an earlier one as its near-duplicate. */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

const SEEDS: Uint32Array = (() => {
  // mulberry32 from a fixed seed: the same 128 seeds in every run and version.
  let a = 0x2545f491;
  const out = new Uint32Array(NUM_HASHES);
  for (let i = 0; i < NUM_HASHES; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = (t ^ (t >>> 14)) >>> 0;
  }
  return out;
})();

/** The words of a text, lower-cased, letters and digits only: punctuation and spacing edits do not count. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** 32-bit FNV-1a of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: a cheap, well-mixed 32-bit permutation. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes of the distinct word shingles of a text (a text shorter than a shingle is one shingle). */
export function shingleHashes(text: string): Uint32Array {
  const w = words(text);
  const set = new Set<number>();
  if (w.length < SHINGLE_WORDS) {
    if (w.length > 0) set.add(fnv1a(w.join(' ')));
  } else {
    for (let i = 0; i + SHINGLE_WORDS <= w.length; i++) set.add(fnv1a(`${w[i]} ${w[i + 1]} ${w[i + 2]}`));
  }
  return Uint32Array.from(set);
}

/** The MinHash signature of a text: for each of NUM_HASHES seeded hashes, the least over its shingles. Null for a text without words. */
export function minhashSignature(text: string): Uint32Array | null {
  const shingles = shingleHashes(text);
  if (shingles.length === 0) return null;
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s]!;
    for (let i = 0; i < NUM_HASHES; i++) {
      const h = fmix32(x ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** One key per band (band number in the high bits): documents sharing any key are candidates. Safe integers, for any database. */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = fmix32(Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193));
    keys.push(b * 2 ** 32 + h);
  }
  return keys;
}

/** Estimated Jaccard similarity: the share of signature positions that agree. */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) same++;
  return same / NUM_HASHES;
}

/** The most similar candidate at or over the threshold; ties go to the earliest (first copy wins). */
export function bestMatch<T extends { readonly signature: Uint32Array }>(sig: Uint32Array, candidates: readonly T[], threshold = NEAR_DUPLICATE_THRESHOLD): { candidate: T; similarity: number } | null {
  let best: { candidate: T; similarity: number } | null = null;
  for (const candidate of candidates) {
    const similarity = signatureSimilarity(sig, candidate.signature);
    if (similarity >= threshold && (!best || similarity > best.similarity)) best = { candidate, similarity };
  }
  return best;
}

/** Signatures as bytes for storage (little-endian), and back. */
export function signatureToBytes(sig: Uint32Array): Uint8Array {
  const out = new Uint8Array(sig.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < sig.length; i++) view.setUint32(i * 4, sig[i]!, true);
  return out;
}

export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(bytes.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}
