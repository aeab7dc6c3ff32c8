import type { ActorMention, EntityKind, Side, Token } from '../../model/index.js';

/** What an actor extractor proposes: a token range and what it names. Refiners pick among them. */
export interface ActorCandidate {
  /** Token indexes into `doc.tokens`, [from, to). */
  readonly from: number;
  readonly to: number;
  readonly kind: EntityKind;
  readonly side: Side;
  readonly name: string;
  readonly key: string | null;
  readonly role: string | null;
  readonly resolution: ActorMention['resolution'];
  readonly rule: string;
  /** The side was read from the context (an unnamed soldier speaks for the forces the sentence is about), not stated. */
  readonly sideInferred?: boolean;
  /** Token range [from, to) of the apposition that describes this person ("X, a Ukrainian lawmaker,"). */
  readonly apposition?: readonly [number, number];
}

/** A word that starts with a capital letter (ASCII checked directly: this runs for every token of every rule). */
export const isCapitalized = (t: Token | undefined): boolean => {
  if (t === undefined || t.kind !== 'word') return false;
  const c = t.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(t.text);
};

/** The text of tokens [from, to) as written, spacing taken from the document. */
export function tokensText(text: string, tokens: readonly Token[], from: number, to: number): string {
  return text.slice(tokens[from]!.span[0], tokens[to - 1]!.span[1]);
}

/** Prepositions after which a capital names a place, not a government acting ("in Kyiv", "to Moscow"). */
export const PLACE_PREPOSITIONS = new Set(['in', 'to', 'from', 'near', 'into', 'outside', 'around', 'at', 'toward', 'towards', 'via', 'across', 'between', 'and', 'of', 'over', 'through']);
