import type { ActorMention, Entity, Sentence, Token } from '../../model/index.js';
import type { CueMatch } from './find-cues.js';
import { isCloseQuote, isWordLike, type AttributionCandidate } from './attribution-candidate.js';

/**
 * A reporting verb with no subject, which Russian and Ukrainian drop where the
 * speaker was just named ("Также сообщили, что ...", "Разом із тим,
 * повідомили, що ..."): its content follows it, and the source is shared from
 * the report before (`sharedSource`; see shareSubjects and its fallback).
 * Called only where the verb frames found no source and for languages whose
 * lexicon says they drop subjects (data/cues/<language>/cues.json).
 */
export function extractSubjectlessVerb(tokens: readonly Token[], sentence: Sentence, cue: CueMatch): AttributionCandidate | null {
  const [, sTo] = sentence.tokens;
  if (cue.entry.frame !== 'verb' || cue.entry.participle) return null;
  // an impersonal passive ("сообщается", "повідомляється") has no speaker to share: it reports what a medium says
  if (/(?:ся|сь)$/u.test(tokens[cue.head]!.norm)) return null;
  let start = cue.to;
  while (start < sTo && (tokens[start]!.text === ',' || tokens[start]!.text === ':')) start++;
  let end = sTo - 1;
  while (end >= start && !(isWordLike(tokens[end]!) || isCloseQuote(tokens[end]!) || tokens[end]!.text === '"')) end--;
  if (end - start < 2) return null;
  return {
    sentence: sentence.index, cue: [cue.from, cue.to], entry: cue.entry, source: null,
    content: [tokens[start]!.span[0], tokens[end]!.span[1]], rule: 'subjectless', sharedSource: true,
  };
}

/** Prepositions of a body named as where something was said ("у Генштабі не надали", "в Минобороны заявили"). */
const LOCATIVE: ReadonlySet<string> = new Set(['в', 'во', 'у']);

/**
 * The body named with a locative in the sentence before a subjectless verb, when no report
 * before it has a source to share: "Жодних коментарів … у Генштабі не надали. Разом із тим,
 * повідомили, що …" — Russian and Ukrainian name an institution that acts or speaks as the
 * place where it happens ("В Минобороны отказались от комментариев. При этом сообщили …").
 * The latest such body wins; persons and media are not named this way. Token span, or null.
 */
export function locativeBodyBefore(
  tokens: readonly Token[], sentences: readonly Sentence[], sentence: number, actors: readonly ActorMention[], entities: ReadonlyMap<string, Entity>,
): [number, number] | null {
  const previous = sentences[sentence - 1];
  if (!previous) return null;
  const [pFrom, pTo] = previous.tokens;
  let found: [number, number] | null = null;
  for (const a of actors) {
    if (a.span[0] < tokens[pFrom]!.span[0] || a.span[1] > tokens[pTo - 1]!.span[1]) continue;
    const kind = entities.get(a.entity)?.kind;
    if (!kind || kind === 'person' || kind === 'media') continue;
    let k = pFrom;
    while (k < pTo && tokens[k]!.span[0] < a.span[0]) k++;
    let end = k;
    while (end < pTo && tokens[end]!.span[1] <= a.span[1]) end++;
    if (k > pFrom && k < end && tokens[k]!.span[0] === a.span[0] && LOCATIVE.has(tokens[k - 1]!.norm) && (!found || k > found[0])) found = [k, end];
  }
  return found;
}

/**
 * A verb frame's candidate without a sentence connective at the start of its source ("При этом
 * там отметили" → "там"); null where the connective is all the source was ("При цьому зазначили",
 * "Водночас зазначили"): the verb has no subject of its own. `connectives` are token norms
 * (data/cues/<language>/cues.json).
 */
export function dropConnectiveSource(
  tokens: readonly Token[], candidate: AttributionCandidate, connectives: ReadonlyArray<readonly string[]>,
): AttributionCandidate | null {
  const source = candidate.source;
  if (!source) return candidate;
  for (const c of connectives) {
    if (!c.every((norm, i) => source[0] + i < source[1] && tokens[source[0] + i]!.norm === norm)) continue;
    let from = source[0] + c.length;
    while (from < source[1] && tokens[from]!.text === ',') from++;
    return from >= source[1] ? null : { ...candidate, source: [from, source[1]] };
  }
  return candidate;
}
