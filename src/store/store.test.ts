import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LedgerDocument } from '../report/ledger-json.js';
import { SearchQueryError, type Store } from './store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import { openPostgresStore } from './postgres/postgres-store.js';
import { SQLITE_SCHEMA_VERSION } from './sqlite/migrations.js';
import { POSTGRES_SCHEMA_VERSION } from './postgres/migrations.js';
import { createTestDatabase, testPostgres } from '../testing/postgres-test-server.js';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { createPipeline, type Pipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import { toLedgerDocument } from '../report/ledger-json.js';
import { storeAnswers } from '../testing/store-answers.js';
import { RECOMPUTE_CAP } from '../ledger/incremental.js';

/**
 * The store contract: every backend runs this same suite (Kysely's habit).
 * PostgreSQL: a fresh database per test on the server testPostgres() gives
 * ($COUNTERCLAIM_TEST_POSTGRES, or a throw-away cluster; skipped with the
 * reason only outside CI when PostgreSQL cannot be installed).
 */
const postgres = testPostgres();
const BACKENDS: ReadonlyArray<{ name: string; skip?: string; open: () => Promise<{ store: Store; dispose: () => void | Promise<void> }> }> = [
  {
    name: 'sqlite',
    open: async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-store-'));
      return { store: openSqliteStore(path.join(dir, 'test.db')), dispose: () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    ...(postgres.skip !== undefined ? { skip: postgres.skip } : {}),
    open: async () => {
      const db = await createTestDatabase('adminUrl' in postgres ? postgres.adminUrl : '');
      return { store: await openPostgresStore(db.url, { poolSize: 2 }), dispose: db.drop };
    },
  },
];

function ledgerDoc(id: string, text: string, meta: Partial<LedgerDocument> = {}): LedgerDocument {
  return {
    id, title: null, outlet: null, url: null, published: null, language: 'en', source: `${id}.txt`, duplicateOf: null, text,
    sentences: [], times: [], places: [], entities: [], actors: [], attributions: [], quantities: [], events: [], claims: [], diagnostics: [],
    ...meta,
  };
}

const NO_EXTRAS = { analyzed: true, byline: null, forwardedFrom: null, minhash: null } as const;

// Ledger and browse documents go through the real pipeline (the claims, places and entities a save indexes).
const EXAMPLE = readFileSync(fileURLToPath(new URL('../../example/pokrovsk.txt', import.meta.url)), 'utf8');
let pipeline: Pipeline | null = null;
async function analysed(id: string, text: string, published: string, outlet: string | null = null): Promise<LedgerDocument> {
  pipeline ??= createPipeline(await loadResources({ db: '/nonexistent/counterclaim.db' }));
  const meta = { title: `Report ${id}`, outlet, url: null, published, language: 'en', source: `${id}.txt`, duplicateOf: null };
  return toLedgerDocument(pipeline.read({ id, text, meta, diagnostics: [] }));
}
const CONTEXT = 'the city in the eastern Donetsk region city of Pokrovsk';
/** Two documents naming the same entities with other spellings (within one document too), no claims. */
function entityDocs(): LedgerDocument[] {
  const entity = (id: string, name: string, side: string) => ({ id, name, kind: 'group' as const, side, mentions: [] });
  return [
    ledgerDoc('e1', 'Analysts said so. milbloggers said so.', { entities: [entity('x1', 'Analysts', 'UA'), entity('x2', 'milbloggers', 'RU')] }),
    ledgerDoc('e2', 'analysts said so. Milbloggers and milbloggers said so.', { entities: [entity('x1', 'analysts', 'UA'), entity('x2', 'milbloggers', 'RU'), entity('x3', 'Milbloggers', 'RU')] }),
  ];
}

/** A capture claim, its denial in another article, a conceded withdrawal (issue 5's across-documents target), and the bundled example. */
async function ledgerInput(): Promise<LedgerDocument[]> {
  return [
    await analysed('cap', `Russia’s Defence Ministry said on Monday its forces had captured Pokrovsk, ${CONTEXT}.`, '2025-11-10', 'TASS'),
    await analysed('deny', `Ukraine’s General Staff on Tuesday denied that Russian forces had captured Pokrovsk, ${CONTEXT}.`, '2025-11-11', 'Ukrainska Pravda'),
    await analysed('example', EXAMPLE, '2025-11-06'),
    await analysed('withdraw', `Ukraine’s General Staff said on Thursday its troops had withdrawn from Pokrovsk, ${CONTEXT}.`, '2025-11-20', 'Kyiv Independent'),
  ];
}

for (const backend of BACKENDS) {
  const withStore = (name: string, body: (store: Store) => Promise<void>): void => {
    test(`${backend.name} store: ${name}`, { skip: backend.skip ?? false }, async () => {
      const { store, dispose } = await backend.open();
      try {
        await body(store);
      } finally {
        await store.close();
        await dispose();
      }
    });
  };

  withStore('saving the same document twice is a no-op', async (store) => {
    const doc = ledgerDoc('a', 'Russian forces said they encircled Pokrovsk.');
    assert.equal(await store.saveDocument(doc), 'inserted');
    assert.equal(await store.saveDocument(doc), 'unchanged');
    assert.equal(await store.countDocuments(), 1);
    assert.equal(await store.hasDocument('a'), true);
    assert.equal(await store.hasDocument('b'), false);
    assert.deepEqual(await store.getDocument('a'), doc);
  });

  withStore('search finds words with highlights and filters by outlet, language and date', async (store) => {
    await store.saveIngested(ledgerDoc('a', 'The ministry said Pokrovsk was encircled.', { outlet: 'Kyiv Independent', published: '2025-11-06' }), NO_EXTRAS);
    await store.saveIngested(ledgerDoc('b', 'Syrskyi denied that Pokrovsk was encircled.', { outlet: 'Reuters', published: '2025-11-07T10:00:00Z' }), NO_EXTRAS);
    await store.saveIngested(ledgerDoc('c', 'Генштаб: Покровськ не оточений.', { outlet: 'Reuters', language: 'uk' }), { ...NO_EXTRAS, analyzed: false });
    const hits = await store.searchDocuments({ text: 'encircled' });
    assert.deepEqual(hits.map((h) => h.id).sort(), ['a', 'b']);
    const hit = hits.find((h) => h.id === 'a')!;
    assert.deepEqual(hit.highlights.map(([s, e]) => hit.snippet.slice(s, e)), ['encircled']);
    assert.deepEqual((await store.searchDocuments({ text: 'encircled', outlet: 'reuters' })).map((h) => h.id), ['b']);
    assert.deepEqual((await store.searchDocuments({ text: 'encircled', since: '2025-11-07' })).map((h) => h.id), ['b']);
    assert.deepEqual((await store.searchDocuments({ text: 'encircled', until: '2025-11-06' })).map((h) => h.id), ['a']);
    const uk = await store.searchDocuments({ text: 'Покровськ', language: 'uk' });
    assert.deepEqual(uk.map((h) => [h.id, h.analyzed]), [['c', false]]);
    assert.deepEqual(await store.searchDocuments({ text: 'Avdiivka' }), []);
  });

  withStore('a malformed search query is a SearchQueryError, not a crash', async (store) => {
    await store.saveDocument(ledgerDoc('a', 'text'));
    for (const bad of ['"unclosed', 'AND', 'encircled OR', '(a']) {
      await assert.rejects(store.searchDocuments({ text: bad }), SearchQueryError, bad);
    }
  });

  withStore('near-duplicate candidates come back by shared band key, with signature and link', async (store) => {
    const sig = new Uint8Array([1, 2, 3, 4]);
    await store.saveIngested(ledgerDoc('a', 'first'), { ...NO_EXTRAS, minhash: { signature: sig, bandKeys: [10, 20] } });
    await store.saveIngested(ledgerDoc('b', 'second', { duplicateOf: { id: 'a', similarity: 0.8 } }), { ...NO_EXTRAS, minhash: { signature: sig, bandKeys: [20, 30] } });
    await store.saveIngested(ledgerDoc('c', 'third'), { ...NO_EXTRAS, minhash: { signature: sig, bandKeys: [40] } });
    const found = await store.nearDuplicateCandidates([20, 99]);
    assert.deepEqual(found.map((c) => [c.id, c.duplicateOf, [...c.signature]]), [['a', null, [1, 2, 3, 4]], ['b', 'a', [1, 2, 3, 4]]]);
    assert.deepEqual(await store.nearDuplicateCandidates([]), []);
    assert.deepEqual((await store.getDocument('b'))?.duplicateOf, { id: 'a', similarity: 0.8 });
  });

  withStore('sources read to the end are remembered by fingerprint', async (store) => {
    assert.equal(await store.getIngestedSource('feed.jsonl'), null);
    await store.markSourceIngested('feed.jsonl', { fingerprint: '10:20', documents: 3 });
    await store.markSourceIngested('feed.jsonl', { fingerprint: '11:20', documents: 4 });
    assert.deepEqual(await store.getIngestedSource('feed.jsonl'), { fingerprint: '11:20', documents: 4 });
  });
}

for (const backend of BACKENDS) {
  const withStore = (name: string, body: (store: Store) => Promise<void>): void => {
    test(`${backend.name} store: ${name}`, { skip: backend.skip ?? false, timeout: 120_000 }, async () => {
      const { store, dispose } = await backend.open();
      try {
        await body(store);
      } finally {
        await store.close();
        await dispose();
      }
    });
  };

  withStore('ledger: a capture claim and a denial in two documents are one contradiction; a conceded withdrawal confirms', async (store) => {
    const [cap, deny, , withdraw] = await ledgerInput();
    await store.saveDocument(cap!);
    await store.saveDocument(deny!);
    const ledger = store.ledger!;
    const polarity = (await ledger.listContradictions()).filter((c) => c.kind === 'polarity');
    assert.equal(polarity.length, 1, JSON.stringify(polarity));
    assert.deepEqual([polarity[0]!.a.doc, polarity[0]!.b.doc], ['cap', 'deny']);
    const before = await ledger.timeline('Pokrovsk');
    assert.equal(before?.statuses.at(-1)?.state, 'claimed-captured');
    assert.equal(before?.statuses.at(-1)?.denied, true);
    await store.saveDocument(withdraw!);
    const after = await ledger.timeline('pokrovsk');
    assert.equal(after?.statuses.at(-1)?.state, 'confirmed-captured');
    assert.deepEqual([...new Set(after!.statuses.at(-1)!.claims.map((r) => r.doc))].sort(), ['cap', 'deny', 'withdraw']);
    assert.equal((await ledger.listContradictions({ place: 'Pokrovsk' })).filter((c) => c.kind === 'polarity').length, 1);
    const board = await store.browse!.listContradictions();
    assert.equal(board.total, (await ledger.listContradictions()).length);
    assert.ok(board.contradictions.every((d) => d.a !== null && d.b !== null));
    // Dates bound the board, inclusive; an undated contradiction is left out by either bound.
    const dates = board.contradictions.map((d) => d.date).filter((d): d is string => d !== null).sort();
    assert.ok(dates.length > 0);
    const inRange = async (query: { since?: string; until?: string }): Promise<Array<string | null>> => (await store.browse!.listContradictions(query)).contradictions.map((d) => d.date);
    assert.deepEqual(await inRange({ since: dates[0]!, until: dates[0]! }), board.contradictions.map((d) => d.date).filter((d) => d === dates[0]));
    assert.deepEqual(await inRange({ since: dates.at(-1)! }), board.contradictions.map((d) => d.date).filter((d) => d !== null && d >= dates.at(-1)!));
    assert.deepEqual(await inRange({ until: '1999-12-31' }), []);
    assert.equal((await store.browse!.listContradictions({ place: 'geonames:704422', until: '1999-12-31' })).total, 0);
  });

  withStore('ledger: claims filters by place, side, since and predicate; the example contested', async (store) => {
    for (const doc of await ledgerInput()) await store.saveDocument(doc);
    const ledger = store.ledger!;
    const all = await ledger.listClaims();
    assert.ok(all.length > 10);
    const dates = all.map((c) => c.claim.about.window?.end ?? null);
    const dated = dates.filter((d) => d !== null);
    assert.deepEqual(dated, [...dated].sort().reverse(), 'newest first');
    assert.ok(dates.indexOf(null) === -1 || dates.slice(dates.indexOf(null)).every((d) => d === null), 'undated last');
    const place = (await ledger.timeline('Pokrovsk'))!.place;
    const atPlace = await ledger.listClaims({ place: 'Pokrovsk' });
    assert.ok(atPlace.length > 0 && atPlace.every((c) => c.claim.args.some((a) => a.role === 'place' && a.key === place)));
    const ua = await ledger.listClaims({ place: 'pokrovsk', side: 'ua' });
    assert.ok(ua.length > 0 && ua.every((c) => c.claim.side === 'UA'));
    assert.ok((await ledger.listClaims({ since: '2025-11-11' })).every((c) => (c.claim.about.window?.end ?? '') >= '2025-11-11'));
    assert.equal((await ledger.listClaims({ since: '2030-01-01' })).length, 0);
    assert.ok((await ledger.listClaims({ predicate: 'captured' })).every((c) => c.claim.predicate === 'captured'));
    assert.equal((await ledger.listClaims({ limit: 3 })).length, 3);
    assert.ok((await ledger.listContradictions()).some((c) => c.proposition.startsWith('encircled(force:UA,')));
    const { places } = await store.browse!.listPlaces();
    const pokrovsk = places.find((p) => p.name === 'Pokrovsk');
    assert.ok(pokrovsk && pokrovsk.documents === 4 && pokrovsk.mentions >= 4, JSON.stringify(pokrovsk));
    assert.equal((await store.browse!.placeMentions(pokrovsk.id, { limit: 1000 })).length, pokrovsk.mentions);
  });

  withStore('ledger: stance, until, entity, outlet and offset filter in SQL, the same as filtering in JS', async (store) => {
    for (const doc of await ledgerInput()) await store.saveDocument(doc);
    const ledger = store.ledger!;
    const all = await ledger.listClaims({ limit: 100_000 });
    const place = (await ledger.timeline('Pokrovsk'))!.place;
    const entity = all.find((c) => c.source.key.startsWith('actor:'))!.source.key;
    const cases: Array<[Parameters<typeof ledger.listClaims>[0], (c: (typeof all)[number]) => boolean]> = [
      [{ stance: 'deny' }, (c) => c.claim.stance === 'deny'],
      [{ place: 'pokrovsk', stance: 'deny' }, (c) => c.claim.stance === 'deny' && c.claim.args.some((a) => a.role === 'place' && a.key === place)],
      [{ until: '2025-11-04' }, (c) => (c.claim.about.window?.end ?? c.claim.statedAt.value?.slice(0, 10) ?? '') <= '2025-11-04'],
      [{ entity }, (c) => c.source.key === entity],
      [{ outlet: 'tass' }, (c) => c.outlet === 'TASS'],
      [{ outlet: 'KYIV INDEPENDENT', side: 'ua' }, (c) => c.outlet === 'Kyiv Independent' && c.claim.side === 'UA'],
      [{ outlet: 'Reuters' }, () => false],
    ];
    for (const [query, keep] of cases) {
      const expected = all.filter(keep).map((c) => `${c.doc}/${c.claim.id}`);
      assert.deepEqual((await ledger.listClaims(query)).map((c) => `${c.doc}/${c.claim.id}`), expected, JSON.stringify(query));
    }
    assert.ok(all.some((c) => c.claim.stance === 'deny') && all.some((c) => c.outlet === 'TASS'));
    assert.deepEqual((await ledger.listClaims({ offset: 2, limit: 3 })).map((c) => c.claim.id), all.slice(2, 5).map((c) => c.claim.id));
    assert.deepEqual(await ledger.listClaims({ offset: all.length }), []);
  });

  withStore('document headers without text, the sentence holding a span, ping', async (store) => {
    const [cap] = await ledgerInput();
    await store.saveDocument(cap!);
    assert.deepEqual(await store.getDocumentSummaries!(['cap', 'missing', 'cap']), [{ id: 'cap', title: 'Report cap', date: '2025-11-10', outlet: 'TASS', url: null }]);
    assert.deepEqual(await store.getDocumentSummaries!([]), []);
    const sentence = cap!.sentences[0]!;
    assert.deepEqual(await store.sentenceAt!('cap', [sentence.span[0] + 1, sentence.span[0] + 3]), { span: sentence.span, text: sentence.text });
    assert.equal(await store.sentenceAt!('cap', [sentence.span[0], sentence.span[1] + 1_000]), null, 'a span past its sentence');
    assert.equal(await store.sentenceAt!('missing', [0, 1]), null);
    assert.equal(await store.ping!(), store.kind === 'sqlite' ? SQLITE_SCHEMA_VERSION : POSTGRES_SCHEMA_VERSION, 'the latest schema version');
  });

  withStore('ledger: an entity is shown by its smallest spelling, whatever order its documents were saved in', async (store) => {
    // Same key (kind, side, name folded), two spellings; the first-saved spelling used to win.
    const [first, second] = entityDocs();
    await store.saveDocument(second!);
    await store.saveDocument(first!);
    const names = (await store.browse!.listEntities({ limit: 100 })).entities.map((e) => [e.key, e.name]);
    assert.deepEqual(names, [['group:UA:analysts', 'Analysts'], ['group:RU:milbloggers', 'Milbloggers']]);
  });

  withStore('ledger: one side repeating a claim more than the recompute cap reads does not hide the other side\'s denial', async (store) => {
    const [, deny] = await ledgerInput();
    // Claimed the day after the denial: every copy below is newer than it.
    const cap = await analysed('cap', `Russia’s Defence Ministry said on Wednesday its forces had captured Pokrovsk, ${CONTEXT}.`, '2025-11-12', 'TASS');
    await store.saveDocument(deny!);
    await store.saveDocument(cap);
    const gist = async (): Promise<unknown> => ({
      contradictions: (await store.ledger!.listContradictions()).map((c) => `${c.kind} ${c.proposition} ${[c.a.doc, c.b.doc].map((d) => d.replace(/^z-cap-\d+$/, 'cap')).sort().join(' ')}`).sort(),
      timeline: (await store.ledger!.timeline('Pokrovsk'))?.statuses.map((st) => `${st.from} ${st.state} ${st.by} ${st.denied}`),
    });
    const once = await gist();
    assert.ok((once as { contradictions: string[] }).contradictions.some((c) => c.endsWith('cap deny')), JSON.stringify(once));
    // The same capture claim under RECOMPUTE_CAP + 10 more ids.
    for (let i = 0; i < RECOMPUTE_CAP + 10; i++) await store.saveDocument({ ...cap, id: `z-cap-${String(i).padStart(3, '0')}` });
    assert.deepEqual(await gist(), once);
  });

  withStore('ledger: saving again changes nothing; a new analysis replaces the old one everywhere', async (store) => {
    const docs = await ledgerInput();
    for (const doc of docs) await store.saveDocument(doc);
    const first = await storeAnswers(store);
    for (const doc of docs) assert.equal(await store.saveDocument(doc), 'unchanged');
    assert.deepEqual(await storeAnswers(store), first);
    // The denial re-analysed as something else, then back: the ledger returns to where it was.
    const other = await analysed('deny', 'Ukraine’s General Staff said on Tuesday that it repelled 40 attacks near Kupiansk.', '2025-11-11', 'Ukrainska Pravda');
    assert.equal(await store.saveDocument(other), 'updated');
    assert.equal((await store.ledger!.listContradictions()).filter((c) => c.a.doc === 'deny' || c.b.doc === 'deny').length, 0);
    assert.equal(await store.saveDocument(docs[1]!), 'updated');
    assert.deepEqual(await storeAnswers(store), first);
  });
}

test('ledger and browse: SQLite and PostgreSQL answer the same for the same input (example through the pipeline, across documents)', { skip: postgres.skip ?? false, timeout: 180_000 }, async () => {
  const docs = await ledgerInput();
  const opened = await Promise.all(BACKENDS.map((b) => b.open()));
  try {
    for (const { store } of opened) for (const doc of docs) await store.saveDocument(doc);
    const [sqlite, pg] = await Promise.all(opened.map(({ store }) => storeAnswers(store)));
    assert.ok((sqlite!.claims as unknown[]).length > 10);
    assert.deepEqual(pg, sqlite);
  } finally {
    for (const { store, dispose } of opened) {
      await store.close();
      await dispose();
    }
  }
});

test('ledger: the same documents saved in two orders give the same ledger, in both backends', { skip: postgres.skip ?? false, timeout: 180_000 }, async () => {
  const docs = [...entityDocs(), ...await ledgerInput()];
  const opened = [...await Promise.all(BACKENDS.map((b) => b.open())), ...await Promise.all(BACKENDS.map((b) => b.open()))];
  try {
    for (const [i, { store }] of opened.entries()) for (const doc of i < 2 ? docs : [...docs].reverse()) await store.saveDocument(doc);
    // A place's mentions come in storage order (document seq), the one answer that follows save order by design: compared as sets.
    const bySet = (snapshot: Record<string, unknown>): Record<string, unknown> => ({
      ...snapshot,
      mentions: Object.fromEntries(Object.entries(snapshot.mentions as Record<string, { place: unknown; mentions: Array<{ docId: string; item: { id: string } }> }>)
        .map(([id, v]) => [id, { place: v.place, mentions: [...v.mentions].sort((x, y) => `${x.docId} ${x.item.id}`.localeCompare(`${y.docId} ${y.item.id}`)) }])),
    });
    const [sqlite, ...others] = (await Promise.all(opened.map(({ store }) => storeAnswers(store)))).map(bySet);
    assert.ok((sqlite!.entities as { entities: unknown[] }).entities.length > 2);
    for (const other of others) assert.deepEqual(other, sqlite);
  } finally {
    for (const { store, dispose } of opened) {
      await store.close();
      await dispose();
    }
  }
});

test('sqlite ledger: saves in a batch, recomputed once at its commit, give the ledger of saves one at a time', { timeout: 180_000 }, async () => {
  const docs = [...entityDocs(), ...await ledgerInput()];
  // Two saves in the batch touch the same place and month again after it was touched: the recompute sees them all.
  docs.push(await analysed('cap2', `Russia’s Defence Ministry said on Wednesday its forces had captured Pokrovsk, ${CONTEXT}.`, '2025-11-12', 'RIA'));
  const [single, batched] = await Promise.all([BACKENDS[0]!.open(), BACKENDS[0]!.open()]);
  try {
    for (const doc of docs) await single.store.saveDocument(doc);
    await batched.store.beginBatch();
    for (const doc of docs.slice(0, 4)) await batched.store.saveIngested(doc, NO_EXTRAS);
    // Before the commit the batch's contradictions are not computed yet; after it they are.
    await batched.store.commitBatch();
    await batched.store.beginBatch();
    for (const doc of docs.slice(4)) await batched.store.saveIngested(doc, NO_EXTRAS);
    // A save that fails inside the batch is rolled back alone and touches nothing.
    await assert.rejects(batched.store.saveIngested({ ...docs[2]!, id: 'broken', text: null as unknown as string }, NO_EXTRAS));
    await batched.store.commitBatch();
    const [expected, got] = [await storeAnswers(single.store), await storeAnswers(batched.store)];
    assert.ok((expected.contradictions as unknown[]).length > 0);
    assert.deepEqual(got, expected);
  } finally {
    for (const { store, dispose } of [single, batched]) {
      await store.close();
      await dispose();
    }
  }
});

test('sqlite: a batch whose commit fails is rolled back whole, and leaves no transaction open', { timeout: 180_000 }, async () => {
  const docs = [...entityDocs(), ...await ledgerInput()];
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-store-'));
  const file = path.join(dir, 'test.db');
  const store = openSqliteStore(file);
  const reference = await BACKENDS[0]!.open();
  try {
    await store.saveDocument(docs[0]!);
    // A fault at the commit's recompute, from the database itself: writing a place's timeline fails.
    const other = new Database(file, { timeout: 0 });
    other.exec(`CREATE TRIGGER timeline_fault BEFORE INSERT ON ledger_timelines BEGIN SELECT RAISE(ABORT, 'timeline write refused'); END`);
    await store.beginBatch();
    for (const doc of docs.slice(1)) await store.saveIngested(doc, NO_EXTRAS);
    await assert.rejects(store.commitBatch(), /timeline write refused/);
    // No transaction left open: another connection takes the write lock at once (timeout 0), and the batch's saves are gone.
    other.exec('DROP TRIGGER timeline_fault');
    other.close();
    for (const doc of docs.slice(1)) assert.equal(await store.hasDocument(doc.id), false, doc.id);
    assert.equal(await store.hasDocument(docs[0]!.id), true);
    // The store goes on: the same batch again commits, and gives the ledger of saves one at a time.
    await store.beginBatch();
    for (const doc of docs.slice(1)) await store.saveIngested(doc, NO_EXTRAS);
    await store.commitBatch();
    for (const doc of docs) await reference.store.saveDocument(doc);
    const expected = await storeAnswers(reference.store);
    assert.ok((expected.places as unknown[]).length > 0, 'a timeline to write');
    assert.deepEqual(await storeAnswers(store), expected);
  } finally {
    await store.close();
    await reference.store.close();
    await reference.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('postgres ledger: concurrent saves about the same place give the ledger of one-at-a-time saves', { skip: postgres.skip ?? false, timeout: 180_000 }, async () => {
  const docs = [...await ledgerInput()];
  const sides = [['Russia’s Defence Ministry said', 'had captured'], ['Ukraine’s General Staff denied that Russian forces', 'had captured'], ['Ukraine’s General Staff said its troops', 'held']];
  for (let i = 0; i < 12; i++) {
    const [who, verb] = sides[i % sides.length]!;
    docs.push(await analysed(`c${i}`, `${who} ${verb} Pokrovsk, ${CONTEXT}, on ${['Monday', 'Tuesday', 'Wednesday'][i % 3]}.`, `2025-11-${String(5 + i).padStart(2, '0')}`, `Outlet ${i % 4}`));
  }
  const sqliteSide = await BACKENDS[0]!.open();
  const db = await createTestDatabase('adminUrl' in postgres ? postgres.adminUrl : '');
  const store = await openPostgresStore(db.url, { poolSize: 8 });
  try {
    for (const doc of docs) await sqliteSide.store.saveDocument(doc);
    // Every document at once, 8 connections: saves about Pokrovsk overlap and must serialise on its locks.
    await Promise.all([...docs].reverse().map((doc) => store.saveDocument(doc)));
    const [expected, got] = [await storeAnswers(sqliteSide.store), await storeAnswers(store)];
    assert.deepEqual(got.contradictions, expected.contradictions);
    assert.deepEqual(got.places, expected.places);
    assert.deepEqual(got.totals, expected.totals);
  } finally {
    await store.close();
    await db.drop();
    await sqliteSide.store.close();
    await sqliteSide.dispose();
  }
});
