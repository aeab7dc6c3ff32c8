import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Actor, DeskStore } from '../store/desk/desk-store.js';
import { LOCAL_OPERATOR } from './auth.js';
import { ApiError, describeIssues } from './errors.js';
import type { RouteDeps } from './routes/route-module.js';

/** Largest JSON body a desk write takes (reviews, registry entries, watchlists, users). */
export const MAX_DESK_BODY_BYTES = 64 * 1024;

export const deskBodyLimit: MiddlewareHandler = bodyLimit({
  maxSize: MAX_DESK_BODY_BYTES,
  onError: () => { throw new ApiError('payload-too-large', `body is larger than ${MAX_DESK_BODY_BYTES} bytes`); },
});

export function requireDesk(deps: RouteDeps): DeskStore {
  if (!deps.desk) throw new ApiError('not-found', 'this store was opened without its desk (users, reviews, audit)');
  return deps.desk;
}

/** The JSON body of a request, validated; malformed JSON and schema mismatches are 400s naming the field. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError('bad-request', 'the body is not valid JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError('bad-request', describeIssues(parsed.error));
  return parsed.data as z.infer<S>;
}

/** The user of this request and the time, as a desk write records them; the route writes the audit record itself. */
export function actorOf(c: Context, deps: RouteDeps): Actor {
  c.set('audited', true);
  const user = c.get('user') ?? LOCAL_OPERATOR;
  return { name: user.name, at: deps.now().toISOString() };
}

/** An ISO date or date-time for `since=` parameters. */
export const sinceParam = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/, 'must be an ISO date or date-time');

/** `since` as the desk compares it: a UTC ISO date-time string (a date is its midnight UTC). */
export function sinceInstant(since: string): string {
  const date = new Date(/T/.test(since) && !/(Z|[+-]\d{2}:\d{2})$/.test(since) ? `${since}Z` : since);
  if (Number.isNaN(date.getTime())) throw new ApiError('bad-request', `since: ${JSON.stringify(since)} is not a date`);
  return date.toISOString();
}
