import { foldName } from './fold.js';
import { Gazetteer } from './gazetteer.js';

/**
 * The curated place files under data/places (tab-separated, `#` comments,
 * each file's header names its sources). They are applied after the GeoNames
 * data, so they may refer to entries that only an import provides; a line
 * whose entry is absent is skipped (the default gazetteer lacks many villages).
 */
export interface CuratedPlaces {
  readonly countries: string;
  readonly regions: string;
  readonly historicNames: string;
  readonly aliases: string;
  /** Generated from world-countries (write-country-names.ts): other names and demonyms by ISO code. */
  readonly countryNames: string;
  /** Abbreviations of first-level divisions ("Calif.", "NSW", "B.C."), with where they may stand. */
  readonly abbreviations: string;
}

export function applyCurated(gazetteer: Gazetteer, files: CuratedPlaces, fileNames: Record<keyof CuratedPlaces, string>): void {
  for (const [line, no] of rows(files.countries)) {
    const [iso2, id, lat, lon, name, variants] = fields(line, 5, fileNames.countries, no);
    if (!/^[A-Z]{2}$/.test(iso2!)) throw new Error(`${fileNames.countries}:${no}: '${iso2}' is not an ISO 3166-1 alpha-2 code`);
    const index = gazetteer.add({
      geonameId: id === '-' ? null : Number(id),
      name: name!,
      lat: num(lat!, fileNames.countries, no),
      lon: num(lon!, fileNames.countries, no),
      featureClass: 'A',
      featureCode: 'PCLI',
      country: iso2!,
      admin1: null,
      admin2: null,
      population: 0,
    });
    gazetteer.addName(index, name!, 'primary');
    for (const v of split(variants)) gazetteer.addName(index, v, 'alternate');
    for (const n of [name!, ...split(variants)]) gazetteer.countryNames.push(foldName(n));
  }
  for (const [line, no] of rows(files.countryNames)) {
    const [iso2, kind, name] = fields(line, 3, fileNames.countryNames, no);
    const index = gazetteer.country(iso2!);
    if (index === undefined) continue; // territories without a curated country line
    if (kind === 'demonym') gazetteer.addDemonym(index, name!);
    else if (kind === 'name') {
      const folded = foldName(name!);
      if (!gazetteer.lookup(folded).some((h) => h.entry === index)) {
        gazetteer.addName(index, name!, 'alternate');
        gazetteer.countryNames.push(folded);
      }
    } else throw new Error(`${fileNames.countryNames}:${no}: kind '${kind}' is neither 'name' nor 'demonym'`);
  }
  for (const [line, no] of rows(files.regions)) {
    const [name, code, lat, lon, country, variants, id] = fields(line, 5, fileNames.regions, no);
    const index = gazetteer.add({
      geonameId: id === undefined || id === '-' || id === '' ? null : Number(id),
      name: name!,
      lat: num(lat!, fileNames.regions, no),
      lon: num(lon!, fileNames.regions, no),
      featureClass: 'L',
      featureCode: code!,
      country: country === '-' ? '' : country!,
      admin1: null,
      admin2: null,
      population: 0,
    });
    gazetteer.addName(index, name!, 'primary');
    for (const v of split(variants)) gazetteer.addName(index, v, 'alternate');
  }
  for (const [line, no] of rows(files.abbreviations)) {
    const [written, country, division, use] = fields(line, 4, fileNames.abbreviations, no);
    if (use !== 'alone' && use !== 'after-comma') throw new Error(`${fileNames.abbreviations}:${no}: use '${use}' is neither 'alone' nor 'after-comma'`);
    const hit = gazetteer.lookup(foldName(division!)).find((h) => {
      const e = gazetteer.entry(h.entry);
      return e.featureCode === 'ADM1' && e.country === country && h.kind === 'primary';
    });
    // A division the gazetteer lacks (a test gazetteer) is skipped, like the other curated lines.
    if (hit !== undefined) gazetteer.addAbbreviation(written!, { entry: hit.entry, afterComma: use === 'after-comma' });
  }
  for (const [line, no] of rows(files.historicNames)) {
    const [historic, id] = fields(line, 2, fileNames.historicNames, no);
    const index = gazetteer.byGeonameId(num(id!, fileNames.historicNames, no));
    if (index !== undefined) gazetteer.addName(index, historic!, 'historic');
  }
  for (const [line, no] of rows(files.aliases)) {
    const [alias, id] = fields(line, 2, fileNames.aliases, no);
    const index = gazetteer.byGeonameId(num(id!, fileNames.aliases, no));
    if (index !== undefined) gazetteer.addName(index, alias!, 'alternate');
  }
}

function* rows(text: string): Generator<[string, number]> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) continue;
    yield [line, i + 1];
  }
}

function fields(line: string, min: number, file: string, no: number): string[] {
  const cols = line.split('\t');
  if (cols.length < min) throw new Error(`${file}:${no}: expected at least ${min} tab-separated fields, found ${cols.length}`);
  return cols;
}

function num(text: string, file: string, no: number): number {
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) throw new Error(`${file}:${no}: '${text}' is not a number`);
  return n;
}

function split(variants: string | undefined): string[] {
  return variants ? variants.split('|').map((v) => v.trim()).filter((v) => v !== '') : [];
}
