import autocannon from 'autocannon';
import { openStore } from '../../store/open-store.js';
import { createApp } from '../../server/app.js';
import { startServer } from '../../server/server.js';

export interface ListBenchOptions {
  /** The database to serve (opened read-only in spirit: nothing is written). */
  readonly db: string;
  /** API paths to load, each on its own; default: the list endpoints. */
  readonly paths?: readonly string[];
  /** Seconds per path (bounded to 1-30). */
  readonly durationSeconds?: number;
  readonly connections?: number;
}

export interface EndpointFigures {
  readonly path: string;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly non2xx: number;
  readonly errors: number;
}

export const LIST_ENDPOINTS = [
  '/api/documents?limit=50',
  '/api/documents?limit=50&offset=1000',
  '/api/items/places?limit=100',
  '/api/items/times?limit=100',
  '/api/places?limit=500',
  // What the map asks for, and a place panel (Pokrovsk, in the bench's base articles): as the UI
  // asks for it (no mentions), with a page of mentions, the mentions box, and a page of older claims.
  '/api/places?limit=5000',
  '/api/places/geonames-704422?limit=0',
  '/api/places/geonames-704422?limit=20',
  '/api/places/geonames-704422/mentions?limit=20',
  '/api/claims?place=geonames-704422&limit=50&offset=50',
  '/api/claims?limit=50',
  '/api/claims?limit=50&offset=1000',
  '/api/contradictions?limit=50',
] as const;

/**
 * The desk's reads (issue 18): what changed (as the UI's "What changed" view asks), the audit
 * trail, the registry, reviews, full-text search and a place's timeline.
 */
export const DESK_ENDPOINTS = [
  '/api/changes?since=1970-01-01&limit=300',
  '/api/audit?limit=100',
  '/api/reviews?limit=50',
  '/api/sources',
  '/api/search?q=Pokrovsk&limit=20',
  '/api/timeline/geonames-704422',
] as const;

/**
 * Adds `count` reviews to the store on `db` through the API, as analysts would: claims about
 * Pokrovsk and elsewhere rejected or corrected (side, stance), and control statuses corrected,
 * so the reads measured after it apply reviews (the overlay, and the timelines of the places
 * reviewed claims are about, recomputed). Returns how many of each were written.
 */
export async function addBenchReviews(db: string, count: number): Promise<{ claims: number; statuses: number }> {
  const store = await openStore(db);
  const app = createApp({ store });
  const get = async (path: string) => (await app.request(path)).json() as Promise<{ items: Array<Record<string, any>> }>;
  const post = async (body: unknown) => {
    const res = await app.request('/api/reviews', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`bench review refused: ${res.status} ${await res.text()}`);
  };
  try {
    const statuses = (await get('/api/places?limit=5000')).items.filter((p) => p['status'] !== 'mentioned').slice(0, Math.ceil(count / 10));
    const wanted = count - statuses.length;
    // Claims spread over the ledger: the place panel's Pokrovsk and the newest claims anywhere.
    const claims = [...(await get(`/api/claims?place=geonames-704422&limit=${Math.ceil(wanted / 2)}`)).items, ...(await get(`/api/claims?limit=${wanted}&offset=1000`)).items];
    const seen = new Set<string>();
    let written = 0;
    for (const c of claims) {
      const key = `${c['doc']}|${c['claim'].id}`;
      if (written >= wanted || seen.has(key)) continue;
      seen.add(key);
      const decision = written % 3 === 0 ? { decision: 'reject' } : written % 3 === 1 ? { decision: 'correct', corrections: { side: c['claim'].side === 'UA' ? 'RU' : 'UA' } } : { decision: 'correct', corrections: { stance: c['claim'].stance === 'deny' ? 'assert' : 'deny' } };
      await post({ target: { kind: 'claim', doc: c['doc'], claim: c['claim'].id }, ...decision, reason: 'bench review' });
      written++;
    }
    for (const p of statuses) await post({ target: { kind: 'status', place: p['id'] }, decision: 'correct', corrections: { state: 'contested' }, reason: 'bench review' });
    return { claims: written, statuses: statuses.length };
  } finally {
    await store.close();
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Starts the server on `db` at a free loopback port, loads each list endpoint
 * with autocannon for a bounded time, and returns latency figures (p95 from
 * every response time autocannon reports, since its summary has no p95).
 * For `npm run bench`: `await benchListEndpoints({ db })`.
 */
export async function benchListEndpoints(options: ListBenchOptions): Promise<EndpointFigures[]> {
  const store = await openStore(options.db);
  const server = await startServer({ store, host: '127.0.0.1', port: 0, webDir: null });
  const duration = Math.max(1, Math.min(30, options.durationSeconds ?? 5));
  const figures: EndpointFigures[] = [];
  try {
    for (const path of options.paths ?? LIST_ENDPOINTS) {
      const times: number[] = [];
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon({ url: new URL(path, server.url).href, connections: options.connections ?? 10, duration }, (error, res) => (error ? reject(error) : resolve(res)));
        instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
      });
      times.sort((a, b) => a - b);
      figures.push({
        path,
        requests: result.requests.total,
        requestsPerSecond: result.requests.average,
        p50Ms: percentile(times, 50),
        p95Ms: percentile(times, 95),
        p99Ms: percentile(times, 99),
        maxMs: times[times.length - 1] ?? NaN,
        non2xx: result.non2xx,
        errors: result.errors,
      });
    }
  } finally {
    await server.close();
    await store.close();
  }
  return figures;
}
