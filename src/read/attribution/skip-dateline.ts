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
export function pastDateline(text: string, tokens: readonly Token[], places: readonly PlaceMention[], start: number, end: number): number {
  const dateline = places.find((p) => p.origin.rule === 'dateline' && p.span[0] >= start && p.span[0] < end && text.slice(start, p.span[0]).trim() === '');
  if (!dateline) return start;
  const first = tokens.findIndex((t) => t.span[0] >= dateline.span[1]);
  if (first < 0) return start;
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
