import type { Quantity } from '../../model/index.js';
import { itemId } from '../../model/index.js';
import type { Stage } from '../stage.js';
import { extractQuantities } from './extract-quantities.js';
import type { QuantityVocabulary } from './quantity-vocabulary.js';

export interface QuantitiesOptions {
  /** Vocabularies of other languages (data/quantities/<language>/quantities.json, compiled), by language code. */
  readonly languages?: Readonly<Record<string, QuantityVocabulary>>;
}

const STAGE = 'quantities';

/** Numbers and what they count, with modifiers (issue 4). Time expressions are left to the time stage. */
export function createQuantitiesStage(options: QuantitiesOptions = {}): Stage {
  return {
    name: STAGE,
    run(doc) {
      const vocabulary = options.languages?.[doc.meta.language ?? 'en'];
      const { text, tokens } = doc;
      const inTime = new Uint8Array(tokens.length);
      // one sweep over tokens and times, both in text order
      const times = [...doc.times].sort((a, b) => a.span[0] - b.span[0]);
      let ti = 0;
      for (let k = 0; k < tokens.length; k++) {
        const [s, e] = tokens[k]!.span;
        while (ti < times.length && times[ti]!.span[1] <= s) ti++;
        if (ti < times.length && times[ti]!.span[0] <= s && e <= times[ti]!.span[1]) inTime[k] = 1;
      }
      const quantities: Quantity[] = [];
      for (const sentence of doc.sentences) {
        if (sentence.caption) continue;
        for (const c of extractQuantities(tokens, sentence, inTime, vocabulary)) {
          const span = [tokens[c.from]!.span[0], tokens[c.to - 1]!.span[1]] as const;
          quantities.push({
            id: itemId('quantity', span), kind: 'quantity', span, text: text.slice(span[0], span[1]), origin: { stage: STAGE, rule: c.rule },
            value: c.value, high: c.high, unit: c.unit, modifiers: c.modifiers,
          });
        }
      }
      return { ...doc, quantities };
    },
  };
}
