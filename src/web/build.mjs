#!/usr/bin/env node
// Builds the web UI into dist/web: the TypeScript bundled by esbuild (which tsx
// already brings), the HTML and CSS copied, and the offline basemap taken from
// the world-atlas package (Natural Earth 1:50m country outlines, public domain
// data, ISC package). Run by `npm run build` and by `prepare` on `npm ci`.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  return outdir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = await buildWeb(process.argv[2]);
  console.log(`web UI built into ${path.relative(process.cwd(), outdir) || outdir}`);
}
