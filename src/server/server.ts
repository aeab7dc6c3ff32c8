import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';
import { deskOf } from '../store/desk/open-desk.js';
import { createWatcher } from './watching.js';
import type { SourceDocument } from '../model/index.js';
import { createAnalysisQueue, type AnalysisQueueOptions } from './analysis-queue.js';
import { loadWebAssets, defaultWebDir } from './web-assets.js';

export interface StartServerOptions {
  readonly store: Store;
  readonly db?: string;
  /** 127.0.0.1 unless told otherwise; beyond loopback every /api request needs a token (auth.ts). */
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly allowIngest?: boolean;
  /** Where to POST each batch of new changes (serve --webhook), and whether private addresses are allowed. */
  readonly webhooks?: readonly string[];
  readonly allowPrivateWebhooks?: boolean;
  /** How often the change log is polled for the webhooks (ms; default 30 s): ingests by the CLI are seen this way. */
  readonly watchIntervalMs?: number;
  /** Tokens needed on loopback too (beyond loopback they always are). */
  readonly requireTokens?: boolean;
  /** The built UI folder; default dist/web of this package. `null` serves the API only. */
  readonly webDir?: string | null;
  /** Work budget and queue length of the analysis thread behind POST /api/documents. */
  readonly analysis?: Omit<AnalysisQueueOptions, 'db'>;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and ends the open ones; the store is the caller's to close. */
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const assets = options.webDir === null ? null : loadWebAssets(options.webDir ?? defaultWebDir());
  const host = options.host ?? '127.0.0.1';
  // Documents are analysed on a thread of their own, never on the one that answers requests (issue 19).
  const analysis = options.allowIngest ? createAnalysisQueue({ ...options.analysis, ...(options.db !== undefined ? { db: options.db } : {}) }) : null;
  const desk = deskOf(options.store);
  const watcher = desk && options.webhooks && options.webhooks.length > 0
    ? createWatcher({ store: options.store, desk, now: () => new Date(), webhooks: { urls: options.webhooks, allowPrivate: options.allowPrivateWebhooks ?? false } })
    : null;
  const poll = () => { watcher?.poll().catch((error: unknown) => process.stderr.write(`counterclaim serve: change watch failed: ${(error as Error).message}\n`)); };
  poll();
  const interval = watcher ? setInterval(poll, options.watchIntervalMs ?? 30_000) : null;
  interval?.unref();
  const app = createApp({
    ...(watcher ? { afterWrite: poll } : {}),
    store: options.store, allowIngest: options.allowIngest ?? false, assets, boundHost: host, warm: true,
    ...(options.requireTokens ? { requireTokens: true } : {}),
    ...(analysis ? { read: (source: SourceDocument) => analysis.analyze(source) } : {}),
    // With the database's location the analysis thread stores the document too (its own connection).
    ...(analysis && options.db && options.db !== ':memory:' ? { ingest: (source: SourceDocument) => analysis.analyzeAndSave(source) } : {}),
    ...(options.db !== undefined ? { db: options.db } : {}),
  });
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8080 }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    close: async () => {
      if (interval) clearInterval(interval);
      await analysis?.close();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
    },
  };
}
