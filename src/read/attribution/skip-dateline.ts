import type { PlaceMention, Token } from '../../model/index.js';

/** Most tokens from a dateline's place to the dash that ends it ("KYIV, Nov 20 (Reuters) -": 8). */
const MAX_DATELINE_TOKENS = 12;
const DASHES = new Set(['-', '–', '—']);

/**
 * Where a content that opens with a wire dateline really starts: after the
 * dash that ends the dateline ("KYIV, Nov 20 (Reuters) - Russian troops
 * attacked ..." → "Russian troops attacked ..."). The dateline is where the
 * story was filed, not part of what anyone said. The dateline's place is the
 * places stage's (rule `dateline`); without a dash close after it, or when
 * the content does not open with it, the start is kept.
 */
const datelinePlaces = new WeakMap<readonly PlaceMention[], PlaceMention[]>();

export function pastDateline(text: string, tokens: readonly Token[], places: readonly PlaceMention[], start: number, end: number): number {
  // Datelines are few: found once per place list, then searched per content (issue 19).
  let datelines = datelinePlaces.get(places);
  if (!datelines) datelinePlaces.set(places, datelines = places.filter((p) => p.origin.rule === 'dateline'));
  const dateline = datelines.find((p) => p.span[0] >= start && p.span[0] < end && text.slice(start, p.span[0]).trim() === '');
  if (!dateline) return start;
  let first = 0; // the first token at or after the place (binary search)
  for (let hi = tokens.length; first < hi;) {
    const mid = (first + hi) >> 1;
    if (tokens[mid]!.span[0] < dateline.span[1]) first = mid + 1;
    else hi = mid;
  }
  if (first >= tokens.length) return start;
  for (let i = first; i < Math.min(tokens.length, first + MAX_DATELINE_TOKENS); i++) {
    const t = tokens[i]!;
    if (t.span[1] > end) break;
    if (DASHES.has(t.text)) {
      const next = tokens[i + 1];
      return next && next.span[0] < end ? next.span[0] : start;
    }
  }
  return start;
}
