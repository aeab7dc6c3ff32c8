import type { Predicate } from '../../model/index.js';
import { groupClaims } from '../group-claims.js';
import type { LedgerClaim } from '../ledger-claim.js';
import { actorName, claimDate, sortedClaims, type LedgerSnapshot } from './ledger-snapshot.js';

/**
 * PLOVER event type (and mode) of each predicate that reports an event
 * (PLOVER ontology, openeventdata/PLOVER); states (controls, presence) and
 * `said` are not events. Repelled attacks are the attackers' ASSAULT.
 */
export const PLOVER_TYPES: Readonly<Partial<Record<Predicate, { readonly type: string; readonly mode: string | null }>>> = {
  attacked: { type: 'ASSAULT', mode: null }, repelled: { type: 'ASSAULT', mode: null }, struck: { type: 'ASSAULT', mode: 'explosives' },
  captured: { type: 'FIGHT', mode: 'occupy' }, encircled: { type: 'FIGHT', mode: null }, advanced: { type: 'FIGHT', mode: null },
  casualties: { type: 'FIGHT', mode: null }, withdrew: { type: 'RETREAT', mode: null }, surrendered: { type: 'RETREAT', mode: 'surrender' },
  deployed: { type: 'MOBILIZE', mode: 'military' },
};

const argOf = (c: LedgerClaim, role: string) => c.claim.args.find((a) => a.role === role);

/**
 * PLOVER JSON: one event per claim group (same proposition, overlapping
 * times), with the claims that report it. An event only one side reports,
 * with no independent evidence, is `claimed`.
 */
export function toLedgerPlover(s: LedgerSnapshot): string {
  const events = groupClaims(sortedClaims(s.claims).filter((c) => PLOVER_TYPES[c.claim.predicate])).map((g) => {
    const first = g.claims.find((c) => c.claim.polarity === 'positive' && c.claim.modality === 'asserted') ?? g.claims[0]!;
    const code = PLOVER_TYPES[first.claim.predicate]!;
    const repelled = first.claim.predicate === 'repelled';
    const actor = repelled ? argOf(first, 'attacker') : argOf(first, 'actor') ?? argOf(first, 'by');
    const recipient = repelled ? argOf(first, 'actor') : first.claim.predicate === 'encircled' ? argOf(first, 'force') : argOf(first, 'target');
    const sizes = g.claims.map((c) => argOf(c, 'count')?.value).filter((v): v is number => typeof v === 'number');
    const asserting = new Set(g.claims.filter((c) => c.claim.polarity === 'positive' && c.claim.modality === 'asserted').map((c) => c.claim.side));
    const independent = g.claims.some((c) => c.claim.grade === 'independent' || c.claim.grade === 'admission');
    const where = first.where ?? null;
    return {
      event_id: `${g.proposition}@${g.window?.start ?? 'undated'}`,
      event_type: code.type, mode: code.mode, context: [] as string[],
      event_date: claimDate(first), window: g.window,
      actor: actorName(actor?.key, actor?.label), recipient: actorName(recipient?.key, recipient?.label),
      location: where ? { name: where.label, place: where.key, lat: where.lat, lon: where.lon, country: where.country, admin1: where.admin1 } : null,
      size: sizes.length ? Math.min(...sizes) : null,
      reported: independent || asserting.size > 1 ? 'corroborated' : 'claimed',
      corroboration: g.corroboration,
      claims: g.claims.map((c) => ({
        doc: c.doc, claim: c.claim.id, source: c.source.name, side: c.claim.side, polarity: c.claim.polarity, modality: c.claim.modality,
        grade: c.claim.grade, stated: c.claim.statedAt.value, text: c.claim.text,
      })),
    };
  });
  return `${JSON.stringify({ ontology: 'PLOVER', events }, null, 2)}\n`;
}
