import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startBoss } from '../../queue/document-queue.js';
import { enqueueInputs } from '../../queue/enqueue.js';
import { writeQueueCorpus } from '../../testing/queue-corpus.js';
import { openPostgresStore } from '../../store/postgres/postgres-store.js';
import { createTestDatabase, testPostgres } from '../../testing/postgres-test-server.js';

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'cli', 'main.ts');

/**
 * Queue throughput with 1 and with 2 worker processes on the same
 * reproducible corpus (src/testing/queue-corpus.ts: real sentences from the
 * Pokrovsk example and PolNeAR), each run on a fresh database of the server
 * the tests use ($COUNTERCLAIM_TEST_POSTGRES or a throw-away cluster).
 * Throughput is counted from pg-boss's own clock: documents over the time
 * from the first job started to the last completed, so worker start-up
 * (loading lexicons) is not counted. Then search timings with their plans
 * checked (the GIN index must be used).
 *
 * The size is 20,000 documents; the default is smaller so a bench
 * run stays short on a shared machine (`documents` sets it).
 */
export async function benchQueue(options: { documents?: number; log: (line: string) => void }): Promise<Record<string, number>> {
  const server = testPostgres();
  if (server.skip !== undefined) throw new Error(`queue bench needs PostgreSQL: ${server.skip}`);
  const documents = options.documents ?? 2000;
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-queue-bench-'));
  try {
    const corpus = path.join(dir, 'corpus.jsonl');
    writeQueueCorpus(corpus, documents);
    const figures: Record<string, number> = { documents };
    for (const workers of [1, 2]) {
      const db = await createTestDatabase(server.adminUrl);
      try {
        const store = await openPostgresStore(db.url, { poolSize: 2 });
        const boss = await startBoss(db.url, { supervise: false });
        await enqueueInputs([corpus], { store, boss });
        await boss.stop({ graceful: false, close: true });
        await store.close();
        await Promise.all(Array.from({ length: workers }, () => new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'worker', '--db', db.url, '--until-empty', '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
          child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
        })));
        const client = new pg.Client({ connectionString: db.url });
        client.on('error', () => undefined);
        await client.connect();
        const { rows: [span] } = await client.query<{ n: string; seconds: number }>(
          `SELECT count(*) AS n, extract(epoch FROM max(completed_on) - min(started_on))::float AS seconds
           FROM (SELECT started_on, completed_on FROM pgboss.job WHERE state = 'completed' UNION ALL SELECT started_on, completed_on FROM pgboss.archive WHERE state = 'completed') j`,
        );
        const perSecond = Number(span!.n) / span!.seconds;
        figures[`workers_${workers}_docs_per_s`] = round(perSecond);
        options.log(`queue bench: ${workers} worker${workers === 1 ? '' : 's'}: ${span!.n} documents in ${span!.seconds.toFixed(1)} s = ${perSecond.toFixed(1)}/s`);
        if (workers === 2) Object.assign(figures, await queryTimings(client, options.log));
        await client.end();
      } finally {
        await db.drop();
      }
    }
    figures.speedup_2_vs_1 = round(figures.workers_2_docs_per_s! / figures.workers_1_docs_per_s!);
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Median of 5 runs of each query, after checking that the index meant for it
 * can serve it: on a small bench database the planner rightly prefers a
 * sequential scan, so the check runs with enable_seqscan off (an index whose
 * expression does not match the query would still not be used), the timing
 * with the planner's own choice.
 */
async function queryTimings(client: pg.Client, log: (line: string) => void): Promise<Record<string, number>> {
  await client.query('ANALYZE');
  // `index` lists the indexes that may serve each query (any one of them will do).
  const queries: Array<{ name: string; sql: string; params: unknown[]; index: readonly string[] }> = [
    { name: 'search_ms', sql: `SELECT id FROM documents WHERE search @@ phraseto_tsquery('counterclaim', $1) ORDER BY ts_rank('{0.1,0.2,0.25,1.0}', search, phraseto_tsquery('counterclaim', $1)) DESC LIMIT 20`, params: ['Pokrovsk'], index: ['documents_search'] },
    { name: 'items_of_document_ms', sql: `SELECT data FROM place_items WHERE doc_seq = (SELECT seq FROM documents ORDER BY seq LIMIT 1) ORDER BY ord`, params: [], index: ['place_items_doc_span'] },
  ];
  const out: Record<string, number> = {};
  for (const q of queries) {
    await client.query('SET enable_seqscan = off');
    const plan = (await client.query(`EXPLAIN ${q.sql}`, q.params)).rows.map((r: Record<string, string>) => Object.values(r)[0]).join('\n');
    await client.query('RESET enable_seqscan');
    const used = q.index.find((name) => plan.includes(name));
    if (!used) throw new Error(`${q.name}: none of the indexes ${q.index.join(', ')} serves the query:\n${plan}`);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await client.query(q.sql, q.params);
      times.push(performance.now() - t);
    }
    out[q.name] = round(times.sort((a, b) => a - b)[2]!);
    log(`queue bench: ${q.name} ${out[q.name]} (plan uses ${used})`);
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

// `node --import tsx src/eval/bench/queue-bench.ts [N]` runs it alone.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const n = process.argv[2] ? Number(process.argv[2]) : undefined;
  benchQueue({ ...(n ? { documents: n } : {}), log: (line) => process.stderr.write(`${line}\n`) }).then((r) => {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    process.exit(0);
  });
}
