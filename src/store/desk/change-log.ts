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

/** A contradiction or status a sweep found, before the claims behind it are described. */
interface Found { readonly change: Omit<NewChange, 'data'>; readonly data: Record<string, unknown> }

/**
 * The contradictions and the current control status of one place as changes, the claims behind
 * each described; only those the log does not hold yet are described (one claim read per place,
 * and none when nothing is new, the common case for a place every batch of an ingest touches).
 */
async function placeChanges(store: Store, desk: DeskStore, place: string): Promise<NewChange[]> {
  const ledger = store.ledger;
  const found: Found[] = [];
  for (const c of await ledger.listContradictions({ place, limit: 5000 })) {
    found.push({ change: { kind: 'contradiction', key: c.id, place, claims: [`${c.a.doc}|${c.a.claim}`, `${c.b.doc}|${c.b.claim}`] }, data: { summary: c.explanation, contradiction: c.kind } });
  }
  const timeline = await ledger.timeline(place);
  const last = timeline?.statuses.at(-1);
  if (timeline && last && last.state !== 'unknown') {
    found.push({
      change: { kind: 'status', key: `${place}|${last.from}|${last.state}|${last.by ?? ''}`, place, claims: last.claims.map((r) => `${r.doc}|${r.claim}`) },
      data: { summary: `${timeline.label}: ${last.state}${last.by ? ` (${last.by})` : ''} from ${last.from}`, state: last.state, by: last.by, from: last.from },
    });
  }
  const known = new Set<string>();
  for (const kind of ['contradiction', 'status'] as const) {
    for (const key of await desk.knownChangeKeys(kind, found.filter((f) => f.change.kind === kind).map((f) => f.change.key))) known.add(`${kind}\u0000${key}`);
  }
  const fresh = found.filter((f) => !known.has(`${f.change.kind}\u0000${f.change.key}`));
  if (fresh.length === 0) return [];
  const claims = new Map((await ledger.listClaims({ place, limit: 5000 })).map((c) => [claimRef(c), c]));
  const described = (refs: readonly string[]) => refs.map((r) => claims.get(r)).filter((c): c is LedgerClaim => c !== undefined).map(changeClaim);
  return fresh.map((f) => ({ ...f.change, data: { ...f.data, claims: described(f.change.claims) } }));
}

/**
 * Looks at the places whose claims changed since the last sweep: a contradiction or a control
 * status the ledger has now and the change log has not seen is recorded as first seen when the
 * claims that caused it were stored. The writer runs it after each save or batch it commits
 * (open-desk.ts), so the log is current when it is read; a reader runs it too, for what a
 * writer left pending (a process stopped before its sweep). Cheap when nothing is pending.
 * A place whose sweep fails is marked pending again, for the next sweep.
 */
export async function sweepChanges(store: Store, desk: DeskStore): Promise<void> {
  if (!store.ledger) return;
  const pending = await desk.takePendingPlaces();
  for (let i = 0; i < pending.length; i++) {
    const { place, at } = pending[i]!;
    try {
      await desk.recordChanges(await placeChanges(store, desk, place), at);
    } catch (error) {
      for (const p of pending.slice(i)) await desk.markPlacesPending([p.place], p.at).catch(() => undefined);
      throw error;
    }
  }
}
