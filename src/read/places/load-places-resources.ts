import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseContextCues } from './context-cues.js';
import { parseCaseEndings } from './case-forms.js';
import type { LanguagePlaces, PlacesOptions } from './places-stage.js';
import { loadGazetteer, type LoadGazetteerOptions } from '../../gazetteer/load-gazetteer.js';
import { PLACES_DATA_DIR } from '../../gazetteer/paths.js';

/** The languages with place resources of their own (data/places/<code>/context-cues.tsv and case-endings.tsv). */
export const PLACE_LANGUAGES = ['ru', 'uk'] as const;

/** What the places stage needs, loaded at the edge: the gazetteer, the context cues and the other languages' resources. */
export function loadPlacesResources(options: LoadGazetteerOptions = {}): PlacesOptions {
  const dir = options.dataDir ?? PLACES_DATA_DIR;
  const cuesFile = path.join(dir, 'context-cues.tsv');
  const languages: Record<string, LanguagePlaces> = {};
  for (const code of PLACE_LANGUAGES) {
    const cues = path.join(dir, code, 'context-cues.tsv');
    const endings = path.join(dir, code, 'case-endings.tsv');
    // A test's data folder may hold English files only.
    if (!existsSync(cues) || !existsSync(endings)) continue;
    languages[code] = { cues: parseContextCues(readFileSync(cues, 'utf8'), cues), endings: parseCaseEndings(readFileSync(endings, 'utf8'), endings) };
  }
  return {
    // The same default database as the store (open-store.ts), so an import beside it is found.
    gazetteer: loadGazetteer({ ...options, db: options.db ?? process.env.COUNTERCLAIM_DB ?? 'counterclaim.db' }),
    cues: parseContextCues(readFileSync(cuesFile, 'utf8'), cuesFile),
    languages,
  };
}
