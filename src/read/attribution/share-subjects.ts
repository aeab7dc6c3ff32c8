import type { Token } from '../../model/index.js';
import type { AttributionCandidate } from './attribution-candidate.js';

/**
 * A participle or coordinated cue with no subject of its own ("the ministry
 * said, adding that ...", "Syrskyi acknowledged ... but denied ...") speaks
 * for the subject of the cue before it in the sentence, and that cue's content
 * ends where the second cue's clause begins. With no earlier cue to share
 * with (the first verb does not report: "X thanked Miami and said ..."), the
 * subject comes from `fallback` (the span tagger's nearest source); candidates
 * still without one are dropped: nobody is named as saying them.
 */
export function shareSubjects(
  tokens: readonly Token[], candidates: readonly AttributionCandidate[],
  fallback?: (c: AttributionCandidate) => readonly [number, number] | null,
): AttributionCandidate[] {
  const out: AttributionCandidate[] = [];
  for (const c of candidates) {
    if (!c.sharedSource) { out.push(c); continue; }
    const previous = [...out].reverse().find((p) => p.sentence === c.sentence && p.cue[0] < c.cue[0] && p.source);
    if (!previous) {
      const source = fallback?.(c);
      if (source) out.push({ ...c, source: [source[0], source[1]] });
      continue;
    }
    out.push({ ...c, source: previous.source });
    // cut the earlier content before ", adding" / "but denied"
    let cut = c.cue[0] - 1;
    while (cut >= 0 && (tokens[cut]!.text === ',' || tokens[cut]!.norm === 'and' || tokens[cut]!.norm === 'but' || tokens[cut]!.text === '—')) cut--;
    const idx = out.indexOf(previous);
    if (cut >= 0 && previous.content[1] > tokens[c.cue[0]]!.span[0] && previous.content[0] < tokens[cut]!.span[1]) {
      out[idx] = { ...previous, content: [previous.content[0], tokens[cut]!.span[1]] };
    }
  }
  return out;
}
