import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DatasetScores, ScoreOptions, Scorer } from './scorer.js';
import type { Pipeline } from '../read/pipeline.js';
import { placesPipeline, readAs } from './place-spans.js';
import { detectLanguage } from '../ingest/language/detect-language.js';

interface ViinaRow {
  readonly id: string;
  readonly date: string | null;
  readonly lang: string | null;
  readonly text: string;
  readonly location: { readonly geonameid: number; readonly name: string; readonly alias_found_in_text?: boolean | null; readonly alias_followed_by_oblast_or_direction?: boolean | null };
}

/**
 * `npm run eval -- --only viina`: `place_found`, the share of VIINA event
 * reports (silver, README.md) whose place (a GeoNames id) a place mention of
 * the text resolves to; also per language (`place_found_uk`, `_ru`), and
 * `place_found_named` over the reports whose text names the place itself (by
 * VIINA's own alias match, not as "X oblast" or "X direction"): in the others
 * VIINA geocoded a region or a description ("на Полтавщині", "північ
 * Київщини") to a town the text does not name, which no reader could find.
 */
export const viinaScorer: Scorer = {
  dataset: 'viina',
  score: async (dir, options) => scoreViina(dir, await placesPipeline(), options),
};

/** The scorer's work with a given pipeline (the morphology comparison reads with other resources). */
export function scoreViina(dir: string, pipeline: Pipeline, { misses, log }: ScoreOptions): DatasetScores {
  const scores: DatasetScores = {};
  for (const corpus of ['events-dev']) {
    const file = path.join(dir, `${corpus}.jsonl`);
    if (!existsSync(file)) continue;
    const found: Record<string, [number, number]> = {};
    let all = 0;
    let right = 0;
    let named = 0;
    let namedRight = 0;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const row = JSON.parse(line) as ViinaRow;
      const lang = row.lang === 'ru' || row.lang === 'uk' ? row.lang : null;
      // A row whose language VIINA's extract left unknown is read in the language ingest would detect.
      const doc = readAs(pipeline, row.id, row.text, lang ?? detectLanguage(row.text), row.date);
      const ok = doc.places.some((p) => p.geonameId === row.location.geonameid);
      all++;
      if (ok) right++;
      if (row.location.alias_found_in_text === true && row.location.alias_followed_by_oblast_or_direction !== true) {
        named++;
        if (ok) namedRight++;
      }
      const k = lang ?? 'other';
      const f = (found[k] ??= [0, 0]);
      f[1]++;
      if (ok) f[0]++;
      if (misses && !ok) log(`  viina ${row.id} missed ${row.location.name} (${row.location.geonameid}): ${row.text.replace(/\s+/g, ' ').slice(0, 160)} | found: ${doc.places.map((p) => `${p.text}→${p.name ?? '?'}(${p.geonameId ?? '-'})`).join(', ')}`);
    }
    scores[corpus] = { reports: all, place_found: right / Math.max(1, all), reports_named: named, place_found_named: namedRight / Math.max(1, named) };
    for (const [k, [r, n]] of Object.entries(found)) scores[corpus]![`place_found_${k}`] = r / Math.max(1, n);
  }
  return scores;
}
