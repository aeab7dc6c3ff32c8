import type { IngestResult } from './ingest-result.js';
import { readInputs, type ReadInputsOptions } from './read-inputs.js';

export type { IngestResult, IngestFailure } from './ingest-result.js';
export type ReadFilesOptions = ReadInputsOptions;

/**
 * Reads every path given (files, directories, globs, `-`, URLs), one result
 * per document or problem. Kept for callers written before the reader
 * registry; it is readInputs.
 */
export function readFiles(paths: readonly string[], options: ReadFilesOptions = {}): AsyncGenerator<IngestResult> {
  return readInputs(paths, options);
}
