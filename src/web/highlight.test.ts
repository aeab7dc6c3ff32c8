import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segment, type Mark, type Segment } from './highlight.js';

const mark = (kind: Mark['kind'], start: number, end: number): Mark => ({
  kind, span: [start, end], key: `${kind}|${start}-${end}`, item: { id: `${start}-${end}`, span: [start, end], text: '' },
});

/** `text[mark(children)]` notation of a tree, to compare trees at a glance. */
function show(text: string, segments: readonly Segment[]): string {
  return segments.map((s) => s.type === 'text'
    ? text.slice(s.span[0], s.span[1])
    : `[${s.mark.kind}${s.first ? '' : '~'}:${show(text, s.children)}]`).join('');
}

test('no marks: the whole text', () => {
  assert.equal(show('abc', segment([], 0, 3)), 'abc');
});

test('nested and side-by-side marks', () => {
  const text = 'Peskov said Kyiv hid it';
  const tree = segment([mark('content', 12, 23), mark('actor', 0, 6), mark('cue', 7, 11), mark('place', 12, 16)], 0, text.length);
  assert.equal(show(text, tree), '[actor:Peskov] [cue:said] [content:[place:Kyiv] hid it]');
});

test('a mark crossing the end of another is cut; only the first piece is focusable', () => {
  const text = 'abcdefgh';
  assert.equal(show(text, segment([mark('content', 0, 4), mark('time', 2, 6)], 0, 8)), '[content:ab[time:cd]][time~:ef]gh');
});

test('same span, two kinds: both kept', () => {
  const tree = segment([mark('actor', 0, 4), mark('place', 0, 4)], 0, 4);
  assert.equal(show('Kyiv', tree), '[actor:[place:Kyiv]]');
});

test('text is covered exactly once, in order', () => {
  const text = 'x'.repeat(50);
  const tree = segment([mark('a' as never, 3, 20), mark('b' as never, 5, 30), mark('c' as never, 25, 26), mark('d' as never, 10, 12)], 0, 50);
  const leaves: Array<[number, number]> = [];
  const walk = (segs: readonly Segment[]) => {
    for (const s of segs) {
      if (s.type === 'text') leaves.push([s.span[0], s.span[1]]);
      else if (s.children.length === 0) leaves.push([s.span[0], s.span[1]]);
      else walk(s.children);
    }
  };
  walk(tree);
  let pos = 0;
  for (const [a, b] of leaves) {
    assert.equal(a, pos);
    pos = b;
  }
  assert.equal(pos, 50);
});
