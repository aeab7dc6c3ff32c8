import type { ClaimRef, Contradiction } from '../model/index.js';
import { addDays, windowsOverlap } from '../model/date-window.js';
import { readableProposition, sourceLabel, type ClaimPlace, type LedgerClaim } from './ledger-claim.js';
import { PERSISTENCE_DAYS } from '../model/predicate-facts.js';

/** Relative difference beyond which two counts of the same proposition disagree (ACLED reports fatalities as the lowest credible figure; 25% leaves room for rounding and "more than"). */
export const COUNT_TOLERANCE = 0.25;

export const ref = (c: LedgerClaim): ClaimRef => ({ doc: c.doc, claim: c.claim.id });

/** Asserted claims only: aims and conditions take no part. */
const asserted = (c: LedgerClaim): boolean => c.claim.modality === 'asserted';

function overlap(a: LedgerClaim, b: LedgerClaim): boolean {
  const wa = a.claim.about.window;
  const wb = b.claim.about.window;
  if (!wa || !wb) return true;
  return windowsOverlap(wa, wb, PERSISTENCE_DAYS[a.claim.predicate]);
}

/** Windows that overlap within the days a control claim stays current. */
function sameTime(a: LedgerClaim, b: LedgerClaim): boolean {
  const wa = a.claim.about.window;
  const wb = b.claim.about.window;
  return !wa || !wb || windowsOverlap(wa, wb, PERSISTENCE_DAYS.controls);
}

function when(c: LedgerClaim): string {
  return c.claim.statedAt.value ?? c.published ?? 'undated';
}

/** Prefer a named source over an unnamed or reporter one, then the earliest. */
function representative(claims: readonly LedgerClaim[]): LedgerClaim {
  const rank = (c: LedgerClaim): number => (c.source.kind === 'outlet' ? 2 : c.source.kind === 'unnamed' ? 1 : 0);
  return [...claims].sort((x, y) => rank(x) - rank(y) || when(x).localeCompare(when(y)) || x.doc.localeCompare(y.doc) || x.claim.id.localeCompare(y.claim.id))[0]!;
}

/**
 * Contradictions among claims of the same proposition (docs/ledger.md):
 * - polarity: one side asserts what another denies, at overlapping times —
 *   one contradiction per pair of sides (the reporter's voice joins only
 *   where no party takes that position), citing a named source first;
 * - numbers: the same event counted differently beyond COUNT_TOLERANCE;
 * - control: two sides each claiming to have captured or to fully control a
 *   place at overlapping times;
 * - events at a site (a strike on a hospital, an attack on a ship): two sides
 *   naming different authors of it (responsibility), or one side saying a
 *   force did it and another saying that force, or anyone, did not;
 * - manner of a withdrawal: one side telling of a rout, the other of an
 *   orderly pull-out, of the same force from the same place.
 *
 * @example
 * findContradictions(claims)[0].explanation
 * // "Russia's Defence Ministry, 2025-11-06: encircled(UA forces, Pokrovsk) — Oleksandr Syrskyi, 2025-W44: denies"
 */
export function findContradictions(claims: readonly LedgerClaim[]): Contradiction[] {
  const byProposition = new Map<string, LedgerClaim[]>();
  for (const c of claims) {
    if (!asserted(c) || c.claim.predicate === 'said' || c.claim.proposition.includes('?')) continue;
    const list = byProposition.get(c.claim.proposition) ?? [];
    list.push(c);
    byProposition.set(c.claim.proposition, list);
  }
  const out: Contradiction[] = [];
  for (const [proposition, group] of [...byProposition].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(...polarityContradictions(proposition, group), ...numberContradictions(proposition, group));
  }
  out.push(...regionContradictions(claims.filter((c) => asserted(c) && c.claim.predicate !== 'said')));
  out.push(...controlContradictions(claims.filter(asserted)));
  out.push(...eventContradictions(claims.filter(asserted)));
  out.push(...mannerContradictions(claims.filter((c) => c.claim.modality !== 'hypothetical')));
  return out;
}

function polarityContradictions(proposition: string, group: readonly LedgerClaim[]): Contradiction[] {
  const out: Contradiction[] = [];
  const positives = group.filter((c) => c.claim.polarity === 'positive');
  const negatives = group.filter((c) => c.claim.polarity === 'negative');
  if (positives.length === 0 || negatives.length === 0) return out;
  const sides = (list: readonly LedgerClaim[]): Map<string, LedgerClaim[]> => {
    const m = new Map<string, LedgerClaim[]>();
    for (const c of list) m.set(c.source.side, [...(m.get(c.source.side) ?? []), c]);
    // The reporter's voice takes part only where no party or third party takes that position.
    if ([...m.keys()].some((s) => s !== 'MEDIA' && s !== 'UNKNOWN')) m.delete('MEDIA');
    return m;
  };
  const pos = sides(positives);
  const neg = sides(negatives);
  for (const [ps, pclaims] of [...pos].sort(([a], [b]) => a.localeCompare(b))) {
    for (const [ns, nclaims] of [...neg].sort(([a], [b]) => a.localeCompare(b))) {
      const pairs = pclaims.flatMap((p) => nclaims.filter((n) => overlap(p, n) && n.source.key !== p.source.key).map((n) => [p, n] as const));
      if (pairs.length === 0) continue;
      const involvedP = [...new Set(pairs.map(([p]) => p))];
      const involvedN = [...new Set(pairs.map(([, n]) => n))];
      const a = representative(involvedP);
      const b = representative(involvedN);
      out.push({
        id: `contradiction:polarity:${proposition}:${ps}:${ns}`,
        kind: 'polarity', proposition, a: ref(a), b: ref(b),
        related: [...involvedP, ...involvedN].filter((c) => c !== a && c !== b).map(ref),
        explanation: `${sourceLabel(a.source)}, ${when(a)}: ${readableProposition(a.claim)} — ${sourceLabel(b.source)}, ${when(b)}: ${b.claim.stance === 'deny' ? 'denies' : 'says not'}`,
      });
    }
  }
  return out;
}

/**
 * Predicates whose place is where the event or state is, not what it is about: a denial of
 * one in a whole region ("no encirclement of our troops in Kursk Oblast") denies it at every
 * place inside. "Not captured Kursk Oblast" says nothing of a town in it, so captures and
 * control stay out.
 */
const LOCATED_PREDICATES: ReadonlySet<string> = new Set(['encircled', 'presence', 'attacked', 'struck']);

/**
 * A place's first-level division, as the gazetteer names it on the claim's `where`
 * (admin1 "Kursk Oblast" or "Kharkiv"), held by a division claim whose label is that name
 * or that name with its kind word ("Kharkiv Oblast").
 */
function holds(region: ClaimPlace, place: ClaimPlace): boolean {
  if (region.featureClass !== 'A' || region.admin1 !== null || place.admin1 === null || place.country === null || region.country !== place.country) return false;
  const label = region.label.toLowerCase();
  const admin = place.admin1.toLowerCase();
  return label === admin || label.startsWith(`${admin} `);
}

/**
 * One side denying in a first-level division what another side asserts at a place inside it
 * (issue 14: a Russian officer's encirclement "west of Sudzha" against the General Staff's
 * "no encirclement in Kursk Oblast"): the same proposition once the place is replaced by its
 * division, at overlapping times. Only where the documents' places were at hand (`where`).
 */
function regionContradictions(claims: readonly LedgerClaim[]): Contradiction[] {
  // the reporter's voice and unknown sources take no side between a region and a place in it
  const takesSide = (c: LedgerClaim): boolean => c.source.side !== 'MEDIA' && c.source.side !== 'UNKNOWN';
  const placeArg = (c: LedgerClaim): string | undefined => c.claim.args.find((a) => a.role === 'place')?.key;
  const denials = claims.filter((c) => c.claim.polarity === 'negative' && LOCATED_PREDICATES.has(c.claim.predicate) && c.where && c.where.featureClass === 'A' && c.where.admin1 === null);
  if (denials.length === 0) return [];
  const out: Contradiction[] = [];
  const seen = new Set<string>();
  for (const p of claims) {
    if (p.claim.polarity !== 'positive' || !LOCATED_PREDICATES.has(p.claim.predicate) || !p.where || p.claim.proposition.includes('?')) continue;
    const place = placeArg(p);
    if (!place) continue;
    for (const n of denials) {
      const region = placeArg(n)!;
      if (!holds(n.where!, p.where) || !takesSide(p) || !takesSide(n) || p.source.side === n.source.side || n.source.key === p.source.key || !overlap(p, n)) continue;
      if (p.claim.proposition.replace(place, region) !== n.claim.proposition) continue;
      const id = `contradiction:polarity:${p.claim.proposition}:${p.source.side}:${n.source.side}:${region}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({
        id, kind: 'polarity', proposition: p.claim.proposition, a: ref(p), b: ref(n), related: [],
        explanation: `${sourceLabel(p.source)}, ${when(p)}: ${readableProposition(p.claim)} — ${sourceLabel(n.source)}, ${when(n)}: ${n.claim.stance === 'deny' ? 'denies' : 'says not'} in ${n.where!.label}`,
      });
    }
  }
  return out;
}

function numberContradictions(proposition: string, group: readonly LedgerClaim[]): Contradiction[] {
  const counted = group.filter((c) => c.claim.polarity === 'positive' && typeof c.claim.args.find((a) => a.role === 'count')?.value === 'number');
  const out: Contradiction[] = [];
  const value = (c: LedgerClaim): number => c.claim.args.find((a) => a.role === 'count')!.value!;
  for (let i = 0; i < counted.length; i++) {
    for (let j = i + 1; j < counted.length; j++) {
      const a = counted[i]!;
      const b = counted[j]!;
      if (a.root === b.root || a.source.key === b.source.key || !overlap(a, b)) continue;
      const [va, vb] = [value(a), value(b)];
      if (Math.abs(va - vb) / Math.max(va, vb) <= COUNT_TOLERANCE) continue;
      out.push({
        id: `contradiction:numbers:${proposition}:${a.doc}:${a.claim.id}:${b.doc}:${b.claim.id}`,
        kind: 'numbers', proposition, a: ref(a), b: ref(b), related: [],
        explanation: `${sourceLabel(a.source)}, ${when(a)}: ${va} — ${sourceLabel(b.source)}, ${when(b)}: ${vb} (${readableProposition(a.claim)})`,
      });
    }
  }
  return out;
}

/** Claims that a force is still in a place: present, holding part or all of it, repelling attacks there. */
const STILL_THERE = new Set(['presence', 'controls', 'repelled']);
/** Sides that speak for no party: their claims of presence do not contest a capture. */
const NON_PARTY = new Set(['MEDIA', 'THIRD', 'UNKNOWN']);

/**
 * Incompatible control of a place at overlapping times (docs/ledger.md):
 * - two forces each said to have captured or to fully control it;
 * - a force said to have captured it, and a party saying another force is
 *   still there (present, holding part of it, repelling attacks in it) on or
 *   after the day of the capture: "Russia says it took the town" against
 *   "our units still hold its northern part" from Ukraine's side.
 * One contradiction per place and pair of forces; capture against capture first.
 */
function controlContradictions(claims: readonly LedgerClaim[]): Contradiction[] {
  const placeOf = (c: LedgerClaim): string | undefined => c.claim.args.find((a) => a.role === 'place')?.key;
  const actorOf = (c: LedgerClaim): string | undefined => c.claim.args.find((a) => a.role === 'actor')?.key;
  const isHold = (c: LedgerClaim): boolean => c.claim.polarity === 'positive'
    && (c.claim.predicate === 'captured' || (c.claim.predicate === 'controls' && c.claim.args.some((a) => a.key === 'extent:full')));
  const isStillThere = (c: LedgerClaim): boolean => c.claim.polarity === 'positive' && STILL_THERE.has(c.claim.predicate)
    && !NON_PARTY.has(c.source.side) && actorOf(c) === `force:${c.source.side}`;
  const byPlace = new Map<string, { holds: LedgerClaim[]; there: LedgerClaim[] }>();
  for (const c of claims) {
    const place = placeOf(c);
    if (!place || !actorOf(c)?.startsWith('force:')) continue;
    const hold = isHold(c);
    const there = !hold && isStillThere(c);
    if (!hold && !there) continue;
    const entry = byPlace.get(place) ?? byPlace.set(place, { holds: [], there: [] }).get(place)!;
    (hold ? entry.holds : entry.there).push(c);
  }
  const out: Contradiction[] = [];
  for (const [place, { holds, there }] of [...byPlace].sort(([a], [b]) => a.localeCompare(b))) {
    const seen = new Set<string>();
    const push = (a: LedgerClaim, b: LedgerClaim, detail: string): void => {
      const pair = [actorOf(a)!, actorOf(b)!].sort().join('|');
      if (seen.has(pair)) return;
      seen.add(pair);
      out.push({
        id: `contradiction:control:${place}:${pair}`,
        kind: 'control', proposition: `controls(?,${place})`, a: ref(a), b: ref(b), related: [],
        explanation: `${sourceLabel(a.source)}, ${when(a)}: ${readableProposition(a.claim)} — ${sourceLabel(b.source)}, ${when(b)}: ${detail}${readableProposition(b.claim)}`,
      });
    };
    // Two captures by different forces contradict only at the same time: a later capture by the
    // other side is a recapture, which supersedes the first (the timeline shows both).
    // Both said by someone who speaks for a side or from outside the war: the reporter's own sentences
    // ("… Marinka under control, the defensive capabilities of …") take no side in a control dispute.
    const speaks = (c: LedgerClaim): boolean => c.source.side !== 'MEDIA' && c.source.side !== 'UNKNOWN';
    for (const a of holds) {
      for (const b of holds) if (actorOf(a)! < actorOf(b)! && speaks(a) && speaks(b) && sameTime(a, b)) push(a, b, '');
    }
    // a party's own capture claim first: the contradiction is between the sides, with the reporter's
    // account of the capture only when no party's is at hand
    for (const a of [...holds.filter(speaks), ...holds.filter((c) => !speaks(c))]) {
      const start = a.claim.about.window?.start;
      for (const b of there) {
        if (actorOf(a) === actorOf(b) || a.source.side === b.source.side) continue;
        const end = b.claim.about.window?.end;
        // Presence before the capture is its history, not a denial of it.
        if (start && end && end < addDays(start, -1)) continue;
        push(a, b, 'still there: ');
      }
    }
  }
  return out;
}

/** Event predicates whose claims name a site (data/claims/sites.json). */
const SITE_EVENTS = new Set(['struck', 'attacked']);

/** A site key's class part and country ("site:hospital:PS" → ["site:hospital", "PS"]); ships keep their name as the class. */
function siteParts(key: string): [string, string | null] {
  if (key.startsWith('site:ship:')) return [key, null];
  const parts = key.split(':');
  return parts.length > 2 ? [parts.slice(0, 2).join(':'), parts[2]!] : [key, null];
}

/**
 * Contradictions about one event at a site (docs/ledger.md, "Event sites"): claims of a strike or an
 * attack on the same site class, whose countries agree or are unknown, on overlapping days, said by
 * two sides that speak for a party or from outside the war:
 * - responsibility: each side names a different force as its author ("an Israeli air strike" against
 *   "a misfired rocket of Islamic Jihad");
 * - polarity: one side says a force did it (or that it happened), the other that this force did not,
 *   or that nothing happened ("officials deny any attack on the carrier").
 * One contradiction per site and pair of sides.
 */
function eventContradictions(claims: readonly LedgerClaim[]): Contradiction[] {
  const siteOf = (c: LedgerClaim): string | undefined => c.claim.args.find((a) => a.role === 'site')?.key;
  const actorOf = (c: LedgerClaim): string | undefined => c.claim.args.find((a) => a.role === 'actor')?.key;
  const speaks = (c: LedgerClaim): boolean => !NON_PARTY.has(c.source.side) || c.source.side === 'THIRD';
  const bySite = new Map<string, LedgerClaim[]>();
  for (const c of claims) {
    const site = siteOf(c);
    if (!site || !SITE_EVENTS.has(c.claim.predicate) || !speaks(c)) continue;
    const [cls] = siteParts(site);
    bySite.set(cls, [...(bySite.get(cls) ?? []), c]);
  }
  const out: Contradiction[] = [];
  for (const [site, group] of [...bySite].sort(([a], [b]) => a.localeCompare(b))) {
    const seen = new Set<string>();
    const sameSite = (a: LedgerClaim, b: LedgerClaim): boolean => {
      const ca = siteParts(siteOf(a)!)[1];
      const cb = siteParts(siteOf(b)!)[1];
      return ca === null || cb === null || ca === cb;
    };
    const push = (a: LedgerClaim, b: LedgerClaim, detail: string): void => {
      const pair = [a.source.side, b.source.side].sort().join('|');
      if (seen.has(pair)) return;
      seen.add(pair);
      out.push({
        id: `contradiction:event:${site}:${pair}`,
        kind: 'event', proposition: `${a.claim.predicate}(?,${site})`, a: ref(a), b: ref(b), related: [],
        explanation: `${sourceLabel(a.source)}, ${when(a)}: ${readableProposition(a.claim)} — ${sourceLabel(b.source)}, ${when(b)}: ${detail}`,
      });
    };
    const ordered = [...group].sort((x, y) => when(x).localeCompare(when(y)) || x.doc.localeCompare(y.doc) || x.claim.id.localeCompare(y.claim.id));
    for (const a of ordered) {
      if (a.claim.polarity !== 'positive') continue;
      const actorA = actorOf(a);
      for (const b of ordered) {
        if (b === a || a.source.side === b.source.side || !sameSite(a, b) || !overlap(a, b)) continue;
        const actorB = actorOf(b);
        if (b.claim.polarity === 'negative' && actorA && (actorB === undefined || actorB === actorA)) push(a, b, `denies: ${readableProposition(b.claim)}`);
        else if (b.claim.polarity === 'positive' && actorA && actorB && actorA !== actorB && a.doc + a.claim.id < b.doc + b.claim.id) {
          push(a, b, `instead: ${readableProposition(b.claim)}`);
        }
      }
    }
  }
  return out;
}

/**
 * How a withdrawal went (docs/ledger.md, "Manner of a withdrawal"): the same force's withdrawal from the
 * same place told as a rout by one side ("fleeing chaotically, abandoning equipment") and as an orderly
 * manoeuvre by another ("ordered to preserve personnel"), at overlapping times. An order or a plan to
 * withdraw counts as its side's account (modality intended); conditions do not. One per proposition and
 * pair of sides.
 */
function mannerContradictions(claims: readonly LedgerClaim[]): Contradiction[] {
  const mannerOf = (c: LedgerClaim): string | undefined => c.claim.args.find((a) => a.role === 'manner')?.key;
  const speaks = (c: LedgerClaim): boolean => c.source.side !== 'MEDIA' && c.source.side !== 'UNKNOWN';
  const byProposition = new Map<string, LedgerClaim[]>();
  for (const c of claims) {
    if (c.claim.predicate !== 'withdrew' || c.claim.polarity !== 'positive' || !mannerOf(c) || !speaks(c) || c.claim.proposition.includes('?')) continue;
    byProposition.set(c.claim.proposition, [...(byProposition.get(c.claim.proposition) ?? []), c]);
  }
  const out: Contradiction[] = [];
  for (const [proposition, group] of [...byProposition].sort(([a], [b]) => a.localeCompare(b))) {
    const routs = group.filter((c) => mannerOf(c) === 'manner:rout');
    const orderly = group.filter((c) => mannerOf(c) === 'manner:orderly');
    const seen = new Set<string>();
    for (const a of routs) {
      for (const b of orderly) {
        const pair = [a.source.side, b.source.side].sort().join('|');
        if (a.source.side === b.source.side || seen.has(pair) || !overlap(a, b)) continue;
        seen.add(pair);
        out.push({
          id: `contradiction:manner:${proposition}:${pair}`,
          kind: 'manner', proposition, a: ref(a), b: ref(b), related: [],
          explanation: `${sourceLabel(a.source)}, ${when(a)}: ${readableProposition(a.claim)} in a rout — ${sourceLabel(b.source)}, ${when(b)}: an orderly withdrawal`,
        });
      }
    }
  }
  return out;
}
