import type { ClaimRef, ControlState, ControlStatus, Side } from '../model/index.js';
import { addDays } from '../model/date-window.js';
import type { LedgerClaim } from './ledger-claim.js';
import { CONTROL_PREDICATES, PERSISTENCE_DAYS } from '../model/predicate-facts.js';
import { ref } from './contradictions.js';

const argKey = (c: LedgerClaim, role: string): string | undefined => c.claim.args.find((a) => a.role === role)?.key;
const sideOf = (key: string | undefined): Side | null => (key?.startsWith('force:') ? key.slice('force:'.length) : null);
const dateOf = (c: LedgerClaim): string => c.claim.about.window?.end ?? c.claim.statedAt.value?.slice(0, 10) ?? c.published?.slice(0, 10) ?? '';
/** A claim from an undated document with no time of its own cannot be placed on a timeline. */
const isDated = (c: LedgerClaim): boolean => /^\d{4}-\d{2}-\d{2}$/.test(dateOf(c));

/**
 * The control timeline of one place (docs/ledger.md, "Status rules"): at
 * each date a control claim speaks for, the status from the claims up to it.
 * - confirmed-captured by X: X's capture is conceded by the other side
 *   (an admission: "our troops withdrew") or shown by independent evidence;
 * - claimed-captured by X: X (or a reporter) says so, nobody has conceded it;
 *   `denied` when the other side denies it;
 * - contested: within the last 14 days, more than one side is said to be present
 *   (presence, advances, footholds, encircled defenders, repelled attacks);
 * - held by X: only X is said to be present; unknown: nothing current.
 * Only asserted claims count. A new status is recorded when it changes.
 */
export function controlTimeline(claims: readonly LedgerClaim[], place: string): ControlStatus[] {
  const relevant = claims
    .filter((c) => c.claim.modality === 'asserted' && CONTROL_PREDICATES.has(c.claim.predicate) && argKey(c, 'place') === place && isDated(c))
    .sort((a, b) => dateOf(a).localeCompare(dateOf(b)) || a.doc.localeCompare(b.doc) || a.claim.id.localeCompare(b.claim.id));
  const parties = new Set<Side>();
  for (const c of relevant) for (const a of c.claim.args) { const s = sideOf(a.key); if (s) parties.add(s); }
  for (const c of relevant) if (!['MEDIA', 'THIRD', 'UNKNOWN'].includes(c.claim.side)) parties.add(c.claim.side);
  const opponent = (s: Side): Side | null => {
    const others = [...parties].filter((p) => p !== s);
    return others.length === 1 ? others[0]! : null;
  };
  const out: ControlStatus[] = [];
  const dates = [...new Set(relevant.map(dateOf))];
  for (const d of dates) {
    const upTo = relevant.filter((c) => dateOf(c) <= d);
    const status = statusAt(upTo, d, place, opponent);
    const last = out[out.length - 1];
    if (last && last.state === status.state && last.by === status.by && last.denied === status.denied) continue;
    out.push(status);
  }
  return out;
}

function statusAt(claims: readonly LedgerClaim[], d: string, place: string, opponent: (s: Side) => Side | null): ControlStatus {
  // Capture: who is said to have taken the place, and by whom it is conceded or denied.
  const captures = new Map<Side, { support: LedgerClaim[]; denials: LedgerClaim[] }>();
  const entry = (s: Side) => captures.get(s) ?? captures.set(s, { support: [], denials: [] }).get(s)!;
  for (const c of claims) {
    const p = c.claim.predicate;
    const actor = sideOf(argKey(c, 'actor'));
    if (!actor) continue;
    const positive = c.claim.polarity === 'positive';
    if (p === 'captured' || (p === 'controls' && argKey(c, 'extent') === 'extent:full')) (positive ? entry(actor).support : entry(actor).denials).push(c);
    else if (p === 'withdrew' || p === 'surrendered') {
      const winner = opponent(actor);
      if (winner) (positive ? entry(winner).support : entry(winner).denials).push(c);
    }
  }
  let best: { side: Side; at: string; support: LedgerClaim[]; denials: LedgerClaim[] } | null = null;
  for (const [side, { support, denials }] of captures) {
    if (support.length === 0) continue;
    const at = support.map(dateOf).sort().at(-1)!;
    if (!best || at > best.at) best = { side, at, support, denials };
  }
  if (best) {
    const conceded = best.support.filter((c) => concedes(c, best!.side, opponent(best!.side)));
    const first = best.support.map(dateOf).sort()[0]!;
    const denials = best.denials.filter((c) => dateOf(c) >= addDays(first, -PERSISTENCE_DAYS.encircled));
    const cited = [...best.support, ...denials].map(ref);
    if (conceded.length > 0) {
      return { place, from: d, state: 'confirmed-captured', by: best.side, denied: denials.length > 0, claims: cited,
        why: `captured by ${best.side}: claimed by ${names(best.support.filter((c) => !conceded.includes(c)))}; conceded or shown by ${names(conceded)}` };
    }
    return { place, from: d, state: 'claimed-captured', by: best.side, denied: denials.length > 0, claims: cited,
      why: `captured by ${best.side} according to ${names(best.support)}${denials.length ? `; denied by ${names(denials)}` : ''}` };
  }
  // Presence: who is said to be there lately.
  const since = addDays(d, -PERSISTENCE_DAYS.presence);
  const present = new Map<Side, LedgerClaim[]>();
  const add = (s: Side | null, c: LedgerClaim): void => { if (s) present.set(s, [...(present.get(s) ?? []), c]); };
  for (const c of claims) {
    if (dateOf(c) < since || c.claim.polarity !== 'positive') continue;
    const p = c.claim.predicate;
    if (p === 'presence' || p === 'advanced' || p === 'controls') add(sideOf(argKey(c, 'actor')), c);
    else if (p === 'encircled') { add(sideOf(argKey(c, 'force')), c); add(sideOf(argKey(c, 'by')), c); }
    else if (p === 'repelled') { add(sideOf(argKey(c, 'actor')), c); add(sideOf(argKey(c, 'attacker')), c); }
  }
  const sides = [...present.keys()].sort();
  const cited = [...new Set([...present.values()].flat())].map(ref);
  let state: ControlState = 'unknown';
  let by: Side | null = null;
  if (sides.length >= 2) state = 'contested';
  else if (sides.length === 1) { state = 'held'; by = sides[0]!; }
  const why = sides.length === 0 ? 'no current control claims' : sides.map((s) => `${s} present according to ${names(present.get(s)!)}`).join('; ');
  return { place, from: d, state, by, denied: false, claims: cited, why };
}

/**
 * Whether a claim of capture confirms it (warnews GUIDELINES.md, status rules):
 * the losing side's own body conceding it (an admission, or its own words or
 * footage saying the other side took the place), or evidence from outside the
 * war (a third party's analyst, monitor or imagery). A reporter repeating a
 * party's claim, a party's own footage of its flag, and media aligned with a
 * side (a monitoring project, a channel) confirm nothing by themselves.
 */
function concedes(c: LedgerClaim, winner: Side, loser: Side | null): boolean {
  const media = c.source.kind === 'media' || c.source.kind === 'outlet';
  if (c.claim.side === 'THIRD' && (c.claim.grade === 'independent' || c.claim.grade === 'admission')) return true;
  // a monitoring project aligned with a side (an organisation with a party's side: DeepState) is no body of that side
  const alignedMonitor = c.source.kind === 'organisation';
  if (media || alignedMonitor || c.claim.side === winner) return false;
  return c.claim.grade === 'admission' || (loser !== null && c.claim.side === loser);
}

function names(claims: readonly LedgerClaim[]): string {
  return [...new Set(claims.map((c) => `${c.source.name}${c.claim.grade === 'independent' ? ' (independent)' : c.claim.grade === 'admission' ? ' (admission)' : ''}`))].join(', ') || 'nobody';
}

/** The status of a place on a date: the last timeline entry from on or before it. */
export function statusOn(timeline: readonly ControlStatus[], date: string): ControlStatus | null {
  return [...timeline].reverse().find((s) => s.from <= date) ?? null;
}

export type { ClaimRef };
