import { PLACE_KEYED_PREDICATES, type Claim } from '../model/index.js';
import type { LedgerClaim } from './ledger-claim.js';
import { readableProposition } from './ledger-claim.js';

/** What a ledger claim does to the claim being checked (FNC-1's agree / disagree / discuss, in a fact-checker's words). */
export type CheckDecision = 'supports' | 'contradicts' | 'discusses';

/** How the decision was reached: the same proposition (exact), or the stance of the claim's sentence towards the query (stance). */
export type CheckBasis = 'proposition' | 'stance';

export interface CheckMatch {
  readonly decision: CheckDecision;
  readonly basis: CheckBasis;
  /** The query proposition it was matched on (proposition basis), else null. */
  readonly proposition: string | null;
  /** The stance model's probability of the label it chose (stance basis), else null. */
  readonly score: number | null;
  readonly claim: LedgerClaim;
}

export interface CheckResult {
  readonly query: string;
  /** The propositions read from the query with the claims stage (empty when it names none of the vocabulary). */
  readonly propositions: readonly { readonly proposition: string; readonly readable: string; readonly polarity: Claim['polarity'] }[];
  readonly matches: readonly CheckMatch[];
  /** Per decision, how many independent sources (merged source keys) back it. */
  readonly summary: Readonly<Record<CheckDecision, number>>;
}

/** FNC-1 style stance of a body towards a headline (src/ledger/stance: `stanceOf`). */
export type StanceFn = (headline: string, body: string) => { readonly label: 'agree' | 'disagree' | 'discuss' | 'unrelated'; readonly scores: Readonly<Record<string, number>> };

export interface CheckInput {
  /** The claim in plain English, as the user typed it. */
  readonly query: string;
  /** The claims the claims stage read from the query (reporter's voice). */
  readonly queryClaims: readonly Claim[];
  /** Candidate ledger claims: those sharing a proposition, a place or a predicate with the query. */
  readonly candidates: readonly LedgerClaim[];
  /** Without a stance model only proposition matches are made. */
  readonly stanceOf?: StanceFn | null;
  /**
   * A place the ledger knows that the query names but the places stage could
   * not resolve on its own (a bare "Pokrovsk" has too little context): it fills
   * an unknown place argument of the query's propositions.
   */
  readonly placeHint?: { readonly key: string; readonly label: string } | null;
  readonly limit?: number;
}

/** Arguments that identify a proposition, minus unknowns: 'encircled(force:UA,geonames:1)' -> ['force:UA', 'geonames:1']. */
function keyArgs(proposition: string): string[] {
  return proposition.slice(proposition.indexOf('(') + 1, -1).split(',');
}

/** A query proposition with '?' arguments matches any value there ("Pokrovsk was captured" = captured(?, Pokrovsk)). */
export function propositionMatches(query: string, candidate: string): boolean {
  if (query === candidate) return true;
  const qp = query.slice(0, query.indexOf('('));
  if (qp !== candidate.slice(0, candidate.indexOf('('))) return false;
  const q = keyArgs(query);
  const c = keyArgs(candidate);
  return q.length === c.length && q.every((k, i) => k === '?' || k === c[i]);
}

/**
 * Checks a claim against the ledger (`counterclaim check`): a ledger claim of
 * the same proposition supports the query when their polarities agree and
 * contradicts it when they differ (aims and conditions only discuss it); the
 * other candidates are put to `stanceOf(query, sentence)` — agree, disagree,
 * discuss, unrelated (dropped). Deterministic: ordered by decision, basis, then
 * statement date (newest first), document and claim id.
 *
 * @example
 * checkClaim({ query: 'Ukrainian troops are encircled in Pokrovsk', queryClaims, candidates }).summary
 * // { supports: 2, contradicts: 1, discusses: 0 }
 */
export function checkClaim(input: CheckInput): CheckResult {
  const { query, queryClaims, candidates, stanceOf } = input;
  const propositions = dedupe(queryClaims.filter((c) => c.predicate !== 'said'), input.placeHint ?? null);
  const matches: CheckMatch[] = [];
  // The stance model judges sentences: one match per sentence, none for a sentence already matched by proposition.
  const sentenceKey = (lc: LedgerClaim): string => `${lc.doc}\u0000${lc.sentence ?? lc.claim.text}`;
  const exactSentences = new Set<string>();
  const stanceCandidates: LedgerClaim[] = [];
  for (const lc of candidates) {
    const c = lc.claim;
    const exact = propositions.find((q) => propositionMatches(q.proposition, c.proposition));
    if (exact) {
      const decision: CheckDecision = c.modality !== 'asserted' ? 'discusses' : c.polarity === exact.polarity ? 'supports' : 'contradicts';
      matches.push({ decision, basis: 'proposition', proposition: exact.proposition, score: null, claim: lc });
      exactSentences.add(sentenceKey(lc));
      continue;
    }
    stanceCandidates.push(lc);
  }
  const judged = new Set<string>();
  for (const lc of stanceCandidates) {
    const c = lc.claim;
    const key = sentenceKey(lc);
    if (!stanceOf || exactSentences.has(key) || judged.has(key)) continue;
    judged.add(key);
    const body = lc.sentence ?? c.text;
    const s = stanceOf(query, body);
    if (s.label === 'unrelated') continue;
    const decision: CheckDecision = s.label === 'agree' ? 'supports' : s.label === 'disagree' ? 'contradicts' : 'discusses';
    matches.push({ decision, basis: 'stance', proposition: null, score: round(s.scores[s.label] ?? 0), claim: lc });
  }
  const order: Record<CheckDecision, number> = { supports: 0, contradicts: 1, discusses: 2 };
  const when = (m: CheckMatch): string => m.claim.claim.statedAt.value ?? m.claim.published ?? '';
  matches.sort((a, b) => order[a.decision] - order[b.decision] || (a.basis === b.basis ? 0 : a.basis === 'proposition' ? -1 : 1)
    || when(b).localeCompare(when(a)) || a.claim.doc.localeCompare(b.claim.doc) || a.claim.claim.id.localeCompare(b.claim.claim.id));
  const limited = matches.slice(0, input.limit ?? matches.length);
  const summary: Record<CheckDecision, number> = { supports: 0, contradicts: 0, discusses: 0 };
  for (const d of Object.keys(summary) as CheckDecision[]) summary[d] = new Set(matches.filter((m) => m.decision === d).map((m) => m.claim.source.key)).size;
  return { query, propositions: propositions.map((p) => ({ proposition: p.proposition, readable: p.readable, polarity: p.polarity })), matches: limited, summary };
}

function dedupe(claims: readonly Claim[], hint: { key: string; label: string } | null): Array<{ proposition: string; readable: string; polarity: Claim['polarity'] }> {
  const out = new Map<string, { proposition: string; readable: string; polarity: Claim['polarity'] }>();
  for (const c of claims) {
    let proposition = c.proposition;
    let readable = readableProposition(c);
    if (hint && PLACE_KEYED_PREDICATES.has(c.predicate) && proposition.endsWith(',?)')) {
      proposition = `${proposition.slice(0, -3)},${hint.key})`;
      readable = readable.endsWith(', ?)') ? `${readable.slice(0, -4)}, ${hint.label})` : readable;
    }
    if (!out.has(proposition)) out.set(proposition, { proposition, readable, polarity: c.polarity });
  }
  return [...out.values()];
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** The place keys and predicates of the query's claims: what to ask the ledger for candidates. */
export function candidateKeys(queryClaims: readonly Claim[]): { places: string[]; predicates: string[] } {
  const places = new Set<string>();
  const predicates = new Set<string>();
  for (const c of queryClaims) {
    for (const a of c.args) if (a.role === 'place') places.add(a.key);
    if (c.predicate !== 'said') predicates.add(c.predicate);
  }
  return { places: [...places].sort(), predicates: [...predicates].sort() };
}
