import { emptyAnalysis, type SourceDocument } from '../model/index.js';
import type { Pipeline } from '../read/pipeline.js';
import { toLedgerDocument, type LedgerDocument } from '../report/ledger-json.js';
import { isAnalysable } from './read-inputs.js';
import { bandKeys, minhashSignature } from './duplicates/minhash.js';

/** What the analysis threads hand back for one document. */
export interface IngestAnalysis {
  readonly doc: LedgerDocument;
  readonly analyzed: boolean;
  readonly signature: Uint32Array | null;
  readonly bandKeys: readonly number[];
}

/**
 * The per-document work of ingest, pure: the pipeline for documents in a
 * language we analyse (others are kept with empty lists and their
 * diagnostic), and the MinHash signature for near-duplicate detection.
 */
export function analyzeForIngest(pipeline: Pipeline, source: SourceDocument): IngestAnalysis {
  const analyzed = isAnalysable(source);
  const doc = toLedgerDocument(analyzed ? pipeline.read(source) : emptyAnalysis(source));
  const signature = minhashSignature(source.text);
  return { doc, analyzed, signature, bandKeys: signature ? bandKeys(signature) : [] };
}
