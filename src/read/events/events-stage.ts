import type { AnalyzedDocument, Event, Sentence, Span, Token } from '../../model/index.js';
import { compareItems, itemId } from '../../model/index.js';
import type { Stage } from '../stage.js';
import type { EventLexicon } from './event-lexicon.js';
import { codeIntent } from './code-intent.js';
import { codeMilitaryForce } from './code-military-force.js';
import { codeReversal } from './code-reversal.js';
import { eventModality } from './event-modality.js';
import { findActorPhrases } from './find-actor-phrases.js';
import { findTriggers, type TriggerMatch } from './find-triggers.js';
import { indexByPosition, spanCoverage, within as lyingWithin, type Coverage, type PositionIndex } from '../position-index.js';

/** The document's items by position, built once per document: each sentence looks only at its own (issue 19). */
interface EventIndex {
  readonly places: PositionIndex<AnalyzedDocument['places'][number]>;
  readonly actors: PositionIndex<AnalyzedDocument['actors'][number]>;
  readonly times: PositionIndex<AnalyzedDocument['times'][number]>;
  readonly quantities: PositionIndex<AnalyzedDocument['quantities'][number]>;
  readonly widestQuantity: number;
  readonly actorSpans: Coverage;
  readonly timeSpans: Coverage;
}
const eventIndexes = new WeakMap<AnalyzedDocument, EventIndex>();
function eventIndex(doc: AnalyzedDocument): EventIndex {
  let index = eventIndexes.get(doc);
  if (!index) {
    index = {
      places: indexByPosition(doc.places, (p) => p.span[0]),
      actors: indexByPosition(doc.actors, (a) => a.span[0]),
      times: indexByPosition(doc.times, (t) => t.span[0]),
      quantities: indexByPosition(doc.quantities, (q) => q.span[0]),
      widestQuantity: doc.quantities.reduce((m, q) => Math.max(m, q.span[1] - q.span[0]), 0),
      actorSpans: spanCoverage(doc.actors.map((a) => a.span)),
      timeSpans: spanCoverage(doc.times.map((t) => t.span)),
    };
    eventIndexes.set(doc, index);
  }
  return index;
}

export interface EventsOptions {
  /** data/events/triggers.tsv and actor-words.json, parsed by parseEventLexicon (loaded at the edge). */
  readonly lexicon: EventLexicon;
}

const STAGE = 'events';
const PASSIVE_AUX = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'got']);
const CONTENT_TAKERS = new Set(['DEMAND', 'THREATEN', 'ACCUSE', 'DISAPPROVE', 'REQUEST']);
const COORDINATORS = new Set(['and', 'but']);
const TARGET_PREPS = new Set(['on', 'against', 'to', 'with', 'at']);

interface Candidate {
  readonly from: number;
  readonly to: number;
  /** ActorMention id, when the actors stage made one. */
  readonly id: string | null;
}

/**
 * The events stage: codes each trigger of data/events/triggers.tsv as a PLOVER
 * event with its modality, source and target actors (the actor before the
 * trigger and the one after it; swapped in the passive "was attacked by"; an
 * actor word right before a noun trigger is its source: "Russian attacks"),
 * place and time (the sentence's), and size (a number counting the trigger
 * noun or the verb's object: "100 attacks", "deployed 11,000 troops").
 */
export function createEventsStage(options: EventsOptions): Stage {
  if (!options?.lexicon?.triggers) throw new Error('createEventsStage: options.lexicon is required (parseEventLexicon of data/events/*, loaded by loadResources)');
  const { lexicon } = options;
  return {
    name: STAGE,
    run(doc) {
      const events: Event[] = [];
      for (const sentence of doc.sentences) events.push(...sentenceEvents(doc, sentence, lexicon));
      return { ...doc, events: events.sort(compareItems) };
    },
  };
}

function tokenIndexAt(tokens: readonly Token[], sentence: Sentence, offset: number, end: boolean): number {
  for (let i = sentence.tokens[0]; i < sentence.tokens[1]; i++) {
    const t = tokens[i]!;
    if (!end && t.span[1] > offset) return i;
    if (end && t.span[1] >= offset) return i + 1;
  }
  return sentence.tokens[1];
}

function sentenceEvents(doc: AnalyzedDocument, sentence: Sentence, lexicon: EventLexicon): Event[] {
  const { tokens } = doc;
  const triggers = findTriggers(tokens, sentence, lexicon);
  if (triggers.length === 0) return [];
  const [first, last] = sentence.tokens;
  const triggerAt = new Set<number>();
  // Agent nouns ("protesters", "inspectors") are triggers and actors at once.
  for (const t of triggers) for (let i = t.from; i < t.to; i++) if (!lexicon.actorHeads.has(tokens[i]!.norm)) triggerAt.add(i);
  const index = eventIndex(doc);
  const places = lyingWithin(index.places, sentence.span[0], sentence.span[1]);
  // Where the event happened: a location, not a place inside an actor's name ("the General Staff of the
  // Armed Forces of Ukraine", "Russia's Defence Ministry"), which names whose the actor is.
  const wherePlaces = places.filter((p) => p.role === 'location' && !index.actorSpans.covers(p.span[0], p.span[1]));
  const locationAt = new Set<number>();
  for (const p of places) {
    if (p.role !== 'location') continue;
    for (let i = tokenIndexAt(tokens, sentence, p.span[0], false); i < tokenIndexAt(tokens, sentence, p.span[1], true); i++) locationAt.add(i);
  }
  const candidates = actorCandidates(doc, sentence, lexicon, (i) => triggerAt.has(i) || locationAt.has(i));
  const time = lyingWithin(index.times, sentence.span[0], sentence.span[1]).find((t) => !t.caption) ?? null;
  const spanOf = (c: Candidate | null): Span | null => (c ? [tokens[c.from]!.span[0], tokens[c.to - 1]!.span[1]] : null);

  // Reversals: "cancelled a planned visit" is coded on "visit" as SANCTION,
  // and the reversal verb, when it is a trigger itself ("halt", "lifted"),
  // gives way to the event it reverses.
  const reversal = triggers.map((t) => reversalBefore(tokens, first, t, lexicon));
  const reversedTypes = triggers.map((t, n) => (reversal[n] !== null ? codeReversal(t.form.type) : null));
  const reversers = new Set<number>();
  triggers.forEach((t, n) => {
    if (reversedTypes[n] === null) return;
    triggers.forEach((r, m) => {
      if (m !== n && r.from >= reversal[n]! && r.to <= t.from) reversers.add(m);
    });
  });
  const coded = triggers.flatMap((trigger, n) => {
    if (reversers.has(n)) return [];
    const reversed = reversedTypes[n] ?? null;
    // What follows a demand, threat, accusation or agreement is its content
    // ("demanded that Israel ease restrictions", "an ultimatum to halt attacks").
    const afterContentTaker = triggers.slice(0, n).some((t) => CONTENT_TAKERS.has(t.form.type));
    const modality = afterContentTaker ? 'embedded' : eventModality(tokens, first, trigger.from, n > 0);
    const { source, target } = argumentsOf(tokens, trigger, candidates, last);
    const placeAfter = wherePlaces.find((p) => p.span[0] >= tokens[trigger.to - 1]!.span[1]) ?? wherePlaces[0] ?? null;
    const size = sizeOf(doc, tokens, trigger, first, last);
    const means = reversed ?? codeMilitaryForce(trigger.form.type, trigger.form.mode, tokens, source, trigger.from, lexicon.military);
    const intent = codeIntent(means, modality);
    const rules = [reversed ? 'reversal' : means !== trigger.form.type ? 'military-force' : null, intent.rule].filter(Boolean).join('+');
    // A reversed event is the clause's act ("cancelled a visit"): it counts as a verb for the main event.
    const clauseLevel = trigger.form.verb || reversed !== null;
    return [{ trigger, modality, source, target, place: placeAfter, size, code: { type: intent.type, rule: rules || null }, clauseLevel, inPhrase: reversed === null && afterPreposition(tokens, first, trigger) }];
  });
  // The main event: a clause-level verb first, then a noun that is not the
  // circumstance of something else ("after 12 days of battles", "following the
  // killing of"), then anything not embedded.
  const mainIndex = Math.max(0, [
    coded.findIndex((c) => c.clauseLevel && c.modality !== 'embedded'),
    coded.findIndex((c) => !c.inPhrase && c.modality !== 'embedded'),
    coded.findIndex((c) => c.modality !== 'embedded'),
    0,
  ].find((i) => i >= 0)!);

  return coded.map((c, n) => {
    const span: Span = [tokens[c.trigger.from]!.span[0], tokens[c.trigger.to - 1]!.span[1]];
    return {
      id: itemId('event', span),
      kind: 'event',
      span,
      text: doc.text.slice(span[0], span[1]),
      origin: { stage: STAGE, rule: `trigger:${c.trigger.form.entry}:cameo-${c.trigger.form.cameo}${c.code.rule ? `+${c.code.rule}` : ''}` },
      type: c.code.type,
      mode: c.trigger.form.mode,
      context: [],
      modality: c.modality,
      main: n === mainIndex,
      sentence: sentence.index,
      actor: c.source?.id ?? null,
      actorSpan: spanOf(c.source),
      recipient: c.target?.id ?? null,
      recipientSpan: spanOf(c.target),
      place: c.place?.id ?? null,
      time: time?.id ?? null,
      size: c.size?.id ?? null,
      sizeValue: c.size?.value ?? null,
      claims: [],
    } satisfies Event;
  });
}

/** Actor items of the actors stage in the sentence, plus fallback phrases where no item is. */
function actorCandidates(doc: AnalyzedDocument, sentence: Sentence, lexicon: EventLexicon, skip: (i: number) => boolean): Candidate[] {
  const { tokens } = doc;
  const items: Candidate[] = lyingWithin(eventIndex(doc).actors, sentence.span[0], sentence.span[1])
    .map((a) => ({ from: tokenIndexAt(tokens, sentence, a.span[0], false), to: tokenIndexAt(tokens, sentence, a.span[1], true), id: a.id }));
  const covered = (i: number): boolean => items.some((c) => i >= c.from && i < c.to);
  const fallback = findActorPhrases(tokens, sentence, lexicon, (i) => skip(i) || covered(i)).map((p) => ({ ...p, id: null }));
  return [...items, ...fallback].sort((a, b) => a.from - b.from);
}

function argumentsOf(tokens: readonly Token[], trigger: TriggerMatch, candidates: readonly Candidate[], last: number): { source: Candidate | null; target: Candidate | null } {
  const before = candidates.filter((c) => c.to <= trigger.from);
  const after = candidates.filter((c) => c.from >= trigger.to && c.from - trigger.to <= 12);
  const closestBefore = before[before.length - 1] ?? null;
  const prev = tokens[trigger.from - 1];
  const next = trigger.to < last ? tokens[trigger.to] : undefined;
  // Passive: "was attacked by the rebels" — the agent follows "by".
  if (trigger.form.verb && prev && PASSIVE_AUX.has(prev.norm) && next?.norm === 'by') {
    return { source: after[0] ?? null, target: closestBefore };
  }
  // A noun trigger with its actor as modifier: "Russian attacks", "Israeli air strikes".
  if (!trigger.form.verb && closestBefore && closestBefore.to === trigger.from) {
    const onTarget = after.find((c) => TARGET_PREPS.has(tokens[c.from - 1]?.norm ?? '')) ?? null;
    return { source: closestBefore, target: onTarget };
  }
  // A verb coordinated with an earlier one shares its subject: "Syrskyi
  // acknowledged the conditions troops faced but denied the claims".
  if (trigger.form.verb && prev && COORDINATORS.has(prev.norm) && before.length > 1) {
    return { source: before[0]!, target: after[0] ?? null };
  }
  return { source: closestBefore, target: after[0] ?? null };
}

/** Token index of a reversal verb in the 4 tokens before a trigger, in its clause ("cancelled a planned visit"), or null. */
function reversalBefore(tokens: readonly Token[], first: number, trigger: TriggerMatch, lexicon: EventLexicon): number | null {
  for (let i = trigger.from - 1; i >= Math.max(first, trigger.from - 4); i--) {
    const t = tokens[i]!;
    if (t.kind === 'punct' || t.norm === 'and' || t.norm === 'that') return null;
    // "the end of talks" is a noun, not a reversal.
    if (i > first && ['the', 'a', 'an'].includes(tokens[i - 1]!.norm)) continue;
    if (lexicon.reversals.has(t.norm)) return i;
    const two = `${t.norm} ${tokens[i + 1]?.norm ?? ''}`;
    if (lexicon.reversals.has(two)) return i;
    const three = `${two} ${tokens[i + 2]?.norm ?? ''}`;
    if (lexicon.reversals.has(three)) return i;
  }
  return null;
}

const PREPOSITIONS = new Set(['of', 'after', 'following', 'during', 'in', 'with', 'against', 'for', 'over', 'from', 'since', 'before', 'amid', 'despite', 'about', 'by']);

/** Whether a noun trigger sits in a prepositional phrase ("after 12 days of battles"): up to 3 modifiers back to a preposition. */
function afterPreposition(tokens: readonly Token[], first: number, trigger: TriggerMatch): boolean {
  if (trigger.form.verb) return false;
  for (let i = trigger.from - 1; i >= Math.max(first, trigger.from - 4); i--) {
    const t = tokens[i]!;
    if (PREPOSITIONS.has(t.norm)) return true;
    if (t.kind === 'punct' || t.norm === 'and' || t.norm === 'to') return false;
  }
  return false;
}

function numberValue(text: string): number | null {
  const v = Number(text.replace(/,/g, ''));
  return Number.isFinite(v) ? v : null;
}

/** The number that counts the trigger noun ("100 Russian attacks") or the verb's object ("deployed an additional 11,000 troops"). */
function sizeOf(doc: AnalyzedDocument, tokens: readonly Token[], trigger: TriggerMatch, first: number, last: number): { id: string | null; value: number | null } | null {
  let at = -1;
  if (!trigger.form.verb) {
    for (let i = trigger.from - 1; i >= Math.max(first, trigger.from - 3); i--) {
      if (tokens[i]!.kind === 'number') {
        at = i;
        break;
      }
      if (tokens[i]!.kind !== 'word') break;
    }
  } else {
    for (let i = trigger.to; i < Math.min(last, trigger.to + 4); i++) {
      if (tokens[i]!.kind === 'number') {
        at = i;
        break;
      }
      if (tokens[i]!.kind !== 'word') break;
    }
  }
  if (at < 0) return null;
  const t = tokens[at]!;
  // A year or a day of the month is a time, not a count ("slowed between late 2024").
  const index = eventIndex(doc);
  if (index.timeSpans.covers(t.span[0], t.span[1])) return null;
  const quantity = index.quantities.between(t.span[0] - index.widestQuantity, t.span[0] + 1).find((q) => q.span[1] >= t.span[1]);
  return { id: quantity?.id ?? null, value: quantity?.value ?? numberValue(t.text) };
}
