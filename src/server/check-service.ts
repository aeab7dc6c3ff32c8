import { checkAgainstLedger, loadShippedStanceOf, type CheckResult, type LedgerReader, type StanceFn } from '../ledger/index.js';
import type { Claim } from '../model/index.js';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';

/** Checks one plain-English claim against a ledger. */
export type CheckService = (ledger: LedgerReader, query: string, limit: number) => Promise<CheckResult>;

/**
 * What `counterclaim check` does (src/cli/check.ts), for the server: the query
 * is read by the claims stage as the reporter's own sentence, candidates are
 * fetched from the ledger by proposition, place (or a place the ledger knows
 * by name) and predicate, and `checkClaim` decides. The pipeline and the
 * stance model are loaded on first use, so a server nobody asks never loads them.
 * The orchestration is src/ledger's `checkAgainstLedger`, shared with the CLI.
 */
export function createCheckService(db: string | undefined): CheckService {
  let pipeline: Promise<ReturnType<typeof createPipeline>> | null = null;
  let stance: Promise<StanceFn | null> | null = null;
  return async (ledger, query, limit) => {
    pipeline ??= loadResources(db === undefined ? {} : { db }).then(createPipeline);
    stance ??= loadShippedStanceOf();
    const read = (await pipeline).read({ id: 'query', text: query.endsWith('.') ? query : `${query}.`, meta: { title: null, outlet: null, url: null, published: null, language: 'en', source: null }, diagnostics: [] });
    return checkWithClaims(ledger, query, read.claims, read.places.map((p) => p.span), await stance, limit);
  };
}

/** The candidate search and the decision, given the claims read from the query. */
export function checkWithClaims(ledger: LedgerReader, query: string, queryClaims: readonly Claim[], placeSpans: ReadonlyArray<readonly [number, number]>, stanceOf: StanceFn | null, limit: number): Promise<CheckResult> {
  return checkAgainstLedger(ledger, query, { read: () => ({ claims: queryClaims, placeSpans }), stanceOf, limit });
}
