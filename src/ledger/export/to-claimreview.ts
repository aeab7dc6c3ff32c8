
import { groupClaims, type ClaimGroup } from '../group-claims.js';
import { readableProposition, type LedgerClaim } from '../ledger-claim.js';
import { claimRefKey, sortedClaims, type LedgerSnapshot } from './ledger-snapshot.js';

type JsonLd = Record<string, unknown>;

const when = (c: LedgerClaim): string | null => c.claim.statedAt.value?.match(/^\d{4}-\d{2}-\d{2}/)?.[0] ?? c.published?.slice(0, 10) ?? null;
const whoSaid = (c: LedgerClaim): string => `${c.source.name} (${c.claim.side})`;

function author(c: LedgerClaim): JsonLd {
  return { '@type': c.source.kind === 'person' ? 'Person' : 'Organization', name: c.source.name };
}

/** A document's URL as a link, only when it is http(s): a `javascript:` or `data:` URL from a page's metadata is no link to follow (issue 19). */
function webUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function itemReviewed(c: LedgerClaim): JsonLd {
  const url = webUrl(c.url);
  return {
    '@type': 'Claim', author: author(c), datePublished: when(c),
    appearance: { '@type': 'CreativeWork', ...(url ? { url } : {}), ...(c.title ? { headline: c.title } : {}), ...(c.outlet ? { publisher: { '@type': 'Organization', name: c.outlet } } : {}), identifier: c.doc },
  };
}

function review(id: string, claimReviewed: string, c: LedgerClaim, rating: string, date: string | null): JsonLd {
  return {
    '@type': 'ClaimReview', identifier: id, claimReviewed, itemReviewed: itemReviewed(c),
    ...(webUrl(c.url) ? { url: webUrl(c.url) } : {}), datePublished: date,
    author: { '@type': 'Organization', name: 'counterclaim ledger' },
    reviewRating: { '@type': 'Rating', alternateName: rating },
  };
}

/**
 * schema.org ClaimReview JSON-LD: one review per contradiction ("contradicted
 * by ...") and one per claim group no contradiction covers ("corroborated by
 * ..." or "claimed by ... only"). The review's date is the latest statement
 * it cites, never the clock, so the export is deterministic.
 */
export function toLedgerClaimReview(s: LedgerSnapshot): string {
  const claims = sortedClaims(s.claims);
  const byRef = new Map(claims.map((c) => [claimRefKey(c.doc, c.claim.id), c]));
  const graph: JsonLd[] = [];
  const covered = new Set<string>();
  for (const x of [...s.contradictions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const a = byRef.get(claimRefKey(x.a.doc, x.a.claim));
    const b = byRef.get(claimRefKey(x.b.doc, x.b.claim));
    if (!a || !b) continue;
    covered.add(x.proposition);
    const dates = [when(a), when(b)].filter((d): d is string => d !== null).sort();
    graph.push(review(x.id, `${a.sentence ?? a.claim.text}`.replace(/\s+/g, ' ').trim(), a, `contradicted by ${whoSaid(b)}: ${x.explanation}`, dates.at(-1) ?? null));
  }
  for (const g of groupClaims(claims)) {
    if (g.claims[0]!.claim.predicate === 'said' || covered.has(g.proposition)) continue;
    const lead = g.claims.find((c) => c.claim.modality === 'asserted' && c.claim.polarity === 'positive');
    if (!lead) continue;
    const dates = g.claims.map(when).filter((d): d is string => d !== null).sort();
    graph.push(review(`group:${g.proposition}@${g.window?.start ?? 'undated'}`, readableProposition(lead.claim), lead, rating(g, lead), dates.at(-1) ?? null));
  }
  // Escaped for embedding in an HTML <script type="application/ld+json">, where it is meant to go:
  // "</script>" or "<!--" in a title must not end the script (issue 19). Still the same JSON.
  const json = JSON.stringify({ '@context': 'https://schema.org', '@graph': graph }, null, 2)
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `${json}\n`;
}

function rating(g: ClaimGroup, lead: LedgerClaim): string {
  const others = [...new Map(g.claims.filter((c) => c.source.key !== lead.source.key && c.claim.modality === 'asserted' && c.claim.polarity === 'positive')
    .map((c) => [c.source.key, c])).values()];
  const independent = others.filter((c) => c.claim.grade === 'independent' || c.claim.grade === 'admission' || c.claim.side !== lead.claim.side);
  if (independent.length) return `corroborated by ${independent.map(whoSaid).join(', ')}`;
  if (others.length) return `repeated by ${others.map(whoSaid).join(', ')} (same side, not independent)`;
  return `claimed by ${whoSaid(lead)} only; not corroborated`;
}

