import type { Tense } from './normalise.js';

/**
 * The tense of the clause around a time expression, from the nearest tense
 * marker in its sentence (HeidelTime reads the tense the same way, from the
 * verbs of the sentence, to pick the direction of "Friday" or "in March").
 * News reports the past by default.
 */
const MARKER = /\b(?:(?<future>will|won['’]t|shall|['’]ll|going\s+to|plans?\s+to|planned\s+to|intends?\s+to|expects?\s+to|expected\s+to|scheduled|due\s+to|is\s+to|are\s+to|upcoming|would|next|tomorrow)|(?<present>is|are|am|says|say|has|have)|(?<past>said|was|were|had|did|ago|last|earlier|yesterday|reported|announced|told|began|took|came|made|went|saw|fell|rose|\w{3,}ed))\b/giu;

export function tenseAt(sentence: string, offset: number): Tense {
  let best: Tense = 'past';
  let bestDistance = Infinity;
  MARKER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKER.exec(sentence)) !== null) {
    const distance = m.index >= offset ? m.index - offset : offset - (m.index + m[0].length);
    // Markers after the expression count a little less: news puts the verb first ("said on Wednesday").
    const weighted = m.index >= offset ? distance * 1.5 : distance;
    const tense: Tense = m.groups!.future ? 'future' : m.groups!.present ? 'present' : 'past';
    if (weighted < bestDistance) {
      bestDistance = weighted;
      best = tense;
    }
  }
  return best;
}
