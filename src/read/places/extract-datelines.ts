import type { AnalyzedDocument, Token } from '../../model/index.js';
import { foldName } from '../../gazetteer/fold.js';
import type { Gazetteer } from '../../gazetteer/gazetteer.js';
import type { PlaceProposal } from './proposal.js';

const MAX_WORDS = 3;
const ALL_CAPS = /^\p{Lu}[\p{Lu}.'’]+$/u;

/**
 * Extractor: datelines. News stories open with the place they were filed
 * from in capitals: "LONDON (AP) —", "HELENA, Mont. (AP) -", "WINNIPEG —",
 * "MANILA, Philippines –". A run of up to three all-capital words that is a
 * gazetteer name is proposed where it starts a line (or the text) and is
 * followed by a comma, a dash, a bracket or the line's end; where it starts
 * a sentence and a comma and a capitalised name follow; or wherever it is
 * followed by "(Agency)".
 */
export function extractDatelines(doc: AnalyzedDocument, gazetteer: Gazetteer): PlaceProposal[] {
  const out: PlaceProposal[] = [];
  const tokens = doc.tokens;
  const text = doc.text;
  for (let i = 0; i < tokens.length; i++) {
    if (!isCapsWord(tokens[i]!)) continue;
    const lineStart = i === 0 || text.slice(tokens[i - 1]!.span[1], tokens[i]!.span[0]).includes('\n');
    let n = 1;
    while (n < MAX_WORDS && i + n < tokens.length && isCapsWord(tokens[i + n]!) && !/\n/.test(text.slice(tokens[i + n - 1]!.span[1], tokens[i + n]!.span[0]))) n++;
    for (let m = n; m >= 1; m--) {
      const end = tokens[i + m - 1]!;
      const after = tokens[i + m];
      const rest = text.slice(end.span[1], after ? after.span[0] : text.length);
      const agency = after?.text === '(' && tokens[i + m + 1]?.kind === 'word' && tokens[i + m + 2]?.text === ')';
      const closes = after === undefined || /\n/.test(rest) || [',', '—', '–', '-', '('].includes(after.text);
      // "MANILA, Philippines –" after the previous sentence: a dateline too, when a capitalised name follows the comma.
      const sentenceStart = i > 0 && tokens[i - 1]!.sentence !== tokens[i]!.sentence;
      const qualified = after?.text === ',' && tokens[i + m + 1] !== undefined && /^\p{Lu}/u.test(tokens[i + m + 1]!.text);
      if (!(agency || (lineStart && closes) || (sentenceStart && qualified))) continue;
      const key = foldName(text.slice(tokens[i]!.span[0], end.span[1]));
      const hits = gazetteer.lookup(key);
      if (hits.length === 0) continue;
      out.push({ span: [tokens[i]!.span[0], end.span[1]], key, hits, rule: 'dateline', tokens: [i, i + m], cue: true });
      i += m - 1;
      break;
    }
  }
  return out;
}

function isCapsWord(t: Token): boolean {
  return t.kind === 'word' && t.text.length >= 2 && ALL_CAPS.test(t.text);
}
