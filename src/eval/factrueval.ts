import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Span } from '../model/index.js';
import type { DatasetScores, ScoreOptions, Scorer } from './scorer.js';
import type { Pipeline } from '../read/pipeline.js';
import { countSpans, emptyCounts, inContext, placesPipeline, readAs, spanMetrics } from './place-spans.js';

/** The object types that are places (README-original.md: Location, and LocOrg, a place acting as an organisation). */
const PLACE_OBJECTS = new Set(['Location', 'LocOrg']);

/**
 * FactRuEval-2016 gold places of one text: each Location or LocOrg object
 * (`.objects`: id, type, span ids) as the extent of its spans (`.spans`: id,
 * type, start, length in characters of the `.txt`).
 */
export function readFactRuEvalPlaces(spansFile: string, objectsFile: string): Span[] {
  const spans = new Map<string, Span>();
  for (const line of spansFile.split('\n')) {
    const [id, , start, length] = line.split('#')[0]!.trim().split(/\s+/);
    if (id === undefined || id === '' || length === undefined) continue;
    spans.set(id, [Number(start), Number(start) + Number(length)]);
  }
  const out: Span[] = [];
  for (const line of objectsFile.split('\n')) {
    const [, type, ...ids] = line.split('#')[0]!.trim().split(/\s+/);
    if (type === undefined || !PLACE_OBJECTS.has(type)) continue;
    const parts = ids.map((id) => spans.get(id)).filter((s): s is Span => s !== undefined);
    if (parts.length === 0) continue;
    out.push([Math.min(...parts.map((s) => s[0])), Math.max(...parts.map((s) => s[1]))]);
  }
  // One object per extent (a LocOrg and a Location over the same words count once).
  const unique = new Map(out.map((s) => [`${s[0]}:${s[1]}`, s]));
  return [...unique.values()].sort((a, b) => a[0] - b[0]);
}

/**
 * `npm run eval -- --only factrueval`: Russian place recognition on the
 * devset, `loc_f1` (exact extents) and `loc_f1_overlap`. Every place mention
 * counts as a prediction, whatever its role (a LocOrg is a place acting).
 */
export const factRuEvalScorer: Scorer = {
  dataset: 'factrueval',
  score: async (dir, options) => scoreFactRuEval(dir, await placesPipeline(), options),
};

/** The scorer's work with a given pipeline (the morphology comparison reads with other resources). */
export function scoreFactRuEval(dir: string, pipeline: Pipeline, { misses, log }: ScoreOptions): DatasetScores {
  const scores: DatasetScores = {};
  for (const corpus of ['devset']) {
    const folder = path.join(dir, corpus);
    if (!existsSync(folder)) continue;
    const counts = emptyCounts();
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.txt')).sort()) {
      const base = file.slice(0, -4);
      const text = readFileSync(path.join(folder, file), 'utf8');
      const gold = readFactRuEvalPlaces(readFileSync(path.join(folder, `${base}.spans`), 'utf8'), readFileSync(path.join(folder, `${base}.objects`), 'utf8'));
      const doc = readAs(pipeline, base, text, 'ru');
      const { missed, spurious } = countSpans(counts, gold, doc.places.map((p) => p.span));
      if (misses) {
        for (const s of missed) log(`  factrueval ${base} missed: ${inContext(text, s)}`);
        for (const s of spurious) log(`  factrueval ${base} spurious: ${inContext(text, s)}`);
      }
    }
    scores[corpus] = spanMetrics('loc', counts);
  }
  return scores;
}
