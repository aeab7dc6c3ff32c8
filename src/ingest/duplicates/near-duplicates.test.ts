import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bandKeys, minhashSignature, signatureFromBytes, signatureSimilarity, signatureToBytes } from './minhash.js';
import { NearDuplicateIndex } from './near-duplicate-index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const POLNEAR = path.resolve(ROOT, '..', 'shared', 'data', 'polnear', 'train', 'text');

/** A report on the same city and week as the seed article, written for this test: same topic, different story. */
const SAME_TOPIC = `Ukrainian drone operators near Pokrovsk said on Friday that supply roads into the city were now under constant Russian fire.
Soldiers of a brigade defending the northern districts told reporters that evacuations of the wounded could only take place at night and on foot.
The regional military administration said 1,200 civilians remained in Pokrovsk despite repeated calls to leave, most of them elderly residents who refused to abandon their homes.
Russia's Defence Ministry did not comment on the situation around the supply roads, while Ukrainian officials said reinforcements were being sent to the area.`;

const ADDED_PARAGRAPH = 'This story has been updated with comment from the regional administration, which said on Friday evening that it had no further information about casualties and urged residents to follow official channels for updates on evacuation routes.';

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?”"])\s+(?=[A-Z“"])/);
}

/** Deterministic shuffle (a fixed linear congruential sequence), never the clock or Math.random. */
function reorder(text: string, seed: number): string {
  const s = sentences(text);
  let x = seed;
  for (let i = s.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const j = x % (i + 1);
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  return s.join(' ');
}

function articles(): Array<{ name: string; text: string }> {
  const out = [{ name: 'pokrovsk', text: readFileSync(path.join(ROOT, 'example', 'pokrovsk.txt'), 'utf8') }];
  if (existsSync(POLNEAR)) {
    // Every 7th file: all seven outlets, many stories on the same 2016 campaign topics.
    const files = readdirSync(POLNEAR).sort().filter((_, i) => i % 7 === 0).slice(0, 100);
    for (const f of files) out.push({ name: f, text: readFileSync(path.join(POLNEAR, f), 'utf8') });
  }
  return out.filter((a) => a.text.split(/\s+/).length >= 80);
}

test('near-duplicates: edited copies are linked to their original, unrelated same-topic articles are not (precision and recall ≥ 0.95)', () => {
  const originals = articles();
  type Case = { id: string; text: string; original: string | null };
  const cases: Case[] = [];
  for (const a of originals) cases.push({ id: a.name, text: a.text, original: null });
  cases.push({ id: 'same-topic', text: SAME_TOPIC, original: null });
  originals.forEach((a, i) => {
    const lines = a.text.split('\n');
    cases.push({ id: `${a.name}+headline`, text: ['Update: fighting goes on, officials say', ...lines.slice(1)].join('\n'), original: a.name });
    cases.push({ id: `${a.name}+paragraph`, text: `${a.text.trimEnd()}\n${ADDED_PARAGRAPH}\n`, original: a.name });
    cases.push({ id: `${a.name}+reordered`, text: reorder(a.text, i + 1), original: a.name });
  });
  const index = new NearDuplicateIndex();
  let truePositive = 0;
  let predicted = 0;
  let expected = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const match = index.check(c.id, minhashSignature(c.text)!);
    if (c.original) expected++;
    if (match) predicted++;
    if (match && match.id === c.original) truePositive++;
    else if (match || c.original) misses.push(`${c.id}: expected ${c.original ?? 'none'}, got ${match ? `${match.id} (${match.similarity.toFixed(2)})` : 'none'}`);
  }
  const precision = predicted === 0 ? 1 : truePositive / predicted;
  const recall = truePositive / expected;
  // Printed so the figures can be quoted; the assertion is the target.
  console.log(`near-duplicates: ${originals.length} articles, ${cases.length} documents, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
  assert.ok(precision >= 0.95 && recall >= 0.95, `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\n${misses.slice(0, 20).join('\n')}`);
});

test('minhash: identical texts agree fully; punctuation and case do not matter; bytes round-trip', () => {
  const a = minhashSignature('Russian forces encircled the city, the ministry said.')!;
  const b = minhashSignature('russian forces encircled the city the ministry said')!;
  assert.equal(signatureSimilarity(a, b), 1);
  assert.deepEqual(signatureFromBytes(signatureToBytes(a)), a);
  assert.deepEqual(bandKeys(a), bandKeys(b));
  assert.equal(minhashSignature('  ... '), null);
});

test('minhash: short different posts are not near-duplicates', () => {
  const index = new NearDuplicateIndex();
  assert.equal(index.check('1', minhashSignature('Air defence shot down 40 drones overnight')!), null);
  assert.equal(index.check('2', minhashSignature('Air defence shot down 12 missiles over Kyiv')!), null);
});
