import type { Span } from '../../model/index.js';
import type { NameHit } from '../../gazetteer/gazetteer.js';

/**
 * A candidate place mention, as extractors propose it: a span, the gazetteer
 * entries its name can refer to, and the evidence seen in the text around it.
 * Refiners filter and mark proposals; the resolver picks an entry for each.
 */
export interface PlaceProposal {
  readonly span: Span;
  /** Folded name looked up (for region phrases, the name without "region"; for "eastern X", X). */
  readonly key: string;
  readonly hits: readonly NameHit[];
  readonly rule: string;
  /** Index of the first and one past the last token of the span. */
  readonly tokens: readonly [number, number];
  /** "X region", "X Oblast": only first-level divisions fit. */
  readonly regionPhrase?: boolean;
  /** "eastern Ukraine": a part of the country. */
  readonly direction?: string;
  /** A locative or settlement word stands before the name ("in X", "the city of X"). */
  readonly cue?: boolean;
  /** Hits came from the romanisation skeleton, not the exact name. */
  readonly skeleton?: boolean;
  readonly role?: 'location' | 'government';
}
