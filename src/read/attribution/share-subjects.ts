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
  // Where each sentence's candidates sit in `out`, so that the one before is found in its sentence (issue 19).
  const bySentence = new Map<number, number[]>();
  const push = (c: AttributionCandidate): void => {
    const at = bySentence.get(c.sentence);
    if (at) at.push(out.length);
    else bySentence.set(c.sentence, [out.length]);
    out.push(c);
  };
  for (const c of candidates) {
    if (!c.sharedSource) { push(c); continue; }
    let idx = -1;
    const inSentence = bySentence.get(c.sentence) ?? [];
    for (let k = inSentence.length - 1; k >= 0 && idx < 0; k--) {
      const p = out[inSentence[k]!]!;
      if (p.cue[0] < c.cue[0] && p.source) idx = inSentence[k]!;
    }
    const previous = idx >= 0 ? out[idx]! : undefined;
    if (!previous) {
      const source = fallback?.(c);
      if (source) push({ ...c, source: [source[0], source[1]] });
      continue;
    }
    push({ ...c, source: previous.source });
    // cut the earlier content before ", adding" / "but denied"
    let cut = c.cue[0] - 1;
    while (cut >= 0 && (tokens[cut]!.text === ',' || tokens[cut]!.norm === 'and' || tokens[cut]!.norm === 'but' || tokens[cut]!.text === '—')) cut--;
    if (cut >= 0 && previous.content[1] > tokens[c.cue[0]]!.span[0] && previous.content[0] < tokens[cut]!.span[1]) {
      out[idx] = { ...previous, content: [previous.content[0], tokens[cut]!.span[1]] };
    }
  }
  return out;
}
