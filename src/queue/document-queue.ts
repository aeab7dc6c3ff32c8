import PgBoss from 'pg-boss';
import type { SourceDocument } from '../model/index.js';
import { redactUrl } from '../store/postgres/postgres-store.js';
import { StoreError } from '../store/store.js';

/**
 * The job queue is pg-boss in the same PostgreSQL database as the store (its
 * own `pgboss` schema): workers take jobs with SELECT ... FOR UPDATE SKIP
 * LOCKED, so any number of them, on any number of machines, share the work
 * without a coordinator of ours.
 */
export const DOCUMENT_QUEUE = 'counterclaim-documents';

/** What one job carries: a document as read, and the near-duplicate link decided when it was enqueued. */
export interface DocumentJob {
  readonly doc: SourceDocument;
  readonly duplicateOf: { readonly id: string; readonly similarity: number } | null;
}

export interface JobOptions {
  /** A job active longer than this is taken to be lost with its worker, and retried (default 300). */
  readonly timeoutSeconds?: number;
  /** Retries after the first attempt before a job ends in the failed list (default 2). */
  readonly retries?: number;
}

export const DEFAULT_JOB_OPTIONS: Required<JobOptions> = { timeoutSeconds: 300, retries: 2 };

export interface BossOptions {
  /** Connections pg-boss may hold (beside the store's pool). */
  readonly poolSize?: number;
  /**
   * How often this process checks for jobs of dead workers (expired), among
   * pg-boss's other maintenance; one process in the fleet does it at a time.
   */
  readonly maintenanceSeconds?: number;
  /** False for processes that only enqueue or read status. */
  readonly supervise?: boolean;
}

/** Starts pg-boss on `url` (creating its schema and our queue when absent); errors say what to fix. */
export async function startBoss(url: string, options: BossOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    max: options.poolSize ?? 4,
    supervise: options.supervise ?? true,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 15,
  });
  // pg-boss reports background problems (a dropped connection during maintenance) as events; it retries by itself.
  boss.on('error', (error) => {
    if (process.env.COUNTERCLAIM_QUEUE_DEBUG) process.stderr.write(`counterclaim queue: ${error.message}\n`);
  });
  try {
    await boss.start();
    await boss.createQueue(DOCUMENT_QUEUE, { name: DOCUMENT_QUEUE, retryLimit: DEFAULT_JOB_OPTIONS.retries, expireInSeconds: DEFAULT_JOB_OPTIONS.timeoutSeconds });
  } catch (error) {
    await boss.stop({ graceful: false, close: true }).catch(() => undefined);
    throw new StoreError(`cannot start the job queue in ${redactUrl(url)}: ${(error as Error).message}`, { cause: error });
  }
  return boss;
}

/** A job's data checked at the edge: a job written by hand or by another version is a failed job, not a crash. */
export function parseDocumentJob(data: unknown): DocumentJob {
  const job = data as Partial<DocumentJob> | null;
  const doc = job?.doc as Partial<SourceDocument> | undefined;
  if (!doc || typeof doc.id !== 'string' || typeof doc.text !== 'string' || typeof doc.meta !== 'object' || doc.meta === null || !Array.isArray(doc.diagnostics)) {
    throw new Error('malformed job: expected { doc: { id, text, meta, diagnostics }, duplicateOf }');
  }
  return { doc: doc as SourceDocument, duplicateOf: job?.duplicateOf ?? null };
}
