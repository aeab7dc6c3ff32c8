import type { ActorMention, Entity, Span } from '../../model/index.js';
import { indexByPosition, within, type PositionIndex } from '../position-index.js';

/** The actor mentions by position, indexed once per list: each source looks only inside itself (issue 19). */
const actorIndexes = new WeakMap<readonly ActorMention[], PositionIndex<ActorMention>>();

const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her']);

/**
 * The entity a source phrase names: the actor mention that ends last inside
 * it (the head: "Kremlin spokesperson Dmitry Peskov" → Peskov; "fighters from
 * Ukraine's 425th ..." is not a source); for "he"/"she" the latest person
 * mentioned before; for "who" the latest actor just before it.
 */
export function linkAttributionSource(
  sourceSpan: Span, sourceText: string, actors: readonly ActorMention[], entities: ReadonlyMap<string, Entity>,
): string | null {
  let byStart = actorIndexes.get(actors);
  if (!byStart) actorIndexes.set(actors, byStart = indexByPosition(actors, (a) => a.span[0]));
  let best: ActorMention | null = null;
  for (const a of within(byStart, sourceSpan[0], sourceSpan[1])) {
    if (!best || a.span[1] > best.span[1]) best = a;
  }
  if (best) return best.entity;
  const word = sourceText.toLowerCase();
  if (PERSON_PRONOUNS.has(word) || word === 'who') {
    for (let k = actors.length - 1; k >= 0; k--) {
      const a = actors[k]!;
      if (a.span[1] > sourceSpan[0]) continue;
      const e = entities.get(a.entity);
      if (!e) continue;
      if (word === 'who') return sourceSpan[0] - a.span[1] <= 3 ? e.id : null;
      if (e.kind === 'person') return e.id;
    }
  }
  return null;
}
