import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BinaryGazetteer } from './binary-format.js';
import { compileDefaultGazetteer, DEFAULT_COMPILE_VERSION } from './compile-default.js';
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
  /**
   * The default gazetteer's bytes as another thread loaded them (`gazetteer.baseBuffer`
   * of a gazetteer loaded with `shared: true`): used in place, not read again.
   */
  readonly baseBuffer?: ArrayBufferLike;
  /** Read the default gazetteer into a SharedArrayBuffer, so worker threads can be handed it. */
  readonly shared?: boolean;
}

/**
 * Loads the default gazetteer, the user's imported extension (when one sits
 * beside the database) and the curated place files. Where the compiled
 * default is missing (a checkout that skipped `npm run prepare`), it is
 * compiled now and cached, which takes a few seconds once.
 */
export function loadGazetteer(options: LoadGazetteerOptions = {}): Gazetteer {
  const defaultFile = options.defaultFile ?? DEFAULT_GAZETTEER_FILE;
  const buffer = options.baseBuffer;
  let base: BinaryGazetteer | undefined;
  if (buffer === undefined) {
    if (existsSync(defaultFile)) {
      base = new BinaryGazetteer(readWhole(defaultFile, options.shared === true), defaultFile);
      // A file from an older compile step (or not ours at all in a test's override) is not silently reused.
      if (options.defaultFile === undefined && base.version !== DEFAULT_COMPILE_VERSION) base = undefined;
    }
    if (base === undefined) {
      const bytes = compileDefaultGazetteer();
      mkdirSync(path.dirname(defaultFile), { recursive: true });
      const tmp = `${defaultFile}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, defaultFile);
      base = new BinaryGazetteer(readWhole(defaultFile, options.shared === true), defaultFile);
    }
  } else {
    base = new BinaryGazetteer(buffer, defaultFile);
  }
  const gazetteer = new Gazetteer(base);
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
    abbreviations: path.join(dir, 'abbreviations.tsv'),
  };
  const files: CuratedPlaces = {
    countries: readFileSync(names.countries, 'utf8'),
    regions: readFileSync(names.regions, 'utf8'),
    historicNames: readFileSync(names.historicNames, 'utf8'),
    aliases: readFileSync(names.aliases, 'utf8'),
    // Russian names (generated from world-countries), Ukrainian names (generated from i18n-iso-countries) and a
    // reviewed file of Russian and Ukrainian short forms: more lines of the same table.
    countryNames: [names.countryNames, ...['country-names-ru.tsv', 'country-names-uk.tsv', 'country-names-cyrillic.tsv'].map((f) => path.join(dir, f))].map(readOptional).join('\n'),
    abbreviations: readFileSync(names.abbreviations, 'utf8'),
  };
  applyCurated(gazetteer, files, names);
  return gazetteer;
}

/** A curated file that a test's data folder may leave out: empty where absent. */
function readOptional(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** The whole file in one buffer of its own (shared: a SharedArrayBuffer), with no copy on the way. */
function readWhole(file: string, shared: boolean): ArrayBufferLike {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = shared ? new SharedArrayBuffer(size) : new ArrayBuffer(size);
    const view = new Uint8Array(buffer);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, view, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
    return buffer;
  } finally {
    closeSync(fd);
  }
}
