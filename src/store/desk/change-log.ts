import { ledgerClaimsOf, readableProposition, type LedgerClaim } from '../../ledger/index.js';
import type { LedgerDocument } from '../../report/ledger-json.js';
import type { Store } from '../store.js';
import type { DeskStore, NewChange } from './desk-store.js';

/** What a change keeps of each claim behind it, so watchlists can be matched without reading documents again. */
export interface ChangeClaim {
  readonly ref: string;
  readonly readable: string;
  readonly side: string;
  readonly source: { readonly key: string; readonly name: string; readonly kind: string; readonly side: string };
  readonly outlet: string | null;
  readonly url: string | null;
  /** Whether the source said it or denied it (`negative`), and how (the cue's stance); absent in records logged before these were kept. */
  readonly polarity?: string;
  readonly stance?: string;
}

export const claimRef = (c: Pick<LedgerClaim, 'doc' | 'claim'>) => `${c.doc}|${c.claim.id}`;

function changeClaim(c: LedgerClaim): ChangeClaim {
  return { ref: claimRef(c), readable: readableProposition(c.claim), side: c.claim.side, source: c.source, outlet: c.outlet, url: c.url ?? null, polarity: c.claim.polarity, stance: c.claim.stance };
}

const placeOf = (c: LedgerClaim) => c.claim.args.find((a) => a.role === 'place')?.key ?? null;

/** A new claim of a stored document as a change (kind `claim`), with the place it is about. */
export function claimChanges(doc: LedgerDocument): NewChange[] {
  return ledgerClaimsOf(doc).map((c) => ({
    kind: 'claim', key: claimRef(c), place: placeOf(c),
    data: { summary: `${c.source.name}: ${readableProposition(c.claim)}`, claims: [changeClaim(c)] }, claims: [claimRef(c)],
  }));
}

/**
 * Looks at the places whose claims changed since the last sweep: a contradiction or a control
 * status the ledger has now and the change log has not seen is recorded as first seen when the
 * claims that caused it were stored. Run before changes are read (GET /api/changes, the CLI) and
 * by the server's watcher; cheap when nothing is pending.
 */
export async function sweepChanges(store: Store, desk: DeskStore): Promise<void> {
  const ledger = store.ledger;
  const pending = await desk.takePendingPlaces();
  if (!ledger || pending.length === 0) return;
  for (const { place, at } of pending) {
    const claims = new Map((await ledger.listClaims({ place, limit: 5000 })).map((c) => [claimRef(c), c]));
    const described = (refs: readonly string[]) => refs.map((r) => claims.get(r)).filter((c): c is LedgerClaim => c !== undefined).map(changeClaim);
    const changes: NewChange[] = [];
    for (const c of await ledger.listContradictions({ place, limit: 5000 })) {
      const refs = [`${c.a.doc}|${c.a.claim}`, `${c.b.doc}|${c.b.claim}`];
      changes.push({ kind: 'contradiction', key: c.id, place, data: { summary: c.explanation, contradiction: c.kind, claims: described(refs) }, claims: refs });
    }
    const timeline = await ledger.timeline(place);
    const last = timeline?.statuses.at(-1);
    if (timeline && last && last.state !== 'unknown') {
      const refs = last.claims.map((r) => `${r.doc}|${r.claim}`);
      changes.push({
        kind: 'status', key: `${place}|${last.from}|${last.state}|${last.by ?? ''}`, place,
        data: { summary: `${timeline.label}: ${last.state}${last.by ? ` (${last.by})` : ''} from ${last.from}`, state: last.state, by: last.by, from: last.from, claims: described(refs) },
        claims: refs,
      });
    }
    await desk.recordChanges(changes, at);
  }
}
