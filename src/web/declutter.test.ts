import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeLabels, type Box, type LabelSpec } from './declutter.js';

const box = (x: number, y: number, width = 60): Box => ({ x, y, width, height: 14 });
const at = (priority: number, ...candidates: Box[]): LabelSpec => ({ candidates, priority });
const overlap = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('declutter: the higher priority label takes its first place, wherever it comes in the list; the other moves to a free one', () => {
  assert.deepEqual([...placeLabels([at(1, box(0, 0), box(0, 40)), at(3, box(20, 5))], [], 64)].sort(), [[0, 1], [1, 0]]);
  assert.deepEqual([...placeLabels([at(3, box(20, 5)), at(1, box(0, 0), box(0, 40))], [], 64)].sort(), [[0, 0], [1, 1]]);
});

test('declutter: a label with no free place is left out; ties keep the first', () => {
  assert.deepEqual([...placeLabels([at(2, box(0, 0)), at(2, box(30, 0), box(10, 5))], [], 64)], [[0, 0]]);
});

test('declutter: obstacles (other markers) are avoided, across grid cells, by long labels too', () => {
  const marker = box(350, 2, 10);
  assert.deepEqual([...placeLabels([at(5, box(0, 0, 400), box(0, 30, 400))], [marker], 64)], [[0, 1]]);
  assert.deepEqual([...placeLabels([at(5, box(0, 0, 100))], [marker], 64)], [[0, 0]]);
});

test('declutter: thousands of labels are placed, none overlapping another or a marker', () => {
  // 5,000 markers on a 3,000 × 2,000 canvas (dense enough that some labels must give way).
  const markers = Array.from({ length: 5000 }, (_, i) => box((i * 37) % 3000, (i * 53) % 2000, 8));
  const labels = markers.map((m, i) => at(i % 7, box(m.x + 12, m.y - 3), box(m.x - 64, m.y - 3), box(m.x - 26, m.y - 18)));
  const placed = [...placeLabels(labels, markers, 64)].map(([i, c]) => labels[i]!.candidates[c]!);
  assert.ok(placed.length > 100 && placed.length < 5000);
  for (const [i, a] of placed.entries()) {
    for (const b of placed.slice(i + 1)) assert.ok(!overlap(a, b), 'two labels overlap');
    for (const m of markers) assert.ok(!overlap(a, m), 'a label covers a marker');
  }
});
