import type { AnalyzedDocument, Attribution, Side, Stance } from '../../model/index.js';
import type { ClaimLexicon } from './claim-lexicon.js';
import { NON_PARTY_SIDES, tokenAt, type ForceMention } from './find-forces.js';
import { indexByPosition, spanLookup, upperBound, within, type PositionIndex } from '../position-index.js';

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
  // Looked up per attribution by content, by the attribution it nests in and by position
  // (not scanned: issue 19, analysis linear in document size).
  const rank = new Map(doc.attributions.map((a, i) => [a, i]));
  const latestCueByContent = new Map<string, number>();
  const nestedByParent = new Map<string, Attribution[]>();
  for (const b of doc.attributions) {
    const key = `${b.content.span[0]}:${b.content.span[1]}`;
    latestCueByContent.set(key, Math.max(latestCueByContent.get(key) ?? -Infinity, b.span[0]));
    if (b.nestedIn != null) {
      const siblings = nestedByParent.get(b.nestedIn);
      if (siblings) siblings.push(b);
      else nestedByParent.set(b.nestedIn, [b]);
    }
  }
  const attributionsByStart = indexByPosition(doc.attributions, (a) => a.span[0]);
  for (const a of doc.attributions) {
    const [start, end] = a.content.span;
    // Two cues over the same content ("are thought to be outnumbered ..., with one platoon commander
    // telling ... that ..."): the content is what the nearer cue's speaker said.
    if (latestCueByContent.get(`${start}:${end}`)! > a.span[0]) continue;
    if (saysNothingOf(doc, lexicon, a)) continue;
    const nested = [...new Set([...(nestedByParent.get(a.id) ?? []), ...within(attributionsByStart, start, end)])]
      .filter((n) => n !== a)
      .sort((x, y) => rank.get(x)! - rank.get(y)!)
      .map((n) => n.content.span);
    segments.push({
      start, end, ...range(start, end), attribution: a, voice: a.voice, side: speakerSide(doc, lexicon, forces, a), stance: a.stance,
      speaker: a.speaker ?? a.source?.entity ?? null, nested,
    });
  }
  // What the attributions cover, as disjoint runs in text order (touching spans join): each sentence
  // finds its first run by binary search, instead of looking back by the widest attribution (a long
  // quotation made that a scan of the document per sentence, issue 19).
  const runs: Array<[number, number]> = [];
  for (const [s, e] of doc.attributions.map((a) => a.span).sort((x, y) => x[0] - y[0])) {
    const last = runs[runs.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else runs.push([s, e]);
  }
  const runEnds = Float64Array.from(runs, (r) => r[1]);
  for (const sentence of doc.sentences) {
    if (sentence.caption) continue;
    let cursor = sentence.span[0];
    const stretches: Array<[number, number]> = [];
    for (let k = upperBound(runEnds, sentence.span[0]); k < runs.length && runs[k]![0] < sentence.span[1]; k++) {
      const [s, e] = runs[k]!;
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


const forceStarts = new WeakMap<readonly ForceMention[], PositionIndex<ForceMention>>();
const sentenceLookups = new WeakMap<AnalyzedDocument, (offset: number) => AnalyzedDocument['sentences'][number] | undefined>();

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
  let forcesByStart = forceStarts.get(forces);
  if (!forcesByStart) forceStarts.set(forces, forcesByStart = indexByPosition(forces, (f) => f.span[0]));
  const own = within(forcesByStart, a.source.span[0], a.source.span[1]).find((f) => f.side && !NON_PARTY_SIDES.has(f.side));
  if (own?.side) return own.side;
  let sentenceAt = sentenceLookups.get(doc);
  if (!sentenceAt) sentenceLookups.set(doc, sentenceAt = spanLookup(doc.sentences));
  const sentence = sentenceAt(a.source.span[0]);
  // Forces in what the speaker says are the subject of the claim, not the speaker's unit
  // ("one platoon commander said Russian forces were infiltrating the city" is not a Russian commander).
  const [cs, ce] = a.content.span;
  const first = sentence && within(forcesByStart, sentence.span[0], sentence.span[1]).find((f) => f.side && !f.bare && !NON_PARTY_SIDES.has(f.side)
    && !(f.span[0] >= cs && f.span[1] <= ce));
  return first?.side ?? a.side;
}

/**
 * "Moscow did not comment on the strike", "The Kremlin declined to comment on the report", "Kyiv did
 * not confirm the capture": a cue negated or refused says nothing of its content, so the content is
 * no claim of the speaker's (nor the reporter's: the attribution still covers it). The attribution
 * stays, for the reader to see who kept silent.
 */
function saysNothingOf(doc: AnalyzedDocument, lexicon: ClaimLexicon, a: Attribution): boolean {
  if (!a.cue) return false;
  const refusals = lexicon.context.refusals ?? [];
  const { tokens } = doc;
  const norms: string[] = [];
  for (let i = tokenAt(tokens, a.cue.span[0]); i < tokens.length && tokens[i]!.span[1] <= a.cue.span[1]; i++) norms.push(tokens[i]!.norm);
  return norms.some((n) => lexicon.negations.has(n) || n.endsWith("n't") || refusals.includes(n));
}

