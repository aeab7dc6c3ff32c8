import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Span } from '../model/index.js';
import { indexByPosition, spanCoverage, spanLookup, within } from './position-index.js';

/** A small deterministic generator (no Math.random: the tests give the same cases every run). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function randomSpans(next: () => number, n: number, sorted: boolean): Array<{ span: Span; n: number }> {
  const out = Array.from({ length: n }, (_, i) => {
    const start = Math.floor(next() * 200);
    return { span: [start, start + 1 + Math.floor(next() * 15)] as Span, n: i };
  });
  return sorted ? out.sort((a, b) => a.span[0] - b.span[0]) : out;
}

test('indexByPosition and within answer what the scans they replace answer, in the same order', () => {
  const next = lcg(19);
  for (let round = 0; round < 200; round++) {
    const items = randomSpans(next, Math.floor(next() * 30), round % 2 === 0);
    const byStart = indexByPosition(items, (x) => x.span[0]);
    const lo = Math.floor(next() * 220) - 10;
    const hi = lo + Math.floor(next() * 60);
    assert.deepEqual(byStart.between(lo, hi), items.filter((x) => x.span[0] >= lo && x.span[0] < hi));
    assert.deepEqual(within(byStart, lo, hi), items.filter((x) => x.span[0] >= lo && x.span[1] <= hi));
  }
});

test('spanCoverage: covers and edgeInside agree with the scans', () => {
  const next = lcg(7);
  for (let round = 0; round < 200; round++) {
    const spans = randomSpans(next, Math.floor(next() * 12), false).map((x) => x.span);
    const coverage = spanCoverage(spans);
    for (let k = 0; k < 20; k++) {
      const a = Math.floor(next() * 220);
      const b = a + Math.floor(next() * 20);
      assert.equal(coverage.covers(a, b), spans.some(([s, e]) => a >= s && b <= e), `covers ${a}-${b} in ${JSON.stringify(spans)}`);
      assert.equal(coverage.edgeInside(a, b), spans.some(([s, e]) => (a < s && b > s) || (a < e && b > e)), `edge in ${a}-${b} of ${JSON.stringify(spans)}`);
    }
  }
  assert.equal(spanCoverage([]).covers(0, 1), false);
});

test('spanLookup: the first span holding an offset, ordered or not', () => {
  const sentences = [{ span: [0, 10] as Span }, { span: [10, 25] as Span }, { span: [30, 40] as Span }];
  const at = spanLookup(sentences);
  assert.equal(at(0), sentences[0]);
  assert.equal(at(10), sentences[1]);
  assert.equal(at(27), undefined);
  assert.equal(at(39), sentences[2]);
  assert.equal(at(40), undefined);
  const overlapping = [{ span: [5, 20] as Span }, { span: [0, 30] as Span }];
  assert.equal(spanLookup(overlapping)(3), overlapping[1]);
  assert.equal(spanLookup(overlapping)(6), overlapping[0]);
});
