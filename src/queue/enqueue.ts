import type PgBoss from 'pg-boss';
import type { IngestFailure } from '../ingest/ingest-result.js';
import { expandInputs, readInput, type ReadInputsOptions } from '../ingest/read-inputs.js';
import { bandKeys, minhashSignature } from '../ingest/duplicates/minhash.js';
import { nearDuplicateLink, storedCandidates, tallyInto, type NearDuplicateCandidate } from '../ingest/ingest-core.js';
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

type Pending = NearDuplicateCandidate;

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
  const { skip, fail, notRead } = tallyInto(counts, { ...(options.onFailure ? { onFailure: options.onFailure } : {}), onProgress: () => options.onProgress?.(counts) });
  for await (const spec of expandInputs(args)) {
    if (options.shouldStop?.()) break;
    if ('ok' in spec) {
      if (!spec.ok) fail(spec);
      continue;
    }
    for await (const result of readInput(spec, options)) {
      if (options.shouldStop?.()) break;
      if (!result.ok) {
        notRead(result);
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
        const enqueued = [...new Set(keys.flatMap((k) => pendingByBand.get(k) ?? []))];
        // Stored documents came first, then this run's in input order: the same order a local ingest sees.
        duplicateOf = nearDuplicateLink(signature, [...await storedCandidates(store, doc.id, keys), ...enqueued.filter((c) => c.id !== doc.id)]);
        if (duplicateOf) counts.nearDuplicates++;
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
