import type { Sentence, Token } from '../../model/index.js';
import type { EventLexicon } from './event-lexicon.js';

/** A run of tokens [from, to) that names an actor. */
export interface ActorPhrase {
  readonly from: number;
  readonly to: number;
}

/**
 * Fallback extractor for when the actors stage has nothing in a sentence:
 * maximal runs of capitalised words ("Lt. Gen. Prosper Avril", "IAEA") and
 * actor nouns ("Ukrainian troops", "Kremlin spokesperson Dmitry Peskov"),
 * joined by "of" and "'s" ("Russia's Defence Ministry"). A run must hold a
 * capitalised word or end on an actor noun; pronouns, dates and function
 * words never start one.
 */
export function findActorPhrases(tokens: readonly Token[], sentence: Sentence, lexicon: EventLexicon, skip: (i: number) => boolean): ActorPhrase[] {
  const out: ActorPhrase[] = [];
  const [first, last] = sentence.tokens;
  const isCap = (t: Token): boolean => t.kind === 'word' && /^\p{Lu}/u.test(t.text) && !lexicon.notActors.has(t.norm);
  const isHead = (t: Token): boolean => t.kind === 'word' && lexicon.actorHeads.has(t.norm);
  const isPart = (i: number): boolean => !skip(i) && (isCap(tokens[i]!) || isHead(tokens[i]!));
  let i = first;
  while (i < last) {
    if (!isPart(i)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      if (j < last && isPart(j)) j++;
      else if (j + 1 < last && (tokens[j]!.norm === "'s" || tokens[j]!.norm === 'of') && isPart(j + 1) && isCap(tokens[j + 1]!)) j += 2;
      else break;
    }
    let hasName = false;
    for (let k = i; k < j; k++) if (isCap(tokens[k]!)) hasName = true;
    if (hasName || isHead(tokens[j - 1]!)) out.push({ from: i, to: j });
    i = j;
  }
  return out;
}
