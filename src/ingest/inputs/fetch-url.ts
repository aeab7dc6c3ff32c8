import { lookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import type { Agent } from 'undici';
import type { DiagnosticCode } from '../../model/index.js';
import { isPrivateAddress } from './private-address.js';

export interface FetchOptions {
  /** Let a URL reach loopback and private addresses (a local test server, an intranet feed). */
  readonly allowPrivate?: boolean;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  /** Which resolved addresses are refused (default: isPrivateAddress, every address but a public unicast one). */
  readonly refuse?: (address: string) => boolean;
  /** Resolves a host name to addresses (default: the system resolver); the fetch connects only to what it returns. */
  readonly resolve?: (host: string) => Promise<string[]>;
}

export type Fetched =
  | { readonly ok: true; readonly url: string; readonly contentType: string; readonly charset: string | null; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly code: DiagnosticCode; readonly message: string };

export const FETCH_DEFAULTS = { timeoutMs: 15_000, maxBytes: 20 * 1024 * 1024, maxRedirects: 5 } as const;

/**
 * Fetches an http(s) URL the user named, bounded every way: one overall
 * timeout, a byte limit counted while reading, redirects followed by hand and
 * capped (each hop checked again), other schemes refused, and loopback or
 * private addresses refused unless `allowPrivate`.
 *
 * Each hop's host is resolved once, every address checked, and the connection
 * made to those checked addresses alone (issue 19: the fetch resolved the name
 * again, so a name that answered a public address to the check and a private
 * one to the fetch, DNS rebinding, got through).
 */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs;
  const maxBytes = options.maxBytes ?? FETCH_DEFAULTS.maxBytes;
  const maxRedirects = options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
  const resolve = options.resolve ?? (async (host: string) => (await lookup(host, { all: true })).map((a) => a.address));
  const signal = AbortSignal.timeout(timeoutMs);
  // Loaded on the first URL, not at start-up: a run of files never needs the HTTP client (CLI start-up).
  const { Agent, fetch } = await import('undici');
  let current = url;
  let agent: Agent | null = null;
  const closeAgent = async (): Promise<void> => {
    const a = agent;
    agent = null;
    await a?.destroy().catch(() => undefined);
  };
  try {
    for (let hop = 0; ; hop++) {
      let parsed: URL;
      try {
        parsed = new URL(current);
      } catch {
        return { ok: false, code: 'input.unreadable', message: `is not a valid URL` };
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, code: 'input.unsupported-format', message: `uses ${parsed.protocol.replace(':', '')}; only http and https URLs are fetched` };
      const host = parsed.hostname.replace(/^\[|\]$/g, '');
      let addresses: string[];
      try {
        addresses = isIP(host) ? [host] : await resolve(host);
      } catch (error) {
        return { ok: false, code: 'input.unreadable', message: `host ${host} cannot be resolved: ${(error as Error).message}` };
      }
      if (addresses.length === 0) return { ok: false, code: 'input.unreadable', message: `host ${host} resolves to no address` };
      if (!options.allowPrivate) {
        const refused = addresses.find(options.refuse ?? isPrivateAddress);
        if (refused !== undefined) return { ok: false, code: 'input.unreadable', message: `${hop > 0 ? `redirects to ${current}, which ` : ''}points at a loopback or private address (${refused}); refused unless --allow-private is given` };
      }
      // A connection pool for this hop alone, whose lookup answers the addresses just checked.
      agent = new Agent({ connect: { lookup: checkedLookup(host, addresses) } });
      const response = await fetch(parsed, { dispatcher: agent, redirect: 'manual', signal, headers: { 'user-agent': 'counterclaim (+https://github.com/counterclaim)', accept: 'text/html, application/rss+xml, application/atom+xml, application/xml, application/json, text/plain;q=0.9, */*;q=0.5' } });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        await closeAgent();
        if (hop >= maxRedirects) return { ok: false, code: 'input.unreadable', message: `redirects more than ${maxRedirects} times; gave up at ${current}` };
        current = new URL(response.headers.get('location')!, parsed).href;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { ok: false, code: 'input.unreadable', message: `answered HTTP ${response.status} ${response.statusText}` };
      }
      const declared = Number(response.headers.get('content-length') ?? NaN);
      if (declared > maxBytes) {
        await response.body?.cancel();
        return { ok: false, code: 'input.too-large', message: `is ${(declared / 1024 / 1024).toFixed(1)} MB, over the limit of ${(maxBytes / 1024 / 1024).toFixed(1)} MB` };
      }
      const parts: Uint8Array[] = [];
      let total = 0;
      for await (const chunk of (response.body ?? []) as unknown as AsyncIterable<Uint8Array>) {
        total += chunk.length;
        if (total > maxBytes) {
          await response.body?.cancel().catch(() => undefined);
          return { ok: false, code: 'input.too-large', message: `sent more than the limit of ${(maxBytes / 1024 / 1024).toFixed(1)} MB` };
        }
        parts.push(chunk);
      }
      return { ok: true, url: current, contentType: (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase(), charset: charsetOf(response.headers.get('content-type')), bytes: Buffer.concat(parts) };
    }
  } catch (error) {
    const e = error as Error;
    if (e.name === 'TimeoutError' || signal.aborted) return { ok: false, code: 'input.unreadable', message: `did not answer within ${timeoutMs / 1000} s` };
    return { ok: false, code: 'input.unreadable', message: `cannot be fetched: ${(e.cause as Error | undefined)?.message ?? e.message}` };
  } finally {
    await closeAgent();
  }
}

/**
 * A `lookup` for net.connect that answers the given addresses for the given host, and
 * fails for any other name: the socket connects to what was checked, never to a second
 * answer of the resolver.
 */
function checkedLookup(host: string, addresses: readonly string[]): LookupFunction {
  const entries = addresses.map((address) => ({ address, family: isIP(address) }));
  return (hostname, options, callback) => {
    const family = options.family === 4 || options.family === 6 ? options.family : 0;
    const fitting = hostname === host ? entries.filter((e) => family === 0 || e.family === family) : [];
    if (fitting.length === 0) {
      const error = Object.assign(new Error(`${hostname} has no checked ${family ? `IPv${family} ` : ''}address`), { code: 'ENOTFOUND' });
      callback(error, '', 0);
    } else if (options.all) {
      (callback as unknown as (e: null, all: typeof entries) => void)(null, fitting);
    } else {
      callback(null, fitting[0]!.address, fitting[0]!.family);
    }
  };
}

/** The `charset` parameter of a Content-Type header (RFC 9110, 8.3.2), unquoted, or null. */
export function charsetOf(contentType: string | null): string | null {
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return m ? m[2]! : null;
}
