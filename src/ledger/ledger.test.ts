import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnalyzedDocument } from '../model/index.js';
import { createPipeline, type Pipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import { controlTimeline, findContradictions, groupClaims, ledgerClaimsOf, PERSISTENCE_DAYS, statusOn, type LedgerClaim } from './index.js';

const SEED = readFileSync(fileURLToPath(new URL('../../../shared/seed/pokrovsk.txt', import.meta.url)), 'utf8');
let pipeline: Pipeline | null = null;
async function read(id: string, text: string, published: string, outlet: string | null = null, duplicateOf: string | null = null): Promise<AnalyzedDocument> {
  pipeline ??= createPipeline(await loadResources({ db: '/nonexistent/counterclaim.db' }));
  const meta = { title: null, outlet, url: null, published, language: 'en', source: null, duplicateOf: duplicateOf ? { id: duplicateOf, similarity: 0.97 } : null };
  return pipeline.read({ id, text, meta, diagnostics: [] });
}
const claimsOf = (doc: AnalyzedDocument): LedgerClaim[] =>
  ledgerClaimsOf({ id: doc.id, published: doc.meta.published, outlet: doc.meta.outlet, duplicateOf: doc.meta.duplicateOf, claims: doc.claims, entities: doc.entities });
const pokrovskKey = (claims: readonly LedgerClaim[]): string =>
  claims.flatMap((c) => c.claim.args).find((a) => a.role === 'place' && a.label === 'Pokrovsk')!.key;

test('seed: the encirclement contradiction, RU against Syrskyi', async () => {
  const claims = claimsOf(await read('seed', SEED, '2025-11-06'));
  const contradictions = findContradictions(claims);
  const encircled = contradictions.filter((c) => c.kind === 'polarity' && c.proposition.startsWith('encircled(force:UA,'));
  assert.equal(encircled.length, 1, contradictions.map((c) => c.explanation).join('\n'));
  assert.match(encircled[0]!.explanation, /^Russia's Defence Ministry, 2025-11-0[56]: encircled\(UA forces, Pokrovsk\) — Oleksandr Syrskyi, 2025-W44: denies$/);
});

test('seed: Pokrovsk contested as of 2025-11-06', async () => {
  const claims = claimsOf(await read('seed', SEED, '2025-11-06'));
  const timeline = controlTimeline(claims, pokrovskKey(claims));
  const status = statusOn(timeline, '2025-11-06');
  assert.equal(status?.state, 'contested', JSON.stringify(timeline, null, 1));
});

test('across documents: capture claim, denial, then conceded withdrawal', async () => {
  const context = 'in the eastern Donetsk region city of Pokrovsk';
  const a = await read('a', `Russia’s Defence Ministry said on Monday its forces had captured Pokrovsk, the city ${context}.`, '2025-11-10', 'TASS');
  const b = await read('b', `Ukraine’s General Staff on Tuesday denied that Russian forces had captured Pokrovsk, the city ${context}.`, '2025-11-11', 'Ukrainska Pravda');
  const c = await read('c', `Ukraine’s General Staff said on Thursday its troops had withdrawn from Pokrovsk, the city ${context}.`, '2025-11-20', 'Kyiv Independent');
  const ab = [...claimsOf(a), ...claimsOf(b)];
  const contradictions = findContradictions(ab).filter((x) => x.kind === 'polarity');
  assert.equal(contradictions.length, 1, contradictions.map((x) => x.explanation).join('\n'));
  assert.deepEqual([contradictions[0]!.a.doc, contradictions[0]!.b.doc], ['a', 'b']);
  const place = pokrovskKey(ab);
  const before = statusOn(controlTimeline(ab, place), '2025-11-12');
  assert.equal(before?.state, 'claimed-captured');
  assert.equal(before?.by, 'RU');
  assert.equal(before?.denied, true);
  const all = [...ab, ...claimsOf(c)];
  const after = statusOn(controlTimeline(all, place), '2025-11-20');
  assert.equal(after?.state, 'confirmed-captured', JSON.stringify(after));
  assert.equal(after?.by, 'RU');
  assert.deepEqual([...new Set(after!.claims.map((r) => r.doc))].sort(), ['a', 'b', 'c']);
});

test('corroboration: a wire copy counts once; outlets relaying a ministry are the ministry', async () => {
  const text = 'Russia’s Defence Ministry said its forces had captured Pokrovsk in the eastern Donetsk region.';
  const one = claimsOf(await read('w1', text, '2025-11-10', 'TASS'));
  const two = claimsOf(await read('w2', `${text} `, '2025-11-10', 'RIA', 'w1'));
  const [group] = groupClaims([...one, ...two]).filter((g) => g.proposition.startsWith('captured('));
  assert.equal(group?.claims.length, 2);
  assert.deepEqual(group?.corroboration.RU, { supporting: 1, disputing: 0 });
});

test('no contradictions among claims of one side, nor across non-overlapping times', async () => {
  const a = claimsOf(await read('x', 'Russia’s Defence Ministry said its forces had captured Pokrovsk in the eastern Donetsk region.', '2024-01-10'));
  const b = claimsOf(await read('y', 'Ukraine’s General Staff denied that Russian forces had encircled Pokrovsk in the eastern Donetsk region.', '2025-11-10'));
  assert.deepEqual(findContradictions([...a, ...b]).filter((c) => c.kind === 'polarity'), []);
});

test('a capture contradicted by the other side saying its forces are still there (and not by their presence before it)', async () => {
  const context = 'in the eastern Donetsk region city of Pokrovsk';
  const ru = await read('ru', `Russia’s Defence Ministry said on Monday its forces had captured Pokrovsk, the city ${context}.`, '2025-11-10', 'TASS');
  const ua = await read('ua', `Ukraine’s General Staff said on Tuesday that Ukrainian forces still hold the northern part of Pokrovsk, the city ${context}.`, '2025-11-11', 'Ukrinform');
  const claims = [...claimsOf(ru), ...claimsOf(ua)];
  const control = findContradictions(claims).filter((c) => c.kind === 'control');
  assert.equal(control.length, 1, findContradictions(claims).map((c) => c.explanation).join('\n'));
  assert.match(control[0]!.explanation, /captured\(RU forces, Pokrovsk\) — .*still there: controls\(UA forces, Pokrovsk\)/);
  // The same presence a month before the capture is history, not a denial.
  const before = await read('before', `Ukraine’s General Staff said that Ukrainian forces still hold the northern part of Pokrovsk, the city ${context}.`, '2025-10-01', 'Ukrinform');
  assert.equal(findContradictions([...claimsOf(ru), ...claimsOf(before)]).filter((c) => c.kind === 'control').length, 0);
});

test('"This is not true": a rejection without a proposition of its own denies the claim it answers', async () => {
  const doc = await read('r', 'Russia’s Defence Ministry said on Monday that its forces had captured the town of Pokrovsk in the Donetsk region. “This is not true,” a spokesman for Ukraine’s army said.', '2025-11-10', 'Reuters');
  const denial = doc.claims.find((c) => c.origin.rule === 'referenced-denial');
  assert.ok(denial, doc.claims.map((c) => `${c.proposition}/${c.origin.rule}`).join('; '));
  assert.equal(denial.polarity, 'negative');
  assert.equal(denial.side, 'UA');
  assert.equal(denial.text, doc.text.slice(denial.span[0], denial.span[1]));
  const polarity = findContradictions(claimsOf(doc)).filter((c) => c.kind === 'polarity');
  assert.equal(polarity.length, 1);
  assert.match(polarity[0]!.proposition, /^captured\(force:RU,/);
  // The same words with nothing from the other side before them deny nothing.
  const alone = await read('s', '“This is not true,” a spokesman for Ukraine’s army said.', '2025-11-10', 'Reuters');
  assert.equal(alone.claims.filter((c) => c.origin.rule === 'referenced-denial').length, 0);
});

test('event sites: two sides blaming different forces for a strike on one hospital, and a denial of an attack on a named ship', async () => {
  const a = await read('a', 'Ukrainian health officials said a Russian air strike on Monday destroyed a hospital in Mariupol.', '2024-03-05', 'Wire A');
  const b = await read('b', "Russia's Defence Ministry said a Ukrainian missile had caused the blast at the hospital.", '2024-03-05', 'Wire B');
  const c = await read('c', 'The Houthis said their forces attacked the aircraft carrier USS Harbor Light in the Red Sea. "That is false," a U.S. defence official said of the claim, denying any attack on the carrier.', '2024-03-05', 'Wire C');
  const claims = [...claimsOf(a), ...claimsOf(b), ...claimsOf(c)];
  const sites = claims.flatMap((x) => x.claim.args).filter((x) => x.role === 'site').map((x) => x.key);
  assert.ok(sites.some((k) => k.startsWith('site:hospital')), sites.join(' '));
  assert.ok(sites.includes('site:ship:light'), sites.join(' '));
  const events = findContradictions(claims).filter((x) => x.kind === 'event');
  const hospital = events.find((x) => x.proposition.includes('site:hospital'));
  assert.ok(hospital, events.map((x) => x.explanation).join('\n'));
  assert.match(hospital.explanation, /UA forces.*at hospital.*instead: .*RU forces|RU forces.*at hospital.*instead: .*UA forces/);
  // a strike blamed on one force and the same strike blamed on it again is no contradiction
  const same = await read('d', 'Ukrainian regional officials said a Russian air strike destroyed a hospital in Mariupol.', '2024-03-05', 'Wire D');
  assert.equal(findContradictions([...claimsOf(a), ...claimsOf(same)]).filter((x) => x.kind === 'event').length, 0);
});

test('manner of a withdrawal: a rout told by one side, an orderly manoeuvre by the other, is a contradiction; two accounts of a rout are not', async () => {
  const ru = await read('r', 'A Russian commander said Ukrainian troops were fleeing Bakhmut in panic, abandoning their equipment.', '2023-05-20', 'Wire R');
  const ua = await read('u', "Ukraine's General Staff said its units withdrew from Bakhmut to prepared positions in order to preserve personnel.", '2023-05-20', 'Wire U');
  const manner = findContradictions([...claimsOf(ru), ...claimsOf(ua)]).filter((x) => x.kind === 'manner');
  assert.equal(manner.length, 1, findContradictions([...claimsOf(ru), ...claimsOf(ua)]).map((x) => x.explanation).join('\n'));
  assert.match(manner[0]!.explanation, /withdrew\(UA forces, Bakhmut\) in a rout — .*an orderly withdrawal$/);
  const ru2 = await read('r2', 'Russian defence officials said Ukrainian troops hastily fled Bakhmut.', '2023-05-20', 'Wire R2');
  assert.equal(findContradictions([...claimsOf(ru), ...claimsOf(ru2)]).filter((x) => x.kind === 'manner').length, 0);
});

test('a claim referred back to inside a denial ("a day after X made the claim") is X\'s, and contradicts the denial', async () => {
  const doc = await read('z', 'Ukrainian President Volodymyr Zelensky on Saturday denied any encirclement of his troops by Russian forces in the Kursk region, a day after U.S. President Donald Trump made the claim.', '2025-03-15', 'Wire Z');
  const reference = doc.attributions.find((a) => a.origin.rule === 'claim-reference');
  assert.ok(reference, doc.attributions.map((a) => `${a.source?.text}/${a.cue?.text}`).join('; '));
  assert.equal(reference.side, 'THIRD');
  assert.equal(reference.stance, 'assert');
  assert.doesNotMatch(reference.content.text, /after|Trump/);
  const polarity = findContradictions(claimsOf(doc)).filter((x) => x.kind === 'polarity' && x.proposition.startsWith('encircled(force:UA'));
  assert.equal(polarity.length, 1);
  assert.match(polarity[0]!.explanation, /Donald Trump.*— Volodymyr Zelensky.*denies/);
});

test('an achieved infinitive is no aim: "managed to leave the town" is a withdrawal, "tried to leave" an aim', async () => {
  const done = await read('m1', 'A Russian commander said Ukrainian units managed to leave Bakhmut in a hurry.', '2023-05-20');
  const aim = await read('m2', 'A Russian commander said Ukrainian units tried to leave Bakhmut.', '2023-05-20');
  const withdrew = (doc: AnalyzedDocument) => doc.claims.find((c) => c.predicate === 'withdrew');
  assert.equal(withdrew(done)?.modality, 'asserted');
  assert.equal(withdrew(done)?.args.find((a) => a.role === 'manner')?.key, 'manner:rout');
  assert.equal(withdrew(aim)?.modality, 'intended');
});
