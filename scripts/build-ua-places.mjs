// `node scripts/build-ua-places.mjs [UA.zip] [OUT]`: rebuilds data/places/geonames-UA.tsv.gz, the
// compact copy of GeoNames' Ukraine export that the default gazetteer compiles in (compile-default.ts).
// Input: GeoNames' per-country export for Ukraine (https://download.geonames.org/export/dump/UA.zip,
// CC BY 4.0; default: ../shared/data/gazetteer/UA.zip, export of 2026-07-29). Kept: every populated
// place (feature class P) but historical ones (PPLH: a former place, not a former name), the
// first-level divisions (ADM1), the country (PCLI) and the larger natural features (rivers, lakes, seas,
// mountains, islands, spits: NATURAL below), each with its alternate names written in
// Latin or Cyrillic script. Dropped: other feature classes (streams, stations, farms...), columns the
// gazetteer does not read, names in other scripts. The output is deterministic (sorted by id, gzip
// without a time stamp), so a rebuild from the same export gives the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, unzipSync, strFromU8, strToU8 } from 'fflate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const input = process.argv[2] ?? path.join(root, '..', 'shared', 'data', 'gazetteer', 'UA.zip');
const output = process.argv[3] ?? path.join(root, 'data', 'places', 'geonames-UA.tsv.gz');

const files = unzipSync(new Uint8Array(readFileSync(input)));
const table = files['UA.txt'];
if (!table) throw new Error(`${input}: no UA.txt inside (is it GeoNames' UA.zip?)`);
// Rivers, lakes, seas, mountains, islands and peninsulas: front reports name them ("across the Oskil",
// "the left bank of the Dnipro", "the Kinburn Spit").
const NATURAL = new Set(['H.STM', 'H.LK', 'H.RSV', 'H.BAY', 'H.GULF', 'H.SEA', 'H.STRT', 'H.CNL', 'H.ESTY', 'H.LGN', 'T.MT', 'T.MTS', 'T.HLL', 'T.HLLS', 'T.ISL', 'T.ISLS', 'T.PEN', 'T.SPIT', 'T.RDGE', 'T.UPLD', 'T.PLAT']);
const USABLE = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{M}\s'’ʼ.\-()]+$/u;
const rows = [];
for (const line of strFromU8(table).split('\n')) {
  if (line === '') continue;
  const c = line.split('\t');
  if (c.length !== 19) throw new Error(`${input}: a row with ${c.length} columns instead of GeoNames' 19`);
  const [id, name, , alternates, lat, lon, fclass, fcode, country, , admin1, admin2, , , population] = c;
  const keep = (fclass === 'P' && fcode !== 'PPLH') || fcode === 'ADM1' || fcode === 'PCLI' || NATURAL.has(`${fclass}.${fcode}`);
  if (!keep || country !== 'UA') continue;
  const alts = [...new Set(alternates.split(',').filter((a) => a.length >= 2 && a.length <= 60 && a !== name && USABLE.test(a) && !/\d/.test(a)))].sort();
  rows.push([Number(id), [id, name, Number(lat).toFixed(5).replace(/\.?0+$/, ''), Number(lon).toFixed(5).replace(/\.?0+$/, ''), fclass, fcode, admin1, admin2, population || '0', alts.join('|')].join('\t')]);
}
rows.sort((a, b) => a[0] - b[0]);
const header = [
  '# GeoNames, Ukraine export (UA.zip of 2026-07-29, https://download.geonames.org/export/dump/), CC BY 4.0:',
  '# "This work is licensed under a Creative Commons Attribution 4.0 License" (GeoNames readme.txt); data by',
  '# GeoNames (https://www.geonames.org/). Derived by scripts/build-ua-places.mjs: populated places but PPLH,',
  '# first-level divisions, the country, rivers, lakes, seas, mountains, islands; Latin and Cyrillic names only.',
  '# geonameid\tname\tlat\tlon\tfeature class\tfeature code\tadmin1\tadmin2\tpopulation\talternate names (| separated)',
];
const text = `${header.join('\n')}\n${rows.map((r) => r[1]).join('\n')}\n`;
const gz = gzipSync(strToU8(text), { level: 9, mtime: 0 });
writeFileSync(output, gz);
process.stderr.write(`${output}: ${rows.length} places, ${(text.length / 1e6).toFixed(1)} MB of text, ${(gz.byteLength / 1e6).toFixed(2)} MB gzipped\n`);
