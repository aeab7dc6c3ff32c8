import type { AnalyzedDocument } from '../model/index.js';

/**
 * Per-call context of the pipeline. Resources (gazetteer, lexicons) are not
 * here: each stage factory receives what it needs once, validates it, and
 * closes over it, so a stage stays a pure function of the document.
 */
export interface ReadContext {
  /** Run stages that are expensive and only used by evaluation or debugging. */
  readonly debug?: boolean;
}

/** One step of the per-document pipeline: pure, no I/O, no clock. */
export interface Stage {
  readonly name: string;
  readonly run: (doc: AnalyzedDocument, ctx: ReadContext) => AnalyzedDocument;
}
