import type { Quantity } from '../../model/index.js';
import { itemId } from '../../model/index.js';
import type { Stage } from '../stage.js';
import { extractQuantities } from './extract-quantities.js';

const STAGE = 'quantities';

/** Numbers and what they count, with modifiers (issue 4). Time expressions are left to the time stage. */
export function createQuantitiesStage(): Stage {
  return {
    name: STAGE,
    run(doc) {
      const { text, tokens } = doc;
      const inTime = new Uint8Array(tokens.length);
      for (const time of doc.times) {
        for (let k = 0; k < tokens.length; k++) if (tokens[k]!.span[0] >= time.span[0] && tokens[k]!.span[1] <= time.span[1]) inTime[k] = 1;
      }
      const quantities: Quantity[] = [];
      for (const sentence of doc.sentences) {
        if (sentence.caption) continue;
        for (const c of extractQuantities(tokens, sentence, inTime)) {
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
