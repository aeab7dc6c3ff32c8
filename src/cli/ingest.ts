import { writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { describeFailure } from '../ingest/index.js';
import { parseFieldMap } from '../ingest/readers/jsonl-reader.js';
import { runIngest, type IngestCounts } from '../ingest/ingest-run.js';
import { DEFAULT_DB, isPostgresUrl, openStore } from '../store/open-store.js';
import { acquireWriterLock } from '../store/sqlite/writer-lock.js';
import type { Store } from '../store/store.js';
import { enqueueCommand } from './ingest-queue.js';
import { wantsEscapes, type CliIo } from './io.js';
import { EXIT_OK, EXIT_SOME_FAILED, UsageError } from './usage-error.js';
import { META_FLAG_OPTIONS, overridesFrom } from './meta-flags.js';
import { auditRun, countingSaves } from '../store/desk/run-audit.js';
import { AS_OPTION, cliActor } from './users.js';

export const INGEST_USAGE = `counterclaim ingest SOURCE... [options]

Reads, analyses and stores documents. SOURCE is a file, a directory (read
recursively), a glob ('reports/**/*.html'), - for standard input, or an http(s)
URL. Formats: .txt, .md, .html, RSS/Atom feeds (.xml, .rss, .atom), JSON Lines
(.jsonl, .ndjson: one {"text": ...} per line), Telegram Desktop exports
(result.json) and .zip archives of these. See docs/ingest.md.

Documents already stored (same text) are skipped; near-duplicates are stored
and linked to the first copy. Stop at any time (Ctrl-C) and run the same
command again to go on.

Options:
  --db PATH          database file (default ./counterclaim.db, or $COUNTERCLAIM_DB)
  --jobs N           analysis threads (default: the number of CPU cores; 0 = none)
  --allow-private    let URLs reach loopback and private network addresses
  --published DATE   publication date (ISO 8601), for every document
  --outlet NAME      outlet, for every document
  --url URL          URL, for every document
  --title TEXT       title, for every document
  --map F=THEIRS,... JSON Lines whose fields are not ours: read each of our fields
                     (text, id, title, outlet, url, published, language, byline)
                     from theirs, e.g. --map text=summary,published=date
  --json             the summary as JSON on standard output (counts, reasons, failures)
  --quiet            no progress and no skipped records; failed records are still named
  --queue            enqueue the documents for 'counterclaim worker' instead of
                     analysing them here (needs --db postgres://...; see docs/deployment.md)
  --job-timeout S    with --queue: a job running longer is retried (default 300)
  --retries N        with --queue: retries before a job is listed as failed (default 2)
  --as NAME          record the run in the audit trail as done by cli:NAME
                     (default: cli:<your login name>; one record per run: its sources,
                     counts and the documents it stored)
`;

/** Failures listed in `--json` at most (the counts cover them all). */
const MAX_JSON_FAILURES = 1000;

const jobsSchema = z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').max(64, 'must be at most 64');

export async function ingestCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOrThrow(argv);
  if (positionals.length === 0) throw new UsageError('ingest needs at least one SOURCE');
  const jobs = values.jobs === undefined ? availableParallelism() : jobsSchema.safeParse(values.jobs);
  if (typeof jobs !== 'number' && !jobs.success) throw new UsageError(`--jobs ${JSON.stringify(values.jobs)} ${jobs.error.issues[0]?.message ?? 'is invalid'}`);
  const overrides = overridesFrom(values);
  const mapped = values.map === undefined ? null : parseFieldMap(values.map);
  if (mapped && 'error' in mapped) throw new UsageError(`--map: ${mapped.error}`);
  const fieldMap = mapped?.map;
  cliActor(new Date(), values.as); // a bad --as is a usage error before anything is read
  if (values.queue) return enqueueCommand(positionals, { ...values, overrides, ...(fieldMap ? { fieldMap } : {}), isPostgres: isPostgresUrl(values.db ?? process.env.COUNTERCLAIM_DB ?? '') }, io);
  let stopRequested = false;
  // Every stored document is committed as it is stored, so quitting at once loses nothing stored:
  // on a second signal, or when the documents in hand are not stored within the grace period
  // (an input that never ends, a pipe nobody writes to: issue 19).
  const graceMs = stopGraceMs();
  const onSignal = (): void => {
    if (stopRequested) quitNow('quitting at once');
    stopRequested = true;
    io.err(`\ncounterclaim ingest: stopping after the documents in hand are stored (Ctrl-C again to quit at once; quitting in ${graceMs / 1000} s regardless)\n`);
    setTimeout(() => quitNow(`not stopped within ${graceMs / 1000} s; quitting`), graceMs).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // One ingest per SQLite file at a time (issue 19): a second run waits for the first, then finds its documents stored.
  const location = values.db ?? process.env.COUNTERCLAIM_DB ?? DEFAULT_DB;
  const lockable = !isPostgresUrl(location) && location !== '' && location !== ':memory:';
  const lock = !lockable ? null : await acquireWriterLock(location, {
    shouldStop: () => stopRequested,
    onWait: () => io.err(`counterclaim ingest: another ingest is writing to ${location}; waiting for it to finish\n`),
  });
  if (lockable && !lock) {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    io.out(values.json ? `${JSON.stringify({ ...emptyCounts(), interrupted: true, failures: [] }, null, 2)}\n` : formatSummary({ ...emptyCounts(), interrupted: true }));
    return 130;
  }
  let store: Store;
  try {
    store = await openStore(location);
  } catch (error) {
    lock?.release();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    throw error;
  }
  const progress = createProgress(io, Boolean(values.quiet));
  const failures: Array<{ source: string; code: string; line?: number; message: string }> = [];
  const counting = countingSaves(store);
  let counts: IngestCounts;
  let finished: IngestCounts | undefined;
  try {
    counts = finished = await runIngest(positionals, {
      store: counting.store,
      jobs: typeof jobs === 'number' ? jobs : jobs.data,
      ...(values.db !== undefined ? { db: values.db } : {}),
      overrides,
      ...(fieldMap ? { fieldMap } : {}),
      fetch: { allowPrivate: Boolean(values['allow-private']) },
      shouldStop: () => stopRequested,
      onFailure: (f) => {
        // Skipped records (empty posts, unchanged files) are routine; failed ones are named even with --quiet.
        if (!f.skipped && values.json && failures.length < MAX_JSON_FAILURES) failures.push({ source: f.source, code: f.code, ...(f.line !== undefined ? { line: f.line } : {}), message: f.message });
        progress.message(`counterclaim: ${describeFailure(f)}`, !f.skipped);
      },
      onProgress: (c) => progress.update(c),
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress.done();
    try {
      // The run's audit record, also when it was stopped or failed part way: what it stored is written.
      await auditRun(store, cliActor(new Date(), values.as), { action: 'cli.ingest', sources: positionals, stored: counting.stored(), ...(finished ? { counts: summaryCounts(finished) } : {}) });
    } finally {
      try {
        await store.close();
      } finally {
        lock?.release();
      }
    }
  }
  io.out(values.json ? `${JSON.stringify({ ...counts, failures, failuresListed: failures.length < counts.failed ? failures.length : undefined }, null, 2)}\n` : formatSummary(counts));
  if (counts.interrupted) return 130;
  return counts.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}

/**
 * Ends the process now. Not process.exit: it waits for libuv's threads, and one blocked
 * reading a pipe nobody writes to never returns (issue 19: a FIFO hung the run through
 * two SIGTERMs). The uncommitted batch is rolled back by SQLite as after any kill.
 */
function quitNow(why: string): never {
  writeSync(2, `counterclaim ingest: ${why} (what was stored is kept; run the same command again to go on)\n`);
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable: the process was killed');
}

/** How long a run asked to stop may take to store the documents in hand: 10 s, or $COUNTERCLAIM_STOP_GRACE_MS (tests). */
function stopGraceMs(): number {
  const ms = Number(process.env.COUNTERCLAIM_STOP_GRACE_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : 10_000;
}

/** The counts an audit record keeps (the reasons by count, no failures' text). */
const summaryCounts = (c: IngestCounts) => ({ ingested: c.ingested, nearDuplicates: c.nearDuplicates, notAnalysed: c.notAnalysed, skipped: c.skipped, failed: c.failed, interrupted: c.interrupted });

function emptyCounts(): IngestCounts {
  return { ingested: 0, nearDuplicates: 0, notAnalysed: 0, skipped: 0, failed: 0, skippedBy: {}, failedBy: {}, interrupted: false };
}

/** The end-of-run summary, with a line per reason for skipped and failed records. */
export function formatSummary(c: IngestCounts): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const lines = [
    `${c.interrupted ? 'interrupted: ' : ''}ingested ${n(c.ingested)} document${c.ingested === 1 ? '' : 's'}` +
      ` (${n(c.nearDuplicates)} near-duplicate${c.nearDuplicates === 1 ? '' : 's'} linked to a first copy, ${n(c.notAnalysed)} stored but not analysed: language),` +
      ` skipped ${n(c.skipped)}, failed ${n(c.failed)}`,
  ];
  for (const [reason, count] of Object.entries(c.skippedBy).sort()) lines.push(`  skipped  ${n(count).padStart(8)}  ${reason}`);
  for (const [reason, count] of Object.entries(c.failedBy).sort()) lines.push(`  failed   ${n(count).padStart(8)}  ${reason}`);
  if (c.interrupted) lines.push('run the same command again to go on where it stopped');
  return `${lines.join('\n')}\n`;
}

/** A bar redrawn in place on a terminal; a plain line every 1,000 documents otherwise. Both on stderr. */
function createProgress(io: CliIo, quiet: boolean) {
  const tty = io.isTty && wantsEscapes(process.stderr);
  const started = performance.now();
  let lastDraw = 0;
  let lastLine = 0;
  let drawn = false;
  const text = (c: IngestCounts): string => {
    const seconds = (performance.now() - started) / 1000;
    const done = c.ingested + c.skipped;
    return `${done.toLocaleString('en-US')} documents · ${c.ingested.toLocaleString('en-US')} stored · ${c.nearDuplicates} near-dup · ${c.skipped} skipped · ${c.failed} failed · ${(c.ingested / Math.max(seconds, 0.001)).toFixed(0)}/s`;
  };
  return {
    update(c: IngestCounts): void {
      if (quiet) return;
      const done = c.ingested + c.skipped + c.failed;
      if (tty) {
        const now = performance.now();
        if (now - lastDraw < 100) return;
        lastDraw = now;
        const spin = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏'[Math.floor(now / 100) % 10];
        io.err(`\r\x1b[2K${spin} ${text(c)}`);
        drawn = true;
      } else if (done - lastLine >= 1000) {
        lastLine = done - (done % 1000);
        io.err(`ingest: ${text(c)}\n`);
      }
    },
    message(line: string, always = false): void {
      if (quiet && !always) return;
      // Records' own text never reaches the terminal raw: control characters are shown as '?'.
      const safe = line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
      io.err(`${tty && drawn ? '\r\x1b[2K' : ''}${safe}\n`);
    },
    done(): void {
      if (tty && drawn) io.err('\r\x1b[2K');
    },
  };
}

function parseOrThrow(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        jobs: { type: 'string' },
        'allow-private': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        map: { type: 'string' },
        json: { type: 'boolean', default: false },
        ...META_FLAG_OPTIONS,
        queue: { type: 'boolean', default: false },
        'job-timeout': { type: 'string' },
        retries: { type: 'string' },
        ...AS_OPTION,
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

