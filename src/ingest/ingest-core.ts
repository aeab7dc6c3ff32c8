import type { SaveOutcome, Store } from '../store/store.js';
import type { IngestAnalysis } from './analyze-for-ingest.js';
import type { IngestFailure, IngestResult } from './ingest-result.js';
import { bestMatch, signatureFromBytes, signatureSimilarity, signatureToBytes } from './duplicates/minhash.js';

/**
 * What the local ingest (ingest-run.ts) and the queue (queue/enqueue.ts,
 * queue/document-worker.ts) do alike with a document: count what was skipped
 * and what failed, link a near-duplicate to its first copy, and save an
 * analysed document with its ingest extras. Written once, so a document
 * ingested either way is counted, linked and stored the same.
 */

/** The counts both ways of ingesting keep of what they did not store. */
export interface IngestTally {
  skipped: number;
  failed: number;
  readonly skippedBy: Record<string, number>;
  readonly failedBy: Record<string, number>;
}

export interface IngestTallyHooks {
  /** Called for each failed record, as it happens. */
  readonly onFailure?: (failure: IngestFailure) => void;
  /** Called after each count changes. */
  readonly onProgress?: () => void;
}

/** The reason counted for a record left out on purpose that has no text. */
export const NO_TEXT = 'no text (service message, media without caption, empty item)';

/** Counting into `counts`: a skip by its reason, a failure by its code, a record that could not be read as either. */
export function tallyInto(counts: IngestTally, hooks: IngestTallyHooks = {}): {
  skip(reason: string, n?: number): void;
  fail(failure: IngestFailure): void;
  notRead(result: Extract<IngestResult, { ok: false }>): void;
} {
  const skip = (reason: string, n = 1): void => {
    counts.skipped += n;
    counts.skippedBy[reason] = (counts.skippedBy[reason] ?? 0) + n;
    hooks.onProgress?.();
  };
  const fail = (failure: IngestFailure): void => {
    counts.failed++;
    counts.failedBy[failure.code] = (counts.failedBy[failure.code] ?? 0) + 1;
    hooks.onFailure?.(failure);
    hooks.onProgress?.();
  };
  return {
    skip,
    fail,
    notRead: (result) => (result.skipped ? skip(result.code === 'input.empty' ? NO_TEXT : result.code) : fail(result)),
  };
}

/** A document a new one may be a near copy of: its id, the first copy it is linked to, its signature. */
export interface NearDuplicateCandidate { readonly id: string; readonly duplicateOf: string | null; readonly signature: Uint32Array }
export interface NearDuplicateLink { readonly id: string; readonly similarity: number }

/** The stored documents sharing a band key with `bandKeys`, but `id` itself. */
export async function storedCandidates(store: Store, id: string, bandKeys: readonly number[]): Promise<NearDuplicateCandidate[]> {
  return (await store.nearDuplicateCandidates(bandKeys)).filter((c) => c.id !== id)
    .map((c) => ({ id: c.id, duplicateOf: c.duplicateOf, signature: signatureFromBytes(c.signature) }));
}

/**
 * The earlier document a new one is a near copy of: the most similar
 * candidate, or the first copy that one is linked to (never a chain of
 * copies). Candidates come in the order they were read: stored first.
 */
export function nearDuplicateLink(signature: Uint32Array, candidates: readonly NearDuplicateCandidate[]): NearDuplicateLink | null {
  const match = bestMatch(signature, candidates);
  if (!match) return null;
  const first = match.candidate.duplicateOf ? candidates.find((c) => c.id === match.candidate.duplicateOf) : undefined;
  return first ? { id: first.id, similarity: round(signatureSimilarity(signature, first.signature)) } : { id: match.candidate.id, similarity: round(match.similarity) };
}

/** Saves an analysed document with its near-duplicate link and what only ingest knows of it (byline, forwarded from). */
export function saveAnalysed(store: Store, out: IngestAnalysis, duplicateOf: NearDuplicateLink | null, extras: { readonly byline: string | null; readonly forwardedFrom: string | null }): Promise<SaveOutcome> {
  return store.saveIngested({ ...out.doc, duplicateOf }, {
    analyzed: out.analyzed,
    byline: extras.byline,
    forwardedFrom: extras.forwardedFrom,
    minhash: out.signature ? { signature: signatureToBytes(out.signature), bandKeys: out.bandKeys } : null,
  });
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
