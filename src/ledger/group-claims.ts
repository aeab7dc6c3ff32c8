import type { DateWindow, Side } from '../model/index.js';
import { windowsOverlap } from '../model/date-window.js';
import type { LedgerClaim } from './ledger-claim.js';
import { PERSISTENCE_DAYS } from '../model/predicate-facts.js';

/** Claims about one proposition at overlapping times, with how many independent sources of each side back or dispute it. */
export interface ClaimGroup {
  readonly proposition: string;
  readonly window: DateWindow | null;
  readonly claims: readonly LedgerClaim[];
  /** Per side: independent sources asserting / denying (a wire copy counts once; an outlet relaying a ministry is the ministry). */
  readonly corroboration: Readonly<Record<Side, { readonly supporting: number; readonly disputing: number }>>;
}

/**
 * Groups claims by proposition, splitting a proposition's claims where their
 * time windows (extended by the predicate's persistence) stop overlapping.
 */
export function groupClaims(claims: readonly LedgerClaim[]): ClaimGroup[] {
  const byProposition = new Map<string, LedgerClaim[]>();
  for (const c of claims) {
    const list = byProposition.get(c.claim.proposition);
    if (list) list.push(c);
    else byProposition.set(c.claim.proposition, [c]);
  }
  const groups: ClaimGroup[] = [];
  for (const [proposition, list] of [...byProposition].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...list].sort((a, b) => (a.claim.about.window?.start ?? '').localeCompare(b.claim.about.window?.start ?? '') || a.doc.localeCompare(b.doc) || a.claim.id.localeCompare(b.claim.id));
    let current: LedgerClaim[] = [];
    let window: DateWindow | null = null;
    const flush = (): void => { if (current.length) groups.push({ proposition, window, claims: current, corroboration: corroboration(current) }); };
    for (const c of sorted) {
      const w = c.claim.about.window;
      if (current.length && window && w && !windowsOverlap(window, w, PERSISTENCE_DAYS[c.claim.predicate])) {
        flush();
        current = [];
        window = null;
      }
      current.push(c);
      const cur = window as DateWindow | null;
      if (w) window = cur ? { start: cur.start < w.start ? cur.start : w.start, end: cur.end > w.end ? cur.end : w.end } : w;
    }
    flush();
  }
  return groups;
}

/** Independent sources per side: distinct merged source keys (reporter voice: outlet or original document). */
export function corroboration(claims: readonly LedgerClaim[]): Record<Side, { supporting: number; disputing: number }> {
  const sets = new Map<Side, { supporting: Set<string>; disputing: Set<string> }>();
  for (const c of claims) {
    if (c.claim.modality !== 'asserted') continue;
    const s = sets.get(c.source.side) ?? { supporting: new Set(), disputing: new Set() };
    (c.claim.polarity === 'positive' ? s.supporting : s.disputing).add(c.source.key);
    sets.set(c.source.side, s);
  }
  const out: Record<Side, { supporting: number; disputing: number }> = {};
  for (const [side, s] of [...sets].sort(([a], [b]) => a.localeCompare(b))) out[side] = { supporting: s.supporting.size, disputing: s.disputing.size };
  return out;
}
