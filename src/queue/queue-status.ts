import pg from 'pg';
import { DOCUMENT_QUEUE } from './document-queue.js';

export interface QueueStatus {
  /** Jobs waiting: new, or due for a retry. */
  readonly waiting: number;
  /** Jobs a worker holds now (or held when it died, until they expire). */
  readonly active: number;
  readonly completed: number;
  readonly failed: number;
  /** Jobs completed in the last minute and the last ten minutes, per second. */
  readonly throughput: { readonly lastMinute: number; readonly lastTenMinutes: number };
  /** The latest failed jobs, newest first, with the error of their last attempt. */
  readonly failures: ReadonlyArray<{ readonly job: string; readonly docId: string | null; readonly source: string | null; readonly error: string; readonly attempts: number; readonly at: string }>;
}

/**
 * Queue depth, throughput and failures, read straight from pg-boss's tables
 * (jobs still in `pgboss.job` and those moved to `pgboss.archive`) with one
 * short-lived connection: `status` must work while every worker is busy.
 */
export async function queueStatus(url: string, options: { failures?: number } = {}): Promise<QueueStatus | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const exists = await client.query(`SELECT to_regclass('pgboss.job') IS NOT NULL AS ok`);
    if (!exists.rows[0]?.ok) return null;
    const jobs = `(SELECT state, completed_on FROM pgboss.job WHERE name = $1 UNION ALL SELECT state, completed_on FROM pgboss.archive WHERE name = $1)`;
    const { rows: [counts] } = await client.query<Record<string, string>>(
      `SELECT
         count(*) FILTER (WHERE state IN ('created', 'retry')) AS waiting,
         count(*) FILTER (WHERE state = 'active') AS active,
         count(*) FILTER (WHERE state = 'completed') AS completed,
         count(*) FILTER (WHERE state = 'failed') AS failed,
         count(*) FILTER (WHERE state = 'completed' AND completed_on > now() - interval '1 minute') AS last_minute,
         count(*) FILTER (WHERE state = 'completed' AND completed_on > now() - interval '10 minutes') AS last_ten
       FROM ${jobs} j`,
      [DOCUMENT_QUEUE],
    );
    const { rows: failed } = await client.query<{ id: string; doc_id: string | null; source: string | null; error: string | null; attempts: number; at: Date }>(
      `SELECT id::text, data->'doc'->>'id' AS doc_id, data->'doc'->'meta'->>'source' AS source, output->>'message' AS error,
         retry_count + 1 AS attempts, completed_on AS at
       FROM (SELECT id, data, output, retry_count, completed_on FROM pgboss.job WHERE name = $1 AND state = 'failed'
             UNION ALL SELECT id, data, output, retry_count, completed_on FROM pgboss.archive WHERE name = $1 AND state = 'failed') f
       ORDER BY completed_on DESC LIMIT $2`,
      [DOCUMENT_QUEUE, options.failures ?? 10],
    );
    const n = (key: string): number => Number(counts?.[key] ?? 0);
    return {
      waiting: n('waiting'), active: n('active'), completed: n('completed'), failed: n('failed'),
      throughput: { lastMinute: n('last_minute') / 60, lastTenMinutes: n('last_ten') / 600 },
      failures: failed.map((f) => ({ job: f.id, docId: f.doc_id, source: f.source, error: f.error ?? '(no message)', attempts: f.attempts, at: f.at.toISOString() })),
    };
  } finally {
    await client.end();
  }
}
