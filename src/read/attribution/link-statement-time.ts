import type { Span, TimeItem } from '../../model/index.js';
import { indexByPosition, within, type PositionIndex } from '../position-index.js';

const DAY_WORDS = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|last week|last night)\b/i;

/**
 * When the statement was made: a time item in the attribution's own clause
 * but outside its content ("Peskov on Wednesday accused ...", "on Thursday
 * morning the General Staff said"). Failing that, a day-level deictic time in
 * the content's first clause ("called on ... to surrender on Wednesday"):
 * news copy puts the day of the statement there (AP style: the day goes after
 * the verb it dates) and rarely the day of the reported act.
 */
const timeIndexes = new WeakMap<readonly TimeItem[], PositionIndex<TimeItem>>();

export function linkStatementTime(sentenceSpan: Span, clauseSpan: Span, content: Span, times: readonly TimeItem[]): string | null {
  // The times by position, indexed once per list: each attribution looks only at its sentence (issue 19).
  let byStart = timeIndexes.get(times);
  if (!byStart) timeIndexes.set(times, byStart = indexByPosition(times, (t) => t.span[0]));
  let best: TimeItem | null = null;
  for (const t of within(byStart, sentenceSpan[0], sentenceSpan[1])) {
    if (t.caption) continue;
    if (t.span[0] >= content[0] && t.span[1] <= content[1]) continue;
    if (t.span[1] <= clauseSpan[0] - 40 || t.span[0] >= clauseSpan[1] + 60) continue;
    if (!best || Math.abs(t.span[0] - clauseSpan[0]) < Math.abs(best.span[0] - clauseSpan[0])) best = t;
  }
  if (best) return best.id;
  for (const t of within(byStart, content[0], content[1])) {
    if (t.caption) continue;
    if (t.span[0] - content[0] > 120 || !DAY_WORDS.test(t.text)) continue;
    return t.id;
  }
  return null;
}
