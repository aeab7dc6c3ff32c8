import { parentPort, workerData } from 'node:worker_threads';
import { constants, setPriority } from 'node:os';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import type { SourceDocument } from '../model/index.js';
import type { Store } from '../store/store.js';
import { analyzeForIngest } from './analyze-for-ingest.js';
import { sourceDocument } from './source-document.js';

/**
 * One analysis thread: builds the pipeline once, then reads documents as they
 * are posted. A message with `save: true` (the server's POST /api/documents)
 * also stores the document, on this thread's own connection to the database,
 * and answers only its id and outcome: a large document's save and the copy
 * of its items back to the request thread took that thread for seconds
 * (issue 19: /healthz waited 454 ms for a 2 MiB document). It says
 * `{ analysed }` first, so the budget covers the analysis, not the wait for
 * the database.
 */
const port = parentPort!;
const data = workerData as { db?: string; gazetteerBuffer?: ArrayBufferLike; belowNormal?: boolean };
// The server's analysis thread runs at a lower priority than the thread that answers requests: on a busy
// machine the scheduler then lets /healthz and the API in ahead of a long analysis (issue 19). On Linux a
// thread's priority is its own (setpriority on the calling thread); where it cannot be set, nothing changes.
if (data.belowNormal) {
  try {
    setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // not permitted here: the analysis runs at the process's priority
  }
}
// The gazetteer's bytes come from the pool (shared by every thread), not from the file again.
// Without them (the server's analysis thread), the thread reads the gazetteer itself, into a buffer it hands back
// with `ready` for the next thread: the request thread never reads or parses it (issue 19).
const resources = await loadResources({ db: data.db, ...(data.gazetteerBuffer ? { gazetteerBuffer: data.gazetteerBuffer } : { sharedGazetteer: true }) });
const pipeline = createPipeline(resources);
// One short document read before the thread says it is ready: the lexicons a stage builds on first use are built
// here, so that a document's work budget (the server's analysis queue) counts its own work, not the thread's start.
pipeline.read(sourceDocument('Officials said on Monday that forces had attacked the town of Lyman overnight.', { published: '2025-01-06', language: 'en' }));
let store: Promise<Store> | null = null;
port.on('message', async (message: { seq: number; doc: SourceDocument; save?: boolean }) => {
  try {
    const out = analyzeForIngest(pipeline, message.doc);
    if (!message.save) {
      port.postMessage({ seq: message.seq, out });
      return;
    }
    if (data.db === undefined) throw new Error('this analysis thread was started without a database to save to');
    port.postMessage({ seq: message.seq, analysed: true });
    const db = data.db;
    if (!store) {
      store = import('../store/open-store.js').then((m) => m.openStore(db));
      store.catch(() => { store = null; }); // tried again with the next document
    }
    const outcome = await (await store).saveDocument(out.doc);
    port.postMessage({ seq: message.seq, saved: { id: out.doc.id, outcome } });
  } catch (error) {
    port.postMessage({ seq: message.seq, error: (error as Error).stack ?? String(error) });
  }
});
port.postMessage({ ready: true, ...(data.gazetteerBuffer ? {} : { gazetteerBuffer: resources.places?.gazetteer.baseBuffer }) });
