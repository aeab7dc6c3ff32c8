import type { Sentence, Token } from '../../model/index.js';
import type { AttributionCandidate } from './attribution-candidate.js';

/**
 * Refiner: "The town's defence will collapse. In addition, our troops will gain room to advance, the
 * minister said." A content reported before its cue that opens with a word adding to what came before
 * ("In addition", "Moreover", `additives` of the cue lexicon) goes on the sentence before it: that
 * sentence is more of the same content (a `contentParts` entry), when it is in the same paragraph, has no
 * cue of its own and is no other report's content. One sentence back only: further, the reader cannot tell.
 */
export function extendAdditiveContent(
  tokens: readonly Token[], sentences: readonly Sentence[], candidates: readonly AttributionCandidate[], isCue: Uint8Array,
  additives: ReadonlyArray<readonly string[]>,
): AttributionCandidate[] {
  let contents: Array<readonly [number, number]> | null = null; // every report's content, gathered when first needed
  return candidates.map((c) => {
    const sentence = sentences[c.sentence]!;
    const [sFrom] = sentence.tokens;
    // the content opens its sentence and stands before the cue
    if (tokens[sFrom]!.span[0] !== c.content[0] || c.content[1] > tokens[c.cue[0]]!.span[0]) return c;
    if (!additives.some((a) => a.every((norm, i) => tokens[sFrom + i]?.norm === norm) && tokens[sFrom + a.length]?.text === ',')) return c;
    const previous = sentences[c.sentence - 1];
    if (!previous || previous.caption || previous.paragraph !== sentence.paragraph) return c;
    const [pFrom, pTo] = previous.tokens;
    for (let k = pFrom; k < pTo; k++) if (isCue[k]) return c;
    const span = [tokens[pFrom]!.span[0], tokens[pTo - 1]!.span[1]] as const;
    contents ??= candidates.flatMap((x) => [x.content, ...(x.contentParts ?? [])]);
    if (contents.some(([a, b]) => a < span[1] && span[0] < b)) return c;
    return { ...c, contentParts: [span, ...(c.contentParts ?? [])] };
  });
}
