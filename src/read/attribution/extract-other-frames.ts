import type { Sentence, Token } from '../../model/index.js';
import type { CueMatch } from './find-cues.js';
import { isCloseQuote, isWordLike, type AttributionCandidate } from './attribution-candidate.js';

/**
 * "according to X, C" and "C, according to X": the source runs from "to" to the
 * next comma or the sentence end; the content is the other side of it.
 */
export function extractAccordingTo(tokens: readonly Token[], sentence: Sentence, cue: CueMatch): AttributionCandidate | null {
  const [sFrom, sTo] = sentence.tokens;
  let k = cue.to;
  while (k < sTo && tokens[k]!.text !== ',' && tokens[k]!.text !== ';' && !(tokens[k]!.text === '.' && k === sTo - 1)) k++;
  if (k === cue.to) return null;
  const source = [cue.to, k] as const;
  const base = { sentence: sentence.index, cue: [cue.from, cue.to] as const, entry: cue.entry, source };
  const firstWordBefore = (() => { let b = cue.from - 1; while (b >= sFrom && !isWordLike(tokens[b]!) && !isCloseQuote(tokens[b]!)) b--; return b; })();
  // "Meanwhile, according to X, C" / "Нині, згідно з мапою, C": one or two words before the frame are a
  // sentence adverb, the content follows
  const adverbOnly = firstWordBefore >= sFrom && firstWordBefore - sFrom < 2 && k < sTo - 2 && tokens[k]!.text === ',';
  if (firstWordBefore >= sFrom && !adverbOnly) {
    return { ...base, content: [tokens[sFrom]!.span[0], tokens[firstWordBefore]!.span[1]], rule: 'according-to-after' };
  }
  let start = k + 1;
  let end = sTo - 1;
  while (end > start && !(isWordLike(tokens[end]!) || isCloseQuote(tokens[end]!))) end--;
  if (start > end) return null;
  return { ...base, content: [tokens[start]!.span[0], tokens[end]!.span[1]], rule: 'according-to-before' };
}

/**
 * A claim named by a noun: "Russian claims that they had been encircled",
 * "Moscow's statement that ...". The owner before the noun is the source;
 * the "that" clause the content.
 */
/** Words a possessive owner's noun phrase does not reach back over ("denied the army's claims"). */
const OWNER_STOPS = new Set(['the', 'a', 'an', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'that', 'which', 'who', 'denied', 'rejected', 'dismissed', 'said', 'says']);
const OWNER_DETERMINERS = new Set(['the']);

export function extractNounClaim(tokens: readonly Token[], sentence: Sentence, cue: CueMatch): AttributionCandidate | null {
  const [sFrom, sTo] = sentence.tokens;
  let end = sTo - 1;
  while (end > cue.to && !(isWordLike(tokens[end]!) || isCloseQuote(tokens[end]!))) end--;
  if (end <= cue.to) return null;
  const byAgent = claimByAgent(tokens, sentence, cue);
  if (byAgent) return byAgent;
  let s = cue.from - 1;
  while (s >= sFrom && (/^\p{Lu}/u.test(tokens[s]!.text) || tokens[s]!.norm === "'s" || ['his', 'her', 'its', 'their'].includes(tokens[s]!.norm))) s--;
  // "the Israeli army's accusations": a possessive owner in lower case is a noun phrase back to its determiner
  if (s + 1 < cue.from && tokens[s + 1]!.norm === "'s") {
    let k = s;
    while (k >= sFrom && s - k < 4 && isWordLike(tokens[k]!) && !OWNER_STOPS.has(tokens[k]!.norm)) k--;
    if (k >= sFrom && OWNER_DETERMINERS.has(tokens[k]!.norm)) k--;
    s = k;
  }
  const source = s + 1 < cue.from && tokens[s + 1]!.norm !== "'s" ? [s + 1, cue.from] as const : null;
  return {
    sentence: sentence.index, cue: [cue.from, cue.to], entry: cue.entry, source,
    content: [tokens[cue.to]!.span[0], tokens[end]!.span[1]], rule: 'noun-claim',
  };
}

/** Words that end a "by" agent before the claim's content ("a claim by the group on Saturday that …"). */
const AGENT_ENDS = new Set(['on', 'in', 'at', 'that', 'this', 'last', 'earlier', 'late', 'early', 'during', 'of', ',']);
/** A verdict on the claim ("… is false", "… was untrue"): the content ends before its copula. */
const VERDICTS = new Set(['false', 'untrue', 'incorrect', 'wrong', 'baseless', 'groundless', 'true', 'accurate', 'correct', 'misleading', 'unfounded']);
const COPULAS = new Set(['is', 'was', 'are', 'were']);

/**
 * "A claim by the rebel group on Saturday that its forces had sunk a frigate is false, officials said": the noun
 * cue's source is its "by" agent, its content the "that" clause, up to a verdict on it ("is false") or the end.
 */
function claimByAgent(tokens: readonly Token[], sentence: Sentence, cue: CueMatch): AttributionCandidate | null {
  const sTo = sentence.tokens[1];
  if (tokens[cue.to]?.norm !== 'by') return null;
  let agentEnd = cue.to + 1;
  while (agentEnd < sTo && agentEnd - cue.to <= 8 && !AGENT_ENDS.has(tokens[agentEnd]!.norm)) agentEnd++;
  if (agentEnd === cue.to + 1 || agentEnd >= sTo) return null;
  let that = agentEnd;
  while (that < sTo && that - agentEnd <= 4 && tokens[that]!.norm !== 'that') that++;
  if (that >= sTo || tokens[that]!.norm !== 'that' || that + 1 >= sTo) return null;
  let end = that + 1;
  while (end < sTo && !(COPULAS.has(tokens[end]!.norm) && VERDICTS.has(tokens[end + 1]?.norm ?? ''))) end++;
  let last = end - 1;
  while (last > that && !(isWordLike(tokens[last]!) || isCloseQuote(tokens[last]!))) last--;
  if (last <= that) return null;
  return {
    sentence: sentence.index, cue: [cue.from, cue.to], entry: cue.entry, source: [cue.to + 1, agentEnd],
    content: [tokens[that + 1]!.span[0], tokens[last]!.span[1]], rule: 'noun-claim-by',
  };
}
