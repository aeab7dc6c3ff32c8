import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LedgerDocument } from '../../report/ledger-json.js';
import { openSqliteStore } from './sqlite-store.js';

/**
 * Two ingests writing one SQLite file (issue 19: they linked documents into
 * near-duplicate cycles, A a copy of B and B of A, and the ledger differed
 * from a clean run). Two connections stand for the two processes: each
 * decided its links from what it had seen, and the store settles them inside
 * its write transaction, where SQLite lets one writer in at a time.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-links-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function doc(id: string, duplicateOf: LedgerDocument['duplicateOf'] = null): LedgerDocument {
  return {
    id, title: null, outlet: null, url: null, published: null, language: 'en', source: `${id}.txt`, duplicateOf, text: `Our own report ${id}.`,
    sentences: [], times: [], places: [], entities: [], actors: [], attributions: [], quantities: [], events: [], claims: [], diagnostics: [],
  };
}
const NO_EXTRAS = { analyzed: true, byline: null, forwardedFrom: null, minhash: null } as const;

test('near-duplicate links from two writers on one file never form a cycle; the first copy stays the first copy', async () => {
  const file = path.join(dir, 'two.db');
  const first = openSqliteStore(file);
  const second = openSqliteStore(file);
  try {
    // The first run stores a, then b as a copy of a.
    await first.saveIngested(doc('a'), NO_EXTRAS);
    await first.saveIngested(doc('b', { id: 'a', similarity: 0.9 }), NO_EXTRAS);
    // The second run, a step behind, saw b before a: it takes a for a copy of b, and b for a first copy.
    await second.saveIngested(doc('a', { id: 'b', similarity: 0.9 }), NO_EXTRAS);
    await second.saveIngested(doc('b'), NO_EXTRAS);
    // A copy of a copy is linked to the first copy; a document is never a copy of itself.
    await second.saveIngested(doc('c', { id: 'b', similarity: 0.85 }), NO_EXTRAS);
    await second.saveIngested(doc('d', { id: 'd', similarity: 1 }), NO_EXTRAS);
    const links = Object.fromEntries(await Promise.all(['a', 'b', 'c', 'd'].map(async (id) => [id, (await first.getDocument(id))?.duplicateOf?.id ?? null])));
    assert.deepEqual(links, { a: null, b: 'a', c: 'a', d: null });
  } finally {
    await first.close();
    await second.close();
  }
});
