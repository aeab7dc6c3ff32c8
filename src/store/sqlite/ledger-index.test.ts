import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPipeline } from '../../read/pipeline.js';
import { loadResources } from '../../read/load-resources.js';
import { toLedgerDocument } from '../../report/ledger-json.js';
import { openSqliteStore } from './sqlite-store.js';

const SEED = readFileSync(fileURLToPath(new URL('../../../../shared/seed/pokrovsk.txt', import.meta.url)), 'utf8');

test('ledger index: seed saved, queried, and saved again unchanged', async () => {
  const pipeline = createPipeline(await loadResources({ db: '/nonexistent/counterclaim.db' }));
  const doc = toLedgerDocument(pipeline.read({ id: 'seed', text: SEED, meta: { title: null, outlet: null, url: null, published: '2025-11-06', language: 'en', source: null }, diagnostics: [] }));
  const store = openSqliteStore(path.join(mkdtempSync(path.join(tmpdir(), 'cc-ledger-')), 'db.sqlite'));
  try {
    assert.equal(await store.saveDocument(doc), 'inserted');
    const ledger = store.ledger!;
    const before = { claims: await ledger.listClaims(), contradictions: await ledger.listContradictions(), timeline: await ledger.timeline('Pokrovsk') };
    assert.ok(before.contradictions.length > 0, 'no contradictions stored');
    assert.ok(before.contradictions.some((c) => c.proposition.startsWith('encircled(force:UA,')));
    assert.equal(before.timeline?.statuses.at(-1)?.state, 'contested');
    assert.ok((await ledger.listClaims({ place: 'pokrovsk', side: 'ua' })).length > 0);
    assert.equal((await ledger.listClaims({ since: '2030-01-01' })).length, 0);
    assert.equal(await store.saveDocument(doc), 'unchanged');
    const after = { claims: await ledger.listClaims(), contradictions: await ledger.listContradictions(), timeline: await ledger.timeline('Pokrovsk') };
    assert.deepEqual(after, before);
  } finally {
    await store.close();
  }
});
