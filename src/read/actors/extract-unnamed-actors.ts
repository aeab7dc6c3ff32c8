import type { Sentence, Token } from '../../model/index.js';
import type { ActorLexicon } from './actor-dictionary.js';
import { tokensText, type ActorCandidate } from './actor-candidate.js';

/**
 * Sources the text does not name: "one platoon commander", "a military
 * source", "two senior officials", "officials", "residents". A determiner or
 * descriptive words then a head of `unnamedHeads`; a bare plural head counts
 * too ("officials said"). The side comes from a demonym among the words.
 */
export function extractUnnamedActors(text: string, tokens: readonly Token[], sentence: Sentence, lexicon: ActorLexicon): ActorCandidate[] {
  const out: ActorCandidate[] = [];
  const [from, to] = sentence.tokens;
  for (let i = from; i < to; i++) {
    if (!lexicon.unnamedHeads.has(tokens[i]!.norm)) continue;
    let start = i;
    while (start - 1 >= from && start > i - 4 && lexicon.unnamedDeterminers.has(tokens[start - 1]!.norm)) start--;
    const plural = tokens[i]!.norm.endsWith('s') && tokens[i]!.norm !== 'source';
    if (start === i && !plural) continue;
    if (start < i && ['the', 'these', 'those'].includes(tokens[start]!.norm)) continue; // a definite: coreference, not a new source
    let side = 'UNKNOWN';
    for (let k = start; k < i; k++) {
      const s = lexicon.demonyms.get(tokens[k]!.norm);
      if (s) { side = s; break; }
    }
    out.push({ from: start, to: i + 1, kind: 'unnamed', side, name: tokensText(text, tokens, start, i + 1), key: null, role: null, resolution: 'rule', rule: 'unnamed-source' });
  }
  return out;
}
