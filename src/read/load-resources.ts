import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import type { LanguageResources, Resources } from './pipeline.js';
import { compileActorLexicon } from './actors/index.js';
import { compileContentStance, compileCueLexicon, compileSpanTagger, type SpanTagger } from './attribution/index.js';
import { decodeSpanTagger } from './attribution/span-tagger.js';
import { loadPlacesResources } from './places/load-places-resources.js';
import { parseEventLexicon } from './events/index.js';
import { compileTimeLexicon } from './time/time-lexicon.js';
import { compileAbbreviations } from './segment/abbreviations.js';
import { compileQuantityVocabulary } from './quantities/quantity-vocabulary.js';
import { languageClaims } from './claims/claim-lexicon.js';

/** The languages besides English whose resources are in data/<concern>/<language>/ (issue 14). */
export const READ_LANGUAGES = ['ru', 'uk'] as const;

export interface LoadResourcesOptions {
  /** The database location: user-imported gazetteer data is stored beside it. */
  readonly db?: string;
  /**
   * The default gazetteer's bytes as another thread loaded them (`gazetteer.baseBuffer`
   * of one loaded with `shared: true`): ingest's analysis threads use one copy, not one each.
   */
  readonly gazetteerBuffer?: ArrayBufferLike;
  /** Read the default gazetteer into a SharedArrayBuffer (without `gazetteerBuffer`), so that it can be handed to other threads. */
  readonly sharedGazetteer?: boolean;
}

/**
 * Loads everything the stages need from disk (lexicons, gazetteer), once, at
 * the edge: the CLI, the server and the eval call this, then build the
 * pipeline with the result. Stages never read files themselves.
 */
export async function loadResources(options: LoadResourcesOptions = {}): Promise<Resources> {
  const [actors, nouns, cues, contentStance, claimPredicates, claimContext, claimSites] = await Promise.all(
    ['actors/actors.json', 'actors/nouns.json', 'cues/cues.json', 'cues/content-stance.json', 'claims/predicates.json', 'claims/context.json', 'claims/sites.json'].map(readData),
  );
  const languageActors = await Promise.all(READ_LANGUAGES.map((language) => readData(`actors/${language}/actors.json`)));
  return {
    actors: compileActorLexicon([actors, ...await readActorParts()], nouns, await readData('actors/conflicts.json'), languageActors),
    cues: compileCueLexicon(cues),
    contentStance: compileContentStance(contentStance),
    attributionTagger: await loadAttributionTagger(),
    places: loadPlacesResources({ db: options.db, ...(options.gazetteerBuffer ? { baseBuffer: options.gazetteerBuffer } : options.sharedGazetteer ? { shared: true } : {}) }),
    claims: { predicates: claimPredicates, context: claimContext, sites: claimSites },
    events: parseEventLexicon(await readFile(new URL('../../data/events/triggers.tsv', import.meta.url), 'utf8'), await readData('events/actor-words.json')),
    languages: Object.fromEntries(await Promise.all(READ_LANGUAGES.map(async (language) => [language, await loadLanguageResources(language)] as const))),
  };
}

/** One language's resources: data/<concern>/<language>/ for each concern that has them. */
export async function loadLanguageResources(language: string): Promise<LanguageResources> {
  return {
    abbreviations: compileAbbreviations(await readData(`segment/${language}/abbreviations.json`)),
    time: compileTimeLexicon(await readData(`time/${language}/lexicon.json`)),
    cues: compileCueLexicon(await readData(`cues/${language}/cues.json`)),
    quantities: compileQuantityVocabulary(await readData(`quantities/${language}/quantities.json`)),
    claims: languageClaims(await readData('claims/predicates.json'), await readData(`claims/${language}/claims.json`)),
  };
}

/** The attribution tagger model (JSON, reviewed and versioned) and its compiled form (built by scripts/compile-tagger.mjs, ignored by git). */
export const TAGGER_MODEL_URL = new URL('../../models/attribution/tagger.json', import.meta.url);
export const COMPILED_TAGGER_URL = new URL('../../.cache/attribution/tagger.bin', import.meta.url);

/** The SHA-256 of the JSON model's bytes: what a compiled tagger must name to be used in its place. */
export function taggerModelSource(json: Uint8Array): string {
  return `sha256:${createHash('sha256').update(json).digest('hex')}`;
}

/**
 * The attribution tagger: the compiled bytes `npm run prepare`/`build` wrote,
 * when they come from the model on disk (a retrained model is never shadowed
 * by a stale file), else the JSON model compiled here (slower start-up, same tags).
 */
async function loadAttributionTagger(): Promise<SpanTagger> {
  const [json, compiled] = await Promise.all([
    readFile(TAGGER_MODEL_URL).catch((error: Error) => { throw new Error(`cannot load ${TAGGER_MODEL_URL.pathname}: ${error.message}`); }),
    readFile(COMPILED_TAGGER_URL).catch(() => null),
  ]);
  const tagger = compiled && decodeSpanTagger(compiled, taggerModelSource(json));
  if (tagger) return tagger;
  try {
    return compileSpanTagger(JSON.parse(new TextDecoder().decode(json)));
  } catch (error) {
    throw new Error(`cannot load ${TAGGER_MODEL_URL.pathname}: ${(error as Error).message}`);
  }
}

/** The further actor dictionaries, data/actors/entities/*.json, in name order (so the lexicon is the same on every machine). */
async function readActorParts(): Promise<unknown[]> {
  const dir = new URL('../../data/actors/entities/', import.meta.url);
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  return Promise.all(names.map((n) => readData(`actors/entities/${n}`)));
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
