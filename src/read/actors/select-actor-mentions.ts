import type { ActorCandidate } from './actor-candidate.js';
import { textTable } from '../text-table.js';

const PRIORITY: Record<string, number> = textTable({ 'dictionary-alias': 3, 'dictionary-metonym': 3, 'title-name': 2 });

/**
 * Overlapping proposals: the longest wins, a dictionary name before a rule at
 * equal length; a person's role found by the title rule is kept on the winner.
 */
export function selectActorMentions(candidates: readonly ActorCandidate[]): ActorCandidate[] {
  const ranked = [...candidates].sort((a, b) =>
    (b.to - b.from) - (a.to - a.from) || (PRIORITY[b.rule] ?? 1) - (PRIORITY[a.rule] ?? 1) || a.from - b.from);
  const chosen: ActorCandidate[] = [];
  for (const c of ranked) {
    const same = chosen.find((k) => k.from === c.from && k.to === c.to);
    if (same) {
      if (!same.role && c.role) chosen[chosen.indexOf(same)] = { ...same, role: c.role };
      continue;
    }
    if (chosen.some((k) => k.from < c.to && c.from < k.to)) continue;
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.from - b.from);
}
