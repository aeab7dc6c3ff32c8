import type { Context, MiddlewareHandler } from 'hono';
import { isIP } from 'node:net';
import { roleAllows, type DeskStore, type Role } from '../store/desk/desk-store.js';
import { parseToken, tokenFingerprint, verifyToken } from '../store/desk/tokens.js';
import { ApiError } from './errors.js';

/** Who is asking: a user named by their token, or the local operator on a loopback server without one. */
export interface RequestUser {
  readonly name: string;
  readonly role: Role;
  /** True for the tokenless local operator (loopback only). */
  readonly local: boolean;
}

declare module 'hono' {
  interface ContextVariableMap {
    user: RequestUser;
    /** Set by a route that wrote its own audit record, so the generic one is not written too. */
    audited: boolean;
  }
}

/** The tokenless operator of a server bound to loopback (whoever can reach it can read the database file too). */
export const LOCAL_OPERATOR: RequestUser = { name: 'local', role: 'admin', local: true };

/**
 * The role each write needs (issue 18: readers read, analysts review and ingest, admins manage
 * users and the registry). A write not listed needs `admin`: a new endpoint is closed until it is
 * placed here. POSTs that only read (check) need `reader` and are neither rate-limited nor audited.
 */
export const WRITE_ROLES: ReadonlyArray<{ readonly method: string; readonly path: RegExp; readonly role: Role; readonly readOnly?: true }> = [
  { method: 'POST', path: /^\/api\/check$/, role: 'reader', readOnly: true },
  { method: 'POST', path: /^\/api\/documents$/, role: 'analyst' },
  { method: 'POST', path: /^\/api\/reviews$/, role: 'analyst' },
  { method: 'POST', path: /^\/api\/watchlists$/, role: 'analyst' },
  { method: 'DELETE', path: /^\/api\/watchlists\/[^/]+$/, role: 'analyst' },
  { method: 'PUT', path: /^\/api\/sources\/[^/]+$/, role: 'admin' },
  { method: 'POST', path: /^\/api\/users$/, role: 'admin' },
  { method: 'DELETE', path: /^\/api\/users\/[^/]+$/, role: 'admin' },
];

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The role a request needs, and whether it writes. */
export function requiredRole(method: string, path: string): { role: Role; writes: boolean } {
  if (READ_METHODS.has(method)) return { role: 'reader', writes: false };
  const rule = WRITE_ROLES.find((r) => r.method === method && r.path.test(path));
  return rule ? { role: rule.role, writes: !rule.readOnly } : { role: 'admin', writes: true };
}

/** Whether an address is loopback: a server bound there is reached only from this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^::ffff:127\./.test(h);
  return false;
}

export interface AuthOptions {
  /** Null: no users can exist (a store opened without its desk); only the local operator, and only without requireTokens. */
  readonly desk: DeskStore | null;
  /** Every /api request needs a token (a server bound beyond loopback, or `--require-tokens`). */
  readonly requireTokens: boolean;
  /** The clock, for rate limits and audit times. */
  readonly now: () => Date;
  /** Writes per user: `burst` at once, refilled at `perMinute`. Default 20 and 60. */
  readonly writeLimit?: { readonly perMinute: number; readonly burst: number };
  /** Called after every successful write (the server's watcher polls the change log then). */
  readonly afterWrite?: () => void;
}

/**
 * Who is asking and whether they may (one middleware for every route): `Authorization: Bearer
 * cc_…` names a user; without it a loopback server answers as the local operator and a server
 * beyond loopback answers 401 to every /api request but /api/openapi.json. Writes with a token are
 * limited per user (a token bucket; 429 with Retry-After past it), and every successful write leaves an
 * audit record naming its user: routes that know more write their own and set `audited`, the
 * rest get a record of the request and its answer here.
 */
export function authenticate(options: AuthOptions): MiddlewareHandler {
  if (options.requireTokens && !options.desk) throw new Error('tokens are required but the store has no desk to keep users in; open it with openStore');
  const verified = new Map<string, string>(); // token fingerprint -> token id, for tokens whose scrypt check passed
  const buckets = new Map<string, { tokens: number; at: number }>();
  const limit = options.writeLimit ?? { perMinute: 60, burst: 20 };

  const userOf = async (c: Context): Promise<RequestUser | null> => {
    const header = c.req.header('authorization');
    if (header === undefined) return options.requireTokens ? null : LOCAL_OPERATOR;
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const parsed = m ? parseToken(m[1]!) : null;
    if (!m || !parsed || !options.desk) throw new ApiError('unauthorized', 'the Authorization header must be "Bearer cc_…" with a token from `counterclaim users add`');
    // Looked up on every request, so a removed user's token stops working at once.
    const user = await options.desk.userByTokenId(parsed.tokenId);
    if (!user) throw new ApiError('unauthorized', 'unknown or revoked token');
    const fingerprint = tokenFingerprint(m[1]!);
    if (verified.get(fingerprint) !== user.tokenId) {
      if (!(await verifyToken(m[1]!, user.tokenHash))) throw new ApiError('unauthorized', 'unknown or revoked token');
      verified.set(fingerprint, user.tokenId);
    }
    return { name: user.name, role: user.role, local: false };
  };

  const takeWrite = (who: string): number => {
    const now = options.now().getTime();
    const bucket = buckets.get(who) ?? { tokens: limit.burst, at: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 60_000) * limit.perMinute);
    bucket.at = now;
    buckets.set(who, bucket);
    if (bucket.tokens < 1) return Math.ceil(((1 - bucket.tokens) * 60) / limit.perMinute);
    bucket.tokens -= 1;
    return 0;
  };

  return async (c, next) => {
    const path = c.req.path;
    if (!path.startsWith('/api/') || path === '/api/openapi.json') return next();
    const user = await userOf(c);
    if (!user) throw new ApiError('unauthorized', 'this server needs a token: send Authorization: Bearer cc_… (counterclaim users add NAME --role reader|analyst|admin)');
    const { role, writes } = requiredRole(c.req.method, path);
    if (!roleAllows(user.role, role)) throw new ApiError('forbidden', `${c.req.method} ${path} needs the ${role} role; ${user.name} is ${user.role === 'admin' ? 'an' : 'a'} ${user.role}`);
    c.set('user', user);
    if (!writes) return next();
    // The tokenless local operator (loopback only) is trusted like the database file's owner: not limited.
    const wait = user.local ? 0 : takeWrite(user.name);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new ApiError('too-many-requests', `${user.name} is writing faster than ${limit.perMinute} a minute; try again in ${wait} s`);
    }
    await next();
    if (c.res.status < 300) options.afterWrite?.();
    if (c.res.status < 300 && !c.get('audited') && options.desk) {
      let answer: unknown = null;
      try {
        const text = await c.res.clone().text();
        answer = text.length <= 4096 ? JSON.parse(text) : { bytes: text.length };
      } catch {
        answer = null;
      }
      await options.desk.appendAudit(
        { action: `${c.req.method} ${path}`, target: { kind: 'request', key: path }, before: null, after: { status: c.res.status, answer }, reason: null },
        { name: user.name, at: options.now().toISOString() },
      );
    }
  };
}
