import type { Sentence, Token } from '../../model/index.js';
import type { ActorLexicon } from './actor-dictionary.js';
import { tokensText, type ActorCandidate } from './actor-candidate.js';

/**
 * Things that show rather than say: "Footage shared online", "satellite
 * images", "video". They can be the source of an evidence attribution
 * ("Footage ... showed ..."); their side is unknown until someone vouches.
 */
export function extractEvidenceActors(text: string, tokens: readonly Token[], sentence: Sentence, lexicon: ActorLexicon): ActorCandidate[] {
  const out: ActorCandidate[] = [];
  const [from, to] = sentence.tokens;
  for (let i = from; i < to; i++) {
    if (!lexicon.evidenceNouns.has(tokens[i]!.norm)) continue;
    let end = i + 1;
    while (end < to && lexicon.evidenceNouns.has(tokens[end]!.norm)) end++;
    out.push({ from: i, to: end, kind: 'evidence', side: 'UNKNOWN', name: tokensText(text, tokens, i, end), key: null, role: null, resolution: 'rule', rule: 'evidence-noun' });
    i = end - 1;
  }
  return out;
}
