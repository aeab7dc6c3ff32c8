import { readFile } from 'node:fs/promises';
import type { Resources } from './pipeline.js';
import { compileActorLexicon } from './actors/index.js';
import { compileCueLexicon, compileSpanTagger } from './attribution/index.js';
import { loadPlacesResources } from '../gazetteer/load-places-resources.js';
import { parseEventLexicon } from './events/index.js';

export interface LoadResourcesOptions {
  /** The database location: user-imported gazetteer data is stored beside it. */
  readonly db?: string;
  /**
   * The default gazetteer's bytes as another thread loaded them (`gazetteer.baseBuffer`
   * of one loaded with `shared: true`): ingest's analysis threads use one copy, not one each.
   */
  readonly gazetteerBuffer?: ArrayBufferLike;
}

/**
 * Loads everything the stages need from disk (lexicons, gazetteer), once, at
 * the edge: the CLI, the server and the eval call this, then build the
 * pipeline with the result. Stages never read files themselves.
 */
export async function loadResources(options: LoadResourcesOptions = {}): Promise<Resources> {
  const [actors, nouns, cues, claimPredicates, claimContext] = await Promise.all(
    ['actors/actors.json', 'actors/nouns.json', 'cues/cues.json', 'claims/predicates.json', 'claims/context.json'].map(readData),
  );
  return {
    actors: compileActorLexicon(actors, nouns),
    cues: compileCueLexicon(cues),
    attributionTagger: compileSpanTagger(await readJson(new URL('../../models/attribution/tagger.json', import.meta.url))),
    places: loadPlacesResources({ db: options.db, ...(options.gazetteerBuffer ? { baseBuffer: options.gazetteerBuffer } : {}) }),
    claims: { predicates: claimPredicates, context: claimContext },
    events: parseEventLexicon(await readFile(new URL('../../data/events/triggers.tsv', import.meta.url), 'utf8'), await readData('events/actor-words.json')),
  };
}

/** A JSON file under data/ (beside src/ and dist/, so the same path works from both). */
async function readData(name: string): Promise<unknown> {
  return readJson(new URL(`../../data/${name}`, import.meta.url));
}

async function readJson(url: URL): Promise<unknown> {
  try {
    return JSON.parse(await readFile(url, 'utf8'));
  } catch (error) {
    throw new Error(`cannot load ${url.pathname}: ${(error as Error).message}`);
  }
}
