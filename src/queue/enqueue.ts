import type PgBoss from 'pg-boss';
import type { IngestFailure } from '../ingest/ingest-result.js';
import { expandInputs, readInput, type ReadInputsOptions } from '../ingest/read-inputs.js';
import { bandKeys, bestMatch, minhashSignature, signatureFromBytes, signatureSimilarity } from '../ingest/duplicates/minhash.js';
import type { Store } from '../store/store.js';
import { DEFAULT_JOB_OPTIONS, DOCUMENT_QUEUE, type DocumentJob, type JobOptions } from './document-queue.js';

export interface EnqueueOptions extends ReadInputsOptions, JobOptions {
  readonly store: Store;
  readonly boss: PgBoss;
  /** Jobs sent in one insert. */
  readonly batchSize?: number;
  readonly onFailure?: (failure: IngestFailure) => void;
  readonly onProgress?: (counts: EnqueueCounts) => void;
  readonly shouldStop?: () => boolean;
}

export interface EnqueueCounts {
  enqueued: number;
  nearDuplicates: number;
  skipped: number;
  failed: number;
  readonly skippedBy: Record<string, number>;
  readonly failedBy: Record<string, number>;
  interrupted: boolean;
}

interface Pending { readonly id: string; readonly signature: Uint32Array; readonly duplicateOf: string | null }

/**
 * Reads every input and sends one job per new document. Reading is cheap and
 * stays in this one process, in input order; the analysis, the expensive
 * part, is what workers share. So the near-duplicate link is decided here,
 * against the stored documents and the ones enqueued before in this run, and
 * comes out as it does in a local `ingest` of the same input (the first copy
 * in input order), whichever worker finishes first.
 */
export async function enqueueInputs(args: readonly string[], options: EnqueueOptions): Promise<EnqueueCounts> {
  const counts: EnqueueCounts = { enqueued: 0, nearDuplicates: 0, skipped: 0, failed: 0, skippedBy: {}, failedBy: {}, interrupted: false };
  const { store, boss } = options;
  const batchSize = options.batchSize ?? 200;
  const jobOptions = { ...DEFAULT_JOB_OPTIONS, ...pick(options) };
  const pendingById = new Map<string, Pending>();
  const pendingByBand = new Map<number, Pending[]>();
  let batch: PgBoss.JobInsert<DocumentJob>[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await boss.insert(batch);
    counts.enqueued += batch.length;
    batch = [];
    options.onProgress?.(counts);
  };
  const skip = (reason: string): void => {
    counts.skipped++;
    counts.skippedBy[reason] = (counts.skippedBy[reason] ?? 0) + 1;
    options.onProgress?.(counts);
  };
  const fail = (f: IngestFailure): void => {
    counts.failed++;
    counts.failedBy[f.code] = (counts.failedBy[f.code] ?? 0) + 1;
    options.onFailure?.(f);
  };
  for await (const spec of expandInputs(args)) {
    if (options.shouldStop?.()) break;
    if ('ok' in spec) {
      if (!spec.ok) fail(spec);
      continue;
    }
    for await (const result of readInput(spec, options)) {
      if (options.shouldStop?.()) break;
      if (!result.ok) {
        if (result.skipped) skip(result.code === 'input.empty' ? 'no text (service message, media without caption, empty item)' : result.code);
        else fail(result);
        continue;
      }
      const { doc } = result;
      if (pendingById.has(doc.id) || (await store.hasDocument(doc.id))) {
        skip('already stored or enqueued (same text)');
        continue;
      }
      const signature = minhashSignature(doc.text);
      let duplicateOf: DocumentJob['duplicateOf'] = null;
      if (signature) {
        const keys = bandKeys(signature);
        const stored = (await store.nearDuplicateCandidates(keys)).map((c) => ({ id: c.id, duplicateOf: c.duplicateOf, signature: signatureFromBytes(c.signature) }));
        const enqueued = [...new Set(keys.flatMap((k) => pendingByBand.get(k) ?? []))];
        // Stored documents came first, then this run's in input order: the same order a local ingest sees.
        const candidates = [...stored, ...enqueued].filter((c) => c.id !== doc.id);
        const match = bestMatch(signature, candidates);
        if (match) {
          // Link to the first copy, never along a chain of copies (as runIngest does).
          const first = match.candidate.duplicateOf ? candidates.find((c) => c.id === match.candidate.duplicateOf) : undefined;
          duplicateOf = first ? { id: first.id, similarity: round(signatureSimilarity(signature, first.signature)) } : { id: match.candidate.id, similarity: round(match.similarity) };
          counts.nearDuplicates++;
        }
        const pending: Pending = { id: doc.id, signature, duplicateOf: duplicateOf?.id ?? null };
        pendingById.set(doc.id, pending);
        for (const key of keys) {
          const list = pendingByBand.get(key) ?? [];
          list.push(pending);
          pendingByBand.set(key, list);
        }
      } else {
        pendingById.set(doc.id, { id: doc.id, signature: new Uint32Array(0), duplicateOf: null });
      }
      batch.push({ name: DOCUMENT_QUEUE, data: { doc, duplicateOf }, retryLimit: jobOptions.retries, expireInSeconds: jobOptions.timeoutSeconds });
      if (batch.length >= batchSize) await flush();
    }
  }
  await flush();
  if (options.shouldStop?.()) counts.interrupted = true;
  return counts;
}

function pick(options: JobOptions): JobOptions {
  return {
    ...(options.timeoutSeconds !== undefined ? { timeoutSeconds: options.timeoutSeconds } : {}),
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
