import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LIST_ENDPOINTS, benchListEndpoints } from './server-bench.js';
import { createApp } from '../../server/app.js';
import { annotatedExample, temporaryStore } from '../../server/testing/fixture.js';

test('benchListEndpoints measures a list endpoint on loopback and reports p95', async () => {
  const { db, store, dispose } = await temporaryStore([await annotatedExample()]);
  await store.close();
  try {
    const [figures] = await benchListEndpoints({ db, paths: ['/api/places?limit=10'], durationSeconds: 1, connections: 2 });
    assert.ok(figures);
    assert.ok(figures.requests > 0);
    assert.equal(figures.non2xx, 0);
    assert.ok(figures.p95Ms >= figures.p50Ms && figures.p95Ms <= figures.maxMs);
  } finally {
    await dispose().catch(() => undefined);
  }
});

test('every default bench endpoint is a valid request (200 on the example)', async () => {
  const { store, dispose } = await temporaryStore([await annotatedExample()]);
  try {
    const app = createApp({ store });
    for (const path of LIST_ENDPOINTS) assert.equal((await app.request(path)).status, 200, path);
  } finally {
    await dispose();
  }
});
