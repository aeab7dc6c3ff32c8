import type { ItemBase, Span } from './item.js';
import type { Side } from './actor.js';

/** How the source put it: the stance of the cue (data/cues/cues.json). */
export type Stance =
  | 'assert' | 'deny' | 'acknowledge' | 'accuse' | 'demand' | 'warn' | 'promise'
  | 'question' | 'evidence' | 'believe' | 'report';

export interface SpanText {
  readonly span: Span;
  readonly text: string;
}

/**
 * Who said what, how and when. The item's span covers source, cue and content.
 * For the reporter's own voice (a sentence nobody else is said to have said)
 * `voice` is 'reporter', `cue` and `source` are null and `speaker` is the outlet.
 */
export interface Attribution extends ItemBase {
  readonly kind: 'attribution';
  readonly voice: 'source' | 'reporter';
  /** The words naming the source; for a shared subject ("... but denied") the words of the first verb's subject. */
  readonly source: (SpanText & { readonly entity: string | null }) | null;
  /** The entity speaking, when known (also for the reporter's voice: the outlet entity). */
  readonly speaker: string | null;
  /** The reporting words ("said", "according to", "called on"); `lemma` is the lexicon entry. */
  readonly cue: (SpanText & { readonly lemma: string }) | null;
  readonly content: SpanText;
  /** More of the content after the cue, when the quotation goes on ("“Q1,” she said. “Q2.”"); absent when none. */
  readonly contentParts?: readonly SpanText[];
  readonly stance: Stance;
  /**
   * When the stance was read from the content rather than the cue ("This is not true," he said):
   * the words that decided it and the rule. A `-frame` rule rejects a complement ("incorrect to
   * claim that ..."); the speaker's other propositions keep their polarity. Absent when the cue decided.
   */
  readonly stanceFrom?: SpanText & { readonly rule: string };
  /** Quoted: the content is a quotation; mixed: partly quoted; indirect: reported speech. */
  readonly direct: 'quoted' | 'indirect' | 'mixed';
  /** The time item saying when the statement was made ("on Wednesday"). */
  readonly time: string | null;
  readonly side: Side;
  /** The attribution this one is reported inside ("denied Russian claims that ..."). */
  readonly nestedIn: string | null;
}
