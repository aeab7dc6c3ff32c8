import type { ItemBase } from './item.js';

/** Which side of a conflict an actor speaks for. Extensible through the actor dictionary. */
export type Side = string; // 'RU' | 'UA' | 'IL' | 'HAMAS' | 'MEDIA' | 'THIRD' | 'UNKNOWN' | ...

export type EntityKind = 'person' | 'government' | 'military' | 'unit' | 'media' | 'organisation' | 'group' | 'unnamed' | 'evidence';

/** One actor within a document; mentions point to it. */
export interface Entity {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly side: Side;
  readonly role?: string | null;
  /** Id in the actor dictionary, when the entity is a known one. */
  readonly key?: string | null;
  readonly mentions: readonly string[];
}

export interface ActorMention extends ItemBase {
  readonly kind: 'actor';
  readonly entity: string;
  /** How the mention was linked: a name in the text, or an inference (coreference, metonymy). */
  readonly resolution: 'stated' | 'alias' | 'coreference' | 'metonymy' | 'rule';
}
