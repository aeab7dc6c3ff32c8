import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnalyzedDocument } from '../model/index.js';
import { createPipeline, type Pipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import { checkClaim, ledgerClaimsOf, propositionMatches, type StanceFn } from './index.js';

const SEED = readFileSync(fileURLToPath(new URL('../../../shared/seed/pokrovsk.txt', import.meta.url)), 'utf8');
let pipeline: Pipeline | null = null;
async function read(id: string, text: string, published: string | null): Promise<AnalyzedDocument> {
  pipeline ??= createPipeline(await loadResources({ db: '/nonexistent/counterclaim.db' }));
  return pipeline.read({ id, text, meta: { title: null, outlet: null, url: null, published, language: 'en', source: null }, diagnostics: [] });
}
async function seedClaims() {
  const doc = await read('seed', SEED, '2025-11-06');
  return ledgerClaimsOf({ id: doc.id, published: doc.meta.published, outlet: null, claims: doc.claims, entities: doc.entities, text: doc.text, sentences: doc.sentences });
}

test('propositionMatches: exact, and ? as a wildcard in the query only', () => {
  assert.ok(propositionMatches('captured(force:RU,geonames:1)', 'captured(force:RU,geonames:1)'));
  assert.ok(propositionMatches('captured(?,geonames:1)', 'captured(force:UA,geonames:1)'));
  assert.ok(!propositionMatches('captured(force:RU,geonames:1)', 'captured(?,geonames:1)'));
  assert.ok(!propositionMatches('captured(force:RU,geonames:1)', 'controls(force:RU,geonames:1)'));
});

test('check: the encirclement is supported by the RU MoD and contradicted by Syrskyi, with sentences', async () => {
  const candidates = await seedClaims();
  const query = await read('q', 'Ukrainian troops are encircled in the city of Pokrovsk in the Donetsk region.', null);
  const result = checkClaim({ query: 'Ukrainian troops are encircled in Pokrovsk', queryClaims: query.claims, candidates });
  assert.match(result.propositions[0]!.proposition, /^encircled\(force:UA,geonames:\d+\)$/);
  const supports = result.matches.filter((m) => m.decision === 'supports');
  const contradicts = result.matches.filter((m) => m.decision === 'contradicts');
  assert.ok(supports.some((m) => m.claim.source.name === "Russia's Defence Ministry"));
  assert.deepEqual(contradicts.map((m) => m.claim.source.name), ['Oleksandr Syrskyi']);
  assert.match(contradicts[0]!.claim.sentence ?? '', /denied Russian claims that they had been encircled/);
  assert.equal(result.summary.contradicts, 1);
});

test('check: a place hint fills the place the query leaves unknown; stance judges each sentence once', async () => {
  const candidates = await seedClaims();
  const query = await read('q', 'Russian forces captured Pokrovsk.', null);
  const pokrovsk = candidates.flatMap((c) => c.claim.args).find((a) => a.role === 'place' && a.label === 'Pokrovsk')!;
  const calls: string[] = [];
  const stanceOf: StanceFn = (_h, body) => { calls.push(body); return { label: 'discuss', scores: { discuss: 0.6 } }; };
  const result = checkClaim({ query: 'Russian forces captured Pokrovsk', queryClaims: query.claims, candidates, stanceOf, placeHint: { key: pokrovsk.key, label: 'Pokrovsk' } });
  assert.equal(result.propositions[0]!.proposition, `captured(force:RU,${pokrovsk.key})`);
  // Peskov's "to capture the city" is an aim: it discusses, it does not support.
  const peskov = result.matches.find((m) => m.basis === 'proposition');
  assert.equal(peskov?.decision, 'discusses');
  assert.equal(new Set(calls).size, calls.length, 'each sentence is put to the stance model once');
});

test('check: deterministic, and nothing without a stance model when no proposition matches', async () => {
  const candidates = await seedClaims();
  const query = await read('q', 'The weather in Lisbon was sunny.', null);
  const a = checkClaim({ query: 'The weather in Lisbon was sunny', queryClaims: query.claims, candidates });
  assert.equal(a.matches.length, 0);
  const b = checkClaim({ query: 'x', queryClaims: [], candidates, stanceOf: () => ({ label: 'unrelated', scores: {} }) });
  assert.deepEqual(b.matches, []);
});

test('check: a denial read from the content is filed under contradicts, never supports, and the counts match the matches', async () => {
  const text = 'Russia’s Defence Ministry said on Monday that its forces had captured the town of Pokrovsk in the Donetsk region. '
    + 'A spokesman for Ukraine’s army said it was incorrect to claim that Russian forces had captured Pokrovsk in the Donetsk region. '
    + '“This is not true,” another Ukrainian officer said.';
  const doc = await read('d', text, '2025-11-10');
  const candidates = ledgerClaimsOf({ id: doc.id, published: doc.meta.published, outlet: null, claims: doc.claims, entities: doc.entities, text: doc.text, sentences: doc.sentences });
  const query = await read('q', 'Russian forces captured the town of Pokrovsk in the Donetsk region.', null);
  const result = checkClaim({ query: 'Russian forces captured Pokrovsk', queryClaims: query.claims, candidates });
  const supportsBy = result.matches.filter((m) => m.decision === 'supports').map((m) => m.claim.claim.side);
  const contradictsBy = result.matches.filter((m) => m.decision === 'contradicts').map((m) => m.claim.claim.side);
  assert.deepEqual([...new Set(supportsBy)], ['RU']);
  assert.ok(contradictsBy.length >= 1 && contradictsBy.every((s) => s === 'UA'), JSON.stringify(contradictsBy));
  assert.ok(result.matches.every((m) => m.decision !== 'supports' || m.claim.claim.stance !== 'deny'));
  for (const d of ['supports', 'contradicts', 'discusses'] as const) {
    assert.equal(result.summary[d], new Set(result.matches.filter((m) => m.decision === d).map((m) => m.claim.source.key)).size);
  }
});
