import type { Token } from '../../model/index.js';
import { ABBREVIATIONS, type LanguageAbbreviations } from './abbreviations.js';

const TERMINAL = new Set(['.', '!', '?', '...', '…']);
const CLOSERS = new Set(['"', '”', '’', "'", '»', ')', ']', '“']);
const OPENERS = new Set(['"', '“', '‘', "'", '«', '„', '(', '[']);

/**
 * English closed-class words that open sentences and never follow a title or an
 * initial inside a name: after "the U.S." or "on X." they start the next
 * sentence ("… posted on X. The map shows …"), where "George W. Bush" and
 * "Lt. Gen. Smith" go on with a name.
 */
const SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  'The', 'This', 'That', 'These', 'Those', 'There', 'It', 'Its', 'He', 'She', 'They', 'We', 'His', 'Her', 'Their', 'Our',
  'But', 'However', 'Meanwhile', 'Earlier', 'Later', 'According', 'In', 'On', 'After', 'When', 'While',
]);

/**
 * Splits the tokens of one paragraph into sentences; returns [from, to) token
 * index pairs. A terminal mark ends a sentence when what follows it (after any
 * closing quotes or brackets, which stay with the sentence they close) starts
 * a new one: a capital, a digit or an opening quote. It does not after an
 * abbreviation ("Lt. Gen. Smith") or an initial ("Oleksandr S. Syrskyi"),
 * unless an English sentence opener follows ("in the U.S. The talks …").
 */
export function splitSentences(text: string, tokens: readonly Token[], from: number, to: number, abbreviations?: LanguageAbbreviations): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    // Every terminal mark is a punctuation token: most tokens are let through by their kind, without a set lookup.
    if (token.kind !== 'punct' || !TERMINAL.has(token.text)) {
      // A dotted abbreviation keeps its last stop ("U.S."): it ends the sentence before an English opener.
      if (abbreviations === undefined && token.kind === 'word' && i + 1 < to && token.text.endsWith('.') && SENTENCE_OPENERS.has(tokens[i + 1]!.text)) {
        out.push([start, i + 1]);
        start = i + 1;
      }
      continue;
    }
    let end = i + 1;
    while (end < to && CLOSERS.has(tokens[end]!.text) && isClosingHere(text, tokens[end]!)) end++;
    if (end >= to) break;
    const next = tokens[end]!;
    if (!startsSentence(next)) continue;
    if (token.text === '.' && !(abbreviations === undefined && SENTENCE_OPENERS.has(next.text)) && isAbbreviationBefore(text, tokens, i, from, abbreviations)) continue;
    // "Суспільне.Донбас", "РИА.Новости": a stop between two words with no space is inside a name. Read so for the
    // languages with their own abbreviation lists only: English copy has too many "end.Next" typos to tell.
    if (abbreviations && token.text === '.' && end === i + 1 && tokens[i - 1]?.span[1] === token.span[0] && next.span[0] === token.span[1] && next.kind === 'word') continue;
    out.push([start, end]);
    start = end;
    i = end - 1;
  }
  if (start < to) out.push([start, to]);
  return out;
}

function startsSentence(token: Token): boolean {
  if (OPENERS.has(token.text)) return true;
  if (token.kind === 'number') return true;
  const first = token.text.charAt(0);
  return first !== first.toLowerCase();
}

/**
 * A closing quote directly after the mark (no space), not an opening quote of the next sentence.
 * “ opens in English but closes „…“ in Ukrainian, Russian and German typography: it closes where no space precedes it.
 */
function isClosingHere(text: string, token: Token): boolean {
  if (token.text === '"' || token.text === "'" || token.text === '“') {
    const before = text.charAt(token.span[0] - 1);
    return before !== '' && !/\s/.test(before);
  }
  return token.text !== '‘';
}

function isAbbreviationBefore(text: string, tokens: readonly Token[], dot: number, from: number, abbreviations?: LanguageAbbreviations): boolean {
  if (dot === from) return false;
  const prev = tokens[dot - 1]!;
  if (prev.span[1] !== tokens[dot]!.span[0] || prev.kind !== 'word') return false;
  if (abbreviations?.forms.has(prev.norm)) {
    // "в 2024 г.", "1,5 тыс.", "5 тыс. чел.": after a number (or a unit after one) the abbreviation is a unit or
    // the year, and its stop may end the sentence.
    const before = dot - 2 >= from ? tokens[dot - 2]! : undefined;
    const afterUnit = before?.text === '.' && dot - 3 >= from && abbreviations.units.has(tokens[dot - 3]!.norm);
    return !(abbreviations.units.has(prev.norm) && (before?.kind === 'number' || afterUnit));
  }
  if (/^\p{Lu}$/u.test(prev.text)) return true; // an initial
  return ABBREVIATIONS.has(prev.norm);
}
