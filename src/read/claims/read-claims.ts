import type {
  AnalyzedDocument, Claim, ClaimArg, DateWindow, EvidenceGrade, Modality, PlaceMention, Predicate, Quantity, Side, Span, Token,
} from '../../model/index.js';
import { itemId, placeKey } from '../../model/index.js';
import { eventNounAt, type SiteLexicon, type SiteMention } from './find-sites.js';
import type { ClaimLexicon, PredicateEntry } from './claim-lexicon.js';
import type { ClaimSegment } from './claim-segments.js';
import { NON_PARTY_SIDES, tokenAt, type ForceMention } from './find-forces.js';
import { findTriggers, type TriggerMatch } from './find-triggers.js';
import { timexWindow } from './time-window.js';
import { indexByPosition, spanCoverage, spanLookup, upperBound, within, type Coverage, type PositionIndex } from '../position-index.js';

const STAGE = 'claims';
/** Predicates whose unstated actor, in a party's own words, is that party's forces. */
const SPEAKER_OWN: ReadonlySet<Predicate> = new Set(['captured', 'presence', 'controls', 'withdrew']);
/** Capture words only the capturer uses of itself ("liberated", "regained control", "retook"). */
const CAPTURER_WORDS = /^(liberat|regain|retook|retake|recaptur|освобо[дж]|звільн)/;
/** Capture words the side that lost a place uses ("the fall of the palace"). */
const LOSER_WORDS = /^(fall\b|fell\b|окупац|оккупац)/;
/** Tokens after a trigger searched for its object force. */
const AFTER_REACH = 8;
/** Tokens a bare demonym may sit from its trigger ("100 Russian attacks", "Russian infantry assaults"). */
const BARE_REACH = 3;
/** Tokens before a trigger searched for negation and modality cues. */
const CUE_REACH = 4;
/** Tokens between a party and a possessive that it owns ("the Houthi group on Saturday that its forces"). */
const OWNER_REACH = 5;
/** Hypothetical cues that name a risk: negated, they deny the state ("no threat of encirclement"). */
const RISK_WORDS = new Set(['threat', 'risk', 'danger']);
/** Words that end a clause when looking left from a trigger for its subject. */
const LEFT_BOUNDARIES = new Set(['.', ';', 'while', 'but', 'whereas', 'although', 'because', 'as']);
const RIGHT_BOUNDARIES = new Set(['.', ';', 'while', 'but', 'whereas', 'although', 'because']);
const EXTENT_WORDS = new Set(['entire', 'whole', 'all']);
const NEAR_WORDS = new Set(['virtually', 'almost', 'nearly', 'most', 'practically']);
/** Words that make a control claim partial: a share or a part of the place. */
const PART_WORDS = new Set(['part', 'parts', 'percent', '%', 'half', 'portion', 'portions', 'outskirts', 'districts', 'neighbourhoods', 'neighborhoods', 'quarters', 'sections']);
/** Tokens around a control trigger searched for a part of the place. */
const PART_REACH = 6;

/**
 * The document's items by position, built once per document (and per force list) and
 * found again by identity, so that what is looked up per segment and per trigger
 * costs its neighbourhood, not the document (issue 19).
 */
interface DocIndex {
  readonly timeById: ReadonlyMap<string, AnalyzedDocument['times'][number]>;
  readonly timesByStart: PositionIndex<AnalyzedDocument['times'][number]>;
  readonly quantitiesByStart: PositionIndex<Quantity>;
  readonly sentenceAt: (offset: number) => AnalyzedDocument['sentences'][number] | undefined;
  readonly contents: Coverage;
}
const docIndexes = new WeakMap<AnalyzedDocument, DocIndex>();
function docIndex(doc: AnalyzedDocument): DocIndex {
  let index = docIndexes.get(doc);
  if (!index) {
    const timeById = new Map<string, AnalyzedDocument['times'][number]>();
    for (const t of doc.times) if (!timeById.has(t.id)) timeById.set(t.id, t);
    index = {
      timeById,
      timesByStart: indexByPosition(doc.times, (t) => t.span[0]),
      quantitiesByStart: indexByPosition(doc.quantities, (q) => q.span[0]),
      sentenceAt: spanLookup(doc.sentences),
      contents: spanCoverage(doc.attributions.map((x) => x.content.span)),
    };
    docIndexes.set(doc, index);
  }
  return index;
}

interface ForceIndex {
  readonly byFrom: PositionIndex<ForceMention>;
  readonly byStart: PositionIndex<ForceMention>;
  /** The most tokens and characters one mention spans: how far back a window must reach. */
  readonly longest: number;
  readonly widest: number;
}
const forceIndexes = new WeakMap<readonly ForceMention[], ForceIndex>();
function forceIndex(forces: readonly ForceMention[]): ForceIndex {
  let index = forceIndexes.get(forces);
  if (!index) {
    index = {
      byFrom: indexByPosition(forces, (f) => f.from),
      byStart: indexByPosition(forces, (f) => f.span[0]),
      longest: forces.reduce((m, f) => Math.max(m, f.to - f.from), 0),
      widest: forces.reduce((m, f) => Math.max(m, f.span[1] - f.span[0]), 0),
    };
    forceIndexes.set(forces, index);
  }
  return index;
}

interface PlaceIndex {
  readonly byStart: PositionIndex<PlaceMention>;
  /** The last populated place (in list order) that ends at or before an offset. */
  readonly lastPopulatedBefore: (offset: number) => PlaceMention | undefined;
}
const placeIndexes = new WeakMap<readonly PlaceMention[], PlaceIndex>();
function placeIndex(places: readonly PlaceMention[]): PlaceIndex {
  let index = placeIndexes.get(places);
  if (!index) {
    const populated = places.filter((p) => p.featureClass === null || p.featureClass === 'P');
    let byEnd = true;
    for (let i = 1; i < populated.length && byEnd; i++) if (populated[i]!.span[1] < populated[i - 1]!.span[1]) byEnd = false;
    const ends = Float64Array.from(populated, (p) => p.span[1]);
    index = {
      byStart: indexByPosition(places, (p) => p.span[0]),
      lastPopulatedBefore: byEnd
        ? (offset) => {
          const lo = upperBound(ends, offset);
          return lo > 0 ? populated[lo - 1] : undefined;
        }
        : (offset) => [...populated].reverse().find((p) => p.span[1] <= offset),
    };
    placeIndexes.set(places, index);
  }
  return index;
}

export interface ReadClaimsInput {
  readonly doc: AnalyzedDocument;
  readonly lexicon: ClaimLexicon;
  readonly segments: readonly ClaimSegment[];
  readonly forces: readonly ForceMention[];
  /** Event sites of the document in text order (find-sites.ts); none where the language has no site lexicon. */
  readonly sites?: readonly SiteMention[];
}

/** Reads every segment's propositions: one claim per trigger, a `said` claim for attributed content with none. */
export function readClaims({ doc, lexicon, segments, forces, sites = [] }: ReadClaimsInput): Claim[] {
  const { tokens } = doc;
  const inForce = new Uint8Array(tokens.length);
  for (const f of forces) if (!f.pronoun) for (let i = f.from; i < f.to; i++) inForce[i] = 1;
  const timesById = new Map(doc.times.map((t) => [t.id, t]));
  const { byStart: forcesByStart, widest } = forceIndex(forces);
  const places = doc.places.filter((p) => p.role !== 'government'
    && !forcesByStart.between(p.span[0] - widest, p.span[1]).some((f) => f.item !== null && overlaps(f.span, p.span)));
  const focus = documentFocus(places);
  const claims: Claim[] = [];
  const seen = new Set<string>();
  const claimAttribution = new Map<string, string | null>();
  // Attributions by where their content starts: each segment looks only inside itself for reports (linear).
  const reportsByContent = indexByPosition(doc.attributions, (a) => a.content.span[0]);
  const sitesByToken = indexByPosition(sites, (m) => m.from);

  for (const seg of segments) {
    // One claim per proposition per segment ("trapped in pockets" is one encirclement).
    const said = new Set<string>();
    // Forces taken as the object of an earlier trigger are not the subject of a later one
    // ("... to push back advancing Russian units and taking countermeasures").
    const objects = new Set<ForceMention>();
    const statedAt = statementTime(doc, seg);
    const speakerSide = NON_PARTY_SIDES.has(seg.side) ? null : seg.side;
    const triggers = findTriggers(tokens, seg.from, seg.to, lexicon, inForce);
    // Reports inside this content ("a claim by the Houthis that its forces ..."): their speakers own their pronouns.
    const innerReports = seg.attribution ? reportsByContent.between(seg.start, seg.end).filter((a) => a !== seg.attribution && a.voice === 'source'
      && a.content.span[1] <= seg.end && a.span[0] >= seg.start) : [];
    let emitted = 0;
    for (const match of triggers) {
      const start = tokens[match.from]!.span[0];
      const inNested = seg.nested.some(([s, e]) => start >= s && start < e);
      // A nested claim is its own source's; the reporter of it only says it
      // was claimed, unless denying or conceding it.
      // "acknowledged ... but denied Russian claims that ...": a denial verb
      // right before the nested report makes the outer speaker deny it, whatever
      // stance the outer attribution was given.
      const nest = seg.nested.find(([s, e]) => start >= s && start < e);
      const denied = nest !== undefined && deniedBefore(doc, seg, nest[0]);
      if (inNested && seg.stance !== 'deny' && seg.stance !== 'acknowledge' && !denied) continue;
      // Inside a report the outer speaker denies ("a claim by the Houthis that its forces attacked ... is
      // false"), "its"/"our" are the reported speaker's, not the denier's.
      const reported = innerReports.filter((a) => a.content.span[0] <= start && start < a.content.span[1])
        .sort((x, y) => (x.content.span[1] - x.content.span[0]) - (y.content.span[1] - y.content.span[0]))[0];
      const reportedSide = reported?.side;
      const ownSide = reportedSide && !NON_PARTY_SIDES.has(reportedSide) ? reportedSide : speakerSide;
      const read = readOne(doc, lexicon, denied ? { ...seg, stance: 'deny' } : seg, match, forces, places, focus, ownSide, statedAt, timesById, objects, sitesByToken);
      // two attributions of one content (a denial and the claim it refers back to): each reads its own claim
      const claim = read && seen.has(read.id) && seg.attribution && claimAttribution.get(read.id) !== seg.attribution.id
        ? { ...read, id: `${read.id}@${seg.attribution.id}` } : read;
      if (!claim || seen.has(claim.id)) continue;
      claimAttribution.set(claim.id, claim.attribution);
      const sayKey = `${claim.proposition}|${claim.polarity}|${claim.modality}|${inNested}`;
      if (said.has(sayKey)) continue;
      said.add(sayKey);
      seen.add(claim.id);
      claims.push(claim);
      emitted++;
      // "the liberation of Huliaipole and Dimitrov": each place joined to the claim's own is claimed alike
      for (const extra of coordinatedClaims(doc, lexicon, claim, places, seg)) {
        if (seen.has(extra.id)) continue;
        seen.add(extra.id);
        claims.push(extra);
        emitted++;
      }
    }
    // "That is not true," the spokesman said: a rejection with no proposition of its own in its
    // sentence denies the claim it answers, the latest one another side made just before it.
    const rebuttal = referencedDenial(doc, lexicon, seg, triggers, tokens, claims);
    if (rebuttal && !seen.has(rebuttal.id)) {
      seen.add(rebuttal.id);
      claims.push(rebuttal);
      emitted++;
    }
    if (emitted === 0 && seg.voice === 'source' && seg.attribution && seg.nested.length === 0) {
      const fallback = saidClaim(doc, seg, forces, statedAt);
      if (fallback && !seen.has(fallback.id)) {
        seen.add(fallback.id);
        claims.push(fallback);
      }
    }
  }
  return claims;
}

function readOne(
  doc: AnalyzedDocument, lexicon: ClaimLexicon, seg: ClaimSegment, match: TriggerMatch,
  forces: readonly ForceMention[], places: readonly PlaceMention[], focus: PlaceMention | null,
  speakerSide: Side | null, statedAt: Claim['statedAt'], timesById: Map<string, AnalyzedDocument['times'][number]>,
  objects: Set<ForceMention>, sites: PositionIndex<SiteMention>,
): Claim | null {
  const { tokens } = doc;
  const { trigger } = match;
  const entry = trigger.entry;
  const ctx = lexicon.context;
  const left = leftLimit(tokens, seg.from, match.from);
  const right = rightLimit(tokens, seg.to, match.to);
  const args = new Map<string, ClaimArg>();
  const used: Span[] = [];

  const forceArg = (role: string, f: ForceMention, rule: string): void => {
    const side = resolveSide(f, forces, seg, speakerSide, ctx.opponents, tokens);
    if (!side) return;
    args.set(role, {
      role, key: `force:${side.side}`, label: `${side.side} forces`, basis: f.basis === 'stated' && side.basis === 'stated' ? 'stated' : 'inferred',
      item: f.item, rule: side.basis === 'stated' ? rule : `${rule}+${side.rule}`,
    });
    if (f.basis === 'stated') used.push(f.span);
  };

  // Subject: a force right after a modifier trigger ("advancing Russian units"), else the nearest before it.
  const near = forceIndex(forces).byFrom.between(left, right);
  const after = near.filter((f) => f.from >= match.to && f.from < right && f.from - match.to <= (f.bare ? BARE_REACH : AFTER_REACH));
  const before = near.filter((f) => f.to <= match.from && f.from >= left && !(objects.has(f) && !f.bare && tokens[f.to]?.norm !== 'to') && (!f.bare || match.from - f.to <= BARE_REACH));
  if (trigger.form) {
    for (const r of rolesBySyntax(tokens, trigger, match, left, right, before, after, forces)) {
      if (args.has(r.role)) continue;
      if (r.rule === 'subject' && !bearsLoss(tokens, lexicon, trigger.kindOf, r.force, match.from)) continue;
      forceArg(r.role, r.force, r.rule);
      if (r.force.from >= match.to) objects.add(r.force);
    }
  } else {
    let afterUsed = false;
    if (trigger.modifier && after[0] && after[0].from - match.to <= 1 && trigger.before) {
      forceArg(trigger.before, after[0], 'modifier-object');
      objects.add(after[0]);
      afterUsed = true;
    } else if (trigger.before && before.length > 0 && bearsLoss(tokens, lexicon, trigger.kindOf, before[before.length - 1]!, match.from)) {
      forceArg(trigger.before, before[before.length - 1]!, 'subject');
    }
    if (trigger.after && !afterUsed && after[0] && !args.has(trigger.after)) {
      forceArg(trigger.after, after[0], 'object');
      objects.add(after[0]);
    }
  }
  for (const [role, from] of Object.entries(entry.opponentOf ?? {})) {
    const other = args.get(from);
    const opponent = other ? ctx.opponents[other.key.slice('force:'.length)] : undefined;
    if (!args.has(role) && other && opponent) {
      args.set(role, { role, key: `force:${opponent}`, label: `${opponent} forces`, basis: 'inferred', item: null, rule: `opponent-of-${from}` });
    }
  }

  // A party speaking of its own gains or footholds without naming the force ("the settlement has been
  // liberated", "the fighting for the town continues", "part of the village remains under control")
  // speaks of its own forces: "liberate" is the capturer's own word, presence and holding the holder's.
  // "under Russian control": the force stands inside the trigger's words.
  if (!args.has('actor') && entry.roles.includes('actor')) {
    const inside = forces.find((f) => f.from > match.from && f.to < match.to && !f.pronoun);
    if (inside) forceArg('actor', inside, 'inside-trigger');
  }
  // "The fall of the palace" from the side that held it is the other side's capture.
  if (speakerSide && seg.voice === 'source' && !args.has('actor') && entry.roles.includes('actor') && SPEAKER_OWN.has(entry.predicate)) {
    const loss = entry.predicate === 'captured' && LOSER_WORDS.test(trigger.lemma);
    const own = entry.predicate !== 'captured' || CAPTURER_WORDS.test(trigger.lemma);
    const side = loss ? ctx.opponents[speakerSide] : own ? speakerSide : undefined;
    if (side) args.set('actor', { role: 'actor', key: `force:${side}`, label: `${side} forces`, basis: 'inferred', item: null, rule: loss ? 'speaker-loss' : 'speaker-own-forces' });
  }

  if (entry.roles.includes('place')) {
    const chosen = choosePlace(doc, lexicon, seg, match, places, focus, left, right);
    // "captured a village near Kupiansk": what was taken is the unnamed village, not the town named beside it
    const place = chosen && VICINITY_SENSITIVE.has(entry.predicate) && chosen.arg.basis === 'stated' && namesOnlyVicinity(doc.tokens, lexicon, chosen.span) ? null : chosen;
    if (place) {
      args.set('place', place.arg);
      if (place.arg.basis === 'stated') used.push(place.span);
    }
  }
  if (entry.roles.includes('manner')) {
    const manner = mannerOf(doc, lexicon, match);
    if (manner) args.set('manner', { role: 'manner', key: `manner:${manner}`, label: manner, basis: 'stated', item: null, rule: 'manner-words' });
  }
  if (entry.roles.includes('site') && lexicon.sites) {
    const site = chooseSite(doc, lexicon.sites, sites, match, left, right);
    if (site) {
      args.set('site', { role: 'site', key: site.mention.key, label: site.mention.label, basis: site.basis, item: null, rule: site.rule });
      if (site.basis === 'stated') used.push(site.mention.span);
    }
  }
  if (entry.counts && entry.roles.includes('count')) {
    const count = chooseCount(doc, entry, match, left, right);
    if (count) {
      args.set('count', count.arg);
      used.push(count.span);
    }
  }
  if (entry.roles.includes('extent')) {
    const extent = chooseExtent(tokens, match, left, right) ?? trigger.extent;
    if (extent) args.set('extent', { role: 'extent', key: `extent:${extent}`, label: extent, basis: 'stated', item: null, rule: 'extent-words' });
  }
  if (trigger.kindOf) args.set('kind', { role: 'kind', key: `kind:${trigger.kindOf}`, label: trigger.kindOf, basis: 'stated', item: null, rule: 'trigger-kind' });

  const polarity = negated(tokens, left, responsibilityLead(tokens, left, match.from), lexicon) !== deniesTrigger(doc, seg, triggerStartOf(tokens, match)) ? 'negative' : 'positive';
  // "reports of the capture of X are untrue": a party that denies a capture no one is named for denies the other side's
  if (polarity === 'negative' && speakerSide && seg.voice === 'source' && entry.predicate === 'captured' && !args.has('actor') && ctx.opponents[speakerSide]) {
    const side = ctx.opponents[speakerSide]!;
    args.set('actor', { role: 'actor', key: `force:${side}`, label: `${side} forces`, basis: 'inferred', item: null, rule: 'denied-by-defender' });
  }
  const modality = modalityOf(tokens, left, match.from, lexicon, seg);
  const triggerSpan: Span = [tokens[match.from]!.span[0], tokens[match.to - 1]!.span[1]];
  const inside = used.filter((s) => s[0] >= seg.start && s[1] <= seg.end);
  const span: Span = [Math.min(triggerSpan[0], ...inside.map((s) => s[0])), Math.max(triggerSpan[1], ...inside.map((s) => s[1]))];
  const orderedArgs = entry.roles.flatMap((role) => (args.has(role) ? [args.get(role)!] : []));
  const proposition = propositionKey(entry.predicate, entry.key, args);
  const about = notAfterDocument(aboutTime(doc, seg, match, statedAt, timesById, left, right), doc.meta.published);
  const claimPlaces = orderedArgs.filter((a) => a.role === 'place' && a.item).map((a) => a.item!);
  const base = {
    predicate: entry.predicate, args: orderedArgs, polarity, modality, side: seg.side,
  } as const;
  return {
    id: itemId('claim', span, `${entry.predicate}@${seg.start}`),
    span, text: doc.text.slice(span[0], span[1]),
    origin: { stage: STAGE, rule: `trigger:${trigger.lemma}` },
    kind: 'claim',
    ...base,
    proposition,
    trigger: { span: triggerSpan, text: doc.text.slice(triggerSpan[0], triggerSpan[1]), lemma: trigger.lemma },
    attribution: seg.attribution?.id ?? null,
    source: seg.speaker,
    voice: seg.voice,
    stance: seg.stance,
    grade: evidenceGrade(doc, lexicon, seg, entry, args, polarity, modality),
    statedAt,
    about,
    places: claimPlaces,
  };
}

const triggerStartOf = (tokens: readonly Token[], match: TriggerMatch): number => tokens[match.from]!.span[0];

/** Control predicates whose place may be a list ("liberated X and Y", "звільнення X та Y"). */
const LISTED_PLACES: ReadonlySet<Predicate> = new Set(['captured', 'controls', 'withdrew', 'presence', 'encircled']);
/** What may stand between two listed places: the first one's region ("в Запорожской области"), then a conjunction or comma. */
const PLACE_JOIN = /^\s*(?:(?:in|в|во|у|на)\s+[^,;.:!?]{1,40}?)?\s*(?:,|and|и|і|й|та|а также)\s*$/iu;

/**
 * The copies of a control claim for the places listed after its own
 * ("об освобождении Гуляйполя и Димитрова", "liberated Kurakhove and
 * Dachne"): a populated place that follows the claim's stated place in the
 * same segment, joined to it by a conjunction or comma (after an optional
 * region of the first), is claimed alike. Same source, stance and time; the
 * place argument and the proposition change.
 */
function coordinatedClaims(doc: AnalyzedDocument, lexicon: ClaimLexicon, claim: Claim, places: readonly PlaceMention[], seg: ClaimSegment): Claim[] {
  if (!LISTED_PLACES.has(claim.predicate)) return [];
  const placeArgIndex = claim.args.findIndex((a) => a.role === 'place' && a.basis === 'stated' && a.rule === 'place-in-clause');
  if (placeArgIndex < 0) return [];
  const { byStart } = placeIndex(places);
  const own = places.find((p) => p.id === claim.args[placeArgIndex]!.item);
  if (!own) return [];
  let last: PlaceMention = own;
  const entry = lexicon.predicates.get(claim.predicate);
  if (!entry) return [];
  const out: Claim[] = [];
  const keys = new Set([claim.args[placeArgIndex]!.key]);
  for (let guard = 0; guard < 12; guard++) {
    const from: number = last.span[1];
    const next: PlaceMention | undefined = within(byStart, from, Math.min(seg.end, from + 60)).find((p) => p.span[0] >= from && (p.featureClass === null || p.featureClass === 'P'));
    if (!next || !PLACE_JOIN.test(doc.text.slice(from, next.span[0]))) break;
    last = next;
    const arg = placeArg(next, 'stated', 'place-listed').arg;
    if (keys.has(arg.key)) continue;
    keys.add(arg.key);
    const args = claim.args.map((a, i) => (i === placeArgIndex ? arg : a));
    const span: Span = [claim.span[0], Math.max(claim.span[1], next.span[1])];
    out.push({
      ...claim,
      id: itemId('claim', next.span, `${claim.predicate}@${seg.start}:listed`),
      span, text: doc.text.slice(span[0], span[1]),
      args,
      proposition: propositionKey(claim.predicate, entry.key, new Map(args.map((a) => [a.role, a]))),
      places: args.filter((a) => a.role === 'place' && a.item).map((a) => a.item!),
    });
  }
  return out;
}

/** Words that open the complement a rejection governs ("incorrect to claim that ...", "reports of ... are false"). */
const COMPLEMENT = /(?<![\p{L}])(that|claims?|reports?|statements?|allegations?|of|about)(?![\p{L}])/iu;

/**
 * Whether the speaker denies the proposition a trigger starts: a denial cue
 * denies all it reports ("denied that ..."); a rejection read from the content
 * denies only its complement in the same sentence ("It is incorrect to claim
 * that the town was fully controlled" — but in "This is not true. Our units are
 * fighting in the town" the second sentence is the speaker's own claim), and a
 * rebuttal that is itself a claim ("our units still hold the town") denies nothing
 * of its own words (its contradiction is the ledger's to find).
 */
function deniesTrigger(doc: AnalyzedDocument, seg: ClaimSegment, at: number): boolean {
  if (seg.stance !== 'deny') return false;
  const from = seg.attribution?.stanceFrom;
  if (!from) return true;
  if (!from.rule.endsWith('-frame')) return false;
  const sentence = doc.sentences[sentenceIndexAt(doc, from.span[0])];
  if (!sentence || at < sentence.span[0] || at >= sentence.span[1]) return false;
  if (at < from.span[0]) return true;
  return COMPLEMENT.test(doc.text.slice(from.span[1], at));
}

/**
 * A claim of fact is about a time no later than its document: a window that
 * starts after the publication day (a date read into the wrong year, a plan
 * for "next week") ends there, so no status is dated after every article.
 */
function notAfterDocument(about: Claim['about'], published: string | null): Claim['about'] {
  const day = published?.slice(0, 10);
  if (!about.window || !day || !/^\d{4}-\d{2}-\d{2}$/.test(day) || about.window.end <= day) return about;
  return { time: about.time, window: { start: about.window.start <= day ? about.window.start : day, end: day } };
}

/** Sentences back a rejection may answer a claim across ("… it said. “That is false,” an official said"). */
const REBUTTAL_REACH = 3;

/**
 * A rejection read from the content ("This is not true", "the claim is false")
 * whose sentence holds no proposition of its own denies the claim it answers:
 * the latest asserted claim before it, from another side, within a few
 * sentences. The denial is a copy of that proposition with negative polarity,
 * said by the rejecting speaker, its trigger the rejection's words.
 */
function referencedDenial(doc: AnalyzedDocument, lexicon: ClaimLexicon, seg: ClaimSegment, triggers: readonly TriggerMatch[], tokens: readonly Token[], earlier: readonly Claim[]): Claim | null {
  if (seg.stance !== 'deny' || !seg.attribution) return null;
  // "Kyiv denied the claim", "Генштаб опроверг эти сведения": a denial whose whole content names a claim
  // answers the claim before it, as a rejection with no proposition of its own does
  const anaphor = seg.attribution.cue && namesAClaim(tokens, seg, lexicon)
    ? { span: seg.attribution.cue.span, text: seg.attribution.cue.text, rule: 'denied-anaphor' } : undefined;
  const from = anaphor ?? seg.attribution.stanceFrom;
  if (!from || (!anaphor && !from.rule.endsWith('-frame'))) return null;
  const at = sentenceIndexAt(doc, from.span[0]);
  if (at < 0) return null;
  const sentence = doc.sentences[at]!;
  if (triggers.some((m) => tokens[m.from]!.span[0] >= sentence.span[0] && tokens[m.from]!.span[0] < sentence.span[1])) return null;
  // "it was incorrect to claim that …": the rejection governs a complement of its own sentence, not an earlier claim
  if (!anaphor && COMPLEMENT.test(doc.text.slice(from.span[1], sentence.span[1]))) return null;
  const reach = doc.sentences[Math.max(0, at - REBUTTAL_REACH)]!.span[0];
  let answered: Claim | null = null;
  for (let k = earlier.length - 1; k >= 0; k--) {
    const c = earlier[k]!;
    if (c.span[0] >= from.span[0]) continue;
    if (c.span[0] < reach) break;
    // an unknown argument is too little to answer, but for the capturer of a named place ("the capture of X")
    if (c.predicate === 'said' || c.polarity !== 'positive' || c.modality !== 'asserted' || (c.proposition.includes('?') && !knownPlaceCapture(c))) continue;
    if (c.side === seg.side || (seg.speaker !== null && c.source === seg.speaker)) continue;
    answered = c;
    break;
  }
  if (!answered) return null;
  return {
    ...answered,
    id: itemId('claim', from.span, `${answered.predicate}@${seg.start}:rebuttal`),
    span: from.span, text: from.text,
    origin: { stage: STAGE, rule: 'referenced-denial' },
    polarity: 'negative',
    trigger: { span: from.span, text: from.text, lemma: from.rule },
    attribution: seg.attribution.id, source: seg.speaker, voice: seg.voice, side: seg.side, stance: 'deny',
    grade: seg.side === 'THIRD' ? 'independent' : NON_PARTY_SIDES.has(seg.side) ? 'reporter' : 'party',
    statedAt: statementTime(doc, seg),
  };
}

/** A capture claim whose only unknown is its capturer: "captured(?,geonames:…)". */
function knownPlaceCapture(c: Claim): boolean {
  return c.predicate === 'captured' && c.args.some((a) => a.role === 'place' && a.basis === 'stated') && c.proposition.split('?').length === 2;
}

/** Most words of a content that is only a name for a claim ("the Russian claims", "эти сведения"). */
const CLAIM_NAME_WORDS = 3;

/** Whether a segment's content is only a noun phrase naming a claim (context.json `claimNouns`): its head is the last word. */
function namesAClaim(tokens: readonly Token[], seg: ClaimSegment, lexicon: ClaimLexicon): boolean {
  const nouns = lexicon.context.claimNouns;
  if (!nouns) return false;
  let words = 0;
  let last = '';
  for (let k = seg.from; k < seg.to; k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct') continue;
    if (t.kind !== 'word' || ++words > CLAIM_NAME_WORDS) return false;
    last = t.norm;
  }
  return nouns.includes(last);
}

/** The index of the sentence holding a character offset (binary search), or -1. */
function sentenceIndexAt(doc: AnalyzedDocument, at: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid]!;
    if (at < s.span[0]) hi = mid - 1;
    else if (at >= s.span[1]) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Auxiliaries that make a following participle passive ("were encircled", "had been encircled", "got trapped"). */
const PASSIVE_AUX = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'gets', 'got', 'gotten', 'getting', 'remain', 'remained', 'remains']);
/** Words that may stand between an auxiliary and its participle ("were reportedly fully encircled"). */
const AUX_GAP = new Set(['not', 'never', 'reportedly', 'allegedly', 'already', 'now', 'also', 'still', 'just', 'effectively', 'completely', 'fully', 'almost', 'nearly', 'partially', 'partly', 'largely', 'practically', 'virtually', 'then', "n't"]);
/** Words before a participle that make it a modifier of the force after it ("the encircled Ukrainian troops"). */
const MODIFIER_BEFORE = new Set(['the', 'a', 'an', 'of', 'for', 'to', 'with', 'from', 'about', 'their', 'its', 'his', 'her', 'our', 'these', 'those', 'some', 'any', 'newly', 'remaining', 'freeing', 'free', 'rescue', 'rescued']);
/**
 * Words before a noun trigger that put its subject inside the state ("troops in an encirclement", "broke out of the pocket"),
 * or under its threat ("withdrew under the threat of encirclement", "at risk of encirclement": the subject would be the one encircled).
 */
const INSIDE_BEFORE = new Set(['in', 'into', 'inside', 'within', 'from', 'threat', 'risk', 'danger']);
/** Words after a participle that show it has no object ("troops encircled in Pokrovsk"): a reduced passive. */
const NO_OBJECT_AFTER = new Set(['in', 'near', 'at', 'around', 'inside', 'outside', 'on', 'east', 'west', 'north', 'south', 'there', 'for', 'since', 'and', 'or', ',', '.', ';', ':', ')', '"']);

interface SyntacticRole { readonly role: string; readonly force: ForceMention; readonly rule: string }

/**
 * The forces of a trigger that names its agent and patient, by syntax
 * (docs/ledger.md, "Argument roles by voice"):
 * - verb, active ("X encircled Y", "X encircles Y"): subject = agent, object = patient;
 * - participle, passive ("Y were encircled by X", "Y had been encircled"): subject =
 *   patient, the force after "by" = agent; a participle with no auxiliary and no object
 *   ("Y encircled in Pokrovsk") reads as `bare` says (default active);
 *   a participle modifying the force after it ("the encircled Y") makes it the patient;
 * - noun ("X's encirclement of Y", "the encirclement of Y by X"): the force before it =
 *   agent (patient when inside it: "Y in an encirclement"), the force after "of" takes
 *   the trigger's `of` role, the force after "by" = agent.
 * The agent and patient may be the same role ("X withdrew its troops").
 */
function rolesBySyntax(
  tokens: readonly Token[], trigger: TriggerMatch['trigger'], match: TriggerMatch, left: number, right: number,
  before: readonly ForceMention[], after: readonly ForceMention[], forces: readonly ForceMention[],
): SyntacticRole[] {
  const out: SyntacticRole[] = [];
  const add = (role: string | undefined, force: ForceMention | undefined, rule: string): void => {
    if (role !== undefined && force !== undefined) out.push({ role, force, rule });
  };
  const subject = before[before.length - 1];
  const forceFrom = (at: number): ForceMention | undefined => forceIndex(forces).byFrom.between(at, at + 2).find((f) => f.from < right);
  const wordAfter = (word: string, reach: number): number => {
    for (let i = match.to; i < Math.min(right, match.to + reach); i++) if (tokens[i]!.norm === word) return i;
    return -1;
  };
  const byAt = wordAfter('by', AFTER_REACH);
  const byForce = byAt >= 0 ? forceFrom(byAt + 1) : undefined;
  const objectForce = after[0] && (byAt < 0 || after[0].from < byAt) && after[0] !== byForce ? after[0] : undefined;
  const prev = match.from > left ? tokens[match.from - 1]!.norm : null;

  if (trigger.form === 'noun') {
    // "the strike was carried out by X": the agent after "by" outranks a possessor before the noun
    add(trigger.agent, byForce, 'by-agent');
    const inside = [match.from - 1, match.from - 2, match.from - 3].some((k) => k >= left && INSIDE_BEFORE.has(tokens[k]!.norm) && (subject === undefined || k >= subject.to));
    if (!(byForce && !inside)) add(inside ? trigger.patient : trigger.agent, subject, inside ? 'noun-inside' : 'noun-possessor');
    const ofAt = wordAfter('of', 2);
    if (ofAt >= 0 && trigger.of !== undefined && trigger.of !== 'place') add(trigger.of, forceFrom(ofAt + 1), 'noun-of');
    return out;
  }
  const passive = trigger.form === 'participle' && (auxiliaryBefore(tokens, left, match.from) || (byForce !== undefined && objectForce === undefined));
  if (passive) {
    add(trigger.patient, subject, 'passive-subject');
    add(trigger.agent, byForce, 'by-agent');
    return out;
  }
  if (trigger.form === 'participle' && (prev === null || MODIFIER_BEFORE.has(prev)) && after[0] && after[0].from - match.to <= 1) {
    add(trigger.patient, after[0], 'participle-modifier');
    return out;
  }
  const next = match.to < right ? tokens[match.to]!.norm : '.';
  if (trigger.form === 'participle' && trigger.bare === 'patient' && objectForce === undefined && NO_OBJECT_AFTER.has(next)) {
    add(trigger.patient, subject, 'reduced-passive');
    add(trigger.agent, byForce, 'by-agent');
    return out;
  }
  add(trigger.agent, subject, 'subject');
  add(trigger.patient, objectForce, 'object');
  add(trigger.agent, byForce, 'by-agent');
  return out;
}

/** Whether a passive auxiliary stands just before a participle, over adverbs and negation. */
function auxiliaryBefore(tokens: readonly Token[], left: number, at: number): boolean {
  for (let i = at - 1; i >= left && i >= at - 4; i--) {
    const w = tokens[i]!.norm;
    if (PASSIVE_AUX.has(w)) return true;
    if (!AUX_GAP.has(w) && !(w.endsWith('ly') && w.length > 4)) return false;
  }
  return false;
}

/** The canonical proposition key: predicate and its identifying arguments ('?' where unknown). */
export function propositionKey(predicate: Predicate, keyRoles: readonly string[], args: ReadonlyMap<string, ClaimArg>): string {
  return `${predicate}(${keyRoles.map((r) => args.get(r)?.key ?? '?').join(',')})`;
}

/** Loss nouns (the casualties triggers 'losses', 'casualties'): a force bears them when right before them or the subject of a suffer-verb just before them. */
const LOSS_NOUNS = new Set(['losses', 'casualties']);
const LOSS_GAP = 2;

/**
 * Whether a force before a trigger is its subject. Only loss nouns are
 * restricted: "Russian losses" and "troops ... suffering significant losses"
 * name whose losses; "Russian forces have made advances ... that has brought
 * heavy losses" does not (context.json, sufferVerbs).
 */
function bearsLoss(tokens: readonly Token[], lexicon: ClaimLexicon, kindOf: string | undefined, f: ForceMention, at: number): boolean {
  if (!kindOf || !LOSS_NOUNS.has(kindOf)) return true;
  const between: string[] = [];
  for (let i = f.to; i < at; i++) if (tokens[i]!.kind === 'word') between.push(tokens[i]!.norm);
  if (between.length <= LOSS_GAP) return true;
  for (let i = Math.max(f.to, at - 4); i < at; i++) if (lexicon.sufferVerbs.has(tokens[i]!.norm)) return true;
  return false;
}

function leftLimit(tokens: readonly Token[], segFrom: number, at: number): number {
  for (let i = at - 1; i >= segFrom; i--) if (LEFT_BOUNDARIES.has(tokens[i]!.norm)) return i + 1;
  return segFrom;
}

function rightLimit(tokens: readonly Token[], segTo: number, at: number): number {
  for (let i = at; i < segTo; i++) if (RIGHT_BOUNDARIES.has(tokens[i]!.norm)) return i;
  return segTo;
}

function overlaps(a: Span, b: Span): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

/** Resolves a force mention's side: stated, the speaker's ("its troops"), the speaker's enemy, or a pronoun's antecedent. */
function resolveSide(
  f: ForceMention, forces: readonly ForceMention[], seg: ClaimSegment, speakerSide: Side | null, opponents: Readonly<Record<string, string>>,
  tokens: readonly Token[],
): { side: Side; basis: 'stated' | 'inferred'; rule: string } | null {
  if (f.side) return { side: f.side, basis: 'stated', rule: f.rule };
  if (f.pronoun === 'self') {
    // "a claim by the Houthi group that its forces attacked": a party named just before the possessive owns it
    let near: ForceMention | undefined;
    for (let k = forces.length - 1; k >= 0 && !near; k--) {
      const o = forces[k]!;
      if (o.to <= f.from && o.side && !o.pronoun && f.from - o.to <= OWNER_REACH) near = o;
    }
    if (near?.side && speakerSide && near.side !== speakerSide && !NON_PARTY_SIDES.has(near.side)) return { side: near.side, basis: 'inferred', rule: 'possessive-antecedent' };
    if (speakerSide) return { side: speakerSide, basis: 'inferred', rule: 'speaker-side' };
    // The reporter's "its forces": the party named just before ("Russia's ... since its forces took").
    const { byFrom, longest } = forceIndex(forces);
    const owner = byFrom.between(f.from - 15 - longest, f.from + 1).reverse().find((o) => o.to <= f.from && o.side && f.from - o.to <= 15);
    return owner?.side ? { side: owner.side, basis: 'inferred', rule: 'possessive-antecedent' } : null;
  }
  if (f.pronoun === 'enemy') {
    const opp = speakerSide ? opponents[speakerSide] : undefined;
    return opp ? { side: opp, basis: 'inferred', rule: 'speaker-enemy' } : null;
  }
  // "they": the nearest force named before it, outside this content, in the
  // same sentence ("... Ukrainian troops faced ... but denied Russian claims
  // that they had been encircled"), else the speaker's side.
  const { byFrom, longest } = forceIndex(forces);
  const antecedent = byFrom.between(f.from - 40 - longest, f.from + 1).reverse().find((o) => o.to <= f.from && o.side && !o.bare && (o.from < seg.from || o.to <= f.from) && o !== f && sameSentenceOrNear(o, f)
    && !accuserOf(tokens, o, f));
  if (antecedent?.side) return { side: antecedent.side, basis: 'inferred', rule: 'pronoun-antecedent' };
  return speakerSide ? { side: speakerSide, basis: 'inferred', rule: 'pronoun-speaker' } : null;
}

/** Nouns of a charge against someone: "X's accusations that it …" — the pronoun is the accused, never X. */
const CHARGE_NOUNS = new Set(['accusation', 'accusations', 'allegation', 'allegations', 'charge', 'charges', 'blame']);

/** Whether `o` makes the charge whose complement `f` opens ("the army's accusations that it was responsible"). */
function accuserOf(tokens: readonly Token[], o: ForceMention, f: ForceMention): boolean {
  if (f.from - o.to > 4) return false;
  let charge = false;
  for (let k = o.to; k < f.from; k++) if (CHARGE_NOUNS.has(tokens[k]!.norm)) charge = true;
  return charge && tokens[f.from - 1]?.norm === 'that';
}

function sameSentenceOrNear(a: ForceMention, b: ForceMention): boolean {
  return b.from - a.to <= 40;
}

/** The most-mentioned populated place of the document (ties: the first): what "the city" means when nothing nearer does. */
function documentFocus(places: readonly PlaceMention[]): PlaceMention | null {
  const counts = new Map<string, { n: number; first: PlaceMention }>();
  for (const p of places) {
    if (p.featureClass !== null && p.featureClass !== 'P') continue;
    const key = placeKey(p);
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { n: 1, first: p });
  }
  let best: { n: number; first: PlaceMention } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best && best.n >= 2 ? best.first : null;
}


function placeArg(p: PlaceMention, basis: 'stated' | 'inferred', rule: string): { arg: ClaimArg; span: Span } {
  return { arg: { role: 'place', key: placeKey(p), label: p.name ?? p.text, basis, item: p.id, rule }, span: p.span };
}

function choosePlace(
  doc: AnalyzedDocument, lexicon: ClaimLexicon, seg: ClaimSegment, match: TriggerMatch,
  places: readonly PlaceMention[], focus: PlaceMention | null, left: number, right: number,
): { arg: ClaimArg; span: Span } | null {
  const { tokens } = doc;
  const lo = tokens[left]?.span[0] ?? seg.start;
  const hi = tokens[right - 1]?.span[1] ?? seg.end;
  const at = tokens[match.from]!.span[0];
  const distance = (s: Span): number => (s[0] >= at ? s[0] - at : at - s[1] + 1);
  const populated = (p: PlaceMention): boolean => p.featureClass === null || p.featureClass === 'P';
  type Candidate = { d: number; make: () => { arg: ClaimArg; span: Span } };
  const candidates: Candidate[] = [];
  const { byStart: placesByStart, lastPopulatedBefore } = placeIndex(places);
  for (const p of within(placesByStart, lo, hi)) {
    if (!populated(p)) continue;
    candidates.push({ d: distance(p.span), make: () => placeArg(p, 'stated', 'place-in-clause') });
  }
  for (const a of findAnaphora(tokens, left, right, lexicon)) {
    const antecedent = lastPopulatedBefore(a[0]);
    if (antecedent) candidates.push({ d: distance(a), make: () => placeArg(antecedent, 'inferred', 'anaphor-antecedent') });
  }
  candidates.sort((x, y) => x.d - y.d);
  if (candidates[0]) return candidates[0].make();
  const region = within(placesByStart, lo, hi).find((p) => p.featureClass === 'A' && p.featureCode !== 'PCLI');
  if (region) return placeArg(region, 'stated', 'region-in-clause');
  const sentence = docIndex(doc).sentenceAt(at);
  const inSentence = sentence ? within(placesByStart, sentence.span[0], sentence.span[1]).filter(populated) : [];
  if (inSentence.length > 0) {
    inSentence.sort((x, y) => distance(x.span) - distance(y.span));
    return placeArg(inSentence[0]!, 'inferred', 'place-in-sentence');
  }
  if (focus) return placeArg(focus, 'inferred', 'document-focus');
  return null;
}

/** Control predicates a place named only as the vicinity of an unnamed settlement does not bear on. */
const VICINITY_SENSITIVE: ReadonlySet<Predicate> = new Set(['captured', 'controls', 'withdrew', 'surrendered', 'encircled']);
/** Tokens looked back from a vicinity word for the unnamed settlement ("a small frontline village near"). */
const VICINITY_REACH = 4;

/**
 * Whether a place is named only as where an unnamed settlement or position lies: "a village near X",
 * "two settlements north of X", "positions outside X", "село под X" (context.json `vicinity`). A
 * settlement named in turn ("the village of Y near X") is a place of its own, found nearer the trigger.
 */
function namesOnlyVicinity(tokens: readonly Token[], lexicon: ClaimLexicon, span: Span): boolean {
  const vicinity = lexicon.context.vicinity;
  if (!vicinity) return false;
  let k = tokenAt(tokens, span[0]) - 1;
  if (tokens[k]?.norm === 'the') k--;
  const word = tokens[k]?.norm ?? '';
  let at = -1;
  if (vicinity.words.includes(word)) at = k;
  else if (vicinity.links.includes(word) && vicinity.relations.includes(tokens[k - 1]?.norm ?? '')) at = k - 1;
  if (at < 0) return false;
  for (let i = at - 1; i >= Math.max(0, at - VICINITY_REACH); i--) {
    const t = tokens[i]!;
    if (t.kind !== 'word' && t.kind !== 'number') return false;
    if (vicinity.settlements.includes(t.norm)) return true;
  }
  return false;
}

function findAnaphora(tokens: readonly Token[], from: number, to: number, lexicon: ClaimLexicon): Span[] {
  const out: Span[] = [];
  for (let i = from; i < to; i++) {
    for (const phrase of lexicon.anaphora) {
      if (i + phrase.length > to) continue;
      if (phrase.every((w, k) => tokens[i + k]!.norm === w)) {
        // "the village of Kupiansk" names its place: not an anaphor (the place itself is a candidate).
        if (tokens[i + phrase.length]?.norm === 'of') break;
        out.push([tokens[i]!.span[0], tokens[i + phrase.length - 1]!.span[1]]);
        i += phrase.length - 1;
        break;
      }
    }
  }
  return out;
}

function chooseCount(doc: AnalyzedDocument, entry: PredicateEntry, match: TriggerMatch, left: number, right: number): { arg: ClaimArg; span: Span } | null {
  const { tokens } = doc;
  const units = new Set(entry.counts ?? []);
  const lo = tokens[left]?.span[0] ?? 0;
  const hi = tokens[right - 1]?.span[1] ?? doc.text.length;
  const at = tokens[match.from]!.span[0];
  const lastWord = (q: Quantity): string => (q.unit ?? '').toLowerCase().split(/\s+/).pop() ?? '';
  const quantities = within(docIndex(doc).quantitiesByStart, lo, hi)
    .filter((q) => units.has(lastWord(q)))
    .sort((a, b) => Math.abs(a.span[0] - at) - Math.abs(b.span[0] - at));
  const q = quantities[0];
  if (q) {
    const key = q.value === null ? 'count:qualitative' : `count:${q.value}${q.high ? `-${q.high}` : ''}`;
    return { arg: { role: 'count', key, label: q.text, value: q.value, basis: 'stated', item: q.id, rule: 'quantity-item' }, span: q.span };
  }
  // Without the quantities stage: a number token followed within two tokens by a counted noun.
  for (let i = left; i < right; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'number') continue;
    const value = Number(t.text.replace(/[,\s]/g, ''));
    if (!Number.isFinite(value)) continue;
    for (let j = i + 1; j <= i + 3 && j < right; j++) {
      if (units.has(tokens[j]!.norm)) {
        const span: Span = [t.span[0], tokens[j]!.span[1]];
        return { arg: { role: 'count', key: `count:${value}`, label: doc.text.slice(span[0], span[1]), value, basis: 'stated', item: null, rule: 'number-noun' }, span };
      }
    }
  }
  return null;
}

/**
 * The extent a control claim states: "the entire city" (full), "almost all of it" (most), or a
 * share or part of the place around the trigger ("70 percent of the town", "the northern part of
 * the city remains under our control", "parts of the town"): partial. Looked for in the clause.
 */
function chooseExtent(tokens: readonly Token[], match: TriggerMatch, left: number, right: number): string | null {
  for (let i = match.to; i < Math.min(right, match.to + 4); i++) {
    if (EXTENT_WORDS.has(tokens[i]!.norm)) {
      const near = [i - 1, i - 2].some((k) => k >= match.to && NEAR_WORDS.has(tokens[k]!.norm));
      return near ? 'most' : 'full';
    }
  }
  for (let i = Math.max(left, match.from - PART_REACH); i < Math.min(right, match.to + PART_REACH); i++) {
    if (i >= match.from && i < match.to) continue;
    const n = tokens[i]!.norm;
    if (n === 'most' && tokens[i + 1]?.norm === 'of') return 'most';
    if (PART_WORDS.has(n) || (n === 'per' && tokens[i + 1]?.norm === 'cent')) return 'partial';
  }
  return null;
}

/** Words between "responsible for" and the event it names ("not \"responsible\" for an attack"). */
const LEAD_GAP = new Set(['the', 'a', 'an', 'this', 'that', '"', '“', '”', "'", 'any']);

/**
 * Where the words that make a force the event's author begin ("X is not responsible for the strike",
 * "X was behind the attack"): a negation before them negates the event as that force's act.
 */
function responsibilityLead(tokens: readonly Token[], left: number, at: number): number {
  let k = at - 1;
  while (k >= left && LEAD_GAP.has(tokens[k]!.norm)) k--;
  if (k >= left && tokens[k]!.norm === 'behind') return k;
  if (k >= left && tokens[k]!.norm === 'for') {
    let r = k - 1;
    while (r >= left && LEAD_GAP.has(tokens[r]!.norm)) r--;
    if (r >= left && tokens[r]!.norm === 'responsible') return r;
  }
  return at;
}

/**
 * The site of an event claim: the nearest site in its clause (after the trigger first: "a strike on a
 * hospital"), else in its sentence; else, for a definite event noun ("the blast"), the latest site named
 * in the sentences just before.
 */
function chooseSite(
  doc: AnalyzedDocument, lexicon: SiteLexicon, sites: PositionIndex<SiteMention>, match: TriggerMatch, left: number, right: number,
): { mention: SiteMention; basis: 'stated' | 'inferred'; rule: string } | null {
  const { tokens } = doc;
  const inClause = sites.between(left, right).filter((m) => m.to <= right && (m.to <= match.from || m.from >= match.to));
  const pick = inClause.find((m) => m.from >= match.to) ?? inClause.filter((m) => m.to <= match.from).pop();
  if (pick) return { mention: pick, basis: pick.basis, rule: 'site-in-clause' };
  const sentence = doc.sentences[tokens[match.from]!.sentence];
  if (sentence) {
    const d = (m: SiteMention): number => Math.abs(m.from - match.from);
    const inSentence = sites.between(sentence.tokens[0], sentence.tokens[1]).sort((x, y) => d(x) - d(y));
    if (inSentence[0]) return { mention: inSentence[0], basis: 'inferred', rule: 'site-in-sentence' };
  }
  const definite = ['the', 'this', 'that'].includes(tokens[match.from - 1]?.norm ?? '') && eventNounAt(tokens, match.from, lexicon) > 0;
  const earlier = sentence ? doc.sentences[Math.max(0, sentence.index - SITE_SENTENCES)] : undefined;
  if (!definite || !earlier) return null;
  const before = sites.between(earlier.tokens[0], match.from).filter((m) => m.to <= match.from).pop();
  return before ? { mention: before, basis: 'inferred', rule: 'event-noun-antecedent' } : null;
}

/**
 * How a withdrawal went, by the words of its sentence (context.json `manner`): 'rout' ("chaotically
 * fleeing", "in a hurry, abandoning equipment") or 'orderly' ("a manoeuvre to withdraw units", "to
 * preserve personnel"); null where the sentence says neither, or both.
 */
function mannerOf(doc: AnalyzedDocument, lexicon: ClaimLexicon, match: TriggerMatch): 'rout' | 'orderly' | null {
  const { tokens } = doc;
  const sentence = doc.sentences[tokens[match.from]!.sentence];
  if (!sentence) return null;
  const has = (phrases: ReadonlyArray<readonly string[]>): boolean => {
    for (let k = sentence.tokens[0]; k < sentence.tokens[1]; k++) {
      for (const p of phrases) if (p.every((w, i) => tokens[k + i]?.norm === w && k + i < sentence.tokens[1])) return true;
    }
    return false;
  };
  const rout = has(lexicon.manner.rout);
  const orderly = has(lexicon.manner.orderly);
  return rout === orderly ? null : rout ? 'rout' : 'orderly';
}

/** How many sentences back "the blast" looks for its site. */
const SITE_SENTENCES = 3;

function negated(tokens: readonly Token[], left: number, at: number, lexicon: ClaimLexicon): boolean {
  for (let i = Math.max(left, at - CUE_REACH); i < at; i++) {
    const n = tokens[i]!.norm;
    if (lexicon.negations.has(n) || n.endsWith("n't")) return true;
  }
  return false;
}

/** Verbs whose infinitive happened ("managed to leave", "were forced to retreat"). */
const ACHIEVED = new Set(['managed', 'manages', 'forced', 'able', 'succeeded', 'began', 'begun', 'started', 'continued', 'continues', 'continue', 'had', 'has', 'have', 'compelled']);

function modalityOf(tokens: readonly Token[], left: number, at: number, lexicon: ClaimLexicon, seg: ClaimSegment): Modality {
  if (seg.stance === 'question') return 'hypothetical';
  for (let i = Math.max(left, at - CUE_REACH + 1); i < at; i++) {
    const n = tokens[i]!.norm;
    if (!lexicon.hypothetical.has(n)) continue;
    // "not under threat of encirclement": denying even the risk denies the state itself
    if (RISK_WORDS.has(n) && negated(tokens, left, at, lexicon)) continue;
    return 'hypothetical';
  }
  // A demand covers its own clause, not a subordinate one the content runs on
  // into ("called on troops to surrender as Russian forces tightened ...").
  if ((seg.stance === 'demand' || seg.stance === 'promise' || seg.stance === 'warn') && left <= seg.from) return 'intended';
  for (let i = Math.max(left, at - CUE_REACH + 1); i < at; i++) {
    // "managed to leave", "were forced to withdraw": the infinitive of an achieved act is no aim
    if (lexicon.intent.has(tokens[i]!.norm) && !(tokens[i]!.norm === 'to' && ACHIEVED.has(tokens[i - 1]?.norm ?? ''))) return 'intended';
  }
  return 'asserted';
}

/** When the statement was made: the attribution's time item, else a dated time in its sentence outside any content, else publication. */
function statementTime(doc: AnalyzedDocument, seg: ClaimSegment): Claim['statedAt'] {
  const a = seg.attribution;
  const index = docIndex(doc);
  const byId = a?.time ? index.timeById.get(a.time) : undefined;
  if (byId?.value) return { time: byId.id, value: byId.value };
  if (a) {
    const sentence = index.sentenceAt(a.span[0]);
    const candidate = sentence && within(index.timesByStart, sentence.span[0], sentence.span[1]).find((t) => !t.caption && t.type !== 'DURATION' && t.type !== 'SET'
      && !index.contents.covers(t.span[0], t.span[1]) && t.value);
    if (candidate) return { time: candidate.id, value: candidate.value };
  }
  return { time: null, value: doc.meta.published ? doc.meta.published.slice(0, 10) : null };
}

/** Words that open a clause of another event after a claim ("…, for the first time since the war broke out two years ago"). */
const SUBORDINATORS = new Set(['since', 'after', 'before', 'until', 'when', 'while']);

/**
 * Whether a time after a trigger stands in a clause of its own, opened by a subordinator with words between
 * ("regained control …, for the first time since the war broke out nearly two years ago": the war's time, not
 * the recapture's). A time right after the subordinator ("since October", "after 2022") is the claim's.
 */
function inLaterClause(tokens: readonly Token[], from: number, at: number): boolean {
  let k = from;
  while (k < tokens.length && tokens[k]!.span[1] <= at) {
    if (SUBORDINATORS.has(tokens[k]!.norm)) {
      // a clause: the subordinator then at least two words before the time
      let words = 0;
      for (let j = k + 1; j < tokens.length && tokens[j]!.span[1] <= at; j++) if (tokens[j]!.kind === 'word') words++;
      if (words >= 2) return true;
    }
    k++;
  }
  return false;
}

function aboutTime(
  doc: AnalyzedDocument, seg: ClaimSegment, match: TriggerMatch, statedAt: Claim['statedAt'],
  _timesById: Map<string, AnalyzedDocument['times'][number]>, left: number, right: number,
): Claim['about'] {
  const { tokens } = doc;
  const lo = tokens[left]?.span[0] ?? seg.start;
  const hi = tokens[right - 1]?.span[1] ?? seg.end;
  const at = tokens[match.from]!.span[0];
  const stated = statedAt.value;
  const inClause = within(docIndex(doc).timesByStart, lo, hi)
    .filter((t) => !t.caption && t.type !== 'SET' && !inLaterClause(tokens, match.to, t.span[0]))
    .sort((a, b) => Math.abs(a.span[0] - at) - Math.abs(b.span[0] - at));
  for (const t of inClause) {
    let window: DateWindow | null = null;
    if (t.range) {
      const start = timexWindow(t.range.start.value, stated)?.start;
      const end = t.range.end ? timexWindow(t.range.end.value, stated)?.end : timexWindow(stated)?.end;
      if (start && end) window = { start, end };
    } else {
      window = timexWindow(t.value, stated);
    }
    if (window) return { time: t.id, window };
  }
  return { time: statedAt.time, window: timexWindow(stated) };
}

/**
 * Evidence grade (docs/ledger.md): evidence sources and third parties are
 * independent; the reporter's voice and media are the reporter's; a party
 * conceding what favours its opponent is an admission; else a party's claim.
 */
function evidenceGrade(
  doc: AnalyzedDocument, lexicon: ClaimLexicon, seg: ClaimSegment, entry: PredicateEntry | null,
  args: ReadonlyMap<string, ClaimArg>, polarity: Claim['polarity'], modality: Modality,
): EvidenceGrade {
  const sourceWords = seg.attribution?.source?.text.toLowerCase().split(/[^\p{L}]+/u) ?? [];
  if (seg.stance === 'evidence' || sourceWords.some((w) => lexicon.evidence.has(w))) return 'independent';
  if (seg.side === 'THIRD') return 'independent';
  if (seg.voice === 'reporter' || seg.side === 'MEDIA' || seg.side === 'UNKNOWN') {
    // The reporter's own sentence about footage ("Footage ... showed") is evidence it describes.
    const sentence = doc.text.slice(seg.start, seg.end).toLowerCase().split(/[^\p{L}]+/u);
    if (seg.voice === 'reporter' && sentence.some((w) => lexicon.evidence.has(w))) return 'independent';
    return 'reporter';
  }
  // An intended move concedes only when it is one's own withdrawal ("an order to withdraw from the town");
  // an intention to stop the other side's advance ("efforts to push back advancing forces") concedes nothing.
  if (entry?.favours && polarity === 'positive' && (modality === 'asserted' || (modality === 'intended' && entry.predicate === 'withdrew'))) {
    const actor = args.get(entry.roles[0]!)?.key;
    const actorSide = actor?.startsWith('force:') ? actor.slice('force:'.length) : null;
    const favoured = actorSide === null ? null : entry.favours === 'actor' ? actorSide : lexicon.context.opponents[actorSide];
    if (favoured && favoured !== seg.side && lexicon.context.opponents[seg.side] === favoured) return 'admission';
  }
  return 'party';
}

/** The generic subject–predicate–object fallback: attributed content with no trigger is kept as `said(subject, words)`. */
function saidClaim(doc: AnalyzedDocument, seg: ClaimSegment, forces: readonly ForceMention[], statedAt: Claim['statedAt']): Claim | null {
  const { tokens } = doc;
  const words: string[] = [];
  for (let i = seg.from; i < seg.to; i++) if (tokens[i]!.kind === 'word' || tokens[i]!.kind === 'number') words.push(tokens[i]!.norm);
  if (words.length === 0) return null;
  const subject = forceIndex(forces).byFrom.between(seg.from, seg.to).find((f) => f.to <= seg.to && f.side);
  const args: ClaimArg[] = [];
  if (subject?.side) args.push({ role: 'subject', key: `force:${subject.side}`, label: subject.text, basis: 'stated', item: subject.item, rule: 'first-force' });
  const object = words.filter((w) => w.length > 3).slice(0, 8).join('-');
  args.push({ role: 'object', key: `text:${object}`, label: doc.text.slice(seg.start, seg.end), basis: 'stated', item: null, rule: 'content-words' });
  const span: Span = [seg.start, seg.end];
  const a = seg.attribution!;
  return {
    id: itemId('claim', span, `said@${seg.start}`),
    span, text: doc.text.slice(span[0], span[1]),
    origin: { stage: STAGE, rule: 'fallback:said' },
    kind: 'claim', predicate: 'said', args,
    proposition: `said(${args.map((x) => x.key).join(',')})`,
    polarity: seg.stance === 'deny' ? 'negative' : 'positive',
    modality: seg.stance === 'demand' || seg.stance === 'promise' || seg.stance === 'warn' ? 'intended' : seg.stance === 'question' ? 'hypothetical' : 'asserted',
    trigger: a.cue ? { span: a.cue.span, text: a.cue.text, lemma: a.cue.lemma } : { span, text: doc.text.slice(span[0], span[1]), lemma: 'said' },
    attribution: a.id, source: seg.speaker, voice: seg.voice, side: seg.side, stance: seg.stance,
    grade: seg.stance === 'evidence' ? 'independent' : seg.side === 'THIRD' ? 'independent' : NON_PARTY_SIDES.has(seg.side) ? 'reporter' : 'party',
    statedAt,
    about: { time: statedAt.time, window: timexWindow(statedAt.value) },
    places: [],
  };
}

const DENIAL_WORDS = new Set(['denied', 'denies', 'deny', 'rejected', 'rejects', 'dismissed', 'dismisses', 'refuted', 'refutes']);

/** Whether a denial verb stands within six tokens before a nested report ("denied Russian claims that ..."). */
function deniedBefore(doc: AnalyzedDocument, seg: ClaimSegment, nestedStart: number): boolean {
  const { tokens } = doc;
  let i = seg.from;
  while (i < seg.to && tokens[i]!.span[0] < nestedStart) i++;
  for (let k = Math.max(seg.from, i - 6); k < i; k++) if (DENIAL_WORDS.has(tokens[k]!.norm)) return true;
  return false;
}
