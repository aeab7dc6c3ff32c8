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
  // (Lookups by token position, not scans of every candidate per candidate: those made this quadratic, issue 19.)
  const latestPersonStart = new Map<number, number>(); // a dictionary person's end token → the latest start of one ending there
  for (const c of candidates) {
    if (c.kind === 'person' && c.key !== null && c.rule.startsWith('dictionary')) latestPersonStart.set(c.to, Math.max(latestPersonStart.get(c.to) ?? -1, c.from));
  }
  if (latestPersonStart.size > 0) candidates = candidates.filter((c) => !(c.rule === 'title-name' && c.key === null && (latestPersonStart.get(c.to) ?? -1) > c.from));
  // A rule's phrase that is a dictionary name with one word before it ("The Sudanese army") is that name:
  // the article does not make another actor.
  const dictionarySpans = new Set(candidates.filter((c) => c.rule.startsWith('dictionary')).map((c) => `${c.from}:${c.to}`));
  if (dictionarySpans.size > 0) candidates = candidates.filter((c) => c.rule.startsWith('dictionary') || c.kind === 'person' || !dictionarySpans.has(`${c.from + 1}:${c.to}`));
  const ranked = [...candidates].sort((a, b) =>
    (b.to - b.from) - (a.to - a.from) || (PRIORITY[b.rule] ?? 1) - (PRIORITY[a.rule] ?? 1) || a.from - b.from);
  const chosen: ActorCandidate[] = [];
  const chosenAt = new Map<string, number>(); // "from:to" → index in chosen
  const taken: boolean[] = []; // tokens inside a chosen candidate (the chosen ones never overlap)
  const overlapsChosen = (c: ActorCandidate): boolean => {
    if (c.from >= c.to) return chosen.some((k) => k.from < c.to && c.from < k.to); // an empty range: strictly inside one
    for (let t = c.from; t < c.to; t++) if (taken[t]) return true;
    return false;
  };
  for (const c of ranked) {
    const key = `${c.from}:${c.to}`;
    const sameAt = chosenAt.get(key);
    if (sameAt !== undefined) {
      // the same name found by two rules: the winner keeps what it lacks from the other (a role, a stated side)
      let merged = chosen[sameAt]!;
      if (!merged.role && c.role) merged = { ...merged, role: c.role };
      if (merged.side === 'UNKNOWN' && c.side !== 'UNKNOWN') merged = { ...merged, side: c.side, rule: `${merged.rule}+${c.rule}` };
      chosen[sameAt] = merged;
      continue;
    }
    if (overlapsChosen(c)) continue;
    chosenAt.set(key, chosen.length);
    chosen.push(c);
    for (let t = c.from; t < c.to; t++) taken[t] = true;
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
