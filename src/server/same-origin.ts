import type { MiddlewareHandler } from 'hono';
import { isIP } from 'node:net';
import { ApiError } from './errors.js';

export interface RequestGuardOptions {
  /**
   * The address the server listens on (`--host`); `null` answers any Host (an app tested
   * in-process, which has no address).
   */
  readonly boundHost: string | null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Whether a Host header names this server rather than some other name that
 * resolves to it (DNS rebinding: a page of evil.example whose name is made to
 * resolve to 127.0.0.1 sends `Host: evil.example:8080`). An IP literal is the
 * address itself, so a page served from it is this server's own; a name is
 * taken only when it is `localhost` or the name the server was bound to.
 */
export function namesThisServer(hostHeader: string, boundHost: string): boolean {
  const m = /^(\[[0-9a-f:.]+\]|[^:\[\]]+)(?::(\d{1,5}))?$/i.exec(hostHeader.trim());
  if (!m) return false;
  const name = m[1]!.toLowerCase().replace(/^\[|\]$/g, '');
  if (isIP(name) !== 0) return true;
  return name === 'localhost' || name === boundHost.toLowerCase();
}

/**
 * Requests from other origins are refused (issue 19: any page the analyst
 * opened could POST a text/plain document, which needs no preflight, and DNS
 * rebinding reached the API):
 * - every request must carry a Host header that names this server (`namesThisServer`);
 * - a write (any method but GET/HEAD/OPTIONS) from a browser must be same-origin:
 *   `Sec-Fetch-Site` same-origin or none (typed by the user), else an `Origin`
 *   equal to the server's own; clients that send neither (curl, scripts) are
 *   not browsers acting for a page, and pass;
 * - a write's body (POST, PUT, PATCH) must be `application/json`, which a page on another origin
 *   cannot send without a CORS preflight, and this server answers none.
 */
export function requestGuard(options: RequestGuardOptions): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? '';
    if (options.boundHost !== null && !namesThisServer(host, options.boundHost)) {
      throw new ApiError('misdirected', `this server does not answer to the host ${JSON.stringify(host || '(none)')}; use its address or localhost`);
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      const site = c.req.header('sec-fetch-site')?.toLowerCase();
      const origin = c.req.header('origin');
      if (site !== undefined && site !== 'same-origin' && site !== 'none') {
        throw new ApiError('forbidden', `a ${site} request cannot write here; use the server's own page or a client that is not a browser`);
      }
      if (origin !== undefined && origin !== new URL(c.req.url).origin) {
        throw new ApiError('forbidden', `a request from ${origin} cannot write here; only pages of this server can`);
      }
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (BODY_METHODS.has(c.req.method) && type !== 'application/json') {
        throw new ApiError('unsupported-media-type', `send ${c.req.method} bodies as application/json, not ${type || 'no Content-Type'}`);
      }
    }
    await next();
  };
}
