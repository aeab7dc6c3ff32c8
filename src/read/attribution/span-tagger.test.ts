import { test } from 'node:test';
import assert from 'node:assert/strict';
import { B, I, O, spansOf, viterbi } from './span-tagger.js';
import { gap, nearestSpan } from './extract-tagged-attributions.js';

test('viterbi never puts I after O and follows the emissions', () => {
  const noTransitions = new Array(12).fill(0);
  // token 0 prefers I (not allowed at the start), token 1 prefers I, token 2 prefers O
  const em = Float64Array.from([0, 1, 2, 0, 0, 3, 5, 0, 0]);
  assert.deepEqual([...viterbi(em, noTransitions)], [B, I, O]);
  assert.deepEqual([...viterbi(new Float64Array(0), noTransitions)], []);
});

test('spansOf reads B/I runs as token ranges, offset into the document', () => {
  assert.deepEqual(spansOf(Uint8Array.from([O, B, I, B, O, B]), 10), [[11, 13], [13, 14], [15, 16]]);
  assert.deepEqual(spansOf(Uint8Array.from([O, O]), 0), []);
});

test('the nearest tagged span to a cue, never one overlapping it', () => {
  assert.equal(gap([0, 2], [5, 6]), 3);
  assert.deepEqual(nearestSpan([[0, 2], [7, 9]], [4, 5]), [0, 2]);
  assert.deepEqual(nearestSpan([[0, 2], [6, 9]], [4, 5]), [6, 9]);
  assert.equal(nearestSpan([[3, 6]], [4, 5]), null);
});
