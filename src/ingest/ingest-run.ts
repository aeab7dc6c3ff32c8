import { promises as fs } from 'node:fs';
import type { SaveOutcome, Store } from '../store/store.js';
import type { IngestFailure } from './ingest-result.js';
import { expandInputs, readInput, type InputSpec, type ReadInputsOptions } from './read-inputs.js';
import { createAnalysisPool } from './analysis-pool.js';
import type { IngestAnalysis } from './analyze-for-ingest.js';
import { nearDuplicateLink, saveAnalysed, storedCandidates, tallyInto, type NearDuplicateLink } from './ingest-core.js';

export interface IngestRunOptions extends ReadInputsOptions {
  readonly store: Store;
  /** Analysis threads; 0 analyses on this thread. */
  readonly jobs: number;
  /** The database location, for loadResources in each thread. */
  readonly db?: string;
  /** Documents in flight between reading and storing: bounds memory. */
  readonly window?: number;
  /** Called for each failed record, as it happens. */
  readonly onFailure?: (failure: IngestFailure) => void;
  /** Called after each stored or skipped document, with the running counts. */
  readonly onProgress?: (counts: IngestCounts) => void;
  /** Polled between documents: true stops reading, stores what is in flight, and returns. */
  readonly shouldStop?: () => boolean;
}

export interface IngestCounts {
  /** New documents stored (near-duplicates included). */
  ingested: number;
  /** Of those, linked to an earlier near-duplicate. */
  nearDuplicates: number;
  /** Of those, stored but not analysed (language). */
  notAnalysed: number;
  skipped: number;
  failed: number;
  readonly skippedBy: Record<string, number>;
  readonly failedBy: Record<string, number>;
  interrupted: boolean;
}

/** Saves grouped into one commit (where the store can): at most this many documents... */
const BATCH_DOCUMENTS = 256;
/** ...or this long, so a document is searchable soon after it is read. (64 documents or 0.5 s wrote 28 % more
 * to disk per document and ingested 7 % fewer per second at 5,000 documents: pages shared by more saves.) */
const BATCH_MS = 2000;

/**
 * Ingests every input: read (streaming), skip what is stored already (content
 * hash), analyse on worker threads, link near-duplicates, store in input
 * order, so the first copy is always the one linked to. Saves are grouped
 * into batches of one commit each (each save atomic on its own), so a run
 * stopped at any point, even killed, resumes cleanly: what was not committed
 * was never stored and is read again.
 */
export async function runIngest(args: readonly string[], options: IngestRunOptions): Promise<IngestCounts> {
  const counts: IngestCounts = { ingested: 0, nearDuplicates: 0, notAnalysed: 0, skipped: 0, failed: 0, skippedBy: {}, failedBy: {}, interrupted: false };
  const { store } = options;
  const pool = await createAnalysisPool({ jobs: options.jobs, ...(options.db !== undefined ? { db: options.db } : {}) });
  const window = options.window ?? Math.max(16, options.jobs * 32);
  const queue: Array<Promise<IngestAnalysis & { byline: string | null; forwardedFrom: string | null }>> = [];
  const inFlight = new Set<string>();
  const { skip, fail, notRead } = tallyInto(counts, { ...(options.onFailure ? { onFailure: options.onFailure } : {}), onProgress: () => options.onProgress?.(counts) });
  // The open batch, committed when full or BATCH_MS after it opened, whichever comes first: a timer,
  // so documents read from a slow source (a pipe, a trickling feed) do not wait for the next one.
  let batch: { documents: number; timer: NodeJS.Timeout } | null = null;
  const commit = async (): Promise<void> => {
    if (!batch) return;
    clearTimeout(batch.timer);
    batch = null;
    await store.commitBatch();
  };
  let timerError: unknown = null;
  const openBatch = async (): Promise<{ documents: number }> => {
    if (timerError) throw timerError;
    if (!batch) {
      await store.beginBatch();
      // A commit the timer makes and the store refuses ends the run at the next save, as one made there would.
      batch = { documents: 0, timer: setTimeout(() => commit().catch((error: unknown) => { timerError ??= error; }), BATCH_MS) };
    }
    return batch;
  };
  const storeNext = async (): Promise<void> => {
    const next = queue.shift()!;
    let out: Awaited<typeof next>;
    try {
      out = await next;
    } catch (error) {
      // A document the pipeline cannot read is reported and the batch goes on; it is not stored,
      // so a later run (after the defect is fixed) picks it up again.
      const { id, source } = (error as AnalysisError).document ?? { id: null, source: null };
      if (id) inFlight.delete(id);
      fail({ source: source ?? '(unknown input)', code: 'analysis.failed', message: `could not be analysed: ${(error as Error).message.split('\n')[0]}` });
      return;
    }
    const { doc } = out;
    const duplicateOf: NearDuplicateLink | null = out.signature ? nearDuplicateLink(out.signature, await storedCandidates(store, doc.id, out.bandKeys)) : null;
    let outcome: SaveOutcome;
    try {
      // Opened here, after the awaits above: the timer may have committed the last batch meanwhile.
      const open = await openBatch();
      outcome = await saveAnalysed(store, out, duplicateOf, out);
      if (++open.documents >= BATCH_DOCUMENTS) await commit();
    } catch (error) {
      // An analysis the store refuses (a stage that gave two items one id) fails that document
      // alone: its transaction is rolled back and the run goes on, as for a pipeline error.
      inFlight.delete(doc.id);
      fail({ source: doc.source ?? '(unknown input)', code: 'analysis.failed', message: `could not be stored: ${(error as Error).message.split('\n')[0]}` });
      return;
    }
    inFlight.delete(doc.id);
    if (outcome !== 'inserted') {
      // Another run stored it after this one looked (issue 19: two runs into one PostgreSQL database
      // each counted every document as theirs): counted as the check before analysis would have.
      skip('already stored (same text)');
      return;
    }
    counts.ingested++;
    if (duplicateOf) counts.nearDuplicates++;
    if (!out.analyzed) counts.notAnalysed++;
    options.onProgress?.(counts);
  };
  try {
    for await (const spec of expandInputs(args)) {
      if (options.shouldStop?.()) break;
      if ('ok' in spec) {
        if (!spec.ok) fail(spec);
        continue;
      }
      const fingerprint = await fingerprintOf(spec);
      const source = spec.kind === 'file' ? spec.path : null;
      if (source && fingerprint) {
        const done = await store.getIngestedSource(source);
        if (done?.fingerprint === fingerprint) {
          skip('unchanged source, read before', done.documents);
          continue;
        }
      }
      let documents = 0;
      let stopped = false;
      const failedBefore = counts.failed;
      for await (const result of readInput(spec, options)) {
        if (options.shouldStop?.()) {
          stopped = true;
          break;
        }
        if (!result.ok) {
          notRead(result);
          continue;
        }
        documents++;
        const { doc } = result;
        if (inFlight.has(doc.id) || (await store.hasDocument(doc.id))) {
          skip('already stored (same text)');
          continue;
        }
        inFlight.add(doc.id);
        // Extras that only ingest knows travel beside the analysis, not through the worker.
        const extras = { byline: doc.meta.byline ?? null, forwardedFrom: doc.meta.forwardedFrom ?? null };
        const analysis = pool.analyze(doc).then(
          (out) => ({ ...out, ...extras }),
          (error: Error) => {
            throw Object.assign(error, { document: { id: doc.id, source: doc.meta.source } });
          },
        );
        // A failure can arrive before storeNext awaits this promise (a thread that dies fails all it
        // holds at once): marked handled here so Node does not end the run on an unhandled
        // rejection; storeNext still awaits it and reports the failure.
        analysis.catch(() => undefined);
        queue.push(analysis);
        if (queue.length >= window) await storeNext();
      }
      while (queue.length > 0) await storeNext();
      if (stopped) {
        counts.interrupted = true;
        break;
      }
      // A source with a failed record (a broken line, a file that cannot be decoded) is not marked read:
      // the next run reads it again and reports the failure again, while its stored documents are skipped.
      if (source && fingerprint && counts.failed === failedBefore) await store.markSourceIngested(source, { fingerprint, documents });
    }
    while (queue.length > 0) await storeNext();
    if (options.shouldStop?.()) counts.interrupted = true;
  } finally {
    try {
      await commit();
    } finally {
      await pool.close();
    }
  }
  return counts;
}

type AnalysisError = Error & { document?: { id: string; source: string | null } };

/** Size and modification time: a file that changed is read again (its unchanged documents are skipped by hash). */
async function fingerprintOf(spec: InputSpec): Promise<string | null> {
  if (spec.kind !== 'file') return null;
  try {
    const stat = await fs.stat(spec.path);
    return `${stat.size}:${Math.trunc(stat.mtimeMs)}`;
  } catch {
    return null;
  }
}
