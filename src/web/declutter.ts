/** A box in any unit (screen pixels, map units): x and y its top-left corner. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A label to place: where it may go, in order of preference, and how much it matters (higher is placed first). */
export interface LabelSpec {
  readonly candidates: readonly Box[];
  readonly priority: number;
}

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Where each label goes so that no label overlaps another label or an
 * obstacle (the markers): greedily, highest priority first (ties by input
 * order), each at its first candidate position that is free; a label with no
 * free position is left out. Boxes are bucketed in a grid of `cell` units, so
 * a map with thousands of places stays fast to re-label on every zoom.
 * Returns label index -> chosen candidate index.
 *
 * @example
 * placeLabels([{ candidates: [{ x: 0, y: 0, width: 50, height: 12 }], priority: 2 },
 *              { candidates: [{ x: 10, y: 4, width: 50, height: 12 }, { x: -60, y: 4, width: 50, height: 12 }], priority: 1 }], [], 64)
 * // Map { 0 => 0, 1 => 1 }
 */
export function placeLabels(labels: readonly LabelSpec[], obstacles: readonly Box[], cell: number): Map<number, number> {
  const grid = new Map<string, Box[]>();
  const cellsOf = (b: Box): string[] => {
    const keys: string[] = [];
    for (let cx = Math.floor(b.x / cell); cx <= Math.floor((b.x + b.width) / cell); cx++) {
      for (let cy = Math.floor(b.y / cell); cy <= Math.floor((b.y + b.height) / cell); cy++) keys.push(`${cx},${cy}`);
    }
    return keys;
  };
  const add = (b: Box): void => {
    for (const k of cellsOf(b)) {
      const list = grid.get(k);
      if (list) list.push(b);
      else grid.set(k, [b]);
    }
  };
  const free = (b: Box): boolean => !cellsOf(b).some((k) => grid.get(k)?.some((o) => overlaps(b, o)));
  for (const o of obstacles) add(o);
  const order = labels.map((_, i) => i).sort((a, b) => labels[b]!.priority - labels[a]!.priority || a - b);
  const placed = new Map<number, number>();
  for (const i of order) {
    const at = labels[i]!.candidates.findIndex(free);
    if (at < 0) continue;
    placed.set(i, at);
    add(labels[i]!.candidates[at]!);
  }
  return placed;
}
