import type { AnalyzedDocument } from '../../model/index.js';
import { foldName } from '../../gazetteer/fold.js';
import type { Gazetteer } from '../../gazetteer/gazetteer.js';
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
export function extractStreetNames(doc: AnalyzedDocument, cues: ContextCues, gazetteer?: Gazetteer): PlaceProposal[] {
  if (cues.streetWord.size === 0) return [];
  const out: PlaceProposal[] = [];
  const tokens = doc.tokens;
  // Over the whole text, not sentence by sentence: a sentence splitter that does not know "вул." ends a
  // sentence after it. A line break ends a name.
  const to = tokens.length;
  // The name that starts at token `at`: up to four capitalised Cyrillic words and initials ("І. Франка"); its end (exclusive), `at` if none.
  const nameEnd = (at: number): number => {
    let j = at;
    while (j < to && j - at < 4) {
      const n = tokens[j]!;
      const initial = n.text.length === 1 && isCapitalised(n) && tokens[j + 1]?.text === '.';
      if (initial) { j += 2; continue; }
      if (j > at && doc.text.slice(tokens[j - 1]!.span[1], n.span[0]).includes('\n')) break;
      if (n.kind === 'word' && isCapitalised(n) && isCyrillicWord(n.text)) { j++; continue; }
      break;
    }
    return j > at && tokens[j - 1]!.kind === 'word' ? j : at;
  };
  const propose = (from: number, end: number, start = from): void => {
    out.push({ span: [tokens[start]!.span[0], tokens[end - 1]!.span[1]], key: foldName(doc.text.slice(tokens[start]!.span[0], tokens[end - 1]!.span[1])), hits: [], rule: 'street-name', tokens: [start, end], cue: true });
  };
  for (let i = 0; i < to; i++) {
    const t = tokens[i]!;
    // The tokenizer may keep the abbreviation's dot apart ("вул" "."): read both; "вул" without its dot too.
    const dotted = tokens[i + 1]?.text === '.' && tokens[i + 1]!.span[0] === t.span[1];
    const word = cues.streetWord.has(`${t.norm}.`) ? `${t.norm}.` : t.norm;
    if (!cues.streetWord.has(word)) continue;
    const after = word.endsWith('.') && dotted ? i + 2 : i + 1;
    // Name after the street word.
    let j = nameEnd(after);
    if (j > after) {
      propose(after, j, i);
      // A list of streets after one street word ("вул. Завокзальна, Броварська і Тельмана", "вулиць Коперника та
      // Городоцької"): each name after a comma or "and" is a street too, up to a number ("вул. Лаврська, 12"), a
      // lower-case word, or a town the gazetteer knows ("вул. Шевченка, Львів"), which ends the address.
      while (j + 1 < to && LIST_JOIN.test(tokens[j]!.text) && !doc.text.slice(tokens[j - 1]!.span[1], tokens[j + 1]!.span[0]).includes('\n')) {
        const next = nameEnd(j + 1);
        if (next === j + 1 || (gazetteer !== undefined && isTown(gazetteer, foldName(doc.text.slice(tokens[j + 1]!.span[0], tokens[next - 1]!.span[1]))))) break;
        propose(j + 1, next);
        j = next;
      }
      i = j - 1;
      continue;
    }
    // Adjective before the street word.
    const before = tokens[i - 1];
    // Not at the start of a sentence, where every word is capitalised ("Загальна площа" is "total area").
    const startsSentence = before === undefined || i - 2 < 0 || tokens[i - 2]!.sentence !== before.sentence;
    if (i - 1 >= 0 && before && !startsSentence && isCapitalised(before) && isCyrillicWord(before.text) && /(?:ий|ый|ой|ая|ій|ої|ою|ую|ого|ому|ом|ей|ое|е|а|у|і)$/u.test(before.norm)) {
      propose(i - 1, i + 1);
    }
  }
  return out;
}

/** What joins the streets of a list: a comma, "and" (Ukrainian і, й, та; Russian и). */
const LIST_JOIN = /^(?:,|і|й|та|и)$/u;

/** A populated place or a division by that name (a list of streets ends at the town of the address). */
function isTown(gazetteer: Gazetteer, folded: string): boolean {
  return gazetteer.lookup(folded).some((h) => {
    const e = gazetteer.entry(h.entry);
    return e.featureClass === 'A' || (e.featureClass === 'P' && h.kind === 'primary');
  });
}
