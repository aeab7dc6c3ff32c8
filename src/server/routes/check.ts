import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Context } from 'hono';
import { z } from 'zod';
import type { CheckResult } from '../../ledger/index.js';
import { ApiError, describeIssues } from '../errors.js';
import { claimView } from '../ledger-view.js';
import { STANDARD_ERRORS, errorResponse, jsonResponse, queryParameters } from '../openapi.js';
import { parseQuery } from '../validate.js';
import type { RouteDeps, RouteModule } from './route-module.js';

/** One sentence at a time, as `counterclaim check` takes it. */
const MAX_CLAIM_CHARS = 2000;
const MAX_BODY_BYTES = 16 * 1024;

const claimText = z.string().transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'must not be empty').max(MAX_CLAIM_CHARS, `longer than ${MAX_CLAIM_CHARS} characters; check one sentence at a time`));
const limit = z.coerce.number().int().min(1).max(200).default(50).describe('At most this many matching claims (1-200).');

export const checkQuery = z.object({
  q: claimText.describe('The claim in plain English, e.g. "Russian forces captured Pokrovsk".'),
  limit,
});
export const checkBody = z.object({ claim: claimText.describe('The claim in plain English.'), limit }).strict();

/** The ledger's CheckResult with each matched claim as the API shows claims (readable, placeId, date). */
function checkView(result: CheckResult) {
  return { ...result, matches: result.matches.map((m) => ({ ...m, claim: claimView(m.claim) })) };
}

async function readBody(c: Context): Promise<z.infer<typeof checkBody>> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new ApiError('unsupported-media-type', `send {"claim": ...} as application/json, not ${type || 'no Content-Type'}`);
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError('bad-request', 'body is not valid JSON');
  }
  const parsed = checkBody.safeParse(body);
  if (!parsed.success) throw new ApiError('bad-request', describeIssues(parsed.error));
  return parsed.data;
}

function create(deps: RouteDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const q = parseQuery(c, checkQuery);
    return c.json(checkView(await deps.check(deps.store.ledger, q.q, q.limit)));
  });
  app.post('/',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => { throw new ApiError('payload-too-large', `body is larger than ${MAX_BODY_BYTES} bytes`); } }),
    async (c) => {
      parseQuery(c, z.object({}));
      const body = await readBody(c);
      return c.json(checkView(await deps.check(deps.store.ledger, body.claim, body.limit)));
    });
  return app;
}

const matchSchema = {
  type: 'object', required: ['decision', 'basis', 'proposition', 'score', 'claim'],
  properties: {
    decision: { type: 'string', enum: ['supports', 'contradicts', 'discusses'] },
    basis: { type: 'string', enum: ['proposition', 'stance'], description: 'proposition: the same proposition (polarity decides); stance: the stance model judged the sentence.' },
    proposition: { type: ['string', 'null'] }, score: { type: ['number', 'null'] },
    claim: { type: 'object', description: 'The ledger claim as /api/claims shows it (document, outlet, source, side, sentence, readable, date).' },
  },
};
const resultSchema = {
  type: 'object', required: ['query', 'propositions', 'matches', 'summary'],
  properties: {
    query: { type: 'string' },
    propositions: { type: 'array', items: { type: 'object', properties: { proposition: { type: 'string' }, readable: { type: 'string' }, polarity: { type: 'string' } } } },
    matches: { type: 'array', items: matchSchema },
    summary: { type: 'object', description: 'Per decision, the number of independent sources backing it.', properties: { supports: { type: 'integer' }, contradicts: { type: 'integer' }, discusses: { type: 'integer' } } },
  },
};
const description = 'The claim is read by the claims stage as a reporter\'s sentence; ledger claims of the same proposition support it (same polarity) or contradict it; other claims about its places or predicates are put to the stance model (supports / contradicts / discusses; unrelated ones are dropped). Supports first, then contradicts, then discusses; newest first within each.';

export const checkRoutes: RouteModule = {
  base: '/api/check',
  create,
  openapi: {
    '/': {
      get: {
        summary: 'Check a claim against the ledger: the claims that support, contradict or discuss it, with their sources', tags: ['ledger'], description,
        parameters: queryParameters(checkQuery),
        responses: { '200': jsonResponse('The decision per matching claim.', resultSchema), '404': errorResponse('The store keeps no ledger.'), ...STANDARD_ERRORS },
      },
      post: {
        summary: 'Check a claim against the ledger (the claim in a JSON body)', tags: ['ledger'], description,
        requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(checkBody, { io: 'input' }) } } },
        responses: { '200': jsonResponse('The decision per matching claim.', resultSchema), '400': errorResponse('Invalid body.'), '404': errorResponse('The store keeps no ledger.'),
          '413': errorResponse(`Body larger than ${MAX_BODY_BYTES} bytes.`), '415': errorResponse('Not JSON.') },
      },
    },
  },
};
