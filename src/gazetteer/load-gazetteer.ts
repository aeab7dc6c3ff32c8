import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileDefaultGazetteer } from './compile-default.js';
import { readCompiled } from './compiled-format.js';
import { applyCurated, type CuratedPlaces } from './curated.js';
import { Gazetteer } from './gazetteer.js';
import { DEFAULT_GAZETTEER_FILE, extensionFileFor, PLACES_DATA_DIR } from './paths.js';

export interface LoadGazetteerOptions {
  /** The database whose imported GeoNames extension (beside it) is added to the default gazetteer. */
  readonly db?: string;
  /** Override of the compiled default file (tests). */
  readonly defaultFile?: string;
  /** Override of the curated data folder (tests). */
  readonly dataDir?: string;
}

/**
 * Loads the default gazetteer, the user's imported extension (when one sits
 * beside the database) and the curated place files. Where the compiled
 * default is missing (a checkout that skipped `npm run prepare`), it is
 * compiled now and cached, which takes a few seconds once.
 */
export function loadGazetteer(options: LoadGazetteerOptions = {}): Gazetteer {
  const gazetteer = new Gazetteer();
  const defaultFile = options.defaultFile ?? DEFAULT_GAZETTEER_FILE;
  if (!existsSync(defaultFile)) {
    const text = compileDefaultGazetteer();
    mkdirSync(path.dirname(defaultFile), { recursive: true });
    const tmp = `${defaultFile}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, defaultFile);
  }
  readCompiled(readFileSync(defaultFile, 'utf8'), gazetteer, defaultFile);
  if (options.db !== undefined && options.db !== ':memory:') {
    const extension = extensionFileFor(options.db);
    if (existsSync(extension)) readCompiled(readFileSync(extension, 'utf8'), gazetteer, extension);
  }
  const dir = options.dataDir ?? PLACES_DATA_DIR;
  const names: Record<keyof CuratedPlaces, string> = {
    countries: path.join(dir, 'countries.tsv'),
    regions: path.join(dir, 'regions.tsv'),
    historicNames: path.join(dir, 'historic-names.tsv'),
    aliases: path.join(dir, 'aliases.tsv'),
    countryNames: path.join(dir, 'country-names.tsv'),
  };
  const files: CuratedPlaces = {
    countries: readFileSync(names.countries, 'utf8'),
    regions: readFileSync(names.regions, 'utf8'),
    historicNames: readFileSync(names.historicNames, 'utf8'),
    aliases: readFileSync(names.aliases, 'utf8'),
    countryNames: readFileSync(names.countryNames, 'utf8'),
  };
  applyCurated(gazetteer, files, names);
  return gazetteer;
}
