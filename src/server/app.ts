import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import type { SourceDocument } from '../model/index.js';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import { toLedgerDocument, type LedgerDocument } from '../report/ledger-json.js';
import type { Store } from '../store/store.js';
import { ApiError, errorBody, onApiError } from './errors.js';
import { openApiDocument, type PathSpec } from './openapi.js';
import { API_ROUTES } from './routes/index.js';
import type { RouteDeps } from './routes/route-module.js';
import { createCheckService, type CheckService } from './check-service.js';
import { HEALTH_PATHS, healthRoutes } from './health.js';
import { securityHeaders } from './security-headers.js';
import { requestGuard } from './same-origin.js';
import { authenticate, isLoopbackHost } from './auth.js';
import { deskOf } from '../store/desk/open-desk.js';
import type { DeskStore } from '../store/desk/desk-store.js';
import { createDeskViews } from './desk-views.js';
import { cached } from './routes/places.js';
import { parseQuery } from './validate.js';
import type { WebAssets } from './web-assets.js';
import { z } from 'zod';

export const API_VERSION = '0.1.0';

export interface AppOptions {
  readonly store: Store;
  /** POST /api/documents is refused with 403 unless this is true (`--allow-ingest`). */
  readonly allowIngest?: boolean;
  /** How ingest reads a document; by default the pipeline with resources loaded for `db`. */
  readonly read?: (source: SourceDocument) => Promise<LedgerDocument>;
  /** How ingest reads and stores a document in one step (the server's analysis thread); by default `read`, then the store's saveDocument. */
  readonly ingest?: RouteDeps['ingest'];
  /** Database location handed to loadResources for the default reader. */
  readonly db?: string;
  /** How /api/check reads and decides a claim; by default the pipeline and stance model, loaded on first use. */
  readonly check?: CheckService;
  /** The built UI; without it only the API, /healthz and /readyz are served. */
  readonly assets?: WebAssets | null;
  /** The address the server listens on: requests whose Host names something else are refused (same-origin.ts). Unset: any Host (in-process tests). */
  readonly boundHost?: string | null;
  /** The desk (users, reviews, audit...); default the one openStore opened beside `store`, else none. */
  readonly desk?: DeskStore | null;
  /**
   * Every /api request needs `Authorization: Bearer` (issue 18). Default: true when `boundHost` is
   * beyond loopback, false on loopback and in-process, where a request without a token is the local operator.
   */
  readonly requireTokens?: boolean;
  /** Writes per user (default 20 at once, 60 a minute). */
  readonly writeLimit?: { readonly perMinute: number; readonly burst: number };
  /** Called after every successful write through the API. */
  readonly afterWrite?: () => void;
  /** The source registry file; default data/sources/registry.json. */
  readonly registryFile?: string;
  /** The clock; default the system's. */
  readonly now?: () => Date;
  /**
   * Read the reviews and warm the reviewed timelines now, in the background (startServer does):
   * with reviews present that is seconds of reads at 100,000 documents, which the first request
   * would otherwise wait for. Requests meanwhile share the same run (desk-views.ts).
   */
  readonly warm?: boolean;
}

/** The default reader: the pipeline is built on first use, so a read-only server never loads lexicons. */
function lazyReader(db: string | undefined): (source: SourceDocument) => Promise<LedgerDocument> {
  let pipeline: ReturnType<typeof createPipeline> | null = null;
  return async (source) => {
    pipeline ??= createPipeline(await loadResources(db === undefined ? {} : { db }));
    return toLedgerDocument(pipeline.read(source));
  };
}

/** Hono path `/:id` from OpenAPI `/{id}`, and back. */
const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/**
 * The HTTP app as a value (Hono's habit): tests call `app.request()` on it;
 * server.ts binds it to a port.
 */
export function createApp(options: AppOptions): Hono {
  let generation = 0;
  const desk = options.desk === undefined ? deskOf(options.store) ?? null : options.desk;
  const now = options.now ?? (() => new Date());
  const requireTokens = options.requireTokens ?? (options.boundHost != null && !isLoopbackHost(options.boundHost));
  const views = createDeskViews({ store: options.store, desk, generation: () => generation, ...(options.registryFile ? { registryFile: options.registryFile } : {}) });
  if (options.warm) {
    views.refresh().catch((error: unknown) => process.stderr.write(`counterclaim serve: warming the reviewed ledger failed (the first request tries again): ${(error as Error).message}\n`));
  }
  let changeSeq = { at: -Infinity, value: '' };
  const ledgerVersion = async (): Promise<string> => {
    const at = Date.now();
    if (at - changeSeq.at >= (desk ? 1000 : 5000)) changeSeq = { at, value: desk ? String(await desk.latestChangeSeq()) : String(at) };
    return `${generation}/${changeSeq.value}`;
  };
  const placeTimelines = cached({ ledgerVersion }, () => options.store.ledger.listPlaces());
  if (options.warm) {
    // The map's first request needs every place's timeline: read while the server starts, too.
    placeTimelines().catch(() => undefined);
  }
  const deps: RouteDeps = {
    ledgerVersion, placeTimelines,
    desk, now, views,
    store: options.store,
    allowIngest: options.allowIngest ?? false,
    read: options.read ?? lazyReader(options.db),
    ...(options.ingest ? { ingest: options.ingest } : {}),
    check: options.check ?? createCheckService(options.db),
    generation: () => generation,
    bumpGeneration: () => { generation++; },
  };
  const app = new Hono();
  app.onError(onApiError);
  app.notFound((c) => c.req.path.startsWith('/api/')
    ? c.json(errorBody('not-found', `no route ${c.req.method} ${c.req.path}`), 404)
    : c.text('Not found\n', 404));
  app.use(securityHeaders());
  app.use(requestGuard({ boundHost: options.boundHost ?? null }));
  app.use(authenticate({ desk, requireTokens, now, ...(options.writeLimit ? { writeLimit: options.writeLimit } : {}), ...(options.afterWrite ? { afterWrite: options.afterWrite } : {}) }));
  // /healthz and /readyz answer before the ETag (they are no-store): a probe does no work past its answer.
  app.route('/', healthRoutes(options.store));
  // SHA-1 on this thread, as Hono's default digests (the same tags), but synchronously: the default's WebCrypto
  // call per response went through the thread pool and took milliseconds of this thread each (issue 19:
  // /healthz latency while a large document was analysed).
  app.use(etag({ generateDigest: (body) => Uint8Array.from(createHash('sha1').update(body).digest()).buffer }));

  const paths: Record<string, PathSpec> = {};
  for (const module of API_ROUTES) {
    app.route(module.base, module.create(deps));
    for (const [sub, spec] of Object.entries(module.openapi)) {
      paths[toOpenApiPath(sub === '/' ? module.base : module.base + sub)] = spec;
    }
  }
  Object.assign(paths, HEALTH_PATHS);
  paths['/api/openapi.json'] = {
    get: { summary: 'This document', tags: ['server'], responses: { '200': { description: 'OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } } },
  };
  const openapi = openApiDocument(paths, API_VERSION);
  app.get('/api/openapi.json', (c) => {
    parseQuery(c, z.object({}));
    return c.json(openapi);
  });
  // Any other /api path is a JSON 404 (notFound above); methods a route lacks are 405.
  app.all('/api/*', (c) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') throw new ApiError('not-found', `no route ${c.req.method} ${c.req.path}`);
    throw new ApiError('method-not-allowed', `${c.req.method} is not allowed on ${c.req.path}`);
  });

  const assets = options.assets;
  if (assets) {
    app.get('*', (c) => {
      const asset = assets.get(c.req.path);
      if (!asset) return c.text('Not found\n', 404);
      if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304, { ETag: asset.etag });
      return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': asset.type, ETag: asset.etag });
    });
  }
  return app;
}
