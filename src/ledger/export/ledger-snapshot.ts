import type { Contradiction } from '../../model/index.js';
import type { LedgerClaim } from '../ledger-claim.js';
import type { PlaceTimeline } from '../ledger-reader.js';

/** What every export is made from: the selected claims, their contradictions and the places' timelines. */
export interface LedgerSnapshot {
  readonly claims: readonly LedgerClaim[];
  readonly contradictions: readonly Contradiction[];
  readonly timelines: readonly PlaceTimeline[];
}

/** The export formats (`counterclaim export --format`). */
export const EXPORT_FORMATS = ['json', 'csv', 'geojson', 'plover', 'claimreview'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Claims in a stable order (document, claim id), so the same ledger always exports the same bytes. */
export function sortedClaims(claims: readonly LedgerClaim[]): LedgerClaim[] {
  return [...claims].sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.claim.id < b.claim.id ? -1 : a.claim.id > b.claim.id ? 1 : 0));
}

export const claimRefKey = (doc: string, claim: string): string => `${doc}\u0000${claim}`;

/** The date a claim speaks for: the end of the window it is about, else its statement date, else its document's. */
export function claimDate(c: LedgerClaim): string | null {
  return c.claim.about.window?.end ?? c.claim.statedAt.value?.match(/^\d{4}-\d{2}-\d{2}/)?.[0] ?? c.published?.slice(0, 10) ?? null;
}

/** How the ledger names a force key for a reader: force:RU -> "Military Forces of RU" (ACLED's actor naming), others by label. */
export function actorName(key: string | undefined, label: string | undefined): string {
  if (!key) return '';
  if (key.startsWith('force:')) return `Military Forces of ${key.slice('force:'.length)}`;
  return label ?? key;
}
