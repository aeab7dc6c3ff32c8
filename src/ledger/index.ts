export { entityKey, ledgerClaimsOf, readableProposition, sourceLabel, type ClaimDocument, type ClaimPlace, type LedgerClaim, type LedgerSource } from './ledger-claim.js';
export { findContradictions, COUNT_TOLERANCE } from './contradictions.js';
export { controlTimeline, statusOn } from './control-timeline.js';
export { groupClaims, corroboration, type ClaimGroup } from './group-claims.js';
export { PERSISTENCE_DAYS, CONTROL_PREDICATES } from '../model/predicate-facts.js';
export type { LedgerReader, ClaimQuery, PlaceTimeline } from './ledger-reader.js';
export { checkClaim, candidateKeys, propositionMatches, type CheckDecision, type CheckMatch, type CheckResult, type StanceFn } from './check.js';
export { exportLedger, EXPORT_FORMATS, toLedgerCsv, toLedgerGeoJson, toLedgerKml, toLedgerPlover, toLedgerClaimReview, claimReviewsWithoutUrl, toLedgerExportJson, csvCell, type ExportFormat, type ExportOptions, type LedgerSnapshot } from './export/index.js';
export { checkAgainstLedger, loadShippedStanceOf, CANDIDATES_PER_KEY, type CheckDeps, type ReadQuery } from './check-against-ledger.js';
