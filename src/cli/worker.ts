import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startWorker } from '../queue/document-worker.js';
import { isPostgresUrl } from '../store/open-store.js';
import { openDesk } from '../store/desk/open-desk.js';
import { AS_OPTION, cliActor } from './users.js';
import type { CliIo } from './io.js';
import { EXIT_OK, UsageError } from './usage-error.js';

export const WORKER_USAGE = `counterclaim worker [--db postgres://...] [--concurrency N] [options]

Takes documents from the job queue filled by 'counterclaim ingest --queue',
analyses them and stores them in the same PostgreSQL database. Start as many
workers as you like, on as many machines: they share the queue. A job whose
worker dies is retried once it times out; a document is stored once whatever
happens. SIGTERM or Ctrl-C: finish the jobs in hand, then exit (after
--grace seconds they are released to other workers); a second one quits at
once. See docs/deployment.md.

Options:
  --db URL                 postgres://user:password@host:port/database (default $COUNTERCLAIM_DB)
  --concurrency N          jobs in hand at once, each on its own analysis thread (default 1)
  --until-empty            exit when no job is waiting, running or due for a retry
  --maintenance-seconds S  how often to look for jobs of dead workers (default 15)
  --grace S                seconds to finish the jobs in hand on SIGTERM (default 30)
  --quiet                  no line per job on standard error
  --as NAME                the audit trail names each stored document's writer
                           worker:NAME (default: worker:<your login name>)
`;

const count = (max: number) => z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(max, `must be at most ${max}`);

export async function workerCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        db: { type: 'string' },
        concurrency: { type: 'string' },
        'until-empty': { type: 'boolean', default: false },
        'maintenance-seconds': { type: 'string' },
        grace: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        ...AS_OPTION,
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  const url = values.db ?? process.env.COUNTERCLAIM_DB;
  if (url === undefined || !isPostgresUrl(url)) throw new UsageError('worker needs a PostgreSQL database: --db postgres://... (or COUNTERCLAIM_DB)');
  const number = (flag: string, value: string | undefined, max: number): number | undefined => {
    if (value === undefined) return undefined;
    const result = count(max).safeParse(value);
    if (!result.success) throw new UsageError(`--${flag} ${JSON.stringify(value)} ${result.error.issues[0]?.message ?? 'is invalid'}`);
    return result.data;
  };
  const concurrency = number('concurrency', values.concurrency, 64) ?? 1;
  const maintenanceSeconds = number('maintenance-seconds', values['maintenance-seconds'], 3600);
  const grace = number('grace', values.grace, 3600);
  // Every document a worker stores is audited (action worker.store) as worker:<login>, or worker:NAME with --as.
  const actorName = cliActor(new Date(), values.as).name.replace(/^cli:/, 'worker:');
  const desk = await openDesk(url, true);
  let audits: Promise<unknown> = Promise.resolve();
  const audit = (docId: string): void => {
    audits = audits.then(() => desk.appendAudit({ action: 'worker.store', target: { kind: 'document', key: docId }, before: null, after: { stored: docId }, reason: null }, { name: actorName, at: new Date().toISOString() }))
      .catch((error: Error) => io.err(`counterclaim worker: could not write the audit record of ${docId}: ${error.message}\n`));
  };
  let worker: Awaited<ReturnType<typeof startWorker>>;
  try {
    worker = await startWorker({
      url,
      concurrency,
      untilEmpty: Boolean(values['until-empty']),
      ...(maintenanceSeconds !== undefined ? { maintenanceSeconds } : {}),
      ...(grace !== undefined ? { shutdownGraceSeconds: grace } : {}),
      onJob: (e) => {
        if (e.outcome === 'stored' && e.docId) audit(e.docId);
        if (!values.quiet) io.err(`worker: ${e.outcome} ${e.docId ?? e.id}${e.error ? `: ${e.error.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')}` : ''}\n`);
      },
    });
  } catch (error) {
    await desk.close();
    throw error;
  }
  let signalled = false;
  const onSignal = (): void => {
    if (signalled) process.exit(143); // a second signal: whatever is in hand expires and is retried elsewhere
    signalled = true;
    io.err('counterclaim worker: finishing the jobs in hand (signal again to quit at once)\n');
    worker.stop();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  try {
    const counts = await worker.done;
    io.out(`worker: stored ${counts.stored}, already stored ${counts.alreadyStored}, failed ${counts.failed}\n`);
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await audits;
    await desk.close();
  }
  return EXIT_OK;
}
