import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import { readSharedAnalysis, storedDocumentOf } from './stored-analysis.js';
import { toLedgerDocument } from '../report/ledger-json.js';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';

const pipeline = createPipeline(await loadResources({ db: '/nonexistent/counterclaim.db' }));
const read = (id: string, text: string) => toLedgerDocument(pipeline.read({ id, text, meta: { title: null, outlet: 'Test Outlet', url: null, published: '2025-11-06', language: 'en', source: null }, diagnostics: [] }));

test('a shared analysis is parsed once per stored value: the same bytes give the same object, other bytes another', () => {
  const a = storedDocumentOf(read('a', 'The ministry said on Monday that its troops had left the town.'));
  const b = storedDocumentOf(read('b', 'The army said on Tuesday that the bridge was intact.'));
  const first = readSharedAnalysis(a.analysis);
  assert.equal(readSharedAnalysis(Uint8Array.from(a.analysis)), first, 'equal bytes, another buffer: the same parse');
  assert.notEqual(readSharedAnalysis(b.analysis), first);
  assert.equal((first as { id?: string }).id, 'a');
});

test('items handed out from a shared analysis are copies: changing one changes no later read', async () => {
  const store = openSqliteStore(':memory:');
  try {
    await store.saveDocument(read('d1', 'The ministry said on Monday that its troops had left the town. Kyiv denied it on Tuesday.'));
    const [first] = await store.listItems('times', { docId: 'd1' });
    assert.ok(first);
    (first.item as { text: string }).text = 'changed by a caller';
    const [again] = await store.listItems('times', { docId: 'd1' });
    assert.notEqual((again!.item as { text: string }).text, 'changed by a caller');
    const doc = await store.getDocument('d1');
    assert.notEqual(doc!.times[0]!.text, 'changed by a caller');
  } finally {
    await store.close();
  }
});
