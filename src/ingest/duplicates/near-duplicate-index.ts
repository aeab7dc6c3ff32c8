import { bandKeys, bestMatch, NEAR_DUPLICATE_THRESHOLD, signatureSimilarity } from './minhash.js';

/**
 * An in-memory LSH index: the same decision the store-backed ingest makes,
 * for tests, evaluation and one-off runs without a database.
 */
export class NearDuplicateIndex {
  private readonly buckets = new Map<number, string[]>();
  private readonly signatures = new Map<string, Uint32Array>();
  /** Each near-duplicate's first copy: links always point at the first copy, never along a chain. */
  private readonly firstCopy = new Map<string, string>();

  constructor(private readonly threshold = NEAR_DUPLICATE_THRESHOLD) {}

  /** The earlier document this one nearly duplicates, if any, then remembers this one. */
  check(id: string, sig: Uint32Array): { id: string; similarity: number } | null {
    const keys = bandKeys(sig);
    const ids = new Set<string>();
    for (const key of keys) for (const other of this.buckets.get(key) ?? []) ids.add(other);
    const match = bestMatch(sig, [...ids].map((other) => ({ id: other, signature: this.signatures.get(other)! })), this.threshold);
    const link = match ? linkToFirstCopy(sig, match.candidate.id, match.similarity, (other) => this.firstCopy.get(other), (other) => this.signatures.get(other)!) : null;
    if (link) this.firstCopy.set(id, link.id);
    this.signatures.set(id, sig);
    for (const key of keys) {
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(id);
      else this.buckets.set(key, [id]);
    }
    return link;
  }
}

/** A match that is itself a near-duplicate is replaced by its first copy, with the similarity to that copy. */
export function linkToFirstCopy(
  sig: Uint32Array, matchId: string, similarity: number,
  firstCopyOf: (id: string) => string | undefined, signatureOf: (id: string) => Uint32Array,
): { id: string; similarity: number } {
  const first = firstCopyOf(matchId);
  if (first === undefined) return { id: matchId, similarity };
  return { id: first, similarity: signatureSimilarity(sig, signatureOf(first)) };
}
