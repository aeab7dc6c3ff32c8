import type { Store } from '../store/store.js';

/**
 * Everything the ledger and browse readers answer about a store, as one
 * value: what two backends, or two runs over the same input, must agree on
 * (the store contract suite and the queue's fault test compare these).
 */
export async function storeAnswers(store: Store): Promise<Record<string, unknown>> {
  const ledger = store.ledger!;
  const browse = store.browse!;
  const places = await ledger.listPlaces();
  const perPlace: Record<string, unknown> = {};
  for (const p of places) {
    perPlace[p.place] = {
      timeline: await ledger.timeline(p.place), byLabel: await ledger.timeline(p.label), claims: await ledger.listClaims({ place: p.place }),
      claimsUA: await ledger.listClaims({ place: p.label, side: 'ua' }), contradictions: await ledger.listContradictions({ place: p.place }),
    };
  }
  const totals = await browse.listPlaces({ limit: 10_000 });
  const mentions: Record<string, unknown> = {};
  for (const t of totals.places) mentions[t.id] = { place: await browse.getPlace(t.id), mentions: await browse.placeMentions(t.id, { limit: 1000 }) };
  const claims = await ledger.listClaims({ limit: 100_000 });
  const entity = claims.find((c) => c.source.key.startsWith('actor:'))?.source.key;
  const outlet = claims.find((c) => c.outlet !== null)?.outlet;
  return {
    claims,
    filtered: {
      deny: await ledger.listClaims({ stance: 'deny' }), until: await ledger.listClaims({ until: '2025-11-10' }), page: await ledger.listClaims({ offset: 3, limit: 5 }),
      entity: entity === undefined ? null : await ledger.listClaims({ entity }), outlet: outlet == null ? null : await ledger.listClaims({ outlet: outlet.toUpperCase() }),
      placeDeny: await Promise.all(places.map((p) => ledger.listClaims({ place: p.place, stance: 'deny' }))),
    }, since: await ledger.listClaims({ since: '2025-11-10' }), ru: await ledger.listClaims({ side: 'RU', limit: 5 }),
    captured: await ledger.listClaims({ predicate: 'captured' }), contradictions: await ledger.listContradictions(), places, perPlace,
    totals, mentions, located: await browse.listPlaces({ located: true, q: 'pok' }), entities: await browse.listEntities({ limit: 10_000 }),
    board: await browse.listContradictions({ limit: 1000 }), page: await browse.listContradictions({ limit: 2, offset: 1 }),
  };
}

/** Everything a store answers about the documents `ids` (the fixture's, src/testing/make-store-fixture.ts): what an upgraded database must answer as a fresh one does. */
export async function everythingStored(store: Store, ids: readonly string[]): Promise<Record<string, unknown>> {
  return {
    ledger: await storeAnswers(store),
    documents: await Promise.all(ids.map((id) => store.getDocument(id))),
    places: await store.listItems('places'),
    claims: await store.listItems('claims', { limit: 5, offset: 3 }),
    oneDocument: await store.listItems('sentences', { docId: ids[1]! }),
    sentence: await store.sentenceAt(ids[0]!, [3, 5]),
    listed: await store.listDocuments(),
    search: await store.searchDocuments({ text: 'Pokrovsk' }),
    candidates: await store.nearDuplicateCandidates([1000, 1001, 2000, 2001]),
    source: await store.getIngestedSource('fixture.jsonl'),
  };
}
