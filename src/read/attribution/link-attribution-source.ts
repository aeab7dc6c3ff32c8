import type { ActorMention, Entity, Span } from '../../model/index.js';
import type { SourceCoreference } from './cue-lexicon.js';
import { indexByPosition, within, type PositionIndex } from '../position-index.js';

/** The actor mentions by position, indexed once per list: each source looks only inside itself (issue 19). */
const actorIndexes = new WeakMap<readonly ActorMention[], PositionIndex<ActorMention>>();

const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her']);

/**
 * The entity a source phrase names: the actor mention that ends last inside
 * it (the head: "Kremlin spokesperson Dmitry Peskov" → Peskov; "fighters from
 * Ukraine's 425th ..." is not a source); for "he"/"she" the latest person
 * mentioned before; for "who" the latest actor just before it. A language's
 * own words (`coreference`, data/cues/<language>/cues.json) add its pronouns
 * and, for a word for a body or its statement ("ведомство", "у повідомленні",
 * "там"), the latest institution named before.
 */
export function linkAttributionSource(
  sourceSpan: Span, sourceText: string, actors: readonly ActorMention[], entities: ReadonlyMap<string, Entity>, coreference?: SourceCoreference,
  onlyCoreference = false,
): string | null {
  // (onlyCoreference: `actors` are earlier sources, searched for a pronoun or a body word only)
  // A source that opens with a pronoun is the person it points back to, whatever it names after ("он в докладе президенту ...").
  const first = sourceText.toLowerCase().split(/\s+/)[0] ?? '';
  if (coreference?.person.has(first) && first !== sourceText.toLowerCase()) {
    return linkAttributionSource(sourceSpan, first, actors, entities, coreference, onlyCoreference);
  }
  let byStart = actorIndexes.get(actors);
  if (!byStart) actorIndexes.set(actors, byStart = indexByPosition(actors, (a) => a.span[0]));
  let best: ActorMention | null = null;
  for (const a of within(byStart, sourceSpan[0], sourceSpan[1])) {
    if (!best || a.span[1] > best.span[1]) best = a;
  }
  if (best && !onlyCoreference) return best.entity;
  const word = sourceText.toLowerCase();
  if (coreference) {
    const last = word.split(/[\s"«»„“”]+/).filter(Boolean).pop() ?? '';
    const person = coreference.person.has(word);
    if (person || coreference.body.has(last)) {
      for (let k = endBefore(actors, sourceSpan[0]) - 1; k >= 0; k--) {
        const a = actors[k]!;
        if (a.span[1] > sourceSpan[0]) continue;
        const e = entities.get(a.entity);
        if (!e) continue;
        // among earlier sources a pronoun may also point to the unit an unnamed speaker was described by ("офицер полка ...")
        if (person ? e.kind === 'person' || (onlyCoreference && e.kind !== 'media') : e.kind !== 'person' && e.kind !== 'media') return e.id;
      }
      return null;
    }
  }
  if (PERSON_PRONOUNS.has(word) || word === 'who') {
    for (let k = endBefore(actors, sourceSpan[0]) - 1; k >= 0; k--) {
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

const inTextOrder = new WeakMap<readonly ActorMention[], { checked: number; ordered: boolean }>();

/**
 * Where a search back from `at` may start: past the last actor that starts by `at` where the actors are in
 * text order (the ones after it end after `at`, and are skipped), else the end. A search back from the
 * document's last actor per pronoun was quadratic in document size (issue 19). (The stage's list of
 * sources so far grows between calls: the order is checked as far as it has been, then on.)
 */
function endBefore(actors: readonly ActorMention[], at: number): number {
  let order = inTextOrder.get(actors);
  if (!order) inTextOrder.set(actors, order = { checked: 1, ordered: true });
  for (; order.checked < actors.length && order.ordered; order.checked++) if (actors[order.checked]!.span[0] < actors[order.checked - 1]!.span[0]) order.ordered = false;
  if (!order.ordered) return actors.length;
  let lo = 0;
  let hi = actors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (actors[mid]!.span[0] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
