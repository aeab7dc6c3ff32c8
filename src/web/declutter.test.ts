import { test } from 'node:test';
import assert from 'node:assert/strict';
import { visibleLabels, type LabelBox } from './declutter.js';

const box = (x: number, y: number, priority: number, width = 60): LabelBox => ({ x, y, width, height: 14, priority });

test('declutter: of two overlapping labels the higher priority stays, wherever it comes in the list', () => {
  assert.deepEqual([...visibleLabels([box(0, 0, 1), box(20, 5, 3)])], [1]);
  assert.deepEqual([...visibleLabels([box(20, 5, 3), box(0, 0, 1)])], [0]);
});

test('declutter: labels that do not overlap all stay, across grid cells; ties keep the first', () => {
  assert.deepEqual([...visibleLabels([box(0, 0, 1), box(0, 20, 1), box(200, 0, 1, 300), box(150, 0, 1)])].sort(), [0, 1, 2]);
  assert.deepEqual([...visibleLabels([box(0, 0, 2), box(30, 0, 2)])], [0]);
});

test('declutter: a long label spanning cells blocks a short one in any cell it covers', () => {
  assert.deepEqual([...visibleLabels([box(0, 0, 5, 400), box(350, 2, 1)])], [0]);
});

test('declutter: thousands of labels are placed, none overlapping another', () => {
  const boxes = Array.from({ length: 5000 }, (_, i) => box((i * 37) % 1200, (i * 53) % 800, i % 7));
  const kept = [...visibleLabels(boxes)];
  assert.ok(kept.length > 100 && kept.length < 5000);
  for (const a of kept) {
    for (const b of kept) {
      if (a >= b) continue;
      const [p, q] = [boxes[a]!, boxes[b]!];
      assert.ok(!(p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height), `${a} and ${b} overlap`);
    }
  }
});
