import { Worker } from 'node:worker_threads';
import type { SourceDocument } from '../model/index.js';
import type { LedgerDocument } from '../report/ledger-json.js';
import type { IngestAnalysis } from '../ingest/analyze-for-ingest.js';
import type { SaveOutcome } from '../store/store.js';

export interface AnalysisQueueOptions {
  readonly db?: string;
  /** Most milliseconds one document's analysis may take; past it the thread is stopped and the document refused. */
  readonly budgetMs?: number;
  /** Most documents waiting behind the one being analysed; more are refused as busy. */
  readonly maxWaiting?: number;
  /**
   * Starts one document's work budget: calls `expire` once `budgetMs` is spent and returns what
   * cancels it. Default a timer; tests pass their own, so that what happens past the budget is
   * tested without a race against the machine's load (time is an input).
   */
  readonly budgetTimer?: (budgetMs: number, expire: () => void) => () => void;
}

const realTimer = (ms: number, expire: () => void): (() => void) => {
  const timer = setTimeout(expire, ms);
  return () => clearTimeout(timer);
};

export const ANALYSIS_DEFAULTS = { budgetMs: 60_000, maxWaiting: 8 } as const;

/** Why a document was not analysed: the queue was full, or the document took more than its budget. */
export class AnalysisRefused extends Error {
  constructor(readonly reason: 'busy' | 'over-budget', message: string) {
    super(message);
    this.name = 'AnalysisRefused';
  }
}

/** What analysing and storing one document on the analysis thread answers. */
export interface SavedDocument { readonly id: string; readonly outcome: SaveOutcome }

export interface AnalysisQueue {
  analyze(source: SourceDocument): Promise<LedgerDocument>;
  /**
   * Analyses and stores the document on the analysis thread, through its own connection
   * to `db` (needs `db`): the request thread gets its id and outcome only.
   */
  analyzeAndSave(source: SourceDocument): Promise<SavedDocument>;
  /** Documents waiting or in analysis. */
  readonly pending: number;
  close(): Promise<void>;
}

interface Job {
  readonly source: SourceDocument;
  readonly save: boolean;
  readonly resolve: (done: LedgerDocument | SavedDocument) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The server's analysis, off the request thread (issue 19: a 2 MiB document
 * held the only thread for minutes and /healthz went unanswered): one worker
 * thread takes documents one at a time from a bounded queue. A document that
 * needs more than its work budget has its thread stopped (JavaScript cannot
 * be interrupted any other way) and is refused with a clear error; the next
 * document gets a fresh thread. With `db`, the thread also stores what it
 * analysed (analyzeAndSave), so a large document's save and the copy of its
 * items never hold the request thread either; the budget covers the analysis.
 */
export function createAnalysisQueue(options: AnalysisQueueOptions = {}): AnalysisQueue {
  const budgetMs = options.budgetMs ?? ANALYSIS_DEFAULTS.budgetMs;
  const maxWaiting = options.maxWaiting ?? ANALYSIS_DEFAULTS.maxWaiting;
  const budgetTimer = options.budgetTimer ?? realTimer;
  const waiting: Job[] = [];
  let busy = false;
  let closed = false;
  let worker: Promise<Worker> | null = null;
  let gazetteerBuffer: ArrayBufferLike | undefined;

  const start = (): Promise<Worker> => {
    // The first thread reads the gazetteer itself (never this thread: reading and parsing it held the request
    // thread for a second at the first document, issue 19) and hands its buffer back with `ready`; the threads
    // started after it (a restart after an over-budget document) are given that buffer and read no file again.
    const workerData = { db: options.db, gazetteerBuffer, belowNormal: true };
    const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
    const workerUrl = new URL(`../ingest/analysis-worker${ext}`, import.meta.url);
    const w = ext === '.ts'
      ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.tsImport(${JSON.stringify(workerUrl.href)}, ${JSON.stringify(import.meta.url)}))`, { eval: true, workerData })
      : new Worker(workerUrl, { workerData });
    // A thread that dies between documents is started again for the next one; its errors are
    // handled here so that none reaches the process as an unhandled 'error' event.
    const started: Promise<Worker> = new Promise((resolve, reject) => {
      const onMessage = (m: { ready?: true; gazetteerBuffer?: ArrayBufferLike }) => {
        if (!m.ready) return;
        gazetteerBuffer ??= m.gazetteerBuffer;
        w.off('message', onMessage);
        w.off('error', reject);
        resolve(w);
      };
      w.on('message', onMessage);
      w.once('error', reject);
    });
    w.on('error', () => undefined);
    w.once('exit', () => { if (worker === started) worker = null; });
    return started;
  };

  const runOne = async (job: Job): Promise<void> => {
    let w: Worker;
    try {
      w = await (worker ??= start());
    } catch (error) {
      worker = null;
      job.reject(error as Error);
      return;
    }
    await new Promise<void>((done) => {
      let cancelBudget = (): void => undefined;
      let finished = false;
      const finish = (): void => {
        finished = true;
        cancelBudget();
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        done();
      };
      const onMessage = (m: { out?: IngestAnalysis; analysed?: true; saved?: SavedDocument; error?: string }) => {
        // Analysed, now being stored: the budget was for the analysis.
        if (m.analysed) return cancelBudget();
        finish();
        if (m.error !== undefined) job.reject(new Error(`analysis failed: ${m.error}`));
        else job.resolve(m.saved ?? m.out!.doc);
      };
      const onError = (error: Error) => {
        worker = null;
        finish();
        job.reject(error);
      };
      const onExit = (code: number) => onError(new Error(`analysis thread exited (code ${code})`));
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage({ seq: 0, doc: job.source, save: job.save });
      cancelBudget = budgetTimer(budgetMs, () => {
        if (finished) return;
        worker = null;
        finish();
        void w.terminate();
        job.reject(new AnalysisRefused('over-budget', `analysing this document took more than the budget of ${budgetMs / 1000} s; it was stopped (split the document, or raise the budget)`));
      });
    });
  };

  const drain = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      for (let job = waiting.shift(); job; job = waiting.shift()) await runOne(job);
    } finally {
      busy = false;
    }
  };

  const enqueue = (source: SourceDocument, save: boolean): Promise<LedgerDocument | SavedDocument> => {
    if (closed) return Promise.reject(new AnalysisRefused('busy', 'the server is shutting down'));
    if (waiting.length >= maxWaiting) {
      return Promise.reject(new AnalysisRefused('busy', `${waiting.length} documents are already waiting for analysis; try again later`));
    }
    return new Promise((resolve, reject) => {
      waiting.push({ source, save, resolve, reject });
      void drain();
    });
  };

  return {
    analyze: (source) => enqueue(source, false) as Promise<LedgerDocument>,
    analyzeAndSave(source) {
      if (options.db === undefined) return Promise.reject(new Error('analyzeAndSave needs the database location (db)'));
      return enqueue(source, true) as Promise<SavedDocument>;
    },
    get pending() {
      return waiting.length + (busy ? 1 : 0);
    },
    async close() {
      closed = true;
      for (const job of waiting.splice(0)) job.reject(new AnalysisRefused('busy', 'the server is shutting down'));
      const w = worker;
      worker = null;
      if (w) await (await w.catch(() => null))?.terminate();
    },
  };
}
