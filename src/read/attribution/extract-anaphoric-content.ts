import type { Sentence, Token } from '../../model/index.js';
import type { CueMatch } from './find-cues.js';
import { isCloseQuote, isWordLike, type AttributionCandidate } from './attribution-candidate.js';

const MAX_SOURCE = 14;
/** Words that may stand between a sentence-opening anaphor and its cue (the medium or addressee told). */
const MAX_GAP = 6;
/** Prepositions that open a place or medium after a cue ("в ефірі", "у Telegram", "на брифинге"), not a speaker. */
const MEDIUM_PREPOSITIONS: ReadonlySet<string> = new Set(['в', 'во', 'у', 'на', 'через', 'під', 'под', 'під час', 'во время']);

/**
 * A cue whose content is told before it and pointed back to (Russian and
 * Ukrainian news close a report this way): "Об этом сообщил X." / "Про це
 * заявив X." reports the sentence before; ", о чем сообщили в X" / ", про що
 * повідомили в X" the clause before the comma. The source is what follows the
 * cue, up to punctuation. The content reaches back to the start of the
 * paragraph: a report told in several sentences is closed by one "Об этом". `anaphors` are the lexicon's words as token norms
 * (data/cues/<language>/cues.json); null when the cue has none before it.
 */
export function extractAnaphoricContent(
  tokens: readonly Token[], sentences: readonly Sentence[], sentence: Sentence, cue: CueMatch, anaphors: ReadonlyArray<readonly string[]>,
  agents?: ReadonlySet<string>,
): AttributionCandidate | null {
  const [sFrom, sTo] = sentence.tokens;
  // right before the cue, or opening the sentence with a few words between ("Об этом РИА Новости сообщил X": the medium told)
  const matchAt = (a: readonly string[], at: number): boolean => at >= sFrom && a.every((norm, i) => tokens[at + i]!.norm === norm);
  let at = -1;
  for (const a of anaphors) {
    if (matchAt(a, cue.from - a.length)) { at = cue.from - a.length; break; }
    const gap = cue.from - (sFrom + a.length);
    if (gap > 0 && gap <= MAX_GAP && matchAt(a, sFrom) && !tokens.slice(sFrom + a.length, cue.from).some((t) => t.text === ',' || t.text === ':')) { at = sFrom; break; }
  }
  if (at < 0) return null;
  // English puts the report in the passive: "This was reported by X" — the agent after its preposition speaks
  const agentAt = agents ? cue.to : -1;
  if (agents && !(agentAt < sTo && agents.has(tokens[agentAt]!.norm))) return null;
  let k = cue.to;
  while (k < sTo && k - cue.to < MAX_SOURCE && ![',', '.', ';', ':', '!', '?'].includes(tokens[k]!.text)) k++;
  // "Про це речник X повідомив в ефірі": with words between the anaphor and the cue and a place or medium after it, the words between are the speaker
  const between = at === sFrom && cue.from > sFrom + 1 && !anaphors.some((a) => a.length === cue.from - sFrom && a.every((n, i) => tokens[sFrom + i]!.norm === n));
  const anaphorLength = between ? anaphors.find((a) => a.every((n, i) => tokens[sFrom + i]!.norm === n))!.length : 0;
  const source = between && (k === cue.to || MEDIUM_PREPOSITIONS.has(tokens[cue.to]!.norm))
    ? [sFrom + anaphorLength, cue.from] as const
    : [agents ? agentAt + 1 : cue.to, k] as const;
  if (source[1] <= source[0]) return null;
  const base = { sentence: sentence.index, cue: [cue.from, cue.to] as const, entry: cue.entry, source, rule: 'anaphoric-content' };
  if (at === sFrom) {
    // what the paragraph told before the cue's sentence, or the paragraph before when the sentence opens its own
    const previous = sentences[sentence.index - 1];
    if (!previous || previous.caption) return null;
    let first = previous.index;
    const paragraph = previous.paragraph === sentence.paragraph ? sentence.paragraph : previous.paragraph;
    while (first - 1 >= 0 && sentences[first - 1]!.paragraph === paragraph && !sentences[first - 1]!.caption) first--;
    const content = trimmed(tokens, sentences[first]!.tokens[0], previous.tokens[1] - 1);
    return content ? { ...base, content } : null;
  }
  if (tokens[at - 1]?.text !== ',') return null;
  const content = trimmed(tokens, sFrom, at - 2);
  return content ? { ...base, content } : null;
}

/** Character span from token `first` to the last word or closing quote at or before `last`. */
function trimmed(tokens: readonly Token[], first: number, last: number): readonly [number, number] | null {
  while (last >= first && !(isWordLike(tokens[last]!) || isCloseQuote(tokens[last]!) || tokens[last]!.text === '"')) last--;
  return last >= first ? [tokens[first]!.span[0], tokens[last]!.span[1]] : null;
}
