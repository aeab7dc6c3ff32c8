import type { AnalyzedDocument, Attribution, Side, Stance } from '../../model/index.js';
import type { ClaimLexicon } from './claim-lexicon.js';
import { NON_PARTY_SIDES, tokenAt, type ForceMention } from './find-forces.js';

/**
 * A stretch of text whose propositions one speaker puts forward: the content
 * of an attribution, or a stretch of a sentence in the reporter's own voice
 * that no attribution covers ("... as Russian forces tightened their
 * encirclement of the key strategic hub").
 */
export interface ClaimSegment {
  /** Character span of the content. */
  readonly start: number;
  readonly end: number;
  /** Token range [from, to) of the content. */
  readonly from: number;
  readonly to: number;
  readonly attribution: Attribution | null;
  readonly voice: 'source' | 'reporter';
  readonly side: Side;
  readonly stance: Stance;
  readonly speaker: string | null;
  /** Content spans of attributions nested in this one (their claims are theirs, unless this one denies or concedes them). */
  readonly nested: ReadonlyArray<readonly [number, number]>;
}

/** Fewest word tokens an uncovered stretch needs to be read as the reporter's voice. */
const MIN_REPORTER_WORDS = 3;

/** Proposes the segments of a document: every attribution's content, then the uncovered reporter stretches of non-caption sentences. */
export function claimSegments(doc: AnalyzedDocument, lexicon: ClaimLexicon, forces: readonly ForceMention[]): ClaimSegment[] {
  const { tokens } = doc;
  const segments: ClaimSegment[] = [];
  const range = (start: number, end: number): { from: number; to: number } => {
    const from = tokenAt(tokens, start);
    let to = from;
    while (to < tokens.length && tokens[to]!.span[1] <= end) to++;
    return { from, to };
  };
  for (const a of doc.attributions) {
    const [start, end] = a.content.span;
    // Two cues over the same content ("are thought to be outnumbered ..., with one platoon commander
    // telling ... that ..."): the content is what the nearer cue's speaker said.
    if (doc.attributions.some((b) => b !== a && b.content.span[0] === start && b.content.span[1] === end && b.span[0] > a.span[0])) continue;
    const nested = doc.attributions
      .filter((n) => n !== a && (n.nestedIn === a.id || (n.span[0] >= start && n.span[1] <= end)))
      .map((n) => n.content.span);
    segments.push({
      start, end, ...range(start, end), attribution: a, voice: a.voice, side: speakerSide(doc, lexicon, forces, a), stance: a.stance,
      speaker: a.speaker ?? a.source?.entity ?? null, nested,
    });
  }
  const covered = doc.attributions.map((a) => a.span);
  for (const sentence of doc.sentences) {
    if (sentence.caption) continue;
    let cursor = sentence.span[0];
    const inside = covered.filter(([s, e]) => e > sentence.span[0] && s < sentence.span[1]).sort((x, y) => x[0] - y[0]);
    const stretches: Array<[number, number]> = [];
    for (const [s, e] of inside) {
      if (s > cursor) stretches.push([cursor, s]);
      cursor = Math.max(cursor, e);
    }
    if (cursor < sentence.span[1]) stretches.push([cursor, sentence.span[1]]);
    for (const [start, end] of stretches) {
      const r = range(start, end);
      let words = 0;
      for (let i = r.from; i < r.to; i++) if (tokens[i]!.kind === 'word') words++;
      if (words < MIN_REPORTER_WORDS) continue;
      segments.push({ start, end, ...r, attribution: null, voice: 'reporter', side: 'MEDIA', stance: 'assert', speaker: null, nested: [] });
    }
  }
  return segments.sort((x, y) => x.start - y.start || y.end - x.end);
}

/**
 * The side of the speaker. An unnamed military speaker of unknown side ("one
 * platoon commander") is taken to serve with the forces the sentence is
 * about: a demonym in the speaker's own words, else the first party force
 * named in the sentence outside what the speaker says ("AFU troops, however,
 * are thought to be outnumbered ..., with one platoon commander telling ...").
 */
function speakerSide(doc: AnalyzedDocument, lexicon: ClaimLexicon, forces: readonly ForceMention[], a: Attribution): Side {
  if (a.side !== 'UNKNOWN' || !a.source) return a.side;
  const words = a.source.text.toLowerCase().split(/[^\p{L}-]+/u);
  if (!words.some((w) => lexicon.militarySpeakers.has(w))) return a.side;
  // A demonym in the speaker's own words wins ("a Ukrainian platoon commander").
  const own = forces.find((f) => f.side && !NON_PARTY_SIDES.has(f.side) && f.span[0] >= a.source!.span[0] && f.span[1] <= a.source!.span[1]);
  if (own?.side) return own.side;
  const sentence = doc.sentences.find((s) => s.span[0] <= a.source!.span[0] && a.source!.span[0] < s.span[1]);
  // Forces in what the speaker says are the subject of the claim, not the speaker's unit
  // ("one platoon commander said Russian forces were infiltrating the city" is not a Russian commander).
  const [cs, ce] = a.content.span;
  const first = forces.find((f) => sentence && f.span[0] >= sentence.span[0] && f.span[1] <= sentence.span[1] && f.side && !f.bare && !NON_PARTY_SIDES.has(f.side)
    && !(f.span[0] >= cs && f.span[1] <= ce));
  return first?.side ?? a.side;
}
