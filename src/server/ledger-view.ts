import { readableProposition, type LedgerClaim } from '../ledger/index.js';
import { keyOfPlaceId, placeIdOfKey, type Contradiction } from '../model/index.js';
import type { DatedContradiction } from '../store/browse-reader.js';
import type { Store } from '../store/store.js';
import { ApiError } from './errors.js';

/**
 * The ledger as the API shows it. Place ids are the server's (`geonames-704422`,
 * `name-pokrovsk`); the ledger keys its places `geonames:704422` / `place:pokrovsk`:
 * one key, two spellings (src/model/place-key.ts).
 */
export const placeIdOfLedgerKey = placeIdOfKey;
export const ledgerKeyOfPlaceId = keyOfPlaceId;

/** A ledger claim with what a reader needs beside it: the proposition in words, its place id and date. */
export interface ClaimView extends LedgerClaim {
  readonly readable: string;
  readonly placeId: string | null;
  /** The date the claim is about (end of its window), else its statement or publication date. */
  readonly date: string | null;
}

export function claimView(c: LedgerClaim): ClaimView {
  const place = c.claim.args.find((a) => a.role === 'place');
  const date = c.claim.about.window?.end ?? c.claim.statedAt.value?.slice(0, 10) ?? c.published?.slice(0, 10) ?? null;
  return { ...c, readable: readableProposition(c.claim), placeId: place ? placeIdOfLedgerKey(place.key) : null, date };
}

/** A contradiction with its two claims, for the board and the place panel. */
export interface ContradictionView {
  readonly contradiction: Contradiction;
  readonly date: string | null;
  readonly placeId: string | null;
  readonly a: ClaimView | null;
  readonly b: ClaimView | null;
}

export function contradictionView(d: DatedContradiction): ContradictionView {
  const a = d.a ? claimView(d.a) : null;
  const b = d.b ? claimView(d.b) : null;
  return { contradiction: d.contradiction, date: d.date, placeId: a?.placeId ?? b?.placeId ?? null, a, b };
}

/** Newest contradictions with their claims: one indexed read of the dated contradictions the store keeps. */
export async function listContradictionViews(
  store: Store, query: { place?: string; since?: string; until?: string; limit: number; offset: number },
): Promise<{ items: ContradictionView[]; total: number }> {
  const place = query.place ? ledgerKeyOfPlaceId(query.place) : undefined;
  const range = { ...(query.since ? { since: query.since } : {}), ...(query.until ? { until: query.until } : {}) };
  const { contradictions, total } = await store.browse.listContradictions({ ...(place ? { place } : {}), ...range, limit: query.limit, offset: query.offset });
  return { items: contradictions.map(contradictionView), total };
}
