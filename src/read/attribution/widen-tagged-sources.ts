import type { Token } from '../../model/index.js';
import type { AttributionCandidate } from './attribution-candidate.js';
import type { TaggedSentence } from './span-tagger.js';

/**
 * Refiner: where the span tagger marks a source overlapping the one a frame
 * found, the tagged extent wins when it is wider — it takes in what a
 * left-to-right scan stops at: an appositive ("Parker Eaton, a nominal
 * Republican, said"), a title with a comma, a relative clause. A frame's
 * source that the tagger does not overlap is kept as it is.
 */
export function widenTaggedSources(candidates: readonly AttributionCandidate[], tags: readonly (TaggedSentence | null)[]): AttributionCandidate[] {
  return candidates.map((c) => {
    if (!c.source || c.rule.startsWith('tagged')) return c;
    const [a, b] = c.source;
    const wider = tags[c.sentence]?.source.find(([x, y]) => x < b && a < y && x <= a && y >= b && y - x > b - a);
    // never over the cue: a source ends before its cue or starts after it
    if (!wider || (wider[0] < c.cue[1] && c.cue[0] < wider[1])) return c;
    return { ...c, source: [wider[0], wider[1]] };
  });
}

/**
 * Refiner, the same for contents: a tagged content that holds a frame's
 * content and more (a quotation running on past a clause boundary the frame
 * stopped at) widens it, provided it takes in neither the cue nor the source.
 */
export function widenTaggedContents(
  tokens: readonly Token[], candidates: readonly AttributionCandidate[], tags: readonly (TaggedSentence | null)[],
): AttributionCandidate[] {
  return candidates.map((c) => {
    if (c.rule.startsWith('tagged') || c.rule === 'noun-claim-by') return c; // (a "by" agent's claim ends before the verdict on it)
    const [a, b] = c.content;
    for (const [x, y] of tags[c.sentence]?.content ?? []) {
      const start = tokens[x]!.span[0];
      const end = tokens[y - 1]!.span[1];
      if (!(start <= a && end >= b && end - start > b - a)) continue;
      if (x < c.cue[1] && c.cue[0] < y) continue;
      if (c.source && x < c.source[1] && c.source[0] < y) continue;
      return { ...c, content: [start, end] };
    }
    return c;
  });
}

/**
 * Refiner, the same for cues: the tagger's cue holding a frame's cue and more
 * ("could not resist pointing out", "then ruled", "made the following
 * comment") widens it, provided it takes in neither the source nor the content.
 */
export function widenTaggedCues(
  tokens: readonly Token[], candidates: readonly AttributionCandidate[], tags: readonly (TaggedSentence | null)[],
): AttributionCandidate[] {
  return candidates.map((c) => {
    if (c.rule.startsWith('tagged')) return c;
    const [a, b] = c.cue;
    const wider = tags[c.sentence]?.cue.find(([x, y]) => x <= a && y >= b && y - x > b - a);
    if (!wider) return c;
    if (c.source && wider[0] < c.source[1] && c.source[0] < wider[1]) return c;
    if (tokens[wider[0]]!.span[0] < c.content[1] && c.content[0] < tokens[wider[1] - 1]!.span[1]) return c;
    return { ...c, cue: [wider[0], wider[1]] };
  });
}
