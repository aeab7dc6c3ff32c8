import type { Context } from 'hono';
import { z } from 'zod';
import { ApiError, describeIssues } from './errors.js';

/**
 * Validates the query string of a request against a strict zod object:
 * unknown parameters and repeated parameters are 400s, not silently ignored.
 */
export function parseQuery<S extends z.ZodObject>(c: Context, schema: S): z.infer<S> {
  const repeated = Object.entries(c.req.queries()).filter(([, values]) => values.length > 1).map(([key]) => key);
  if (repeated.length > 0) throw new ApiError('bad-request', `parameter${repeated.length > 1 ? 's' : ''} ${repeated.map((k) => `'${k}'`).join(', ')} given more than once`);
  const parsed = schema.strict().safeParse(c.req.query());
  if (!parsed.success) throw new ApiError('bad-request', describeIssues(parsed.error));
  return parsed.data as z.infer<S>;
}

/** Validates one path parameter. */
export function parseParam<T>(c: Context, name: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(c.req.param(name));
  if (!parsed.success) throw new ApiError('bad-request', `${name}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** Page parameters shared by every list endpoint. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('Items per page (1-500).'),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0).describe('Items to skip.'),
});

/** The envelope of every list response; `next` is the offset of the next page, or null on the last one. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly limit: number;
  readonly offset: number;
  readonly total: number | null;
  readonly next: number | null;
}

export function page<T>(items: readonly T[], limit: number, offset: number, total: number | null, hasMore?: boolean): Page<T> {
  const more = hasMore ?? (total !== null && offset + items.length < total);
  return { items, limit, offset, total, next: more ? offset + items.length : null };
}
