/** A label's box in screen pixels, and how much it matters (higher is kept first). */
export interface LabelBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly priority: number;
}

/**
 * Which labels to show so that none overlaps another: greedily, highest
 * priority first (ties by input order), each kept only if its box misses every
 * box kept so far. Boxes are bucketed in a grid of `cell` pixels, so a map with
 * thousands of places stays fast to re-label on every zoom.
 *
 * @example
 * visibleLabels([{ x: 0, y: 0, width: 50, height: 12, priority: 2 }, { x: 10, y: 4, width: 50, height: 12, priority: 1 }])
 * // Set { 0 }
 */
export function visibleLabels(boxes: readonly LabelBox[], cell = 64): Set<number> {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[b]!.priority - boxes[a]!.priority || a - b);
  const grid = new Map<string, number[]>();
  const cellsOf = (b: LabelBox): string[] => {
    const keys: string[] = [];
    for (let cx = Math.floor(b.x / cell); cx <= Math.floor((b.x + b.width) / cell); cx++) {
      for (let cy = Math.floor(b.y / cell); cy <= Math.floor((b.y + b.height) / cell); cy++) keys.push(`${cx},${cy}`);
    }
    return keys;
  };
  const overlaps = (a: LabelBox, b: LabelBox): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const kept = new Set<number>();
  for (const i of order) {
    const box = boxes[i]!;
    const keys = cellsOf(box);
    if (keys.some((k) => grid.get(k)?.some((j) => overlaps(box, boxes[j]!)))) continue;
    kept.add(i);
    for (const k of keys) grid.set(k, [...(grid.get(k) ?? []), i]);
  }
  return kept;
}
