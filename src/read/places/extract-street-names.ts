import type { AnalyzedDocument } from '../../model/index.js';
import { foldName } from '../../gazetteer/fold.js';
import type { ContextCues } from './context-cues.js';
import { isCyrillicWord } from './case-forms.js';
import { isCapitalised } from './extract-gazetteer-names.js';
import type { PlaceProposal } from './proposal.js';

/**
 * Extractor (Russian, Ukrainian): streets, squares and parks, which the
 * gazetteer does not hold, named beside a street word — after it ("вул.
 * Набережна", "улица Ленина", "вулиці І. Франка": up to three capitalised
 * words and initials) or as a capitalised adjective before it ("Тверской
 * площади", "Андріївський узвіз"). Proposed unresolved (rule `street-name`),
 * so that they are known to be places and are not read as towns of the same
 * name; the stage gives them a `place.unknown` diagnostic.
 */
export function extractStreetNames(doc: AnalyzedDocument, cues: ContextCues): PlaceProposal[] {
  if (cues.streetWord.size === 0) return [];
  const out: PlaceProposal[] = [];
  const tokens = doc.tokens;
  // Over the whole text, not sentence by sentence: a sentence splitter that does not know "вул." ends a
  // sentence after it. A line break ends a name.
  const from = 0;
  const to = tokens.length;
  {
    for (let i = from; i < to; i++) {
      const t = tokens[i]!;
      // The tokenizer may keep the abbreviation's dot apart ("вул" "."): read both.
      const dotted = tokens[i + 1]?.text === '.' && tokens[i + 1]!.span[0] === t.span[1];
      const word = dotted && cues.streetWord.has(`${t.norm}.`) ? `${t.norm}.` : t.norm;
      if (!cues.streetWord.has(word)) continue;
      const after = word.endsWith('.') && dotted ? i + 2 : i + 1;
      // Name after the street word.
      let j = after;
      while (j < to && j - after < 4) {
        const n = tokens[j]!;
        const initial = n.text.length === 1 && isCapitalised(n) && tokens[j + 1]?.text === '.';
        if (initial) { j += 2; continue; }
        if (doc.text.slice(tokens[j - 1]!.span[1], n.span[0]).includes('\n')) break;
        if (n.kind === 'word' && isCapitalised(n) && isCyrillicWord(n.text)) { j++; continue; }
        break;
      }
      if (j > after && tokens[j - 1]!.kind === 'word') {
        out.push({ span: [t.span[0], tokens[j - 1]!.span[1]], key: foldName(doc.text.slice(t.span[0], tokens[j - 1]!.span[1])), hits: [], rule: 'street-name', tokens: [i, j], cue: true });
        i = j - 1;
        continue;
      }
      // Adjective before the street word.
      const before = tokens[i - 1];
      // Not at the start of a sentence, where every word is capitalised ("Загальна площа" is "total area").
      const startsSentence = before === undefined || i - 2 < 0 || tokens[i - 2]!.sentence !== before.sentence;
      if (i - 1 >= from && before && !startsSentence && isCapitalised(before) && isCyrillicWord(before.text) && /(?:ий|ый|ой|ая|ій|ої|ою|ую|ого|ому|ом|ей|ое|е|а|у|і)$/u.test(before.norm)) {
        out.push({ span: [before.span[0], t.span[1]], key: foldName(doc.text.slice(before.span[0], t.span[1])), hits: [], rule: 'street-name', tokens: [i - 1, i + 1], cue: true });
      }
    }
  }
  return out;
}
