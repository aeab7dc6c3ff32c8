import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { isoDateOrDateTime, sourceDocument } from '../../ingest/index.js';
import type { DocumentSummary, SaveOutcome, Store } from '../../store/store.js';
import { ApiError, describeIssues } from '../errors.js';
import { STANDARD_ERRORS, errorResponse, jsonResponse, pageSchema, pathParameter, queryParameters } from '../openapi.js';
import { page, pageQuery, parseParam, parseQuery } from '../validate.js';
import type { RouteDeps, RouteModule } from './route-module.js';
import { AnalysisRefused } from '../analysis-queue.js';
import { textProblem } from '../../ingest/text-problem.js';

/** Largest body POST /api/documents takes; larger ones get 413 before they are read. */
export const MAX_INGEST_BYTES = 2 * 1024 * 1024;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-11-06');

export const documentListQuery = pageQuery.extend({
  q: z.string().min(1).max(200).optional().describe('Case-insensitive text searched in title, outlet and source.'),
  outlet: z.string().min(1).max(200).optional().describe('Exact outlet name.'),
  language: z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 code like en').optional().describe('ISO 639-1 language code.'),
  from: day.optional().describe('Published on or after this date (YYYY-MM-DD).'),
  to: day.optional().describe('Published on or before this date (YYYY-MM-DD).'),
});

export const documentId = z.string().regex(/^[0-9a-f]{64}$/, 'must be a document id (64 hex digits)');

const metaFields = {
  title: z.string().max(1000).nullish(),
  outlet: z.string().max(200).nullish(),
  url: z.string().max(2000).nullish(),
  published: isoDateOrDateTime.nullish(),
  language: z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 code like en').nullish(),
};

/** The JSON body of an ingest: the text and its metadata. Unknown fields are errors. */
export const ingestBody = z.strictObject({ text: z.string().min(1, 'must not be empty'), ...metaFields });

type DocumentFilter = Omit<z.infer<typeof documentListQuery>, 'limit' | 'offset'>;

function hasFilter(filter: DocumentFilter): boolean {
  return Object.values(filter).some((v) => v !== undefined);
}

function matches(doc: DocumentSummary, filter: DocumentFilter): boolean {
  if (filter.outlet !== undefined && doc.outlet !== filter.outlet) return false;
  if (filter.language !== undefined && doc.language !== filter.language) return false;
  const published = doc.published?.slice(0, 10) ?? null;
  if (filter.from !== undefined && (published === null || published < filter.from)) return false;
  if (filter.to !== undefined && (published === null || published > filter.to)) return false;
  if (filter.q !== undefined) {
    const q = filter.q.toLowerCase();
    if (![doc.title, doc.outlet, doc.source].some((v) => v?.toLowerCase().includes(q))) return false;
  }
  return true;
}

/**
 * A page of documents. Unfiltered pages come straight from the store; filtered
 * ones scan the summaries in batches, because the Store interface has no
 * filters yet (when it gets them, this is the one place to change).
 */
export async function listDocuments(store: Store, filter: DocumentFilter, limit: number, offset: number) {
  if (!hasFilter(filter)) {
    const [items, total] = await Promise.all([store.listDocuments({ limit, offset }), store.countDocuments()]);
    return page(items, limit, offset, total);
  }
  const BATCH = 5000;
  const items: DocumentSummary[] = [];
  let total = 0;
  for (let at = 0; ; at += BATCH) {
    const batch = await store.listDocuments({ limit: BATCH, offset: at });
    for (const doc of batch) {
      if (!matches(doc, filter)) continue;
      if (total >= offset && items.length < limit) items.push(doc);
      total++;
    }
    if (batch.length < BATCH) break;
  }
  return page(items, limit, offset, total);
}

/** Lets the requests waiting on this thread run before the next step of a large ingest. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function readIngestBody(c: import('hono').Context) {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') {
    let body: unknown;
    try {
      // Decoded strictly, as the CLI decodes files: invalid UTF-8 is refused, not replaced (issue 19).
      const json = new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
      // Each step over a 2 MiB body takes some milliseconds on this thread: other requests (/healthz) go between them.
      await nextTurn();
      body = JSON.parse(json);
    } catch {
      throw new ApiError('bad-request', 'body is not valid JSON in UTF-8');
    }
    await nextTurn();
    const parsed = ingestBody.safeParse(body);
    if (!parsed.success) throw new ApiError('bad-request', describeIssues(parsed.error));
    const problem = textProblem(parsed.data.text);
    if (problem) throw new ApiError('bad-request', `text: ${problem.message}`);
    return parsed.data;
  }
  // Only JSON: a text/plain body is what a page on another origin can send without a preflight (issue 19).
  throw new ApiError('unsupported-media-type', `send the document as application/json ({"text": ...}), not ${type || 'no Content-Type'}`);
}

function create(deps: RouteDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const { limit, offset, ...filter } = parseQuery(c, documentListQuery);
    return c.json(await listDocuments(deps.store, filter, limit, offset));
  });
  app.get('/:id', async (c) => {
    parseQuery(c, z.object({}));
    const id = parseParam(c, 'id', documentId);
    const doc = await deps.store.getDocument(id);
    if (!doc) throw new ApiError('not-found', `no document ${id}`);
    return c.json(doc);
  });
  app.post(
    '/',
    async (_c, next) => {
      // Refused before the body is read: ingest is off unless the server was started with --allow-ingest.
      if (!deps.allowIngest) throw new ApiError('forbidden', 'ingest is disabled; start the server with --allow-ingest');
      await next();
    },
    bodyLimit({ maxSize: MAX_INGEST_BYTES, onError: () => { throw new ApiError('payload-too-large', `body is larger than ${MAX_INGEST_BYTES} bytes`); } }),
    async (c) => {
      const { text, ...meta } = await readIngestBody(c);
      await nextTurn();
      const source = sourceDocument(text, { ...meta, source: 'api' });
      await nextTurn();
      let saved: { id: string; outcome: SaveOutcome };
      try {
        saved = deps.ingest
          ? await deps.ingest(source)
          : await deps.read(source).then(async (doc) => ({ id: doc.id, outcome: await deps.store.saveDocument(doc) }));
      } catch (error) {
        if (error instanceof AnalysisRefused) {
          if (error.reason === 'busy') c.header('Retry-After', '5');
          throw new ApiError(error.reason, error.message);
        }
        throw error;
      }
      if (saved.outcome !== 'unchanged') deps.bumpGeneration();
      return c.json({ id: saved.id, outcome: saved.outcome }, saved.outcome === 'inserted' ? 201 : 200);
    },
  );
  return app;
}

const summarySchema = {
  type: 'object',
  properties: Object.fromEntries(['id', 'title', 'outlet', 'url', 'published', 'language', 'source'].map((k) => [k, { type: k === 'id' ? 'string' : ['string', 'null'] }])),
};

export const documentRoutes: RouteModule = {
  base: '/api/documents',
  create,
  openapi: {
    '/': {
      get: {
        summary: 'List documents', tags: ['documents'],
        parameters: queryParameters(documentListQuery),
        responses: { '200': jsonResponse('A page of document summaries, in the order they were stored.', pageSchema(summarySchema)), ...STANDARD_ERRORS },
      },
      post: {
        summary: 'Ingest and analyse a document (only with --allow-ingest)', tags: ['documents'],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: z.toJSONSchema(ingestBody, { io: 'input' }) },
          },
        },
        responses: {
          '201': jsonResponse('Stored', { type: 'object', properties: { id: { type: 'string' }, outcome: { type: 'string', enum: ['inserted'] } } }),
          '200': jsonResponse('Already stored (same text): updated or unchanged', { type: 'object', properties: { id: { type: 'string' }, outcome: { type: 'string', enum: ['updated', 'unchanged'] } } }),
          '400': errorResponse('Invalid body or metadata.'),
          '413': errorResponse(`Body larger than ${MAX_INGEST_BYTES} bytes.`),
          '403': errorResponse('Ingest is disabled, or the request came from another origin.'),
          '415': errorResponse('Not application/json.'),
          '421': errorResponse('The Host header names another server (DNS rebinding).'),
          '422': errorResponse('The document needs more analysis work than one request may take.'),
          '503': errorResponse('Too many documents waiting for analysis; see Retry-After.'),
        },
      },
    },
    '/{id}': {
      get: {
        summary: 'One document with every item extracted from it (the ledger JSON document, docs/ledger-json.md)', tags: ['documents'],
        parameters: [pathParameter('id', 'Document id (sha256 of its text).', { type: 'string', pattern: '^[0-9a-f]{64}$' })],
        responses: { '200': jsonResponse('The document.'), '404': errorResponse('No such document.'), ...STANDARD_ERRORS },
      },
    },
  },
};
