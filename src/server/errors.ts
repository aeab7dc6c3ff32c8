import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';

/**
 * The closed list of API error codes (zod's habit: codes are a closed union,
 * wording is added where the error is raised). Clients branch on `code`.
 */
export const API_ERROR_CODES = [
  'bad-request',
  'unauthorized',
  'not-found',
  'forbidden',
  'conflict',
  'too-many-requests',
  'payload-too-large',
  'unsupported-media-type',
  'method-not-allowed',
  'misdirected',
  'over-budget',
  'busy',
  'internal',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

const STATUS: Readonly<Record<ApiErrorCode, ContentfulStatusCode>> = {
  'bad-request': 400,
  'unauthorized': 401,
  'forbidden': 403,
  // A user or watchlist of that name exists already.
  'conflict': 409,
  // Writes past the user's rate limit; Retry-After says when to try again.
  'too-many-requests': 429,
  'not-found': 404,
  'method-not-allowed': 405,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  // The Host header names no address this server serves (DNS rebinding, issue 19).
  'misdirected': 421,
  // The document needs more analysis work than one request may take.
  'over-budget': 422,
  // Too many documents are waiting for analysis; Retry-After says when to try again.
  'busy': 503,
  'internal': 500,
};

/** The one error shape every API error has: `{ error: { code, message } }`. */
export interface ApiErrorBody {
  readonly error: { readonly code: ApiErrorCode; readonly message: string };
}

/** The one error type of the HTTP layer: routes throw it, `onApiError` writes it. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  constructor(readonly code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = STATUS[code];
  }
}

export function errorBody(code: ApiErrorCode, message: string): ApiErrorBody {
  return { error: { code, message } };
}

/** The one error handler (Hono's `app.onError`). Unknown errors are logged and hidden. */
export function onApiError(error: Error, c: Context): Response {
  if (error instanceof ApiError) return c.json(errorBody(error.code, error.message), error.status);
  if (error instanceof z.ZodError) return c.json(errorBody('bad-request', describeIssues(error)), 400);
  if (error instanceof HTTPException) {
    const code: ApiErrorCode = error.status === 413 ? 'payload-too-large' : error.status === 404 ? 'not-found' : 'bad-request';
    return c.json(errorBody(code, error.message || 'bad request'), STATUS[code]);
  }
  console.error(`counterclaim serve: internal error on ${c.req.method} ${c.req.path}:`, error);
  return c.json(errorBody('internal', 'internal server error'), 500);
}

/** `limit: Too big: expected number to be <=500; q: ...`: one line naming each bad parameter. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') return `unknown parameter${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
      const where = issue.path.join('.');
      return where ? `${where}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
