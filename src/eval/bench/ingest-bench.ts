import { createWriteStream, existsSync, statSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { runIngest } from '../../ingest/ingest-run.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';
import type { Store } from '../../store/store.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_CORPUS = path.resolve(HERE, '..', '..', '..', '..', 'shared', 'data', 'polnear');

/**
 * JSON Lines ingest with analysis, end to end: generates a reproducible
 * corpus of `documents` (default 100,000) news-like documents from real
 * article sentences (PolNeAR texts, else the bundled example), in a temporary
 * folder that is removed afterwards, ingests it on all cores into a fresh
 * SQLite database, and reports throughput and peak memory.
 */
export async function benchIngest(options: { corpusDir?: string; documents?: number; log: (line: string) => void }): Promise<Record<string, number>> {
  const count = options.documents ?? 100_000;
  const sentences = loadSentences(options.corpusDir ?? DEFAULT_CORPUS);
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-bench-ingest-'));
  try {
    const corpus = path.join(dir, 'corpus.jsonl');
    const generated = await writeCorpus(corpus, sentences, count);
    options.log(`ingest bench: ${count.toLocaleString('en-US')} documents (${(generated.bytes / 1024 / 1024).toFixed(0)} MB) from ${sentences.length.toLocaleString('en-US')} real sentences`);
    const dbFile = path.join(dir, 'bench.db');
    const opened = openSqliteStore(dbFile);
    // The writer's share: time inside the store's calls on this thread (SQLite is synchronous, so
    // this is the writer's CPU plus its waits on the disk), and the bytes this process wrote.
    const writer = timedStore(opened);
    const store = writer.store;
    const writtenBefore = writeBytes();
    let peakRss = process.memoryUsage.rss();
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, 100);
    const jobs = availableParallelism();
    const started = performance.now();
    let lastLog = 0;
    const counts = await runIngest([corpus], {
      store,
      jobs,
      onProgress: (c) => {
        const done = c.ingested + c.skipped + c.failed;
        if (done - lastLog >= 10_000) {
          lastLog = done;
          options.log(`  ${done.toLocaleString('en-US')} documents, ${(c.ingested / ((performance.now() - started) / 1000)).toFixed(0)}/s`);
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    await store.close();
    const written = writeBytes() - writtenBefore;
    return {
      documents: count,
      writeBytesPerDoc: Math.round(written / counts.ingested),
      dbBytesPerDoc: Math.round(statSync(dbFile).size / counts.ingested),
      writerMsPerDoc: Math.round((writer.ms() / counts.ingested) * 100) / 100,
      jobs,
      seconds: round(seconds),
      docsPerSecond: round(counts.ingested / seconds),
      peakRssMb: round(peakRss / 1024 / 1024),
      ingested: counts.ingested,
      nearDuplicates: counts.nearDuplicates,
      plantedNearDuplicates: generated.nearDuplicates,
      skipped: counts.skipped,
      failed: counts.failed,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Bytes this process has caused to be written to storage (Linux /proc/self/io), 0 elsewhere. */
function writeBytes(): number {
  try {
    return Number(/^write_bytes: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The store with its writer calls timed (milliseconds spent inside them, in total). */
function timedStore(store: Store): { store: Store; ms: () => number } {
  let ms = 0;
  const timed = ['saveIngested', 'saveDocument', 'nearDuplicateCandidates', 'hasDocument', 'beginBatch', 'commitBatch', 'markSourceIngested', 'getIngestedSource'] as const;
  const wrapper = Object.create(store) as Store;
  for (const name of timed) {
    const method = store[name] as ((...args: unknown[]) => Promise<unknown>) | undefined;
    if (!method) continue;
    Object.defineProperty(wrapper, name, {
      value: async (...args: unknown[]) => {
        const t0 = performance.now();
        try {
          return await method.apply(store, args);
        } finally {
          ms += performance.now() - t0;
        }
      },
    });
  }
  return { store: wrapper, ms: () => ms };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

export function loadSentences(corpusDir: string): string[] {
  const files: string[] = [];
  for (const split of ['train', 'dev']) {
    const textDir = path.join(corpusDir, split, 'text');
    if (existsSync(textDir)) for (const f of readdirSync(textDir).sort()) files.push(path.join(textDir, f));
  }
  if (files.length === 0) files.push(path.resolve(HERE, '..', '..', '..', 'example', 'pokrovsk.txt'));
  const out: string[] = [];
  for (const f of files) {
    for (const s of readFileSync(f, 'utf8').split(/(?<=[.!?”"])\s+/)) if (s.split(' ').length >= 6) out.push(s.trim());
  }
  return out;
}

/**
 * Each document: 12–30 sentences in runs of 2–4 consecutive ones from
 * (deterministically) chosen places in the sentence pool, a generated headline, outlet and date;
 * one in 20 is a near copy of an earlier one (headline changed, a sentence
 * added), as wire copies are.
 */
export async function writeCorpus(file: string, sentences: readonly string[], count: number): Promise<{ bytes: number; nearDuplicates: number }> {
  const out = createWriteStream(file);
  let seed = 0x9e3779b9;
  const next = (): number => {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return seed;
  };
  const outlets = ['Reuters', 'AP', 'Kyiv Independent', 'TASS', 'BBC', 'Meduza', 'Ukrainska Pravda'];
  const recent: string[] = [];
  let bytes = 0;
  let nearDuplicates = 0;
  for (let i = 0; i < count; i++) {
    let text: string;
    if (i > 100 && i % 20 === 0) {
      text = `${recent[next() % recent.length]!} ${sentences[next() % sentences.length]!}`;
      nearDuplicates++;
    } else {
      // Runs of 2–4 consecutive sentences from random places: paragraphs read as written, and two
      // documents share no more than chance allows (one window slid along the pool made most of a
      // 100,000-document corpus near copies of each other).
      const length = 12 + (next() % 19);
      const picked: string[] = [];
      while (picked.length < length) {
        const start = next() % sentences.length;
        for (let k = 0, run = 2 + (next() % 3); k < run && picked.length < length; k++) picked.push(sentences[(start + k) % sentences.length]!);
      }
      text = `${picked.join(' ')} (Report ${i}.)`;
      recent[i % 50] = text;
    }
    const day = 1 + (i % 28);
    const line = `${JSON.stringify({ id: `bench-${i}`, title: `Bulletin ${i}`, outlet: outlets[i % outlets.length], published: `2025-11-${String(day).padStart(2, '0')}`, text })}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { bytes, nearDuplicates };
}

// `node --import tsx src/eval/bench/ingest-bench.ts [N]` runs it alone.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const n = process.argv[2] ? Number(process.argv[2]) : undefined;
  benchIngest({ ...(n ? { documents: n } : {}), log: (line) => process.stderr.write(`${line}\n`) }).then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
