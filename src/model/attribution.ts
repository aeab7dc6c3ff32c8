import type { ItemBase, Span } from './item.js';
import type { Side } from './actor.js';

export type Stance =
  | 'assert' | 'deny' | 'acknowledge' | 'accuse' | 'demand' | 'warn' | 'promise'
  | 'question' | 'evidence' | 'believe' | 'report';

export interface SpanText {
  readonly span: Span;
  readonly text: string;
}

export interface Attribution extends ItemBase {
  readonly kind: 'attribution';
  readonly source: (SpanText & { readonly entity: string | null }) | null;
  readonly cue: SpanText & { readonly lemma: string };
  readonly content: SpanText;
  readonly stance: Stance;
  readonly direct: 'quoted' | 'indirect' | 'mixed';
  /** The time item saying when the statement was made. */
  readonly time: string | null;
  readonly side: Side;
  /** The attribution this one is reported inside ("denied Russian claims that ..."). */
  readonly nestedIn: string | null;
}
