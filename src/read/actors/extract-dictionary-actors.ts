import type { Sentence, Token } from '../../model/index.js';
import type { ActorLexicon } from './actor-dictionary.js';
import { isCapitalized, PLACE_PREPOSITIONS, type ActorCandidate } from './actor-candidate.js';

/**
 * Names and aliases from the curated dictionary ("Russia's Defence Ministry",
 * "Peskov", "the Kremlin"), longest alias first. A metonym ("Moscow", "Kyiv")
 * is proposed only where it can act: not after a place preposition ("in Kyiv").
 */
export function extractDictionaryActors(tokens: readonly Token[], sentence: Sentence, lexicon: ActorLexicon): ActorCandidate[] {
  const out: ActorCandidate[] = [];
  const [from, to] = sentence.tokens;
  for (let i = from; i < to; i++) {
    const list = lexicon.aliasesByFirst.get(tokens[i]!.norm);
    if (!list) continue;
    for (const alias of list) {
      const end = i + alias.norms.length;
      if (end > to) continue;
      let ok = true;
      for (let k = 0; k < alias.norms.length && ok; k++) {
        const t = tokens[i + k]!;
        ok = t.norm === alias.norms[k] && (alias.exactCase === null || t.text === alias.exactCase[k]);
      }
      // A name starts with a capital ("the Kremlin" aside): "ukraine" in a URL or "wagner" the composer's fans, no.
      // A name another language's file writes in lower case ("российское Минобороны") matches as written.
      if (!ok || !(isCapitalized(tokens[i]) || tokens[i]!.norm === 'the' || alias.lowerStart)) continue;
      // A possessive country name is the owner of what follows ("Ukraine's 47th brigade"): the rule extractors take it.
      if (alias.metonym || alias.actor.kind === 'government') {
        const before = tokens[i - 1];
        if (before && before.sentence === sentence.index && PLACE_PREPOSITIONS.has(before.norm)) continue;
      }
      out.push({
        from: i, to: end, kind: alias.actor.kind, side: alias.actor.side, name: alias.actor.name, key: alias.actor.key,
        role: alias.actor.role, resolution: alias.metonym ? 'metonymy' : 'stated', rule: alias.metonym ? 'dictionary-metonym' : 'dictionary-alias',
      });
      break;
    }
  }
  return out;
}
