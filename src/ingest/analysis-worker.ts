import { parentPort, workerData } from 'node:worker_threads';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import type { SourceDocument } from '../model/index.js';
import { analyzeForIngest } from './analyze-for-ingest.js';

/** One analysis thread: builds the pipeline once, then reads documents as they are posted. */
const port = parentPort!;
const data = workerData as { db?: string; gazetteerBuffer?: ArrayBufferLike };
// The gazetteer's bytes come from the pool (shared by every thread), not from the file again.
const pipeline = createPipeline(await loadResources({ db: data.db, ...(data.gazetteerBuffer ? { gazetteerBuffer: data.gazetteerBuffer } : {}) }));
port.on('message', (message: { seq: number; doc: SourceDocument }) => {
  try {
    port.postMessage({ seq: message.seq, out: analyzeForIngest(pipeline, message.doc) });
  } catch (error) {
    port.postMessage({ seq: message.seq, error: (error as Error).stack ?? String(error) });
  }
});
port.postMessage({ ready: true });
