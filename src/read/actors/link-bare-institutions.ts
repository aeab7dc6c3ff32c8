import type { ActorCandidate } from './actor-candidate.js';

/** Words of a name for comparing spellings: lower case, British and American spellings folded, "of"/"the"/possessives dropped. */
function words(name: string): string[] {
  return name.toLowerCase().replace(/['’]s\b/g, '').replace(/defence/g, 'defense').split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && w !== 'of' && w !== 'the');
}

/**
 * Refiner: a state's institution named without its state ("the General
 * Staff added", "the Defense Ministry said") after the text has named it in
 * full ("the AFU's General Staff", "Russia's Defence Ministry") is that one:
 * it takes the earlier mention's entity (same key or name), as a
 * coreference. Only the latest earlier mention whose name holds all its words
 * counts. The others keep an unknown side for `inferUnnamedSides`.
 */
export function linkBareInstitutions(chosen: readonly ActorCandidate[]): ActorCandidate[] {
  return chosen.map((c, i) => {
    if (c.rule !== 'bare-institution') return c;
    const own = words(c.name);
    for (let j = i - 1; j >= 0; j--) {
      const a = chosen[j]!;
      if (a.rule === 'bare-institution' || a.kind === 'person' || a.kind === 'unnamed') continue;
      const theirs = new Set(words(a.name));
      if (own.every((w) => theirs.has(w))) {
        return { ...c, kind: a.kind, side: a.side, name: a.name, key: a.key, role: a.role, resolution: 'coreference', rule: 'bare-institution+coreference' };
      }
    }
    return c;
  });
}
