import type { Sentence, Token } from '../../model/index.js';
import type { ActorLexicon } from './actor-dictionary.js';
import { isCapitalized, tokensText, type ActorCandidate } from './actor-candidate.js';

/** Heads of a state's institutions named without their state ("the Defense Ministry", "the General Staff", "the Foreign Office"). */
const INSTITUTION_HEADS = new Set(['ministry', 'staff', 'office', 'department', 'command', 'directorate', 'service']);

/**
 * A state's institution named without its state: "the Defense Ministry
 * announced", "the Foreign Ministry said", "the General Staff reported",
 * "the Ministry of Emergency Situations". The text leaves whose it is to the
 * reader, who takes it from the state the story is about: the side is left
 * UNKNOWN here and read from the context by `inferUnnamedSides`. Not when a
 * country or demonym is among the words ("the Russian Defence Ministry": the
 * national rule's) or the phrase runs on into a name ("the Defense Ministry
 * spokesman Igor ...": the title rule's).
 */
export function extractBareInstitutions(text: string, tokens: readonly Token[], sentence: Sentence, lexicon: ActorLexicon): ActorCandidate[] {
  const out: ActorCandidate[] = [];
  const [from, to] = sentence.tokens;
  for (let i = from; i < to - 2; i++) {
    if (tokens[i]!.norm !== 'the' || !isCapitalized(tokens[i + 1])) continue;
    let j = i + 1;
    let national = false;
    while (j < to && j - i <= 4 && isCapitalized(tokens[j])) {
      if (lexicon.demonyms.has(tokens[j]!.norm) || lexicon.countries.has(tokens[j]!.norm)) national = true;
      j++;
    }
    // "the Ministry of Emergency Situations", "the Ministry of Defence"
    if (j === i + 2 && tokens[i + 1]!.norm === 'ministry' && tokens[j]?.norm === 'of' && isCapitalized(tokens[j + 1])) {
      j += 1;
      while (j < to && j - i <= 6 && isCapitalized(tokens[j])) {
        if (lexicon.demonyms.has(tokens[j]!.norm) || lexicon.countries.has(tokens[j]!.norm)) national = true;
        j++;
      }
    } else if (!INSTITUTION_HEADS.has(tokens[j - 1]!.norm)) continue;
    if (national || j - (i + 1) < 2 && tokens[i + 1]!.norm !== 'ministry') continue;
    if (tokens[j]?.norm === "'s" || isCapitalized(tokens[j])) continue;
    out.push({ from: i, to: j, kind: 'government', side: 'UNKNOWN', name: tokensText(text, tokens, i + 1, j), key: null, role: null, resolution: 'rule', rule: 'bare-institution' });
    i = j - 1;
  }
  return out;
}
