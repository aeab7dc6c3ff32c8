import type { AnalyzedDocument, Paragraph, Sentence, Span, Token } from '../../model/index.js';
import { itemId } from '../../model/index.js';
import type { Stage } from '../stage.js';
import { tokenizeInto } from './tokenize.js';
import { splitSentences } from './split-sentences.js';
import { isCaption } from './is-caption.js';
import type { LanguageAbbreviations } from './abbreviations.js';

const STAGE = 'segment';

export interface SegmentOptions {
  /**
   * How a single line break is read. `sentence`: it ends a sentence (news copy,
   * one paragraph a line). `space`: it is wrapping inside a paragraph and blank
   * lines end paragraphs (wire copy, e-mail). `auto` (default) decides per document.
   */
  readonly lineBreaks?: 'auto' | 'sentence' | 'space';
  /** Abbreviations of other languages than English (data/segment/<language>/abbreviations.json), by language code. */
  readonly abbreviations?: Readonly<Record<string, LanguageAbbreviations>>;
}

/** Paragraphs, sentences and tokens; sentences that are photo captions or credits are marked. */
export function createSegmentStage(options: SegmentOptions = {}): Stage {
  const lineBreaks = options.lineBreaks ?? 'auto';
  if (!['auto', 'sentence', 'space'].includes(lineBreaks)) {
    throw new Error(`segment: lineBreaks must be 'auto', 'sentence' or 'space', not ${JSON.stringify(lineBreaks)}`);
  }
  return {
    name: STAGE,
    run(doc) {
      const mode = lineBreaks === 'auto' ? (isHardWrapped(doc.text) ? 'space' : 'sentence') : lineBreaks;
      return segment(doc, mode, options.abbreviations?.[doc.meta.language ?? 'en']);
    },
  };
}

function segment(doc: AnalyzedDocument, mode: 'sentence' | 'space', abbreviations: LanguageAbbreviations | undefined): AnalyzedDocument {
  const { text } = doc;
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  for (const [start, end] of paragraphSpans(text, mode)) {
    const paragraphIndex = paragraphs.length;
    const span: Span = [start, end];
    paragraphs.push({
      id: itemId('paragraph', span), kind: 'paragraph', index: paragraphIndex, span,
      text: text.slice(start, end), origin: { stage: STAGE, rule: mode === 'sentence' ? 'line' : 'blank-line' },
    });
    const first = tokens.length;
    tokenizeInto(tokens, text, start, end);
    const caption = isCaption(text.slice(start, end));
    for (const [from, to] of splitSentences(text, tokens, first, tokens.length, abbreviations)) {
      const sentenceSpan: Span = [tokens[from]!.span[0], tokens[to - 1]!.span[1]];
      const index = sentences.length;
      // The tokens were created by this stage and are not shared yet: fill in their sentence in place.
      for (let i = from; i < to; i++) (tokens[i] as { sentence: number }).sentence = index;
      sentences.push({
        id: itemId('sentence', sentenceSpan), kind: 'sentence', index, paragraph: paragraphIndex,
        span: sentenceSpan, text: text.slice(sentenceSpan[0], sentenceSpan[1]), tokens: [from, to], caption,
        origin: { stage: STAGE, rule: caption ? 'caption' : 'terminal-mark' },
      });
    }
  }
  return { ...doc, paragraphs, sentences, tokens };
}

/** Spans of non-blank paragraphs, trimmed of surrounding white space. */
function paragraphSpans(text: string, mode: 'sentence' | 'space'): Array<[number, number]> {
  const separator = mode === 'sentence' ? /\r?\n|\r|\u2029/g : /(?:[ \t]*(?:\r?\n|\r)){2,}|\u2029/g;
  const spans: Array<[number, number]> = [];
  let last = 0;
  const push = (start: number, end: number): void => {
    while (start < end && /\s/.test(text.charAt(start))) start++;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    if (end > start) spans.push([start, end]);
  };
  for (const m of text.matchAll(separator)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, text.length);
  return spans;
}

/**
 * Hard-wrapped text (wire copy, TimeBank's newswire) breaks lines inside
 * sentences: most non-final lines of a block end without a terminal mark and
 * are of similar length. News copy pasted from the web has one paragraph a line.
 */
export function isHardWrapped(text: string): boolean {
  const lines = text.split(/\r?\n/);
  let wrapped = 0;
  let considered = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    const next = lines[i + 1]!.trim();
    if (line.trim() === '' || next === '') continue;
    considered++;
    if (line.length >= 30 && line.length <= 100 && !/[.!?:"”’)\]]$/.test(line)) wrapped++;
  }
  return considered >= 3 && wrapped / considered > 0.5;
}
