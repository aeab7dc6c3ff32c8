import { Worker } from 'node:worker_threads';
import type { SourceDocument } from '../model/index.js';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import { loadGazetteer } from '../gazetteer/load-gazetteer.js';
import { analyzeForIngest, type IngestAnalysis } from './analyze-for-ingest.js';

export interface AnalysisPool {
  analyze(doc: SourceDocument): Promise<IngestAnalysis>;
  close(): Promise<void>;
}

/**
 * Analysis on `jobs` worker threads (0: on this thread). Each document goes
 * to the thread with the fewest in hand; results come back as promises, so
 * the caller decides the order in which they are stored.
 */
export async function createAnalysisPool(options: { jobs: number; db?: string }): Promise<AnalysisPool> {
  if (options.jobs <= 0) {
    const pipeline = createPipeline(await loadResources(options.db !== undefined ? { db: options.db } : {}));
    return { analyze: async (doc) => analyzeForIngest(pipeline, doc), close: async () => undefined };
  }
  // The default gazetteer (about 27 MB) is read once, here, into a SharedArrayBuffer that every
  // thread uses in place; each would otherwise hold a copy of its own. Loading it here also
  // compiles it once where it is missing, instead of in every thread at the same time.
  // (No db here: the user's imported extension is a small overlay each thread adds itself.)
  const gazetteerBuffer = loadGazetteer({ shared: true }).baseBuffer;
  const workerData = { db: options.db, gazetteerBuffer };
  // Under tsx (tests, `npm run bench`) this module is .ts and so is the worker; built, both are .js.
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const workerUrl = new URL(`./analysis-worker${ext}`, import.meta.url);
  type Pending = { resolve: (out: IngestAnalysis) => void; reject: (error: Error) => void };
  const dead = new Set<Worker>();
  const threads = await Promise.all(
    Array.from({ length: options.jobs }, () => new Promise<{ worker: Worker; pending: Map<number, Pending> }>((resolve, reject) => {
      // Under tsx a worker needs the TypeScript loader registered before its entry is loaded.
      const worker = ext === '.ts'
        ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.tsImport(${JSON.stringify(workerUrl.href)}, ${JSON.stringify(import.meta.url)}))`, { eval: true, workerData })
        : new Worker(workerUrl, { workerData });
      const pending = new Map<number, Pending>();
      worker.on('message', (message: { ready?: true; seq?: number; out?: IngestAnalysis; error?: string }) => {
        if (message.ready) return resolve({ worker, pending });
        const waiting = pending.get(message.seq!);
        pending.delete(message.seq!);
        if (message.error !== undefined) waiting?.reject(new Error(`analysis failed: ${message.error}`));
        else waiting?.resolve(message.out!);
      });
      const fail = (error: Error): void => {
        dead.add(worker);
        for (const p of pending.values()) p.reject(error);
        pending.clear();
        reject(error);
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`analysis thread exited (code ${code})`)));
    })),
  );
  let seq = 0;
  return {
    analyze(doc) {
      // A thread that died (out of memory, a crash in native code) takes no more work.
      const live = threads.filter((t) => !dead.has(t.worker));
      if (live.length === 0) return Promise.reject(new Error('every analysis thread has stopped'));
      const thread = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = seq++;
      return new Promise<IngestAnalysis>((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        thread.worker.postMessage({ seq: id, doc });
      });
    },
    async close() {
      for (const t of threads) dead.add(t.worker);
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
