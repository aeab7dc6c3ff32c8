import type { Span } from './item.js';

/**
 * The closed list of problem codes. Wording is added at the edge (CLI, API);
 * the code is what tests and users filter on.
 */
export const DIAGNOSTIC_CODES = [
  // ingest: the input itself
  'input.not-found',
  'input.empty',
  'input.binary',
  'input.invalid-encoding',
  'input.too-large',
  'input.unreadable',
  'input.unsupported-format',
  'input.malformed',
  'input.bad-metadata',
  'input.duplicate',
  'input.near-duplicate',
  'input.language-unsupported',
  /** A document with much text in another script than its language's: read in its main language. */
  'input.language-mixed',
  /** The pipeline threw on a document: a defect of ours, reported so the batch goes on. */
  'analysis.failed',
  // reading
  'time.no-publication-date',
  'time.unresolved',
  'time.caption-date',
  'place.ambiguous',
  'place.unknown',
  'actor.unknown-side',
  'attribution.no-source',
  'attribution.unclosed-quote',
  'segment.long-sentence',
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export type Severity = 'error' | 'warning' | 'info';

/** A problem found in content: data, not an exception (STYLE.md habit 5). */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly span?: Span;
  readonly stage: string;
  readonly rule: string;
}
