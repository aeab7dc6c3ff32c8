import type { ItemBase, Span } from './item.js';

export interface Paragraph extends ItemBase {
  readonly kind: 'paragraph';
  /** Index of the paragraph in the document, from 0. */
  readonly index: number;
}

export interface Sentence extends ItemBase {
  readonly kind: 'sentence';
  readonly index: number;
  readonly paragraph: number;
  /** Indexes into `tokens` of the document: [first, last + 1). */
  readonly tokens: readonly [from: number, to: number];
  /**
   * A photo caption or credit line ("A sign at ..., 6 December 2024. Photo: EPA / ..."):
   * its dates describe the picture, not the news.
   */
  readonly caption: boolean;
}

export type TokenKind = 'word' | 'number' | 'punct' | 'quote' | 'symbol';

/**
 * A token is not an extracted item (no id, no origin): it is the shared
 * coordinate system the extractors work on, and it is left out of the JSON.
 */
export interface Token {
  readonly span: Span;
  readonly text: string;
  readonly kind: TokenKind;
  readonly sentence: number;
  /** Lower-cased text, apostrophes and dashes folded: what lexicons match against. */
  readonly norm: string;
  /** For a straight double quote ("): whether it opens or closes a quotation, read from its flanks; absent when unclear or not one. */
  readonly quote?: 'open' | 'close';
}
