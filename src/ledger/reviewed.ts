import type { Contradiction, ControlStatus } from '../model/index.js';
import { addDays } from '../model/date-window.js';
import { findContradictions } from './contradictions.js';
import { controlTimeline } from './control-timeline.js';
import type { LedgerClaim } from './ledger-claim.js';
import { PERSISTENCE_DAYS } from '../model/predicate-facts.js';

/**
 * An analyst's decision on one claim, as the ledger applies it (issue 18: "the ledger uses
 * reviewed decisions over automatic ones and keeps both"): a rejected claim is no claim at all;
 * a corrected one counts with its corrected side, stance, proposition, place (a ledger place key)
 * and date. The stored ledger keeps the automatic reading; these functions compute what the
 * reviewed one changes, so both can be shown.
 */
export interface ClaimDecision {
  readonly decision: 'confirm' | 'reject' | 'correct';
  readonly corrections: {
    readonly side?: string;
    readonly stance?: string;
    readonly proposition?: string;
    /** A ledger place key (`geonames:704422`). */
    readonly place?: string;
    /** An ISO date: the day the claim is about. */
    readonly time?: string;
  };
}

export const claimRefKey = (c: { readonly doc: string; readonly claim: { readonly id: string } }): string => `${c.doc}|${c.claim.id}`;

/**
 * The claim as reviewed: null when rejected. A stance corrected to or from `deny` turns the
 * claim's polarity (a denial is the proposition with negative polarity, as the reader writes
 * it: read-claims.ts); the place replaces the claim's `place` argument; the time becomes the
 * window the claim is about.
 */
export function reviewedClaim(c: LedgerClaim, d: ClaimDecision | undefined): LedgerClaim | null {
  if (!d || d.decision === 'confirm') return c;
  if (d.decision === 'reject') return null;
  const fix = d.corrections;
  let claim = c.claim;
  if (fix.side !== undefined) claim = { ...claim, side: fix.side };
  if (fix.stance !== undefined && fix.stance !== claim.stance) {
    const flips = (fix.stance === 'deny') !== (claim.stance === 'deny');
    claim = { ...claim, stance: fix.stance as typeof claim.stance, ...(flips ? { polarity: claim.polarity === 'negative' ? 'positive' as const : 'negative' as const } : {}) };
  }
  if (fix.proposition !== undefined) claim = { ...claim, proposition: fix.proposition };
  if (fix.place !== undefined) {
    // The proposition names its place (`captured(force:RU,geonames:709354)`): moved with it, unless corrected too.
    const was = claim.args.find((a) => a.role === 'place')?.key;
    if (was && fix.proposition === undefined) claim = { ...claim, proposition: claim.proposition.split(was).join(fix.place) };
    const had = was !== undefined;
    claim = { ...claim, args: had ? claim.args.map((a) => (a.role === 'place' ? { ...a, key: fix.place!, label: fix.place! } : a)) : [...claim.args, { role: 'place', key: fix.place, label: fix.place } as (typeof claim.args)[number]] };
  }
  if (fix.time !== undefined) claim = { ...claim, about: { ...claim.about, window: { ...claim.about.window, start: fix.time, end: fix.time } as NonNullable<typeof claim.about.window> } };
  return { ...c, claim };
}

/** The claims as reviewed: rejected ones dropped, corrected ones replaced. */
export function reviewedClaims(claims: readonly LedgerClaim[], decisions: ReadonlyMap<string, ClaimDecision>): LedgerClaim[] {
  return claims.map((c) => reviewedClaim(c, decisions.get(claimRefKey(c)))).filter((c): c is LedgerClaim => c !== null);
}

const sameStatus = (a: readonly ControlStatus[], b: readonly ControlStatus[]): boolean =>
  a.length === b.length && a.every((s, i) => s.from === b[i]!.from && s.state === b[i]!.state && s.by === b[i]!.by && s.denied === b[i]!.denied);

/**
 * A place's control timeline with the reviewed claims, from the stored (automatic) one:
 * statuses before `from` (the earliest date a reviewed claim speaks for) stand; from there
 * the timeline is computed twice over the same claims (`claims`: the place's claims from
 * the presence window before `from`, as stored, plus claims a correction moved here), once
 * as read and once as reviewed. Where the two agree the review changed nothing and the
 * stored timeline is kept as it is; where they differ the reviewed statuses replace the
 * stored ones from `from` on. Null when the reviews change nothing.
 */
export function reviewedTimeline(
  stored: readonly ControlStatus[], place: string, from: string, claims: readonly LedgerClaim[], decisions: ReadonlyMap<string, ClaimDecision>,
): ControlStatus[] | null {
  const automatic = controlTimeline(claims, place).filter((s) => s.from >= from);
  const reviewed = controlTimeline(reviewedClaims(claims, decisions), place).filter((s) => s.from >= from);
  if (sameStatus(automatic, reviewed)) return null;
  const out = stored.filter((s) => s.from < from);
  for (const s of reviewed) {
    const last = out.at(-1);
    if (last && last.state === s.state && last.by === s.by && last.denied === s.denied) continue;
    out.push(s);
  }
  return out;
}

/** The first day a recompute for claims about `dates` must read back to (the presence window before the earliest). */
export const lookbackFrom = (earliest: string): string => addDays(earliest, -PERSISTENCE_DAYS.presence);

/**
 * Whether a contradiction still stands once its claims are reviewed: some pair of the
 * claims it rests on (its two and the related ones, as reviewed) still contradicts in
 * the same way (kind and proposition). A contradiction whose only claim on one side was
 * rejected, or corrected to agree, no longer stands.
 */
export function contradictionStands(x: Contradiction, claims: readonly LedgerClaim[], decisions: ReadonlyMap<string, ClaimDecision>): boolean {
  const refs = new Set([x.a, x.b, ...x.related].map((r) => `${r.doc}|${r.claim}`));
  const own = claims.filter((c) => refs.has(claimRefKey(c)));
  const touched = own.some((c) => decisions.has(claimRefKey(c)) && decisions.get(claimRefKey(c))!.decision !== 'confirm');
  if (!touched) return true;
  const same = (y: Contradiction) => y.kind === x.kind && y.proposition === x.proposition;
  // Some contradictions rest on more than the claims they cite (a control contradiction on the
  // place's other claims); where the cited claims alone do not make it, only a rejection of
  // one of its two undoes it.
  if (!findContradictions(own).some(same)) return ![x.a, x.b].some((r) => decisions.get(`${r.doc}|${r.claim}`)?.decision === 'reject');
  return findContradictions(reviewedClaims(own, decisions)).some(same);
}
