import type {
  ActorMention, AnalyzedDocument, Attribution, Entity, EntityKind, PlaceMention, Quantity, Side, Span, Stance,
} from '../../model/index.js';
import { compareItems, itemId } from '../../model/index.js';

/**
 * Test support: adds to an analysed document (segment and time stages run)
 * the actors, attributions, places and quantities the other stages would
 * produce, typed with the model, so the claims stage and the ledger can be
 * tested before those stages land. Spans are found by searching the text.
 */
export class HandBuilt {
  private readonly entities: Entity[] = [];
  private readonly actors: ActorMention[] = [];
  private readonly attributions: Attribution[] = [];
  private readonly places: PlaceMention[] = [];
  private readonly quantities: Quantity[] = [];

  constructor(private readonly doc: AnalyzedDocument) {}

  /** The span of the `nth` (from 0) occurrence of `needle`, searching from `after`. */
  span(needle: string, nth = 0, after = 0): Span {
    let at = this.doc.text.indexOf(needle, after);
    for (let i = 0; i < nth && at >= 0; i++) at = this.doc.text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`hand-built: "${needle}" (#${nth}) not in the text`);
    return [at, at + needle.length];
  }

  entity(key: string, name: string, kind: EntityKind, side: Side): string {
    const id = `entity:${key}`;
    if (!this.entities.some((e) => e.id === id)) this.entities.push({ id, name, kind, side, key, mentions: [] });
    return id;
  }

  actor(entity: string, span: Span, resolution: ActorMention['resolution'] = 'stated'): string {
    const id = itemId('actor', span);
    this.actors.push({ id, span, text: this.doc.text.slice(span[0], span[1]), origin: { stage: 'hand', rule: 'hand' }, kind: 'actor', entity, resolution });
    const e = this.entities.find((x) => x.id === entity)!;
    this.entities[this.entities.indexOf(e)] = { ...e, mentions: [...e.mentions, id] };
    return id;
  }

  attribution(a: {
    span: Span; source: Span | null; entity: string | null; cue: Span | null; lemma?: string; content: Span; stance: Stance; side: Side;
    time?: string | null; nestedIn?: string | null; voice?: 'source' | 'reporter';
  }): string {
    const id = itemId('attribution', a.span);
    const t = (s: Span) => ({ span: s, text: this.doc.text.slice(s[0], s[1]) });
    this.attributions.push({
      id, span: a.span, text: this.doc.text.slice(a.span[0], a.span[1]), origin: { stage: 'hand', rule: 'hand' }, kind: 'attribution',
      voice: a.voice ?? 'source', source: a.source ? { ...t(a.source), entity: a.entity } : null, speaker: a.entity,
      cue: a.cue ? { ...t(a.cue), lemma: a.lemma ?? this.doc.text.slice(a.cue[0], a.cue[1]) } : null,
      content: t(a.content), stance: a.stance, direct: 'indirect', time: a.time ?? null, side: a.side, nestedIn: a.nestedIn ?? null,
    });
    return id;
  }

  place(span: Span, name: string, geonameId: number, featureClass = 'P', featureCode = 'PPL', lat = 0, lon = 0): string {
    const id = itemId('place', span);
    this.places.push({
      id, span, text: this.doc.text.slice(span[0], span[1]), origin: { stage: 'hand', rule: 'hand' }, kind: 'place', name, geonameId,
      lat, lon, country: 'UA', admin1: 'Donetsk Oblast', admin2: null, featureClass, featureCode, historicName: false, confidence: 1, why: [], role: 'location',
    });
    return id;
  }

  quantity(span: Span, value: number | null, unit: string, modifiers: Quantity['modifiers'] = []): string {
    const id = itemId('quantity', span);
    this.quantities.push({ id, span, text: this.doc.text.slice(span[0], span[1]), origin: { stage: 'hand', rule: 'hand' }, kind: 'quantity', value, unit, modifiers });
    return id;
  }

  /** The time item covering `needle`'s `nth` occurrence. */
  time(needle: string, nth = 0): string {
    const [s] = this.span(needle, nth);
    const t = this.doc.times.find((x) => x.span[0] <= s && s < x.span[1]);
    if (!t) throw new Error(`hand-built: no time item at "${needle}"`);
    return t.id;
  }

  build(): AnalyzedDocument {
    return {
      ...this.doc,
      entities: [...this.entities],
      actors: [...this.actors].sort(compareItems),
      attributions: [...this.attributions].sort(compareItems),
      places: [...this.places].sort(compareItems),
      quantities: [...this.quantities].sort(compareItems),
    };
  }
}
