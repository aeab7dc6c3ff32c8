import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sourceDocument } from '../ingest/index.js';
import { toLedgerDocument } from '../report/ledger-json.js';
import { createPipeline } from './pipeline.js';
import { loadResources } from './load-resources.js';

/**
 * Property tests over the whole pipeline (issue 19, "fuzzing as a habit"):
 * for any text made of the pieces news is made of, and of noise, analysis
 * never throws, every item's text is its span of the document, and a second
 * run gives the same bytes. Seeded and bounded, so it is deterministic and
 * takes seconds.
 */
const WORDS = [
  'Russian', 'Ukrainian', 'forces', 'troops', 'said', 'told', 'according to', 'denied', 'claimed', 'captured', 'encircled', 'shelled', 'repelled',
  'Pokrovsk', 'Kupiansk', 'Kharkiv', 'Kyiv', 'Moscow', 'the ministry', 'officials', 'he', 'she', 'they', 'its', 'on Monday', 'last week', 'in March',
  '12', 'dozens of', 'more than 40', 'drones', 'attacks', 'villages', 'not', 'may', 'would', 'constructor', 'toString', '__proto__',
  '“', '”', '"', '—', '-', ':', ';', ',', '.', '(Reuters)', 'KYIV, Nov 20', '\n\n', '\n', '2025-02-30', '½', '\ud83d\ude00', '’s',
];
const text = fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), { minLength: 1, maxLength: 80 })
  .map((parts) => parts.join(' '));
const LISTS = ['sentences', 'times', 'places', 'actors', 'attributions', 'quantities', 'events', 'claims'] as const;

test('pipeline: any text is analysed without throwing, with valid spans, deterministically', async () => {
  const pipeline = createPipeline(await loadResources());
  fc.assert(fc.property(text, fc.constantFrom('2025-01-06', null), (t, published) => {
    const source = sourceDocument(t, { published });
    const doc = toLedgerDocument(pipeline.read(source));
    for (const list of LISTS) {
      for (const item of doc[list] as ReadonlyArray<{ id: string; span: readonly [number, number]; text: string }>) {
        assert.ok(item.span[0] >= 0 && item.span[0] <= item.span[1] && item.span[1] <= doc.text.length, `${list} ${item.id}: span ${item.span} inside the text`);
        assert.equal(item.text, doc.text.slice(item.span[0], item.span[1]), `${list} ${item.id}: text is its span`);
      }
    }
    assert.equal(JSON.stringify(toLedgerDocument(pipeline.read(source))), JSON.stringify(doc), 'a second run gives the same bytes');
    assert.doesNotThrow(() => structuredClone(doc));
  }), { seed: 19, numRuns: 150 });
});
