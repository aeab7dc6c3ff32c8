import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: two levels above this file both in src/gazetteer and dist/gazetteer. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The compiled default gazetteer, binary (binary-format.ts; ignored by git; written by `npm run prepare`). */
export const DEFAULT_GAZETTEER_FILE = path.join(ROOT, '.cache', 'gazetteer', 'default-v3.bin');

/** Curated place data (aliases, historic names, countries, regions), reviewed like code. */
export const PLACES_DATA_DIR = path.join(ROOT, 'data', 'places');

/** The user's imported GeoNames data, stored beside the database it extends. */
export function extensionFileFor(db: string): string {
  return `${db}.gazetteer.tsv`;
}
