import { z } from 'zod';
import type { LedgerClaim } from './ledger-claim.js';

/**
 * The source registry (issue 18): who a claim's source or outlet is, who owns it, and how far
 * it has been reliable (the Admiralty source grade, A-F). Data, not code: the entries are in
 * data/sources/registry.json, reviewed like the lexicons, and edited through the API.
 */
export const SOURCE_KINDS = ['official', 'state-media', 'wire', 'independent-media', 'osint', 'anonymous-channel', 'person'] as const;
export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

export const sourceEntryFields = {
  name: z.string().min(1).max(300),
  aliases: z.array(z.string().min(1).max(300)).max(100).default([]),
  kind: z.enum(SOURCE_KINDS),
  side: z.string().regex(/^[A-Z]{2,10}$/, 'must be a side code like RU, UA, THIRD, MEDIA'),
  affiliation: z.string().max(500).nullable().default(null),
  owner: z.string().min(1).max(200).describe('Who controls the source: two sources of one owner are not independent.'),
  reliability: z.enum(RELIABILITY),
  actors: z.array(z.string().min(1).max(200)).max(200).default([]).describe('Actor dictionary keys (data/actors) this source speaks as.'),
  outlets: z.array(z.string().min(1).max(300)).max(100).default([]).describe('Outlet names or web domains of documents it publishes.'),
  source: z.string().min(1).max(2000).describe('Where the entry\'s facts come from (a URL or a citation).'),
};

export const sourceId = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'must be 1-100 lower-case letters, digits, . _ or -');
export const sourceEntry = z.strictObject({ id: sourceId, ...sourceEntryFields });
export type SourceEntry = z.infer<typeof sourceEntry>;

export const registryFile = z.strictObject({ about: z.string(), entries: z.array(sourceEntry) });

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[’']/g, "'").replace(/^www\./, '').trim();

/** The registry's entries with lookups by actor key and outlet; built once per version of the entries. */
export interface SourceRegistry {
  readonly entries: readonly SourceEntry[];
  get(id: string): SourceEntry | undefined;
  /** The entry a claim comes from: its source's actor key, else (the reporter's voice or a relay) its outlet. */
  entryOf(claim: Pick<LedgerClaim, 'source' | 'outlet' | 'url'>): SourceEntry | undefined;
}

export function createSourceRegistry(entries: readonly SourceEntry[]): SourceRegistry {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const byActor = new Map<string, SourceEntry>();
  const byOutlet = new Map<string, SourceEntry>();
  for (const e of entries) {
    for (const a of e.actors) byActor.set(a, e);
    for (const o of [...e.outlets, e.name, ...e.aliases]) if (!byOutlet.has(fold(o))) byOutlet.set(fold(o), e);
  }
  const outletEntry = (outlet: string | null | undefined, url: string | null | undefined): SourceEntry | undefined => {
    if (outlet) {
      const found = byOutlet.get(fold(outlet));
      if (found) return found;
    }
    if (url) {
      try {
        const host = fold(new URL(url).hostname);
        for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
          const found = byOutlet.get(h);
          if (found) return found;
        }
      } catch {
        // Not a URL: no outlet from it.
      }
    }
    return undefined;
  };
  return {
    entries,
    get: (id) => byId.get(id),
    entryOf(claim) {
      const key = claim.source.key;
      if (key.startsWith('actor:')) {
        const found = byActor.get(key.slice('actor:'.length));
        if (found) return found;
      }
      if (claim.source.kind === 'outlet' || key.startsWith('unnamed:')) return outletEntry(claim.outlet, claim.url);
      return byOutlet.get(fold(claim.source.name));
    },
  };
}

/** The Admiralty information grade of a claim (1 confirmed ... 6 cannot be judged), with the counts it rests on. */
export interface Credibility {
  readonly grade: 1 | 2 | 3 | 4 | 5 | 6;
  /** Independent owners, other than the claim's own, saying the same. */
  readonly independent: number;
  /** Owners saying the opposite. */
  readonly contradicting: number;
}

/** Whether a claim affirms its proposition: the ledger's polarity already folds a denial in (as corroboration() counts). */
const affirms = (c: LedgerClaim) => c.claim.polarity === 'positive';

/** The unit of independence: the registry owner, else the claim's own merged source (a wire copy shares its original's). */
export function ownerOf(registry: SourceRegistry, c: LedgerClaim): string {
  const entry = registry.entryOf(c);
  return entry ? `owner:${entry.owner}` : c.source.key;
}

/**
 * A claim's credibility from the claims of its proposition: independent means a different registry
 * owner, so a ministry and the state agency quoting it count once. 1: two or more others agree and
 * none disagrees; 2: one other agrees and none disagrees; 3: no other, from a source graded A or B;
 * 4: disagreement as strong as agreement; 5: more disagreement; 6: no other, from a source graded C-F
 * or not in the registry (the truth cannot be judged).
 *
 * @example credibility(registry, tassClaim, [tassClaim, ruModClaim, reutersClaim]) // => { grade: 2, independent: 1, contradicting: 0 }
 */
export function credibility(registry: SourceRegistry, claim: LedgerClaim, sameProposition: readonly LedgerClaim[]): Credibility {
  const own = ownerOf(registry, claim);
  const side = affirms(claim);
  const agree = new Set<string>();
  const disagree = new Set<string>();
  for (const other of sameProposition) {
    if (other.claim.proposition !== claim.claim.proposition) continue;
    const owner = ownerOf(registry, other);
    if (affirms(other) === side) { if (owner !== own) agree.add(owner); }
    else disagree.add(owner);
  }
  const independent = agree.size;
  const contradicting = disagree.size;
  let grade: Credibility['grade'];
  if (contradicting > 0) grade = independent + 1 > contradicting ? 3 : independent + 1 === contradicting ? 4 : 5;
  else if (independent >= 2) grade = 1;
  else if (independent === 1) grade = 2;
  else grade = ['A', 'B'].includes(registry.entryOf(claim)?.reliability ?? 'F') ? 3 : 6;
  return { grade, independent, contradicting };
}
