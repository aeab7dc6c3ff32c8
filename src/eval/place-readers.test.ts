import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFactRuEvalPlaces } from './factrueval.js';
import { readBratSpans } from './ner-uk.js';
import { countSpans, emptyCounts, spanMetrics } from './place-spans.js';

test('FactRuEval: Location and LocOrg objects as the extent of their spans, one per extent', () => {
  const spans = ['1 loc_name 10 6 100 1  # 100 Москвы', '2 org_descr 4 5 99 1  # 99 мэрии', '3 loc_name 20 8 101 1  # 101 Тверской', '4 loc_descr 29 7 102 1  # 102 площади'].join('\n');
  const objects = ['7 Org 2 1 # мэрии Москвы', '8 LocOrg 1 # Москвы', '9 Location 3 4 # Тверской площади', '10 Location 1 # Москвы'].join('\n');
  assert.deepEqual(readFactRuEvalPlaces(spans, objects), [[10, 16], [20, 36]]);
});

test('NER-UK: brat spans of one type, tab-separated fields or type and offsets in one field', () => {
  assert.deepEqual(readBratSpans('T1\tLOC\t5\t12\tКиєві\nT2\tORG\t0\t3\tНБУ\nT3\tLOC 20 27\tХаркові', 'LOC'), [[5, 12], [20, 27]]);
});

test('span counts: exact and overlap matches, each gold span once', () => {
  const c = emptyCounts();
  const { missed, spurious } = countSpans(c, [[0, 5], [10, 20]], [[0, 5], [12, 15], [13, 14], [30, 31]]);
  assert.deepEqual(c, { gold: 2, predicted: 4, exact: 1, overlap: 2 });
  assert.deepEqual(missed, []);
  assert.deepEqual(spurious, [[30, 31]]);
  assert.equal(spanMetrics('loc', c).loc_r_overlap, 1);
});
