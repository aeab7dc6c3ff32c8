import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { countWords, loadCorpus } from './corpus.js';
import type { EndpointFigures } from './server-bench.js';

/**
 * `npm run bench [-- --only SECTION[,SECTION]] [--json] [sizes]`: every benchmark in one run,
 * in sections. Speed targets live here, never in timed tests.
 *
 * - pipeline: throughput (documents/s and words/s on one core), start-up time and peak
 *   RSS of the whole pipeline, with chrono-node's `parse` and compromise's `.dates()`
 *   on the same texts side by side (`--corpus DIR`, `--language ru|uk` to read them with that
 *   language's resources, `--compromise-docs N`); CLI start-up.
 * - ingest: JSON Lines ingest with analysis on all cores (`--ingest-docs N`, default
 *   1,000; `--ingest-full` for the issue's 100,000).
 * - store: the writer alone: an ingest's saves replayed into a fresh SQLite file on one thread
 *   (`--store-docs N[,N…]`, default 1,000; issue 15 reports 1,000 and 5,000): CPU and bytes written per document.
 * - server: p95 of the list endpoints on a generated store (`--server-docs N`, default
 *   2,000; `--server-seconds S` per endpoint; `--server-db FILE` keeps the store there and
 *   reuses it when it already holds N documents: a 100,000-document store takes half an hour);
 *   the list endpoints and the desk's reads (issue 18), then again after `--server-reviews N`
 *   reviews (default 200; 0: none) are added, with the UI's map, board and "What changed" loads.
 * - queue: 1 vs 2 queue workers on PostgreSQL (`--queue-docs N`); skipped, with the
 *   reason, where no PostgreSQL server can be started.
 * - ledger: ledger updates and queries at scale (`--ledger-docs N`, default 10,000).
 * - scaling: seconds per MB of the pipeline on the same text cut into documents of 10 KB,
 *   100 KB, 1 MB and 10 MB (`--scaling-sizes BYTES,...`; `--scaling-total BYTES` of text, default the largest size), and /healthz latency while the server analyses the largest
 *   document POST /api/documents takes (issue 19).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const SECTIONS = ['pipeline', 'ingest', 'store', 'server', 'queue', 'ledger', 'scaling'] as const;
type Section = (typeof SECTIONS)[number];
const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    corpus: { type: 'string' },
    language: { type: 'string' },
    json: { type: 'boolean', default: false },
    'compromise-docs': { type: 'string', default: '60' },
    'ingest-docs': { type: 'string', default: '1000' },
    'ingest-full': { type: 'boolean', default: false },
    'store-docs': { type: 'string', default: '1000' },
    'server-docs': { type: 'string', default: '2000' },
    'server-seconds': { type: 'string', default: '3' },
    'server-db': { type: 'string' },
    'server-reviews': { type: 'string', default: '200' },
    'queue-docs': { type: 'string', default: '500' },
    'ledger-docs': { type: 'string', default: '10000' },
    'scaling-sizes': { type: 'string', default: '10000,100000,1000000,10000000' },
    'scaling-total': { type: 'string' },
  },
});
const count = (flag: keyof typeof values): number => {
  const n = Number(values[flag]);
  if (!Number.isInteger(n) || n <= 0) {
    process.stderr.write(`bench: --${flag} must be a positive whole number, not ${JSON.stringify(values[flag])}\n`);
    process.exit(2);
  }
  return n;
};
const only = values.only === undefined ? [...SECTIONS] : values.only.split(',').map((s) => s.trim());
for (const s of only) {
  if (!(SECTIONS as readonly string[]).includes(s)) {
    process.stderr.write(`bench: --only takes ${SECTIONS.join(', ')} (comma-separated), not ${JSON.stringify(s)}\n`);
    process.exit(2);
  }
}
const sections = new Set(only as Section[]);
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};
const out: Record<string, unknown> = {};
const say = (text: string): void => {
  if (!values.json) process.stdout.write(`${text}\n`);
};
const corpusDir = path.resolve(values.corpus ?? path.join(root, '..', 'shared', 'data', 'polnear'));

interface SubjectResult { name: string; docs: number; words: number; items: number; seconds: number; cpuSeconds: number; setupMs: number; maxRssMb: number }

/** A figure that cannot be right stops the bench (exit 1) rather than print a rate: no documents, no words, nothing found, no time. */
function checkFigures(r: SubjectResult, expectedDocs: number): void {
  const wrong: string[] = [];
  if (r.docs !== expectedDocs) wrong.push(`read ${r.docs} documents, not the ${expectedDocs} asked for`);
  if (!(r.words > 0)) wrong.push(`counted ${r.words} words`);
  if (!(r.items > 0)) wrong.push(`found nothing in ${r.docs} documents (0 items)`);
  if (!(r.seconds > 0) || !Number.isFinite(r.seconds) || !(r.cpuSeconds > 0)) wrong.push(`took ${r.seconds} s (${r.cpuSeconds} s CPU)`);
  if (wrong.length > 0) {
    process.stderr.write(`bench: ${r.name}: ${wrong.join('; ')}: a wrong figure, no rate printed\n`);
    process.exit(1);
  }
}

/**
 * The pipeline's output on the bench corpus, checked against the committed hashes (reading-hashes.ts)
 * before its speed is measured: a faster pipeline that reads differently is no result. Only the
 * PolNeAR texts are in the hash file; another --corpus is measured unchecked, and says so.
 */
function checkReadingHashes(): string {
  const polnear = path.resolve(root, '..', 'shared', 'data', 'polnear');
  if (values.language !== undefined) return `output not checked: the hash file has no texts read as --language ${values.language}`;
  if (corpusDir !== polnear) return `output not checked: the hash file covers ${polnear}, not ${corpusDir}`;
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'reading-hashes-main.ts'), '--only', 'polnear'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (result.status !== 0) {
    process.stderr.write(`bench: the pipeline's output differs from src/eval/bench/reading-hashes.txt; no rate printed:\n${result.stderr}`);
    process.exit(1);
  }
  return result.stdout.trim();
}

function runSubject(name: string, limit?: number): SubjectResult {
  const args = ['--import', 'tsx', path.join(here, 'run-subject.ts'), name, corpusDir, limit ? String(limit) : '', '', values.language ?? ''];
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (result.status !== 0) throw new Error(`bench subject ${name} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as SubjectResult;
}

/** Wall time of the built CLI analysing the bundled example: what a user waits for. */
function startupMs(): number | null {
  const cli = path.join(root, 'dist', 'cli', 'main.js');
  if (!existsSync(cli)) return null;
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, [cli, 'analyze', path.join(root, 'example', 'pokrovsk.txt'), '--no-store', '--json'], { stdio: 'pipe' });
    runs.push(performance.now() - t0);
  }
  return runs.sort((a, b) => a - b)[2]!;
}

function pipelineSection(): void {
const corpus = loadCorpus(corpusDir);
const totalWords = corpus.reduce((n, d) => n + countWords(d.text), 0);
const bytes = corpus.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
log(`corpus: ${corpusDir}: ${corpus.length} documents, ${totalWords} words, ${(bytes / 1e6).toFixed(1)} MB`);
const checked = checkReadingHashes();
log(checked);
const compromiseDocs = Number(values['compromise-docs']);
const results = [runSubject('pipeline'), runSubject('segment + time'), runSubject('chrono-node parse'), runSubject('compromise dates', compromiseDocs)];
results.forEach((r, i) => checkFigures(r, i === 3 ? Math.min(compromiseDocs, corpus.length) : corpus.length));
const pipelineRate = results[0]!.docs / results[0]!.seconds;
const rows = results.map((r) => {
  const docsPerS = r.docs / r.seconds;
  return {
    subject: r.name,
    docs: r.docs,
    docsPerS,
    wordsPerS: r.words / r.seconds,
    msPerDoc: (r.seconds * 1000) / r.docs,
    cpuMsPerDoc: (r.cpuSeconds * 1000) / r.docs,
    setupMs: r.setupMs,
    maxRssMb: r.maxRssMb,
    pipelineSpeedup: pipelineRate / docsPerS,
  };
});
const startup = startupMs();
out.pipeline = { corpus: { dir: corpusDir, documents: corpus.length, words: totalWords }, outputCheck: checked, subjects: rows, cliStartupMs: startup };
{
  const header = ['subject', 'docs', 'docs/s', 'words/s', 'ms/doc', 'CPU ms/doc', 'setup ms', 'peak RSS MB', 'pipeline ×'];
  const table = rows.map((r) => [r.subject, String(r.docs), r.docsPerS.toFixed(0), r.wordsPerS.toFixed(0), r.msPerDoc.toFixed(2), r.cpuMsPerDoc.toFixed(2), r.setupMs.toFixed(0), r.maxRssMb.toFixed(0), r.pipelineSpeedup.toFixed(2)]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  say(`${[line(header), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...table.map(line)].join('\n')}`);
  say(`\nCLI start-up (analyze the bundled example, median of 5): ${startup === null ? 'n/a (run npm run build first)' : `${startup.toFixed(0)} ms`}`);
}
}

/** A table of name → figure, two columns. */
function figures(record: Record<string, number | string>): string {
  const width = Math.max(...Object.keys(record).map((k) => k.length));
  return Object.entries(record).map(([k, v]) => `  ${k.padEnd(width)}  ${typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 2 }) : v}`).join('\n');
}

async function ingestSection(): Promise<void> {
  const { benchIngest } = await import('./ingest-bench.js');
  const documents = values['ingest-full'] ? 100_000 : count('ingest-docs');
  const r = await benchIngest({ corpusDir, documents, log });
  out.ingest = r;
  checkIngestFigures(r, documents);
  say(figures(r));
}

/**
 * An ingest rate that cannot be right stops the bench (exit 1) before it is printed: every generated
 * document stored or skipped as a copy and none failed, no near copy missed wholesale, time and memory taken.
 */
function checkIngestFigures(r: Record<string, number>, documents: number): void {
  const wrong: string[] = [];
  if (r.failed !== 0) wrong.push(`${r.failed} documents failed`);
  if (r.ingested! + r.skipped! !== documents) wrong.push(`stored ${r.ingested} and skipped ${r.skipped} of ${documents} documents`);
  if (r.plantedNearDuplicates! > 0 && !(r.nearDuplicates! > 0)) wrong.push(`linked none of the ${r.plantedNearDuplicates} planted near copies`);
  if (!(r.seconds! > 0) || !Number.isFinite(r.docsPerSecond) || !(r.peakRssMb! > 0)) wrong.push(`took ${r.seconds} s at ${r.peakRssMb} MB`);
  if (wrong.length > 0) {
    process.stderr.write(`bench: ingest: ${wrong.join('; ')}: a wrong figure, no rate printed\n`);
    process.exit(1);
  }
}

async function storeSection(): Promise<void> {
  const { benchStore } = await import('./store-bench.js');
  // Several sizes at once (`--store-docs 1000,5000`): bytes written per document grow with the store.
  const sizes = values['store-docs']!.split(',').map((v) => {
    const n = Number(v.trim());
    if (!Number.isInteger(n) || n <= 0) {
      process.stderr.write(`bench: --store-docs takes positive whole numbers (comma-separated), not ${JSON.stringify(values['store-docs'])}\n`);
      process.exit(2);
    }
    return n;
  });
  const results: Array<Record<string, number>> = [];
  for (const documents of sizes) {
    const r = await benchStore({ corpusDir, documents, log });
    results.push(r);
    say(figures(r));
  }
  out.store = results.length === 1 ? results[0]! : results;
}

/**
 * A store of `documents` documents with their items, for the server's list endpoints: the bundled
 * example and 24 PolNeAR articles analysed once (ledger-bench's bases), each stored again as
 * variants with their own ids, days and towns (server-load.ts).
 */
async function serverSection(): Promise<void> {
  const [{ benchListEndpoints, addBenchReviews, LIST_ENDPOINTS, DESK_ENDPOINTS }, { benchUiLoads }] = await Promise.all([import('./server-bench.js'), import('./ui-bench.js')]);
  const documents = count('server-docs');
  const dir = values['server-db'] === undefined ? mkdtempSync(path.join(tmpdir(), 'counterclaim-bench-server-')) : null;
  try {
    const db = dir === null ? path.resolve(values['server-db']!) : path.join(dir, 'server.db');
    if (dir !== null || !await holds(db, documents)) await loadServerStore(db, documents);
    else log(`server bench: reusing ${db} (${documents} documents)`);
    // The first read of what changed after the load, on a server just started (issue 18: the change
    // log is kept by the writers, so this read finds nothing left to work out).
    const firstChanges = await timeFirstChanges(db);
    say(`  first GET /api/changes after the load, server just started: ${firstChanges.ms.toFixed(0)} ms (${firstChanges.items} changes)`);
    const paths = [...LIST_ENDPOINTS, ...DESK_ENDPOINTS];
    const row = (r: EndpointFigures) => `  ${r.path.padEnd(54)} p50 ${r.p50Ms.toFixed(1).padStart(7)} ms  p95 ${r.p95Ms.toFixed(1).padStart(7)} ms  ${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  errors ${r.errors + r.non2xx}`;
    const uiLine = (ui: Awaited<ReturnType<typeof benchUiLoads>> | Error) => (ui === null ? '  UI load: skipped (no Chromium at /usr/bin/chromium)'
      : ui instanceof Error ? `  UI load failed: ${ui.message.split('\n')[0]}`
      : ui.map((u) => `  UI ${u.view.padEnd(51)} loaded in ${String(u.medianMs).padStart(5)} ms (median of ${u.runsMs.join(', ')})`).join('\n'));
    const uiFigure = (ui: Awaited<ReturnType<typeof benchUiLoads>> | Error) => (ui === null ? 'no Chromium' : ui instanceof Error ? `failed: ${ui.message.split('\n')[0]}` : ui);
    // Without reviews first, then with `--server-reviews` of them (a kept --server-db keeps them: its second run measures with reviews twice).
    const rows = await benchListEndpoints({ db, paths, durationSeconds: count('server-seconds') });
    say(rows.map(row).join('\n'));
    // A view that does not load is a figure too, not the end of the section.
    const ui = await benchUiLoads({ db }).catch((error: Error) => error);
    say(`  ${documents.toLocaleString('en-US')} documents, ${count('server-seconds')} s per endpoint, 10 connections`);
    say(uiLine(ui));
    const reviewCount = Number(values['server-reviews']);
    let reviewed: { reviews: { claims: number; statuses: number }; endpoints: EndpointFigures[]; ui: unknown } | undefined;
    if (reviewCount > 0) {
      const reviews = await addBenchReviews(db, reviewCount);
      say(`  with ${reviews.claims} claim reviews and ${reviews.statuses} status reviews:`);
      const withReviews = await benchListEndpoints({ db, paths, durationSeconds: count('server-seconds') });
      say(withReviews.map(row).join('\n'));
      const uiReviewed = await benchUiLoads({ db }).catch((error: Error) => error);
      say(uiLine(uiReviewed));
      reviewed = { reviews, endpoints: withReviews, ui: uiFigure(uiReviewed) };
    }
    out.server = { documents, firstChangesMs: firstChanges.ms, endpoints: rows, ui: uiFigure(ui), ...(reviewed ? { reviewed } : {}) };
  } finally {
    if (dir !== null) rmSync(dir, { recursive: true, force: true });
  }
}

async function queueSection(): Promise<void> {
  const { testPostgres } = await import('../../testing/postgres-test-server.js');
  const server = testPostgres();
  if (server.skip !== undefined) {
    out.queue = { skipped: server.skip };
    say(`  skipped: no PostgreSQL (${server.skip})`);
    return;
  }
  const { benchQueue } = await import('./queue-bench.js');
  const r = await benchQueue({ documents: count('queue-docs'), log });
  out.queue = r;
  say(figures(r));
}

async function scalingSection(): Promise<void> {
  const { benchScaling, benchHealthWhileAnalysing } = await import('./scaling-bench.js');
  const { MAX_INGEST_BYTES } = await import('../../server/routes/documents.js');
  const sizes = values['scaling-sizes']!.split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
    process.stderr.write(`bench: --scaling-sizes takes byte counts, not ${JSON.stringify(values['scaling-sizes'])}\n`);
    process.exit(2);
  }
  const total = values['scaling-total'] === undefined ? undefined : Number(values['scaling-total']);
  if (total !== undefined && !(Number.isInteger(total) && total > 0)) {
    process.stderr.write(`bench: --scaling-total takes a byte count, not ${JSON.stringify(values['scaling-total'])}\n`);
    process.exit(2);
  }
  const rows = await benchScaling({ corpusDir, sizes, log, ...(total !== undefined ? { total } : {}) });
  const health = await benchHealthWhileAnalysing({ corpusDir, bytes: MAX_INGEST_BYTES - 1024, log });
  out.scaling = { rows, health };
  say(`  the same ${(rows[0]!.totalBytes / 1e6).toFixed(1)} MB of text cut into documents of each size`);
  say(rows.map((r) => `  ${`${(r.bytes / 1e6).toFixed(2)} MB`.padStart(9)} × ${String(r.documents).padStart(5)}  ${r.seconds.toFixed(1).padStart(7)} s  ${r.secondsPerMb.toFixed(2).padStart(6)} s/MB  (processor ${r.cpuSecondsPerMb.toFixed(2)} s/MB)`).join('\n'));
  const flat = rows.filter((r) => r.bytes >= 100_000).map((r) => r.secondsPerMb);
  if (flat.length > 1) say(`  from 100 KB up: slowest per MB / fastest per MB = ${(Math.max(...flat) / Math.min(...flat)).toFixed(2)} (target ≤ 1.5)`);
  say(`  /healthz while a ${(health.documentBytes / 1048576).toFixed(2)} MiB POST /api/documents was analysed (${health.analysisSeconds.toFixed(1)} s, HTTP ${health.status}): ${health.probes} probes (${health.failures} unanswered), p50 ${health.p50Ms.toFixed(1)} ms, p99 ${health.p99Ms.toFixed(1)} ms, max ${health.maxMs.toFixed(1)} ms`);
}

async function ledgerSection(): Promise<void> {
  const module = await import('./ledger-bench.js').catch(() => null);
  if (!module || typeof module.benchLedger !== 'function') {
    out.ledger = { skipped: 'src/eval/bench/ledger-bench.ts has no benchLedger yet' };
    say('  skipped: src/eval/bench/ledger-bench.ts has no benchLedger yet');
    return;
  }
  const r = await module.benchLedger({ documents: count('ledger-docs'), log });
  out.ledger = r;
  say(figures(r));
}

/** How long the first GET /api/changes takes on a store just opened (its first page of 300, since the log began). */
async function timeFirstChanges(db: string): Promise<{ ms: number; items: number }> {
  const [{ openStore }, { createApp }] = await Promise.all([import('../../store/open-store.js'), import('../../server/app.js')]);
  const store = await openStore(db);
  try {
    const app = createApp({ store });
    const started = performance.now();
    const res = await app.request('/api/changes?since=1970-01-01&limit=300');
    const body = await res.json() as { items?: unknown[] };
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`GET /api/changes answered ${res.status}`);
    return { ms, items: body.items?.length ?? 0 };
  } finally {
    await store.close();
  }
}

/** Whether `db` is a store holding exactly `documents` documents (a kept `--server-db`). */
async function holds(db: string, documents: number): Promise<boolean> {
  if (!existsSync(db)) return false;
  const { openSqliteStore } = await import('../../store/sqlite/sqlite-store.js');
  const store = openSqliteStore(db);
  try {
    return await store.countDocuments() === documents;
  } finally {
    await store.close();
  }
}

/** Fills `db` (emptied first) with `documents` documents: 24 real articles analysed once, each saved again under new ids. */
async function loadServerStore(db: string, documents: number): Promise<void> {
  const [{ analyseBases }, { openStore }, { serverLoadDocument }] = await Promise.all([import('./ledger-bench.js'), import('../../store/open-store.js'), import('./server-load.js')]);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  // A base the store would refuse (two items of one list sharing an id, an analysis defect
  // reported by ingest as a failed document) is left out, so the load is stored whole.
  const analysed = await analyseBases(24);
  // (Lists without ids, such as diagnostics, are not item lists.)
  const bases = analysed.filter((b) => Object.values(b).every((list) => {
    const ids = Array.isArray(list) ? list.map((x: { id?: unknown }) => x?.id).filter((id) => id !== undefined) : [];
    return new Set(ids).size === ids.length;
  }));
  if (bases.length < analysed.length) log(`server bench: ${analysed.length - bases.length} of ${analysed.length} base documents left out (items with the same id)`);
  // Opened as the CLI and the server open it (with the desk beside it), so the change log is
  // filled as an ingest fills it and "what changed" is measured over real records.
  const store = await openStore(db);
  const started = performance.now();
  for (let i = 0; i < documents; i++) {
    // Committed 500 at a time, as ingest batches its saves.
    if (i % 500 === 0) {
      await store.commitBatch();
      await store.beginBatch();
    }
    // Ids shaped as real ones (a text's SHA-256): the desk's reviews accept no other. Each copy has
    // its own days and (two in three) its own towns (server-load.ts).
    await store.saveDocument(serverLoadDocument(bases, i, createHash('sha256').update(`server-${i}`).digest('hex')));
    if (i % 10_000 === 9_999) log(`  ${(i + 1).toLocaleString('en-US')} documents stored, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  await store.commitBatch();
  await store.close();
  log(`server bench: ${documents} documents stored in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

const RUN: Record<Section, () => void | Promise<void>> = { pipeline: pipelineSection, ingest: ingestSection, store: storeSection, server: serverSection, queue: queueSection, ledger: ledgerSection, scaling: scalingSection };
const TITLES: Record<Section, string> = {
  pipeline: 'Pipeline vs chrono-node vs compromise (one core)',
  ingest: 'Ingest: JSON Lines with analysis, all cores',
  store: 'Store: the writer alone (an ingest\'s saves replayed on one thread)',
  server: 'Server: list endpoints',
  queue: 'Queue: 1 vs 2 workers (PostgreSQL)',
  ledger: 'Ledger at scale',
  scaling: 'Scaling: seconds per MB by document size (the same text cut into documents of each size); /healthz while the largest POST is analysed',
};
let failed = false;
for (const section of SECTIONS) {
  if (!sections.has(section)) continue;
  say(`\n## ${section}: ${TITLES[section]}\n`);
  const t0 = performance.now();
  try {
    await RUN[section]();
  } catch (error) {
    // One section failing does not hide the others' figures.
    failed = true;
    out[section] = { error: (error as Error).message };
    say(`  failed: ${(error as Error).message.split('\n')[0]}`);
    log((error as Error).stack ?? String(error));
  }
  log(`(${section}: ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}
if (values.json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
if (failed) process.exitCode = 1;
