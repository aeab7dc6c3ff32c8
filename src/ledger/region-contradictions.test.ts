import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyzedDocument } from '../model/index.js';
import { createPipeline, type Pipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import { findContradictions, ledgerClaimsOf, type LedgerClaim } from './index.js';

// Sentences written for this test. A denial for a whole first-level division meets a claim at a town inside it.
let pipeline: Pipeline | null = null;
async function read(id: string, text: string, published: string, language: string): Promise<AnalyzedDocument> {
  pipeline ??= createPipeline(await loadResources({ db: '/nonexistent/counterclaim.db' }));
  const meta = { title: null, outlet: null, url: null, published, language, source: null, duplicateOf: null };
  return pipeline.read({ id, text, meta, diagnostics: [] });
}
const claimsOf = (doc: AnalyzedDocument): LedgerClaim[] => ledgerClaimsOf({
  id: doc.id, published: doc.meta.published, outlet: doc.meta.outlet, claims: doc.claims, entities: doc.entities, places: doc.places,
});

const RU_CLAIM = 'Минобороны России сообщило, что российские подразделения окружили батальон ВСУ у Суджи в Курской области.';
const UA_DENIAL = 'Генштаб ЗСУ заявив, що повідомлення про оточення українських підрозділів у Курській області не відповідають дійсності.';

test('a denial for a region contradicts the claim at a town inside it, across languages', async () => {
  const claims = [...claimsOf(await read('ru', RU_CLAIM, '2025-03-14', 'ru')), ...claimsOf(await read('uk', UA_DENIAL, '2025-03-15', 'uk'))];
  const found = findContradictions(claims).filter((c) => c.kind === 'polarity' && c.proposition.startsWith('encircled(force:UA,'));
  assert.equal(found.length, 1, findContradictions(claims).map((c) => c.explanation).join('\n'));
  assert.deepEqual([found[0]!.a.doc, found[0]!.b.doc], ['ru', 'uk']);
  assert.match(found[0]!.explanation, /denies in Kursk Oblast$/);
});

test('a denial for another region, or without the places at hand, contradicts nothing', async () => {
  const elsewhere = UA_DENIAL.replace('Курській', 'Бєлгородській');
  const claims = [...claimsOf(await read('ru', RU_CLAIM, '2025-03-14', 'ru')), ...claimsOf(await read('uk', elsewhere, '2025-03-15', 'uk'))];
  assert.deepEqual(findContradictions(claims).filter((c) => c.proposition.startsWith('encircled(force:UA,')), []);
  const bare = [await read('ru', RU_CLAIM, '2025-03-14', 'ru'), await read('uk', UA_DENIAL, '2025-03-15', 'uk')]
    .flatMap((d) => ledgerClaimsOf({ id: d.id, published: d.meta.published, outlet: null, claims: d.claims, entities: d.entities }));
  assert.deepEqual(findContradictions(bare).filter((c) => c.proposition.startsWith('encircled(force:UA,')), []);
});

test('a capture denied for a region says nothing of a town in it', async () => {
  const ru = 'Минобороны России сообщило, что российские войска освободили Суджу в Курской области.';
  const ua = 'Генштаб ЗСУ заявив, що російські війська не захопили Курську область.';
  const claims = [...claimsOf(await read('ru', ru, '2025-03-14', 'ru')), ...claimsOf(await read('uk', ua, '2025-03-15', 'uk'))];
  assert.deepEqual(findContradictions(claims).filter((c) => c.kind === 'polarity' && c.proposition.startsWith('captured(')), []);
});
