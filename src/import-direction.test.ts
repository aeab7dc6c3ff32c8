import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The way through the code is one-way (ARCHITECTURE.md): what each module
 * imports, read from its source (static `from '…'` and dynamic `import('…')`).
 */
const SRC = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(SRC);

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sources(full, out);
    else if (/\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** Every relative import of a file, as a path from src/ ('read/places/case-forms.js'). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*)'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specs.map((s) => path.relative(SRC, path.resolve(path.dirname(file), s)).split(path.sep).join('/'));
}

const isTest = (rel: string): boolean => /\.test\.ts$/.test(rel);
const all = sources(SRC).map((file) => ({ rel: path.relative(SRC, file).split(path.sep).join('/'), imports: importsOf(file) }));
/** Test and bench support: excluded from the published build (tsconfig.build.json). */
const SUPPORT = ['testing/', 'server/testing/', 'eval/bench/'];
const isSupport = (rel: string): boolean => SUPPORT.some((dir) => rel.startsWith(dir));

test('store and gazetteer import nothing of read/ or eval/ (the arrows point from reading to the data it reads)', () => {
  const wrong = all.filter((f) => /^(store|gazetteer)\//.test(f.rel) && !isTest(f.rel))
    .flatMap((f) => f.imports.filter((i) => /^(read|eval)\//.test(i)).map((i) => `${f.rel} -> ${i}`));
  assert.deepEqual(wrong, []);
});

test('model imports nothing outside model/', () => {
  const wrong = all.filter((f) => f.rel.startsWith('model/') && !isTest(f.rel)).flatMap((f) => f.imports.filter((i) => !i.startsWith('model/') && !i.startsWith('../scripts/')).map((i) => `${f.rel} -> ${i}`));
  assert.deepEqual(wrong, []);
});

test('test and bench support stays out of the shipped tree: no shipped file imports it, and the build leaves it out', () => {
  const shipped = all.filter((f) => !isTest(f.rel) && !isSupport(f.rel) && !f.rel.startsWith('web/'));
  const wrong = shipped.flatMap((f) => f.imports.filter(isSupport).map((i) => `${f.rel} -> ${i}`));
  assert.deepEqual(wrong, []);
  const build = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.build.json'), 'utf8')) as { exclude: string[] };
  for (const dir of SUPPORT) assert.ok(build.exclude.includes(`src/${dir}**`), `tsconfig.build.json excludes src/${dir}**`);
  // And nothing is left in the shipped tree that reads like test support.
  assert.deepEqual(shipped.map((f) => f.rel).filter((rel) => /(^|\/)(bench-|test-|seed-fixture|hand-built)/.test(rel)), []);
});
