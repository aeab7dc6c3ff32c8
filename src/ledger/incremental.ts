import type { Claim, Contradiction, ControlStatus, PlaceMention } from '../model/index.js';
import { addDays } from '../model/date-window.js';
import { controlTimeline } from './control-timeline.js';
import { findContradictions } from './contradictions.js';
import type { LedgerClaim } from './ledger-claim.js';
import { PERSISTENCE_DAYS } from '../model/predicate-facts.js';

/**
 * The backend-free half of keeping the ledger incrementally (docs/ledger.md,
 * "At scale"): what a save touches, which claims a recompute reads, and what
 * it writes. The SQLite and PostgreSQL ledger indexes do the reading and
 * writing; both call these, so equal reads give equal ledgers.
 */

/**
 * Most claims of one cohort (see cohortOf) read back to recompute one
 * proposition's month or one place's recent timeline (newest first): the
 * work per saved document stays bounded however heavily a place is reported.
 */
export const RECOMPUTE_CAP = 60;

/**
 * The cohort of a claim: its polarity, its side, and whether it gives a count
 * ("positive/RU", "negative/UA", "positive/MEDIA/#"). A recompute reads the
 * newest RECOMPUTE_CAP claims of each cohort, not of the whole group: a
 * contradiction needs claims of two polarities, two sides or two counts, and
 * with one cap over all of them, a side repeating its claim more than the cap
 * pushed the other side's claims out of the read and the contradiction out of
 * the ledger. Stored as a column (`cohort`); the stores' backfill SQL
 * (migration 12) writes the same string.
 */
export function cohortOf(claim: Pick<Claim, 'polarity' | 'side' | 'args'>): string {
  return `${claim.polarity}/${claim.side}${claim.args.some((a) => a.role === 'count') ? '/#' : ''}`;
}

/**
 * The claims a recompute read, each once, in (document, claim) order: the
 * reads of each cohort and part come in whatever order a backend returns them,
 * and what is computed from them must not depend on it.
 */
export function distinctClaims(claims: readonly LedgerClaim[]): LedgerClaim[] {
  const byKey = new Map<string, LedgerClaim>();
  for (const c of claims) byKey.set(`${c.doc}\u0000${c.claim.id}`, c);
  return [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
}
/** Days of claims before a new claim's date read back to recompute a timeline (the presence window). */
export const TIMELINE_LOOKBACK_DAYS = PERSISTENCE_DAYS.presence;

/**
 * The compact copy of a ledger claim stored beside it (`core`): the fields
 * contradictions and control timelines read, without sentence, spans and rules.
 */
export function coreOf(lc: LedgerClaim): LedgerClaim {
  const c = lc.claim;
  const claim = {
    id: c.id, kind: c.kind, predicate: c.predicate, proposition: c.proposition, polarity: c.polarity, modality: c.modality, stance: c.stance,
    side: c.side, grade: c.grade, voice: c.voice, statedAt: { value: c.statedAt.value }, about: { window: c.about.window },
    args: c.args.map((a) => ({ role: a.role, key: a.key, label: a.label, ...(a.value === undefined ? {} : { value: a.value }) })),
  };
  return { doc: lc.doc, published: lc.published, outlet: lc.outlet, root: lc.root, source: lc.source, claim } as unknown as LedgerClaim;
}

/** What a save touches: the months of each proposition, and each control place with the earliest date (null: undated). */
export interface Touched {
  readonly months: ReadonlyMap<string, ReadonlySet<string | null>>;
  readonly places: ReadonlyMap<string, string | null>;
}

export function createTouched(): {
  readonly months: Map<string, Set<string | null>>;
  readonly places: Map<string, string | null>;
  touch(proposition: string, place: string | null, aboutEnd: string | null, control: boolean): void;
} {
  const months = new Map<string, Set<string | null>>();
  const places = new Map<string, string | null>();
  return {
    months,
    places,
    touch(proposition, place, aboutEnd, control) {
      const set = months.get(proposition) ?? new Set();
      set.add(aboutEnd?.slice(0, 7) ?? null);
      months.set(proposition, set);
      if (place && control) {
        const prev = places.get(place);
        places.set(place, prev === undefined ? aboutEnd : prev === null || aboutEnd === null ? null : prev < aboutEnd ? prev : aboutEnd);
      }
    },
  };
}

/** `said` and half-known propositions never contradict (findContradictions skips them): nothing to recompute. */
export function neverContradicts(proposition: string): boolean {
  return proposition.startsWith('said(') || proposition.includes('?');
}

/** The (proposition, month) pairs and places to recompute, each in a fixed order (locks and writes in that order). */
export function recomputeOrder(touched: Touched): { months: Array<[string, string | null]>; places: Array<[string, string | null]> } {
  const months: Array<[string, string | null]> = [];
  for (const [p, set] of [...touched.months].sort(([a], [b]) => a.localeCompare(b))) {
    if (neverContradicts(p)) continue;
    for (const m of [...set].sort((a, b) => (a ?? '').localeCompare(b ?? ''))) months.push([p, m]);
  }
  return { months, places: [...touched.places].sort(([a], [b]) => a.localeCompare(b)) };
}

/**
 * The dates a proposition-month recompute reads: claims about dates from
 * `from` to `to` (the month and the predicate's persistence before it, at most
 * 62 days), and the summary months from `earliestMonth` to `month`.
 */
export function monthWindow(proposition: string, month: string | null): { from: string; to: string; earliestMonth: string; lastMonth: string } | null {
  if (month === null) return null;
  const predicate = proposition.slice(0, proposition.indexOf('(')) as keyof typeof PERSISTENCE_DAYS;
  const persistence = Math.min(PERSISTENCE_DAYS[predicate] ?? 1, 62);
  const from = addDays(`${month}-01`, -persistence);
  return { from, to: `${month}-31`, earliestMonth: from.slice(0, 7), lastMonth: month };
}

/** One polarity and fewer than two counts cannot contradict: with nothing stored for the scope either, nothing to recompute. */
export function mayContradict(sum: { positive: number; negative: number; counted: number }, stored: boolean): boolean {
  return !((sum.positive === 0 || sum.negative === 0) && sum.counted < 2 && !stored);
}

/** The contradictions of a proposition's month among the claims read: those with a claim in the month (control ones are the place's). */
export function monthContradictions(claims: readonly LedgerClaim[], month: string | null): Contradiction[] {
  const inMonth = (ref: { doc: string; claim: string }): boolean => {
    const c = claims.find((x) => x.doc === ref.doc && x.claim.id === ref.claim);
    return (c?.claim.about.window?.end.slice(0, 7) ?? null) === month;
  };
  // Control contradictions are the place's, event contradictions the site's: both span propositions, so
  // a proposition's month does not hold them; manner ones are between two positive claims, which a month's
  // recompute skips (mayContradict). The stores do not keep event and manner contradictions yet (docs/ledger.md).
  return findContradictions(claims).filter((x) => x.kind !== 'control' && x.kind !== 'event' && x.kind !== 'manner' && (inMonth(x.a) || inMonth(x.b)));
}

export interface StoredTimeline {
  readonly label: string;
  readonly lat: number | null;
  readonly data: string;
}

/**
 * A place's control timeline after a save: statuses before `from` (the
 * earliest date the save touched) kept as stored, the rest recomputed from
 * the claims read, repeats merged; with the row to write, or null when the
 * stored row is already right (the row has triggers and readers).
 */
export function nextTimeline(
  place: string, from: string | null, claims: readonly LedgerClaim[], stored: StoredTimeline | undefined, places: readonly PlaceMention[],
): { label: string; state: string; data: string; mention: PlaceMention | undefined } | null {
  const kept = from === null || !stored ? [] : (JSON.parse(stored.data) as ControlStatus[]).filter((st) => st.from < from);
  const recomputed = controlTimeline(claims, place).filter((st) => from === null || st.from >= from);
  const statuses = [...kept];
  for (const st of recomputed) {
    const last = statuses.at(-1);
    if (last && last.state === st.state && last.by === st.by && last.denied === st.denied) continue;
    statuses.push(st);
  }
  const arg = claims.flatMap((c) => c.claim.args).find((a) => a.role === 'place' && a.key === place);
  // The claims read here are cores (coreOf: arguments without their item ids), so the saved document's
  // mention of the place is found by its gazetteer key; an unresolved place (`place:…`) has no coordinates.
  const mention = (arg?.item ? places.find((p) => p.id === arg.item) : undefined)
    ?? places.find((p) => p.geonameId !== null && p.lat !== null && `geonames:${p.geonameId}` === place);
  const data = JSON.stringify(statuses);
  const label = arg?.label ?? stored?.label ?? place;
  if (stored && stored.data === data && stored.label === label && (stored.lat !== null || mention?.lat == null)) return null;
  return { label, state: statuses.at(-1)?.state ?? 'unknown', data, mention };
}
