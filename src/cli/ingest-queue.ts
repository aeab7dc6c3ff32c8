import { z } from 'zod';
import { describeFailure, type MetaOverrides } from '../ingest/index.js';
import { startBoss } from '../queue/document-queue.js';
import { enqueueInputs } from '../queue/enqueue.js';
import { openStore } from '../store/open-store.js';
import { auditRun } from '../store/desk/run-audit.js';
import { cliActor } from './users.js';
import type { CliIo } from './io.js';
import { EXIT_OK, EXIT_SOME_FAILED, UsageError } from './usage-error.js';

const secondsSchema = z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(86_400, 'must be at most 86400');
const retriesSchema = z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').max(100, 'must be at most 100');

/**
 * `counterclaim ingest --queue`: read and enqueue, analyse nothing here.
 * The flags were parsed by ingestCommand; this checks the ones only the queue uses.
 */
export async function enqueueCommand(
  sources: readonly string[],
  values: { db?: string; 'job-timeout'?: string; retries?: string; quiet?: boolean; 'allow-private'?: boolean; overrides: MetaOverrides; fieldMap?: Readonly<Record<string, string>>; isPostgres: boolean; as?: string },
  io: CliIo,
): Promise<number> {
  if (!values.isPostgres) throw new UsageError('--queue needs a PostgreSQL database: --db postgres://... (or COUNTERCLAIM_DB)');
  const url = values.db ?? process.env.COUNTERCLAIM_DB!;
  const parse = <T>(flag: string, schema: z.ZodType<T>, value: string | undefined): T | undefined => {
    if (value === undefined) return undefined;
    const result = schema.safeParse(value);
    if (!result.success) throw new UsageError(`--${flag} ${JSON.stringify(value)} ${result.error.issues[0]?.message ?? 'is invalid'}`);
    return result.data;
  };
  const timeoutSeconds = parse('job-timeout', secondsSchema, values['job-timeout']);
  const retries = parse('retries', retriesSchema, values.retries);
  const store = await openStore(url);
  let stop = false;
  const onSignal = (): void => {
    stop = true;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const boss = await startBoss(url, { supervise: false, poolSize: 2 });
    try {
      const counts = await enqueueInputs(sources, {
        store, boss,
        overrides: values.overrides,
        ...(values.fieldMap ? { fieldMap: values.fieldMap } : {}),
        fetch: { allowPrivate: Boolean(values['allow-private']) },
        ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
        ...(retries !== undefined ? { retries } : {}),
        shouldStop: () => stop,
        onFailure: (f) => {
          if (!values.quiet || !f.skipped) io.err(`counterclaim: ${describeFailure(f)}\n`.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?'));
        },
      });
      const reasons = [
        ...Object.entries(counts.skippedBy).sort().map(([r, c]) => `  skipped  ${String(c).padStart(8)}  ${r}`),
        ...Object.entries(counts.failedBy).sort().map(([r, c]) => `  failed   ${String(c).padStart(8)}  ${r}`),
      ];
      // Enqueueing writes jobs, not documents: the record counts them (each worker records the documents it stores).
      await auditRun(store, cliActor(new Date(), values.as), { action: 'cli.enqueue', sources, stored: { count: counts.enqueued, ids: [] }, counts: { enqueued: counts.enqueued, nearDuplicates: counts.nearDuplicates, skipped: counts.skipped, failed: counts.failed, interrupted: counts.interrupted } });
      io.out(`${counts.interrupted ? 'interrupted: ' : ''}enqueued ${counts.enqueued} document${counts.enqueued === 1 ? '' : 's'} (${counts.nearDuplicates} near-duplicates linked to a first copy), skipped ${counts.skipped}, failed ${counts.failed}\n${reasons.map((l) => `${l}\n`).join('')}`);
      if (counts.interrupted) return 130;
      return counts.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
    } finally {
      await boss.stop({ graceful: false, close: true });
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await store.close();
  }
}
