import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { runIngest } from '../../ingest/ingest-run.js';
import type { LedgerDocument } from '../../report/ledger-json.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';
import type { IngestExtras, Store } from '../../store/store.js';
import { loadSentences, writeCorpus } from './ingest-bench.js';

/** One save ingest made: the document and what ingest knew beyond it, as JSON (the signature in base64). */
interface RecordedSave { readonly doc: LedgerDocument; readonly extras: Omit<IngestExtras, 'minhash'> & { readonly minhash: { readonly signature: string; readonly bandKeys: readonly number[] } | null } }

/**
 * The writer alone (issue 15): the saves of a JSON Lines ingest of `documents`
 * generated documents (the ingest bench's corpus) replayed into a fresh SQLite
 * file on one thread, committed 500 at a time as ingest does, each after its
 * near-duplicate lookup. Reports the writer's CPU per document (process CPU
 * of the replay less that of reading and parsing the recorded saves alone,
 * measured by a first pass that stores nothing: `replayCpuMsPerDoc`), bytes
 * written per document (/proc/self/io), the file's size and the peak RSS. The saves are recorded once per size in the temp directory
 * (`counterclaim-bench-store-N.jsonl`), so two versions of the store replay the same input.
 */
export async function benchStore(options: { corpusDir: string; documents: number; log: (line: string) => void }): Promise<Record<string, number>> {
  const recorded = path.join(process.env.COUNTERCLAIM_LOAD_DIR ?? tmpdir(), `counterclaim-bench-store-${options.documents}.jsonl`);
  if (!existsSync(recorded)) await record(options, recorded);
  const replay = async (each: (save: RecordedSave, n: number) => Promise<void>): Promise<number> => {
    let n = 0;
    for await (const line of createInterface({ input: createReadStream(recorded) })) await each(JSON.parse(line) as RecordedSave, n++);
    return n;
  };
  // The replay's own cost (reading the file, parsing each save, decoding its signature), left out of the writer's.
  const read0 = process.cpuUsage();
  await replay(async ({ extras }) => void (extras.minhash && Buffer.from(extras.minhash.signature, 'base64')));
  const readCpu = process.cpuUsage(read0);
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-bench-store-'));
  try {
    const file = path.join(dir, 'store.db');
    const store = openSqliteStore(file);
    const cpu0 = process.cpuUsage();
    const written0 = writeBytes();
    const t0 = performance.now();
    const n = await replay(async ({ doc, extras }, i) => {
      if (i % 500 === 0) {
        await store.commitBatch();
        await store.beginBatch();
      }
      const minhash = extras.minhash && { signature: new Uint8Array(Buffer.from(extras.minhash.signature, 'base64')), bandKeys: extras.minhash.bandKeys };
      if (minhash) await store.nearDuplicateCandidates(minhash.bandKeys);
      await store.saveIngested(doc, { ...extras, minhash });
    });
    await store.close();
    const cpu = process.cpuUsage(cpu0);
    const seconds = (performance.now() - t0) / 1000;
    const written = writeBytes() - written0;
    const size = ['', '-wal'].reduce((sum, suffix) => sum + (existsSync(file + suffix) ? statSync(file + suffix).size : 0), 0);
    const perDoc = (micros: number): number => Math.round((micros / 1000 / n) * 100) / 100;
    return {
      documents: n,
      writerCpuMsPerDoc: perDoc(cpu.user + cpu.system - readCpu.user - readCpu.system),
      replayCpuMsPerDoc: perDoc(readCpu.user + readCpu.system),
      writerDocsPerSecond: Math.round(n / seconds),
      writeBytesPerDoc: Math.round(written / n),
      dbBytesPerDoc: Math.round(size / n),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Ingests the generated corpus once into a throw-away store, recording every save. */
async function record(options: { corpusDir: string; documents: number; log: (line: string) => void }, out: string): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-bench-store-record-'));
  try {
    const corpus = path.join(dir, 'corpus.jsonl');
    await writeCorpus(corpus, loadSentences(options.corpusDir), options.documents);
    options.log(`store bench: recording the saves of an ingest of ${options.documents} documents into ${out}`);
    const store = openSqliteStore(path.join(dir, 'record.db'));
    const lines = createWriteStream(`${out}.part`);
    const recording = Object.create(store) as Store;
    Object.defineProperty(recording, 'saveIngested', {
      value: async (doc: LedgerDocument, extras: IngestExtras) => {
        const minhash = extras.minhash && { signature: Buffer.from(extras.minhash.signature).toString('base64'), bandKeys: extras.minhash.bandKeys };
        lines.write(`${JSON.stringify({ doc, extras: { ...extras, minhash } } satisfies RecordedSave)}\n`);
        return store.saveIngested(doc, extras);
      },
    });
    await runIngest([corpus], { store: recording, jobs: availableParallelism() });
    await store.close();
    await new Promise<void>((resolve) => lines.end(resolve));
    renameSync(`${out}.part`, out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function writeBytes(): number {
  try {
    return Number(/^write_bytes: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}
