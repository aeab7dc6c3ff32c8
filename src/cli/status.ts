import { parseArgs } from 'node:util';
import { queueStatus } from '../queue/queue-status.js';
import { isPostgresUrl, openStore } from '../store/open-store.js';
import type { CliIo } from './io.js';
import { EXIT_OK, UsageError } from './usage-error.js';

export const STATUS_USAGE = `counterclaim status [--db postgres://...] [--json]

Shows the documents stored and the job queue: jobs waiting, running,
completed and failed, throughput over the last minute and ten minutes, and
the latest failed jobs with their errors. With a SQLite file: documents only.

Options:
  --db URL|PATH   the database (default ./counterclaim.db, or $COUNTERCLAIM_DB)
  --json          the same as one JSON object
`;

export async function statusCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], strict: true, options: { db: { type: 'string' }, json: { type: 'boolean', default: false } } }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const store = await openStore(values.db);
  let documents: number;
  try {
    documents = await store.countDocuments();
  } finally {
    await store.close();
  }
  const location = values.db ?? process.env.COUNTERCLAIM_DB;
  const queue = location !== undefined && isPostgresUrl(location) ? await queueStatus(location) : null;
  if (values.json) {
    io.out(`${JSON.stringify({ documents, queue }, null, 2)}\n`);
    return EXIT_OK;
  }
  const n = (x: number): string => x.toLocaleString('en-US');
  const lines = [`documents stored  ${n(documents)}`];
  if (queue) {
    lines.push(
      `queue waiting     ${n(queue.waiting)}`,
      `      running     ${n(queue.active)}`,
      `      completed   ${n(queue.completed)}`,
      `      failed      ${n(queue.failed)}`,
      `throughput        ${queue.throughput.lastMinute.toFixed(1)}/s last minute, ${queue.throughput.lastTenMinutes.toFixed(1)}/s last 10 minutes`,
    );
    if (queue.failures.length > 0) {
      lines.push('latest failures:');
      for (const f of queue.failures) {
        const what = `${f.docId?.slice(0, 12) ?? f.job}${f.source ? ` (${f.source})` : ''}`;
        lines.push(`  ${f.at}  ${what}  after ${f.attempts} attempt${f.attempts === 1 ? '' : 's'}: ${f.error}`.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '?'));
      }
    }
  } else if (location !== undefined && isPostgresUrl(location)) {
    lines.push('queue             none yet (no ingest --queue has run on this database)');
  }
  io.out(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
