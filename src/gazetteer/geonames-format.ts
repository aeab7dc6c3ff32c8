import { foldName, isUsableScript } from './fold.js';
import type { GazetteerEntry } from './gazetteer.js';

/** A GeoNames file that cannot be used as it is: names the file and line, and what is wrong. */
export class GazetteerFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'GazetteerFormatError';
  }
}

/** One row of a GeoNames `geoname` table (allCountries.txt, UA.txt, cities1000.txt): 19 tab-separated columns. */
export interface GeonamesRow {
  readonly entry: GazetteerEntry;
  readonly asciiName: string;
  readonly alternateNames: readonly string[];
}

const FEATURE_CLASSES = new Set(['A', 'H', 'L', 'P', 'R', 'S', 'T', 'U', 'V', '']);

/**
 * Parses and validates one row of GeoNames' main table (readme.txt of the
 * dump: geonameid, name, asciiname, alternatenames, latitude, longitude,
 * feature class, feature code, country code, cc2, admin1..admin4, population,
 * elevation, dem, timezone, modification date).
 */
export function parseGeonamesRow(line: string, file: string, lineNo: number, knownCountries?: ReadonlySet<string>): GeonamesRow {
  const cols = line.split('\t');
  if (cols.length !== 19) throw new GazetteerFormatError(file, lineNo, `expected 19 tab-separated GeoNames columns, found ${cols.length} (truncated row, or not a GeoNames geoname table)`);
  const [id, name, asciiName, alternates, lat, lon, featureClass, featureCode, country, , admin1, admin2, , , population] = cols as [string, string, string, string, string, string, string, string, string, string, string, string, string, string, string];
  const geonameId = Number(id);
  if (!/^\d+$/.test(id) || !Number.isSafeInteger(geonameId)) throw new GazetteerFormatError(file, lineNo, `geonameid '${id}' is not a number`);
  const latitude = Number(lat);
  const longitude = Number(lon);
  if (lat === '' || !Number.isFinite(latitude) || Math.abs(latitude) > 90) throw new GazetteerFormatError(file, lineNo, `latitude '${lat}' is not a number in [-90, 90]`);
  if (lon === '' || !Number.isFinite(longitude) || Math.abs(longitude) > 180) throw new GazetteerFormatError(file, lineNo, `longitude '${lon}' is not a number in [-180, 180]`);
  if (!FEATURE_CLASSES.has(featureClass)) throw new GazetteerFormatError(file, lineNo, `unknown feature class '${featureClass}'`);
  if (country !== '' && !/^[A-Z]{2}$/.test(country)) throw new GazetteerFormatError(file, lineNo, `country code '${country}' is not ISO 3166-1 alpha-2`);
  if (knownCountries && country !== '' && !knownCountries.has(country)) throw new GazetteerFormatError(file, lineNo, `unknown country code '${country}'`);
  const pop = population === '' ? 0 : Number(population);
  if (!Number.isFinite(pop) || pop < 0) throw new GazetteerFormatError(file, lineNo, `population '${population}' is not a number`);
  if (name.trim() === '') throw new GazetteerFormatError(file, lineNo, 'empty name');
  return {
    entry: {
      geonameId, name, lat: latitude, lon: longitude, featureClass, featureCode, country,
      admin1: admin1 === '' || admin1 === '00' ? null : admin1,
      admin2: admin2 === '' ? null : admin2,
      population: pop,
    },
    asciiName,
    alternateNames: alternates === '' ? [] : alternates.split(','),
  };
}

/**
 * The folded names worth indexing for a row: its name and ASCII name, and
 * those alternate names written in Latin or Cyrillic script. Short all-capital
 * alternates (airport and postal codes: "KBP", "LA") are left out: in running
 * text such tokens are far more often acronyms than places.
 */
export function indexableNames(name: string, asciiName: string, alternates: readonly string[]): { primary: string[]; alternate: string[] } {
  const primary = unique([foldName(name), foldName(asciiName)].filter((n) => n !== ''));
  const alternate: string[] = [];
  for (const alt of alternates) {
    if (alt.length < 2 || alt.length > 60) continue;
    if (/^[A-Z0-9]{2,5}$/.test(alt) || /\d/.test(alt)) continue;
    if (!isUsableScript(alt)) continue;
    const folded = foldName(alt);
    if (folded.length < 2 || primary.includes(folded)) continue;
    alternate.push(folded);
  }
  return { primary, alternate: unique(alternate) };
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
