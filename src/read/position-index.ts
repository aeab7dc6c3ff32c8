import type { Span } from '../model/index.js';

/**
 * Lookups by position for the stages, so that the work per item stays
 * bounded by its neighbourhood instead of the document (issue 19: scanning
 * every time, place or force once per sentence or trigger made analysis
 * quadratic in document size). Each answers exactly what the linear scan it
 * replaces answered, in the same order, so output does not change.
 */

/** First index in `keys` (ascending) whose value is > `x`: how many values are <= `x`. */
export function upperBound(keys: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in `keys` (ascending) whose value is >= `x`. */
function lowerBound(keys: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface PositionIndex<T> {
  /** The items whose position lies in [lo, hi), in the order of the array indexed. */
  between(lo: number, hi: number): T[];
}

/**
 * Indexes items by a numeric position (a span start, a token index).
 *
 * @example
 * const byStart = indexByPosition(doc.times, (t) => t.span[0]);
 * byStart.between(sentence.span[0], sentence.span[1]); // the times that start in the sentence
 */
export function indexByPosition<T>(items: readonly T[], position: (item: T) => number): PositionIndex<T> {
  const n = items.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if (position(items[i - 1]!) > position(items[i]!)) sorted = false;
  if (sorted) {
    const keys = Float64Array.from(items, position);
    return { between: (lo, hi) => items.slice(lowerBound(keys, lo), lowerBound(keys, hi)) };
  }
  // Not in position order: keep each item's rank, and give a window back in the array's order.
  const order = Array.from(items.keys()).sort((a, b) => position(items[a]!) - position(items[b]!) || a - b);
  const keys = Float64Array.from(order, (i) => position(items[i]!));
  return {
    between(lo, hi) {
      const ranks = order.slice(lowerBound(keys, lo), lowerBound(keys, hi)).sort((a, b) => a - b);
      return ranks.map((i) => items[i]!);
    },
  };
}

/** Items that lie within [lo, hi] (start >= lo, end <= hi), in the array's order: `within(index, lo, hi)` for a `byStart` index. */
export function within<T extends { readonly span: Span }>(byStart: PositionIndex<T>, lo: number, hi: number): T[] {
  return byStart.between(lo, hi + 1).filter((x) => x.span[1] <= hi);
}

export interface Coverage {
  /** Whether some span of the set contains [start, end] (s <= start and end <= e). */
  covers(start: number, end: number): boolean;
  /** Whether some span of the set starts or ends strictly inside (start, end). */
  edgeInside(start: number, end: number): boolean;
}

/** A set of spans asked whether they cover, or have an edge inside, a span: O(log n) each. */
export function spanCoverage(spans: readonly Span[]): Coverage {
  const bySpanStart = [...spans].sort((a, b) => a[0] - b[0]);
  const starts = Float64Array.from(bySpanStart, (s) => s[0]);
  const reach = new Float64Array(bySpanStart.length);
  let max = -Infinity;
  for (let i = 0; i < bySpanStart.length; i++) reach[i] = max = Math.max(max, bySpanStart[i]![1]);
  const edges = Float64Array.from(spans.flatMap((s) => [s[0], s[1]])).sort();
  return {
    covers(start, end) {
      const last = lowerBound(starts, start + 1) - 1; // the spans with s <= start
      return last >= 0 && reach[last]! >= end;
    },
    edgeInside(start, end) {
      const next = lowerBound(edges, start + 1); // first edge > start
      return next < edges.length && edges[next]! < end;
    },
  };
}

/**
 * The first span of a list (in its order) that contains an offset (start <= offset < end),
 * as `spans.find(...)` would give it: binary search where the spans are sorted and
 * do not overlap (sentences), the scan otherwise.
 */
export function spanLookup<T extends { readonly span: Span }>(items: readonly T[]): (offset: number) => T | undefined {
  let ordered = true;
  for (let i = 1; i < items.length && ordered; i++) if (items[i]!.span[0] < items[i - 1]!.span[1] || items[i]!.span[0] < items[i - 1]!.span[0]) ordered = false;
  if (!ordered) return (offset) => items.find((s) => s.span[0] <= offset && offset < s.span[1]);
  const starts = Float64Array.from(items, (s) => s.span[0]);
  return (offset) => {
    const k = lowerBound(starts, offset + 1) - 1;
    const s = k >= 0 ? items[k]! : undefined;
    return s && offset < s.span[1] ? s : undefined;
  };
}
