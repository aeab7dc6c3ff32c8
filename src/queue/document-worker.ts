import type PgBoss from 'pg-boss';
import { createAnalysisPool } from '../ingest/analysis-pool.js';
import { saveAnalysed } from '../ingest/ingest-core.js';
import { withDesk } from '../store/desk/open-desk.js';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import type { Store } from '../store/store.js';
import { DOCUMENT_QUEUE, parseDocumentJob, startBoss } from './document-queue.js';

export interface WorkerOptions {
  /** The PostgreSQL database holding both the store and the queue. */
  readonly url: string;
  /** Jobs in hand at once; above 1, each analysed on its own thread (default 1: on this thread). */
  readonly concurrency?: number;
  /** Return once no job is waiting, running or due for a retry (bench, tests, batch runs). */
  readonly untilEmpty?: boolean;
  /** How often this process looks for jobs of dead workers (seconds). */
  readonly maintenanceSeconds?: number;
  /** Seconds to wait for the jobs in hand on stop() before releasing them to other workers (default 30). */
  readonly shutdownGraceSeconds?: number;
  readonly onJob?: (event: { readonly id: string; readonly docId: string | null; readonly outcome: 'stored' | 'already stored' | 'failed'; readonly error?: string }) => void;
}

export interface WorkerCounts {
  stored: number;
  alreadyStored: number;
  failed: number;
}

export interface RunningWorker {
  /** Resolves when the worker has stopped: after stop(), or when the queue is empty with `untilEmpty`. */
  readonly done: Promise<WorkerCounts>;
  /** Graceful: take no new job, finish the ones in hand (or release them after the grace period). */
  stop(): void;
}

/** Polling pause when the queue is empty. */
const IDLE_MS = 500;

/**
 * A queue worker: `concurrency` loops, each taking a few jobs at a time (FETCH_BATCH)
 * (pg-boss fetch: SKIP LOCKED), analysing it with the same pipeline as local
 * ingest and saving it in one transaction. Exactly-once comes from the
 * store, not the queue: the id is the text's hash and a document already
 * stored is not analysed again, so a job retried after its worker died (or
 * after its save but before its completion) stores nothing twice.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  // With the desk beside it, as openStore opens it: what a worker stores is in the change log (watching).
  const store: Store = await withDesk(await openPostgresStore(options.url, { poolSize: concurrency + 1 }), options.url, true);
  let boss: PgBoss;
  try {
    boss = await startBoss(options.url, { poolSize: concurrency + 2, ...(options.maintenanceSeconds !== undefined ? { maintenanceSeconds: options.maintenanceSeconds } : {}) });
  } catch (error) {
    await store.close();
    throw error;
  }
  const analysis = await createAnalysisPool({ jobs: concurrency > 1 ? concurrency : 0 });
  const counts: WorkerCounts = { stored: 0, alreadyStored: 0, failed: 0 };
  const inHand = new Set<string>();
  let stopping = false;
  const sleepers = new Set<() => void>();
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => {
    const wake = (): void => {
      clearTimeout(timer);
      sleepers.delete(wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    sleepers.add(wake);
  });

  const handle = async (job: PgBoss.Job<unknown>): Promise<void> => {
    let docId: string | null = null;
    try {
      const { doc, duplicateOf } = parseDocumentJob(job.data);
      docId = doc.id;
      if (await store.hasDocument(doc.id)) {
        counts.alreadyStored++;
        await boss.complete(DOCUMENT_QUEUE, job.id);
        options.onJob?.({ id: job.id, docId, outcome: 'already stored' });
        return;
      }
      const out = await analysis.analyze(doc);
      await saveAnalysed(store, out, duplicateOf, { byline: doc.meta.byline ?? null, forwardedFrom: doc.meta.forwardedFrom ?? null });
      counts.stored++;
      // A crash here leaves the job active: it expires, is retried, and finds the document stored.
      await boss.complete(DOCUMENT_QUEUE, job.id);
      options.onJob?.({ id: job.id, docId, outcome: 'stored' });
    } catch (error) {
      counts.failed++;
      const message = (error as Error).message ?? String(error);
      // pg-boss retries it (retryLimit), then keeps it in the failed list with this output.
      await boss.fail(DOCUMENT_QUEUE, job.id, { message, docId, source: (job.data as { doc?: { meta?: { source?: unknown } } } | null)?.doc?.meta?.source ?? null }).catch(() => undefined);
      options.onJob?.({ id: job.id, docId, outcome: 'failed', error: message });
    }
  };

  /**
   * Jobs taken per fetch. pg-boss's fetch (a sorted, SKIP LOCKED select of the queue) was the
   * PostgreSQL server's largest cost per document with one job per fetch (≈ 1.8 ms of its CPU at
   * 2,000 queued); a handful per fetch shares it. A worker killed outright leaves at most this many
   * jobs active, which expire and are retried like one.
   */
  const FETCH_BATCH = 4;

  const isEmpty = async (): Promise<boolean> => {
    const db = boss.getDb() as { executeSql: (sql: string, params: unknown[]) => Promise<{ rows: Array<{ n: string }> }> };
    const { rows } = await db.executeSql(`SELECT count(*) AS n FROM pgboss.job WHERE name = $1 AND state < 'completed'`, [DOCUMENT_QUEUE]);
    return Number(rows[0]?.n ?? 0) === 0;
  };

  const loop = async (): Promise<void> => {
    while (!stopping) {
      const jobs = await boss.fetch<unknown>(DOCUMENT_QUEUE, { batchSize: FETCH_BATCH });
      if (jobs.length === 0) {
        if (options.untilEmpty && (await isEmpty())) return;
        await sleep(IDLE_MS);
        continue;
      }
      // The jobs fetched are this worker's until done: a stop lets them finish (a few seconds at most),
      // and past the grace period whatever is left goes back to the queue.
      for (const job of jobs) inHand.add(job.id);
      for (const job of jobs) {
        if (!inHand.has(job.id)) continue;
        try {
          await handle(job);
        } finally {
          inHand.delete(job.id);
        }
      }
    }
  };

  let graceTimer: NodeJS.Timeout | undefined;
  let released: () => void = () => undefined;
  const gracePassed = new Promise<void>((resolve) => {
    released = resolve;
  });
  const loops = Promise.all(Array.from({ length: concurrency }, loop));
  const done = (async (): Promise<WorkerCounts> => {
    try {
      await Promise.race([loops, gracePassed]);
    } finally {
      if (graceTimer) clearTimeout(graceTimer);
      await boss.stop({ graceful: false, close: true }).catch(() => undefined);
      await analysis.close();
      await store.close();
    }
    return counts;
  })();

  return {
    done,
    stop() {
      if (stopping) return;
      stopping = true;
      for (const wake of [...sleepers]) wake();
      // Past the grace period, the jobs in hand go back to the queue for another worker (the analysis here is abandoned).
      graceTimer = setTimeout(() => {
        const ids = [...inHand];
        inHand.clear();
        const message = { message: 'worker shut down before finishing; released for retry' };
        const release = Promise.all(ids.map((id) => boss.fail(DOCUMENT_QUEUE, id, message)));
        void release.catch(() => undefined).then(released);
      }, (options.shutdownGraceSeconds ?? 30) * 1000);
    },
  };
}
