import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { createSourceRegistry, type SourceRegistry } from '../ledger/source-registry.js';
import { isPrivateAddress } from '../ingest/inputs/private-address.js';
import { sweepChanges, type ChangeClaim } from '../store/desk/change-log.js';
import { changesSettled } from '../store/desk/open-desk.js';
import type { ChangeRecord, DeskStore, Watchlist } from '../store/desk/desk-store.js';
import type { Store } from '../store/store.js';
import { placeIdOfLedgerKey } from './ledger-view.js';

/** A change as the API shows it: what changed, when it was first seen, and the claims that caused it. */
export interface ChangeView {
  readonly seq: number;
  readonly at: string;
  readonly kind: ChangeRecord['kind'];
  readonly key: string;
  readonly placeId: string | null;
  readonly summary: string;
  readonly claims: readonly ChangeClaim[];
}

interface ChangeData { readonly summary?: string; readonly claims?: readonly ChangeClaim[] }

export function changeView(c: ChangeRecord): ChangeView {
  const data = (c.data ?? {}) as ChangeData;
  return { seq: c.seq, at: c.at, kind: c.kind, key: c.key, placeId: c.place ? placeIdOfLedgerKey(c.place) : null, summary: data.summary ?? c.key, claims: data.claims ?? [] };
}

/** Whether a change concerns a watchlist: one of its places, or a claim behind it from one of its actors (entity keys) or sources (registry ids). */
export function watches(list: Watchlist, change: ChangeView, registry: SourceRegistry): boolean {
  if (change.placeId !== null && list.places.includes(change.placeId)) return true;
  const actors = new Set(list.actors.map((a) => (a.includes(':') ? a : `actor:${a}`)));
  return change.claims.some((c) => actors.has(c.source.key)
    || (list.sources.length > 0 && list.sources.includes(registry.entryOf({ source: { ...c.source, kind: c.source.kind as never, side: c.source.side }, outlet: c.outlet, url: c.url })?.id ?? '')));
}

/**
 * Changes first seen at or after `since`, optionally only a watchlist's, a page of them, oldest
 * first. The writers keep the log current (open-desk.ts); this waits for this process's own
 * sweep in flight, and sweeps what another writer left pending (usually nothing).
 */
export async function listChanges(
  store: Store, desk: DeskStore, query: { since: string; watchlist?: Watchlist | null; registry?: SourceRegistry; limit: number; offset: number },
): Promise<{ items: ChangeView[]; more: boolean }> {
  await changesSettled(store);
  await sweepChanges(store, desk);
  if (!query.watchlist) {
    const rows = await desk.listChanges({ since: query.since, limit: query.limit + 1, offset: query.offset });
    return { items: rows.slice(0, query.limit).map(changeView), more: rows.length > query.limit };
  }
  const registry = query.registry ?? createSourceRegistry([]);
  const kept: ChangeView[] = [];
  // Watchlists filter what the log holds, a window at a time, until the page is full.
  for (let offset = 0; kept.length <= query.offset + query.limit; offset += 2000) {
    const rows = await desk.listChanges({ since: query.since, limit: 2000, offset });
    for (const row of rows) {
      const view = changeView(row);
      if (watches(query.watchlist, view, registry)) kept.push(view);
    }
    if (rows.length < 2000) break;
  }
  return { items: kept.slice(query.offset, query.offset + query.limit), more: kept.length > query.offset + query.limit };
}

const xml = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!)
  // Characters XML 1.0 cannot carry at all (document text may hold them).
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** The changes as an Atom feed (RFC 4287); `base` is this server's origin, for links and ids. */
export function changesAtom(changes: readonly ChangeView[], options: { base: string; since: string; now: Date; title?: string }): string {
  const updated = changes.at(-1)?.at ?? options.now.toISOString();
  const entry = (c: ChangeView) => {
    const link = c.placeId ? `${options.base}/#/place/${encodeURIComponent(c.placeId)}` : `${options.base}/#/board`;
    const body = c.claims.map((x) => `${x.side} — ${x.source.name}: ${x.polarity === 'negative' ? (x.stance === 'deny' ? 'denies ' : 'not ') : ''}${x.readable}${x.outlet ? ` (${x.outlet})` : ''}`).join('\n');
    return `  <entry>
    <id>${xml(`${options.base}/api/changes#${c.seq}`)}</id>
    <title>${xml(`${c.kind}: ${c.summary}`)}</title>
    <updated>${xml(c.at)}</updated>
    <link href="${xml(link)}"/>
    <category term="${xml(c.kind)}"/>
    <content type="text">${xml(body)}</content>
  </entry>`;
  };
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xml(`${options.base}/api/changes.atom?since=${options.since}`)}</id>
  <title>${xml(options.title ?? 'counterclaim: what changed')}</title>
  <updated>${xml(updated)}</updated>
  <link rel="self" href="${xml(`${options.base}/api/changes.atom`)}"/>
  <author><name>counterclaim</name></author>
${changes.map(entry).join('\n')}
</feed>
`;
}

export interface WebhookOptions {
  readonly urls: readonly string[];
  /** Deliver to private, loopback and link-local addresses too (the fetch rules refuse them by default). */
  readonly allowPrivate?: boolean;
  readonly resolve?: (host: string) => Promise<string[]>;
  readonly fetch?: typeof fetch;
  readonly log?: (line: string) => void;
}

/** Checks a webhook URL against the fetch address rules (http(s) only; no private targets unless allowed); the reason when refused. */
export async function refuseWebhook(url: string, options: Pick<WebhookOptions, 'allowPrivate' | 'resolve'>): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${url} is not a URL`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `${url}: only http and https webhooks`;
  if (parsed.username || parsed.password) return `${url}: no credentials in webhook URLs`;
  if (options.allowPrivate) return null;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const resolve = options.resolve ?? (async (h: string) => (await lookup(h, { all: true })).map((a) => a.address));
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch (error) {
    return `${url}: cannot resolve ${host}: ${(error as Error).message}`;
  }
  const refused = addresses.find(isPrivateAddress);
  return refused ? `${url}: ${host} is a private, loopback or link-local address (${refused}); serve --allow-private-webhooks allows it` : null;
}

/**
 * Sends each batch of new changes to the operator's webhooks as one JSON POST
 * `{changes: [...]}`. The address rules are checked before every delivery (a name may
 * resolve elsewhere later); redirects are not followed; a failure is logged, not retried.
 */
export function createWebhookNotifier(options: WebhookOptions): { notify(changes: readonly ChangeView[]): Promise<Array<{ url: string; ok: boolean; detail: string }>> } {
  const send = options.fetch ?? fetch;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  return {
    async notify(changes) {
      if (changes.length === 0) return [];
      return Promise.all(options.urls.map(async (url) => {
        const refused = await refuseWebhook(url, options);
        if (refused) {
          log(`counterclaim serve: webhook refused: ${refused}`);
          return { url, ok: false, detail: refused };
        }
        try {
          const res = await send(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ changes }), redirect: 'manual', signal: AbortSignal.timeout(5000) });
          if (!res.ok) log(`counterclaim serve: webhook ${url} answered ${res.status}`);
          return { url, ok: res.ok, detail: String(res.status) };
        } catch (error) {
          log(`counterclaim serve: webhook ${url} failed: ${(error as Error).message}`);
          return { url, ok: false, detail: (error as Error).message };
        }
      }));
    },
  };
}

/** Polls the change log and hands each new batch to the webhooks: after writes through the server and on an interval (CLI ingests). */
export function createWatcher(options: { store: Store; desk: DeskStore; webhooks: WebhookOptions; now: () => Date }) {
  const notifier = createWebhookNotifier(options.webhooks);
  let lastSeq: number | null = null;
  let running: Promise<void> = Promise.resolve();
  const poll = async () => {
    await changesSettled(options.store);
    await sweepChanges(options.store, options.desk);
    if (lastSeq === null) {
      // Start after what is already logged: a restart does not resend history.
      lastSeq = await options.desk.latestChangeSeq();
      return;
    }
    for (;;) {
      const fresh: ChangeView[] = (await options.desk.listChangesAfter(lastSeq ?? 0, 500)).map(changeView);
      if (fresh.length === 0) break;
      lastSeq = fresh.at(-1)!.seq;
      await notifier.notify(fresh);
    }
  };
  return {
    /** One poll at a time; resolves when this one is done. */
    poll(): Promise<void> {
      running = running.then(poll, poll);
      return running;
    },
  };
}
