import type { ItemBase } from './item.js';

/**
 * Which side of a conflict an actor speaks for: an ISO 3166-1 alpha-2 code for
 * a state and its forces ('RU', 'UA', 'IL', 'SD'...), a key for a non-state
 * party ('HAMAS', 'RSF', 'M23'...), 'MEDIA' for outlets reporting, 'THIRD' for
 * outside parties (UN, ICRC), or 'UNKNOWN'. Extensible through the actor
 * dictionary (data/actors/actors.json).
 */
export type Side = string;

export type EntityKind = 'person' | 'government' | 'military' | 'unit' | 'media' | 'organisation' | 'group' | 'unnamed' | 'evidence';

/** One actor within a document; mentions point to it. */
export interface Entity {
  readonly id: string;
  /** The canonical name: the dictionary's, or the fullest form the text used. */
  readonly name: string;
  readonly kind: EntityKind;
  readonly side: Side;
  /** True when the side was inferred from the context rather than stated or found in the dictionary. */
  readonly sideInferred?: boolean;
  /** A title stripped from a person's name ("Kremlin spokesperson"). */
  readonly role?: string | null;
  /** Id in the actor dictionary, when the entity is a known one. */
  readonly key?: string | null;
  /** Ids of the actor mentions that name it, in text order. */
  readonly mentions: readonly string[];
}

export interface ActorMention extends ItemBase {
  readonly kind: 'actor';
  /** The entity id (see Entity.id). */
  readonly entity: string;
  /**
   * How the mention was linked: a dictionary name or alias, an inference
   * (coreference: "the ministry", "Syrskyi"; metonymy: "Moscow", "the Kremlin"
   * acting), or a rule for actors not in the dictionary ("a Russian military blogger").
   */
  readonly resolution: 'stated' | 'alias' | 'coreference' | 'metonymy' | 'rule';
}
