import { modOf, PREMOD } from './rule.js';
import type { TimeCandidate } from './time-spec.js';

/** PREMOD anchored at the end of the text before a candidate. */
const BEFORE = new RegExp(`${PREMOD}$`, 'iu');

/**
 * Refiner: a modifier just before an expression joins it and sets its `mod`
 * (TimeML 1.2.1 §2.2.4; TimeBank keeps the modifier in the extent): "late
 * 2024" (END), "mid-October" (MID), "the end of 1990", "about two years"
 * (APPROX), "more than four hours" (MORE_THAN). Done once here rather than
 * in every pattern: a pattern that starts with an optional prefix is tried at
 * every position of the text, which made the stage several times slower.
 */
export function refineModifiers(candidates: readonly TimeCandidate[], text: string): TimeCandidate[] {
  return candidates.map((c) => {
    if (c.mod !== undefined || c.spec.kind === 'clock') return c;
    const from = Math.max(0, c.span[0] - 40);
    const m = BEFORE.exec(text.slice(from, c.span[0]));
    if (!m || !m.groups?.pre) return c;
    const start = from + m.index;
    if (start > 0 && /[\p{L}\p{N}]/u.test(text.charAt(start - 1))) return c;
    // "over the past day", "under this year's plan": a preposition, not a modifier.
    if (/^(?:over|under)\s/i.test(m.groups.pre) && /^(?:the|this|that|last|next|recent|past)\b/i.test(text.slice(c.span[0], c.span[1]))) return c;
    const mod = modOf(m.groups.pre);
    return mod ? { ...c, span: [start, c.span[1]], mod } : c;
  });
}
