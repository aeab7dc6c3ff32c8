import type { Resources } from './pipeline.js';

export interface LoadResourcesOptions {
  /** The database location: user-imported gazetteer data is stored beside it. */
  readonly db?: string;
}

/**
 * Loads everything the stages need from disk (lexicons, gazetteer), once, at
 * the edge: the CLI, the server and the eval call this, then build the
 * pipeline with the result. Stages never read files themselves.
 */
export async function loadResources(_options: LoadResourcesOptions = {}): Promise<Resources> {
  return {};
}
