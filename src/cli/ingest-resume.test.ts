/**
 * `counterclaim ingest` as a user runs it: the real CLI in a child process.
 * Stopped part-way (kill -9, Ctrl-C) and run again, every document ends up
 * stored exactly once, whatever had been committed when it stopped (one
 * transaction per document or per batch: what was not committed is analysed
 * again). Also standard input, directories and globs end to end.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, promises as fs, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-resume-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Exit { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/** The CLI as `counterclaim ARGS...`, from the repository root. */
function startCli(args: readonly string[], stdin?: string | Buffer) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, COUNTERCLAIM_DB: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
  child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  if (stdin !== undefined) child.stdin.end(stdin);
  else child.stdin.end();
  const exited = new Promise<Exit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  let done = false;
  void exited.then(() => { done = true; });
  return { child, exited, isDone: () => done, stderr: () => stderr };
}
type Run = ReturnType<typeof startCli>;

async function until(what: string, ready: () => boolean): Promise<void> {
  const deadline = Date.now() + 120_000; // a safety net for a hung child, not a timing assumption
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Documents committed so far, read without locking the writer out; null before the schema exists. */
function storedCount(db: string): number | null {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return null;
  }
}

function storedIds(db: string): string[] {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return (conn.prepare('SELECT id FROM documents ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
  } finally {
    conn.close();
  }
}

/** Polls until the run has committed at least one document (or has ended by itself). */
async function untilSomeStored(db: string, run: Run): Promise<void> {
  await until('the first run to store something', () => run.isDone() || (storedCount(db) ?? 0) > 0);
}

/**
 * The corpus as a named pipe the test writes into: the run cannot reach the
 * end of its input before the test lets it, so it is stopped part-way however
 * fast or slow the machine is. (Where mkfifo is missing, a plain file: the
 * assertions hold either way.)
 */
interface Feed { write(lines: readonly string[]): Promise<void>; close(): Promise<void> }
async function openFeed(file: string, run: Run): Promise<Feed | null> {
  if (spawnSync('mkfifo', [file]).status !== 0) return null;
  const opening = fs.open(file, 'w'); // completes once the run opens the pipe to read it
  const exited = run.exited.then(() => {
    // The run ended without opening the pipe: open its other end so the pending open() completes.
    try {
      closeSync(openSync(file, constants.O_RDONLY | constants.O_NONBLOCK));
    } catch { /* already opened */ }
  });
  const handle = await Promise.race([opening, exited.then(() => opening)]);
  if (run.isDone()) {
    await handle.close();
    assert.fail(`the run ended before reading its input: ${run.stderr()}`);
  }
  const quietly = async (op: () => Promise<unknown>): Promise<void> => {
    try {
      await op();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error; // the run stopped reading
    }
  };
  return {
    write: (lines) => quietly(() => handle.write(lines.map((l) => `${l}\n`).join(''))),
    close: () => quietly(() => handle.close()),
  };
}

interface Summary { interrupted: boolean; ingested: number; skipped: number; failed: number; skippedBy: Record<string, number> }

/** The summary the CLI prints on standard output (cli/ingest.ts formatSummary). */
function parseSummary(stdout: string): Summary {
  const m = /^(interrupted: )?ingested ([\d,]+) documents? .*, skipped ([\d,]+), failed ([\d,]+)$/m.exec(stdout);
  assert.ok(m, `no summary in: ${stdout}`);
  const n = (s: string): number => Number(s.replace(/,/g, ''));
  const skippedBy: Record<string, number> = {};
  for (const line of stdout.matchAll(/^ {2}skipped +([\d,]+) {2}(.+)$/gm)) skippedBy[line[2]!] = n(line[1]!);
  return { interrupted: Boolean(m[1]), ingested: n(m[2]!), skipped: n(m[3]!), failed: n(m[4]!), skippedBy };
}

/**
 * ~300 short reports made of real sentences (the Pokrovsk example), picked
 * by a seeded generator so every run writes the same file and no two lines
 * are the same text.
 */
function makeCorpus(count: number): { texts: string[]; lines: string[] } {
  const sentences = readFileSync(path.join(root, 'example', 'pokrovsk.txt'), 'utf8')
    .split(/(?<=[.!?”])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 30);
  assert.ok(sentences.length >= 10, 'enough sentences to vary');
  let seed = 20251106;
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const texts = new Set<string>();
  while (texts.size < count) {
    const n = 2 + Math.floor(random() * 2);
    const picked = Array.from({ length: n }, () => sentences[Math.floor(random() * sentences.length)]!);
    texts.add(picked.join(' '));
  }
  const list = [...texts];
  const outlets = ['Kyiv Independent', 'TASS', 'Ukrinform', 'Reuters'];
  return { texts: list, lines: list.map((text, i) => JSON.stringify({ id: `r${i + 1}`, text, outlet: outlets[i % 4], published: '2025-11-06' })) };
}

/** The whole corpus as a plain file at the path the first run read (a pipe then): the rerun is the same command. */
function writeCorpusFile(file: string, lines: readonly string[]): void {
  rmSync(file, { force: true });
  writeFileSync(file, `${lines.join('\n')}\n`);
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const DOCS = 300;

/** The end state after an interrupted run and a rerun: each text stored once, the rerun skipped what was there. */
function assertResumed(db: string, texts: readonly string[], storedBefore: number, rerun: Exit): void {
  assert.equal(rerun.code, 0, `the rerun completes: ${rerun.stderr}`);
  const summary = parseSummary(rerun.stdout);
  assert.equal(summary.interrupted, false);
  assert.equal(summary.failed, 0, rerun.stderr);
  assert.equal(summary.ingested, texts.length - storedBefore, `the rerun stores only what was missing: ${rerun.stdout}`);
  assert.equal(summary.skipped, storedBefore, `the rerun reports what was stored before as skipped: ${rerun.stdout}`);
  if (storedBefore < texts.length) assert.deepEqual(summary.skippedBy, { 'already stored (same text)': storedBefore }, rerun.stdout);
  const ids = storedIds(db);
  assert.equal(ids.length, texts.length, 'every document stored exactly once');
  assert.deepEqual(ids, texts.map(sha256).sort(), 'the stored documents are exactly the input texts');
}

const FIRST_PART = 150;

/** Starts a run fed the first FIRST_PART lines through a named pipe (the whole file without mkfifo) and waits until it has stored some. */
async function startPartWay(args: string[], corpus: string, lines: readonly string[], db: string) {
  const first = startCli(args);
  const feed = await openFeed(corpus, first);
  if (feed) await feed.write(lines.slice(0, FIRST_PART));
  else writeCorpusFile(corpus, lines);
  await untilSomeStored(db, first);
  return { first, feed };
}

test('ingest killed with SIGKILL part-way, then run again: every document stored exactly once, the earlier ones skipped, nothing failed', { timeout: 180_000 }, async (t) => {
  const corpus = path.join(dir, 'kill.jsonl');
  const { texts, lines } = makeCorpus(DOCS);
  assert.equal(new Set(texts).size, DOCS);
  const db = path.join(dir, 'kill.db');
  const args = ['ingest', corpus, '--db', db, '--jobs', '1'];

  const { first, feed } = await startPartWay(args, corpus, lines, db);
  first.child.kill('SIGKILL');
  const killed = await first.exited;
  await feed?.close();
  const storedBefore = storedCount(db) ?? 0;
  t.diagnostic(`first run (${feed ? 'named pipe' : 'plain file'}): ${killed.signal ?? `exit ${killed.code}`} with ${storedBefore} of ${DOCS} documents stored`);
  assert.ok(storedBefore > 0, 'something was committed before the kill');
  if (feed || killed.signal === 'SIGKILL') {
    assert.equal(killed.signal, 'SIGKILL');
    assert.ok(storedBefore <= (feed ? FIRST_PART : DOCS - 1), `killed part-way (${storedBefore} of ${DOCS} stored)`);
  } else {
    // A plain file only: the whole file was stored before the kill landed.
    assert.equal(killed.code, 0, killed.stderr);
    assert.equal(storedBefore, DOCS);
  }

  writeCorpusFile(corpus, lines);
  const rerun = await startCli(args).exited;
  assertResumed(db, texts, storedBefore, rerun);
  if (storedBefore === DOCS) assert.deepEqual(parseSummary(rerun.stdout).skippedBy, { 'unchanged source, read before': DOCS });

  // A third run reads nothing again: the file was read to the end.
  const third = await startCli(args).exited;
  assert.equal(third.code, 0, third.stderr);
  assert.deepEqual(parseSummary(third.stdout), { interrupted: false, ingested: 0, skipped: DOCS, failed: 0, skippedBy: { 'unchanged source, read before': DOCS } });
  assert.equal(storedCount(db), DOCS);
});

test('ingest stopped with Ctrl-C (SIGINT): exits 130 with a summary saying it was interrupted, what it reports is stored; a rerun completes', { timeout: 180_000 }, async (t) => {
  const corpus = path.join(dir, 'int.jsonl');
  const { texts, lines } = makeCorpus(DOCS);
  const db = path.join(dir, 'int.db');
  const args = ['ingest', corpus, '--db', db, '--jobs', '1'];

  const { first, feed } = await startPartWay(args, corpus, lines, db);
  first.child.kill('SIGINT');
  if (feed) {
    // Once the run has seen the signal, the rest of the input arrives: it must stop, not read on.
    await until('the run to acknowledge Ctrl-C', () => first.isDone() || /stopping after the documents in hand are stored/.test(first.stderr()));
    await feed.write(lines.slice(FIRST_PART));
    await feed.close();
  }
  const stopped = await first.exited;
  const storedBefore = storedCount(db) ?? 0;
  t.diagnostic(`first run (${feed ? 'named pipe' : 'plain file'}): exit ${stopped.code} with ${storedBefore} of ${DOCS} documents stored`);
  assert.equal(stopped.signal, null, `the process exits by itself, not killed by the signal: ${stopped.stderr}`);
  if (feed || stopped.code === 130) {
    assert.equal(stopped.code, 130, stopped.stderr);
    const summary = parseSummary(stopped.stdout);
    assert.equal(summary.interrupted, true, stopped.stdout);
    assert.match(stopped.stdout, /^run the same command again to go on where it stopped$/m);
    assert.match(stopped.stderr, /stopping after the documents in hand are stored/);
    assert.equal(summary.failed, 0, stopped.stderr);
    assert.equal(summary.ingested, storedBefore, 'the documents it reports as ingested are the ones committed');
    assert.ok(storedBefore > 0 && storedBefore < DOCS, `stopped part-way (${storedBefore} of ${DOCS} stored)`);
  } else {
    // A plain file only: the run had finished before the signal arrived.
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.equal(storedBefore, DOCS);
  }

  writeCorpusFile(corpus, lines);
  const rerun = await startCli(args).exited;
  assertResumed(db, texts, storedBefore, rerun);
});

test('CLI: `-` reads JSON Lines from standard input; a directory is read recursively; a glob expands; bad inputs are named and the rest stored', { timeout: 120_000 }, async () => {
  const db = path.join(dir, 'inputs.db');
  const lines = [
    JSON.stringify({ text: 'Ukraine’s General Staff said on Monday that its forces had repelled 40 attacks near Kupiansk.', outlet: 'Piped' }),
    '{"text": broken',
    JSON.stringify({ text: 'Russia’s Defence Ministry said its forces had captured the village of Udachne.', outlet: 'Piped' }),
  ];
  const fromStdin = await startCli(['ingest', '-', '--db', db, '--jobs', '0'], `${lines.join('\n')}\n`).exited;
  assert.equal(fromStdin.code, 1, fromStdin.stderr);
  assert.match(fromStdin.stderr, /^counterclaim: -:2: line 2 is not valid JSON: .* \[input\.malformed\]$/m);
  assert.deepEqual(parseSummary(fromStdin.stdout), { interrupted: false, ingested: 2, skipped: 0, failed: 1, skippedBy: {} });

  const tree = path.join(dir, 'tree');
  mkdirSync(path.join(tree, 'east/donetsk'), { recursive: true });
  mkdirSync(path.join(tree, '.cache'), { recursive: true });
  writeFileSync(path.join(tree, 'east/donetsk/pokrovsk.txt'), 'Kyiv denied on Thursday that its troops in Pokrovsk had been encircled.');
  writeFileSync(path.join(tree, 'east/kupiansk.md'), '# Kupiansk\n\nThe General Staff said 40 attacks had been repelled near Kupiansk on Tuesday.');
  writeFileSync(path.join(tree, 'east/notes.txt'), '');
  writeFileSync(path.join(tree, '.cache/old.txt'), 'A hidden file that is never read.');
  const fromDir = await startCli(['ingest', tree, '--db', db, '--jobs', '0'], '').exited;
  assert.equal(fromDir.code, 1, fromDir.stderr);
  assert.match(fromDir.stderr, new RegExp(`^counterclaim: ${path.join(tree, 'east/notes.txt').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: is empty .*\\[input\\.empty\\]$`, 'm'));
  assert.deepEqual(parseSummary(fromDir.stdout), { interrupted: false, ingested: 2, skipped: 0, failed: 1, skippedBy: {} });

  // The glob: two .txt files deep in the tree, one new, one read before; the .md and the hidden file are not matched.
  rmSync(path.join(tree, 'east/notes.txt'));
  writeFileSync(path.join(tree, 'east/donetsk/myrnohrad.txt'), 'Russian forces said they had entered Myrnohrad, a claim Kyiv rejected.');
  const fromGlob = await startCli(['ingest', `${tree}/**/*.txt`, '--db', db, '--jobs', '0'], '').exited;
  assert.equal(fromGlob.code, 0, fromGlob.stderr);
  assert.deepEqual(parseSummary(fromGlob.stdout), { interrupted: false, ingested: 1, skipped: 1, failed: 0, skippedBy: { 'unchanged source, read before': 1 } });
  assert.equal(storedCount(db), 5);
  const nothing = await startCli(['ingest', `${tree}/**/*.pdf`, '--db', db, '--jobs', '0'], '').exited;
  assert.equal(nothing.code, 1);
  assert.match(nothing.stderr, /\*\*\/\*\.pdf: matches no file \[input\.not-found\]$/m);
});
