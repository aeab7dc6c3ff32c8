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

test('ledger index: stance, until, entity, outlet and offset filter in SQL, the same as filtering in JS; place + stance walks its index', async () => {
  const pipeline = createPipeline(await loadResources({ db: '/nonexistent/counterclaim.db' }));
  const doc = toLedgerDocument(pipeline.read({ id: 'seed', text: SEED, meta: { title: 'Seed', outlet: 'Al Jazeera', url: 'https://example.org/seed', published: '2025-11-06', language: 'en', source: null }, diagnostics: [] }));
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cc-ledger-')), 'db.sqlite');
  const store = openSqliteStore(file);
  try {
    await store.saveDocument(doc);
    const ledger = store.ledger!;
    const all = await ledger.listClaims();
    const entity = all.find((c) => c.source.key.startsWith('actor:'))!.source.key;
    const cases: Array<[Parameters<typeof ledger.listClaims>[0], (c: (typeof all)[number]) => boolean]> = [
      [{ stance: 'deny' }, (c) => c.claim.stance === 'deny'],
      [{ place: 'pokrovsk', stance: 'deny' }, (c) => c.claim.stance === 'deny' && c.claim.args.some((a) => a.role === 'place' && a.key === 'geonames:704422')],
      [{ until: '2025-11-04' }, (c) => (c.claim.about.window?.end ?? c.claim.statedAt.value ?? '') <= '2025-11-04'],
      [{ entity }, (c) => c.source.key === entity],
      [{ outlet: 'AL JAZEERA' }, () => true],
      [{ outlet: 'Reuters' }, () => false],
    ];
    for (const [query, keep] of cases) {
      assert.deepEqual((await ledger.listClaims(query)).map((c) => c.claim.id), all.filter(keep).map((c) => c.claim.id), JSON.stringify(query));
    }
    assert.ok(all.filter((c) => c.claim.stance === 'deny').length > 0);
    assert.deepEqual((await ledger.listClaims({ offset: 2, limit: 3 })).map((c) => c.claim.id), all.slice(2, 5).map((c) => c.claim.id));
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(file, { readonly: true });
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT data FROM ledger_claims WHERE place = ? AND stance = ? ORDER BY about_end DESC, doc_id DESC, claim_id DESC LIMIT 50`)
      .all('geonames:704422', 'deny').map((r) => (r as { detail: string }).detail);
    db.close();
    assert.ok(plan.some((d) => /INDEX ledger_claims_place_stance \(place=\? AND stance=\?\)/.test(d)), plan.join('\n'));
    assert.ok(!plan.some((d) => /TEMP B-TREE FOR ORDER BY/.test(d)), `no sort but of a date's ties: ${plan.join('\n')}`);
    // Headers and sentences without loading the document; ping says the schema version.
    assert.deepEqual(await store.getDocumentSummaries!(['seed', 'missing', 'seed']), [{ id: 'seed', title: 'Seed', date: '2025-11-06', outlet: 'Al Jazeera', url: 'https://example.org/seed' }]);
    const sentence = doc.sentences[2]!;
    assert.deepEqual(await store.sentenceAt!('seed', [sentence.span[0] + 1, sentence.span[0] + 3]), { span: sentence.span, text: sentence.text });
    assert.equal(await store.sentenceAt!('missing', [0, 1]), null);
    assert.ok((await store.ping!()) >= 7);
  } finally {
    await store.close();
  }
});

test('ledger index: the proposition-month summary equals a recount after saves and a re-save', async () => {
  const pipeline = createPipeline(await loadResources({ db: '/nonexistent/counterclaim.db' }));
  const read = (id: string, text: string) => toLedgerDocument(pipeline.read({ id, text, meta: { title: null, outlet: null, url: null, published: '2025-11-06', language: 'en', source: null }, diagnostics: [] }));
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cc-ledger-')), 'db.sqlite');
  const store = openSqliteStore(file);
  try {
    await store.saveDocument(read('seed', SEED));
    await store.saveDocument(read('two', 'Ukraine denied that its troops were encircled in Pokrovsk.'));
    await store.saveDocument(read('two', 'Russian forces encircled Ukrainian troops in Pokrovsk.'));
  } finally {
    await store.close();
  }
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file, { readonly: true });
  const summary = db.prepare('SELECT proposition, month, positive, negative, counted FROM ledger_proposition_months WHERE positive + negative + counted > 0 ORDER BY 1, 2').all();
  const recount = db.prepare(`SELECT proposition, coalesce(substr(about_end, 1, 7), 'undated') AS month,
      sum(json_extract(data, '$.claim.polarity') = 'positive') AS positive, sum(json_extract(data, '$.claim.polarity') = 'negative') AS negative,
      sum(instr(json_extract(data, '$.claim.args'), '"role":"count"') > 0) AS counted
    FROM ledger_claims GROUP BY 1, 2 ORDER BY 1, 2`).all();
  db.close();
  assert.deepEqual(summary, recount);
});
