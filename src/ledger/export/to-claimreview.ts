import type { ClaimReview, Graph, Organization, Person, Rating } from 'schema-dts';
import { groupClaims, type ClaimGroup } from '../group-claims.js';
import type { LedgerClaim } from '../ledger-claim.js';
import { absoluteHttpUrl, claimPageUrl, claimRefKey, claimSentence, sortedClaims, type ExportOptions, type LedgerSnapshot } from './ledger-snapshot.js';

const when = (c: LedgerClaim): string | null => c.claim.statedAt.value?.match(/^\d{4}-\d{2}-\d{2}/)?.[0] ?? c.published?.slice(0, 10) ?? null;
const whoSaid = (c: LedgerClaim): string => `${c.source.name} (${c.claim.side})`;

/**
 * The rating scale: how the ledger's other claims bear on the reviewed one.
 * Not a verdict on truth: a contradicted claim may be the true one; the
 * ledger says who disputes it. `alternateName` says it in words.
 */
export const REVIEW_RATINGS = { contradicted: 1, uncorroborated: 2, repeated: 3, corroborated: 4 } as const;
const BEST = REVIEW_RATINGS.corroborated;
const WORST = REVIEW_RATINGS.contradicted;

function author(c: LedgerClaim): Person | Organization {
  return c.source.kind === 'person' ? { '@type': 'Person', name: c.source.name } : { '@type': 'Organization', name: c.source.name };
}

function itemReviewed(c: LedgerClaim): ClaimReview['itemReviewed'] {
  const url = absoluteHttpUrl(c.url);
  const date = when(c);
  return {
    '@type': 'Claim', author: author(c), ...(date ? { datePublished: date } : {}),
    appearance: {
      '@type': 'CreativeWork', ...(url ? { url } : {}), ...(c.title ? { headline: c.title } : {}),
      ...(c.outlet ? { publisher: { '@type': 'Organization', name: c.outlet } } : {}), identifier: c.doc,
    },
  };
}

function review(id: string, c: LedgerClaim, value: number, words: string, date: string | null, url: string): ClaimReview {
  const rating: Rating = { '@type': 'Rating', ratingValue: value, bestRating: BEST, worstRating: WORST, alternateName: words };
  return {
    '@type': 'ClaimReview', identifier: id, url, claimReviewed: claimSentence(c), itemReviewed: itemReviewed(c),
    ...(date ? { datePublished: date } : {}),
    author: { '@type': 'Organization', name: 'counterclaim ledger' },
    reviewRating: rating,
  };
}

/**
 * schema.org ClaimReview JSON-LD with the properties Google's fact-check
 * guidelines require (`url`, `claimReviewed`, `reviewRating` with
 * `alternateName`, `author`) and recommend (`itemReviewed` Claim with its
 * author, date and appearance; `ratingValue` on a stated `bestRating` /
 * `worstRating` scale, REVIEW_RATINGS): one review per contradiction
 * ("contradicted by ...") and one per claim group no contradiction covers
 * ("corroborated by ...", "claimed by ... only"). `claimReviewed` is the
 * sentence the claim was read from; `url` is the web UI's page for the claim
 * (`options.baseUrl`), else its article's. A claim with neither cannot be
 * reviewed validly and is left out (`claimReviewsWithoutUrl` counts them).
 * The review's date is the latest statement it cites, never the clock, so
 * the export is deterministic.
 */
export function toLedgerClaimReview(s: LedgerSnapshot, options: ExportOptions = {}): string {
  const graph: ClaimReview[] = [];
  for (const r of reviewsOf(s)) {
    const url = claimPageUrl(r.claim, options);
    if (url) graph.push(review(r.id, r.claim, r.value, r.words, r.date, url));
  }
  const doc: Graph = { '@context': 'https://schema.org', '@graph': graph };
  // Escaped for embedding in an HTML <script type="application/ld+json">, where it is meant to go:
  // "</script>" or "<!--" in a title must not end the script (issue 19). Still the same JSON.
  const json = JSON.stringify(doc, null, 2)
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `${json}\n`;
}

/** How many reviews `toLedgerClaimReview` leaves out for want of a URL (the CLI says so). */
export function claimReviewsWithoutUrl(s: LedgerSnapshot, options: ExportOptions = {}): number {
  return reviewsOf(s).filter((r) => claimPageUrl(r.claim, options) === null).length;
}

interface PendingReview {
  readonly id: string;
  readonly claim: LedgerClaim;
  readonly value: number;
  readonly words: string;
  readonly date: string | null;
}

function reviewsOf(s: LedgerSnapshot): PendingReview[] {
  const claims = sortedClaims(s.claims);
  const byRef = new Map(claims.map((c) => [claimRefKey(c.doc, c.claim.id), c]));
  const out: PendingReview[] = [];
  const covered = new Set<string>();
  for (const x of [...s.contradictions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const a = byRef.get(claimRefKey(x.a.doc, x.a.claim));
    const b = byRef.get(claimRefKey(x.b.doc, x.b.claim));
    if (!a || !b) continue;
    covered.add(x.proposition);
    const dates = [when(a), when(b)].filter((d): d is string => d !== null).sort();
    out.push({ id: x.id, claim: a, value: REVIEW_RATINGS.contradicted, words: `contradicted by ${whoSaid(b)}: ${x.explanation}`, date: dates.at(-1) ?? null });
  }
  for (const g of groupClaims(claims)) {
    if (g.claims[0]!.claim.predicate === 'said' || covered.has(g.proposition)) continue;
    const lead = g.claims.find((c) => c.claim.modality === 'asserted' && c.claim.polarity === 'positive');
    if (!lead) continue;
    const dates = g.claims.map(when).filter((d): d is string => d !== null).sort();
    out.push({ id: `group:${g.proposition}@${g.window?.start ?? 'undated'}`, claim: lead, ...rating(g, lead), date: dates.at(-1) ?? null });
  }
  return out;
}

function rating(g: ClaimGroup, lead: LedgerClaim): { value: number; words: string } {
  const others = [...new Map(g.claims.filter((c) => c.source.key !== lead.source.key && c.claim.modality === 'asserted' && c.claim.polarity === 'positive')
    .map((c) => [c.source.key, c])).values()];
  const independent = others.filter((c) => c.claim.grade === 'independent' || c.claim.grade === 'admission' || c.claim.side !== lead.claim.side);
  if (independent.length) return { value: REVIEW_RATINGS.corroborated, words: `corroborated by ${independent.map(whoSaid).join(', ')}` };
  if (others.length) return { value: REVIEW_RATINGS.repeated, words: `repeated by ${others.map(whoSaid).join(', ')} (same side, not independent)` };
  return { value: REVIEW_RATINGS.uncorroborated, words: `claimed by ${whoSaid(lead)} only; not corroborated` };
}
