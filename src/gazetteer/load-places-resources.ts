import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseContextCues } from '../read/places/context-cues.js';
import type { PlacesOptions } from '../read/places/places-stage.js';
import { loadGazetteer, type LoadGazetteerOptions } from './load-gazetteer.js';
import { PLACES_DATA_DIR } from './paths.js';

/** What the places stage needs, loaded at the edge: the gazetteer and the context cues. */
export function loadPlacesResources(options: LoadGazetteerOptions = {}): PlacesOptions {
  const cuesFile = path.join(options.dataDir ?? PLACES_DATA_DIR, 'context-cues.tsv');
  return {
    // The same default database as the store (open-store.ts), so an import beside it is found.
    gazetteer: loadGazetteer({ ...options, db: options.db ?? process.env.COUNTERCLAIM_DB ?? 'counterclaim.db' }),
    cues: parseContextCues(readFileSync(cuesFile, 'utf8'), cuesFile),
  };
}
