import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from './app.js';
import { temporaryStore } from './testing/fixture.js';

let app: Hono;
let dispose: () => Promise<void>;
before(async () => {
  const t = await temporaryStore();
  dispose = t.dispose;
  app = createApp({ store: t.store });
});
after(async () => dispose());

const toOpenApi = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/(.)\/$/, '$1');

test('the OpenAPI document lists exactly the routes the app serves', async () => {
  const doc = (await (await app.request('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
  assert.match(doc.openapi, /^3\./);
  const served = new Set(app.routes
    .filter((r) => ['GET', 'POST', 'PUT', 'DELETE'].includes(r.method) && !r.path.includes('*'))
    .map((r) => `${r.method.toLowerCase()} ${toOpenApi(r.path)}`));
  const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)));
  assert.deepEqual([...served].sort(), [...documented].sort());
});

test('every documented query parameter is accepted, and nothing else', async () => {
  const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string; required?: boolean }> }>> };
  const samples: Record<string, string> = { limit: '1', offset: '0', q: 'x', outlet: 'x', language: 'en', from: '2025-01-01', to: '2025-12-31', doc: 'a'.repeat(64), country: 'UA', located: 'true',
    place: 'geonames-704422', side: 'UA', stance: 'deny', predicate: 'encircled', since: '2025-01-01', until: '2025-12-31', entity: 'actor:ru-mod', kind: 'military',
    target_kind: 'claim', target_key: 'x|y', watchlist: 'w1', scope: 'all', asOf: '2025-11-03', registry: 'ru-mod', sourceKind: 'wire', reliability: 'B' };
  // A parameter whose values differ between routes (an entity's kind, a registry entry's kind).
  const sampleOf = (path: string, name: string) => (path === '/api/sources' && name === 'kind' ? 'wire' : samples[name]);
  for (const [path, ops] of Object.entries(doc.paths)) {
    const get = ops.get;
    if (!get) continue;
    const url = path.replace('{kind}', 'places').replace('{format}', 'csv').replace('{place}', 'Pokrovsk').replace('{id}', path.includes('/places/') ? 'geonames-1' : '0'.repeat(64));
    const query = (get.parameters ?? []).filter((p) => p.in === 'query');
    // Required parameters (the claim of /api/check) go with every request.
    const required = query.filter((p) => p.required).map((p) => `${p.name}=${encodeURIComponent(sampleOf(path, p.name) ?? '')}&`).join('');
    for (const param of query) {
      assert.ok(sampleOf(path, param.name), `a sample value for ${param.name}`);
      const res = await app.request(`${url}?${param.required ? '' : required}${param.name}=${encodeURIComponent(sampleOf(path, param.name)!)}`);
      assert.notEqual(res.status, 400, `${path} accepts ${param.name}: ${await res.text()}`);
    }
    const res = await app.request(`${url}?${required}undocumented=1`);
    assert.equal(res.status, 400, `${path} rejects an undocumented parameter`);
  }
});
