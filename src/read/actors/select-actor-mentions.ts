import type { ActorCandidate } from './actor-candidate.js';
import { textTable } from '../text-table.js';

const PRIORITY: Record<string, number> = textTable({ 'dictionary-alias': 3, 'dictionary-metonym': 3, 'title-name': 2 });

/**
 * Overlapping proposals: the longest wins, a dictionary name before a rule at
 * equal length; a person's role found by the title rule, and a side another
 * rule states for the same name, are kept on the winner.
 */
export function selectActorMentions(candidates: readonly ActorCandidate[]): ActorCandidate[] {
  // A title run that ends in a dictionary person's name ("Генштаба Валерий Герасимов": a capitalised genitive
  // of the title before the name) is that person, the dictionary's entity: the longer title run gives way.
  const people = candidates.filter((c) => c.kind === 'person' && c.key !== null && c.rule.startsWith('dictionary'));
  if (people.length > 0) candidates = candidates.filter((c) => !(c.rule === 'title-name' && c.key === null && people.some((p) => p.to === c.to && p.from > c.from)));
  // A rule's phrase that is a dictionary name with one word before it ("The Sudanese army") is that name:
  // the article does not make another actor.
  const named = candidates.filter((c) => c.rule.startsWith('dictionary'));
  if (named.length > 0) candidates = candidates.filter((c) => c.rule.startsWith('dictionary') || c.kind === 'person' || !named.some((d) => d.to === c.to && d.from === c.from + 1));
  const ranked = [...candidates].sort((a, b) =>
    (b.to - b.from) - (a.to - a.from) || (PRIORITY[b.rule] ?? 1) - (PRIORITY[a.rule] ?? 1) || a.from - b.from);
  const chosen: ActorCandidate[] = [];
  for (const c of ranked) {
    const same = chosen.find((k) => k.from === c.from && k.to === c.to);
    if (same) {
      // the same name found by two rules: the winner keeps what it lacks from the other (a role, a stated side)
      let merged = same;
      if (!merged.role && c.role) merged = { ...merged, role: c.role };
      if (merged.side === 'UNKNOWN' && c.side !== 'UNKNOWN') merged = { ...merged, side: c.side, rule: `${merged.rule}+${c.rule}` };
      chosen[chosen.indexOf(same)] = merged;
      continue;
    }
    if (chosen.some((k) => k.from < c.to && c.from < k.to)) continue;
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.from - b.from);
}

/**
 * Refiner, before selection: a description in a named person's apposition
 * ("Oleksandr Shtupun, a spokesman for Ukraine's army, said"; "Yevgeny X,
 * the Russian-installed mayor of Y, said") is the person's role, not a second
 * source: the candidates inside an apposition are dropped, dictionary names
 * too (the RSF in "an adviser to the RSF commander"): the person carries the
 * side they give and the apposition as its role.
 */
export function dropAppositions(candidates: readonly ActorCandidate[]): ActorCandidate[] {
  const ranges = candidates.flatMap((c) => c.apposition ? [c.apposition] : []);
  if (ranges.length === 0) return [...candidates];
  return candidates.filter((c) => !ranges.some(([from, to]) => from <= c.from && c.to <= to));
}
