import { parseArgs } from 'node:util';
import { GazetteerFormatError } from '../gazetteer/geonames-format.js';
import { importGeonames } from '../gazetteer/import-geonames.js';
import { extensionFileFor } from '../gazetteer/paths.js';
import { DEFAULT_DB } from '../store/open-store.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

export const GAZETTEER_USAGE = `counterclaim gazetteer import FILE... [--db PATH]

Extends the gazetteer with GeoNames dump files: a country file (UA.txt, UA.zip) or allCountries.txt,
and optionally alternateNamesV2.txt and admin1CodesASCII.txt. The extension is stored beside the
database (PATH.gazetteer.tsv). All or nothing: a bad line stops the import with its file and line,
and the gazetteer is left as it was. GeoNames data is CC BY 4.0 (geonames.org).

Options:
  --db PATH   database beside which the extension is stored (default ./counterclaim.db, or $COUNTERCLAIM_DB)
`;

export async function gazetteerCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { db: { type: 'string' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [action, ...files] = parsed.positionals;
  if (action !== 'import') throw new UsageError(`unknown action '${action ?? ''}': only 'import' exists`);
  if (files.length === 0) throw new UsageError('import needs at least one GeoNames FILE');
  const db = parsed.values.db ?? process.env.COUNTERCLAIM_DB ?? DEFAULT_DB;
  try {
    const summaries = importGeonames(files, db);
    for (const s of summaries) io.out(`${s.file}: ${s.places} places, ${s.alternateNames} alternate names, ${s.adminNames} admin names\n`);
    io.out(`gazetteer extension written to ${extensionFileFor(db)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof GazetteerFormatError) {
      io.err(`counterclaim gazetteer: ${error.message}\nnothing was imported; the gazetteer is unchanged\n`);
      return 1;
    }
    throw error;
  }
}
