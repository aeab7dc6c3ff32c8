import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnalyzedDocument, Span } from '../model/index.js';
import { loadLanguageResources } from '../read/load-resources.js';
import { createPipeline, type Pipeline } from '../read/pipeline.js';
import { prf, type ScoreOptions } from './scorer.js';

/** The NER-UK entity types that are time expressions (extents only: the corpus gives no values). */
export const TIME_TYPES: ReadonlySet<string> = new Set(['DATE', 'TIME', 'PERIOD']);

/**
 * Gold time extents of one `.ann` file: brat `T` lines of a type in TIME_TYPES. Standard brat
 * separates the type from its offsets by a space (`T4<TAB>DATE 18 27<TAB>29 квітня`); this copy of
 * NER-UK by tabs (`T4<TAB>DATE<TAB>18<TAB>27<TAB>29 квітня`): both are read.
 */
export function readTimeSpans(ann: string): Span[] {
  const out: Span[] = [];
  for (const line of ann.split('\n')) {
    const fields = line.split('\t');
    const id = fields[0];
    if (!id?.startsWith('T') || fields[1] === undefined) continue;
    const [type, ...offsets] = fields[1].includes(' ') ? fields[1].split(/[ ;]/) : [fields[1], fields[2] ?? '', fields[3] ?? ''];
    if (!TIME_TYPES.has(type!)) continue;
    const numbers = offsets.map(Number);
    out.push([Math.min(...numbers), Math.max(...numbers)]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

export interface TimeSpanCounts {
  gold: number;
  predicted: number;
  /** Gold extents some time of the analysis overlaps (recall's numerator). */
  goldFound: number;
  /** Times of the analysis that overlap some gold extent (precision's numerator). */
  predictedRight: number;
  /** Gold extents a time of the analysis has exactly. */
  exact: number;
}

/**
 * Adds one document's counts: gold extents against the times the pipeline found
 * (`doc.times`). Overlap is counted from both sides, not one to one: NER-UK tags
 * the two years of "2014-2015 років" apart where the time stage reads one range,
 * and one range overlapping both finds both. Returns the misses for `--misses`.
 */
export function countTimeSpans(counts: TimeSpanCounts, gold: readonly Span[], doc: AnalyzedDocument): { missed: Span[]; spurious: Span[] } {
  const predicted = doc.times.map((t) => t.span);
  const overlaps = (a: Span, b: Span): boolean => a[0] < b[1] && b[0] < a[1];
  counts.gold += gold.length;
  counts.predicted += predicted.length;
  const missed = gold.filter((g) => !predicted.some((p) => overlaps(p, g)));
  const spurious = predicted.filter((p) => !gold.some((g) => overlaps(p, g)));
  counts.goldFound += gold.length - missed.length;
  counts.predictedRight += predicted.length - spurious.length;
  counts.exact += gold.filter((g) => predicted.some((p) => p[0] === g[0] && p[1] === g[1])).length;
  return { missed, spurious };
}

/** The pipeline the time scores read with: segment and time, with the Ukrainian time vocabulary. */
export async function nerUkTimesPipeline(): Promise<Pipeline> {
  return createPipeline({ languages: { uk: await loadLanguageResources('uk') } });
}

/**
 * NER-UK time-expression extents (docs/eval.md): `time_f1_overlap` (recall: the gold DATE,
 * TIME and PERIOD extents a time of the analysis overlaps; precision: the times
 * that overlap a gold extent) and
 * `time_f1` (same extent), over every `.txt`/`.ann` pair of `folder` read as
 * Ukrainian without a publication date (the corpus has none; values are not
 * scored). The ner-uk scorer merges these metrics into its corpus' row.
 *
 * @example await nerUkTimeScores('../shared/data/ner-uk/dev', { misses: false, log: console.log }) // { time_f1_overlap: 0.8, ... }
 */
export async function nerUkTimeScores(folder: string, options: ScoreOptions, pipeline?: Pipeline): Promise<Record<string, number>> {
  const reader = pipeline ?? await nerUkTimesPipeline();
  const counts: TimeSpanCounts = { gold: 0, predicted: 0, goldFound: 0, predictedRight: 0, exact: 0 };
  if (!existsSync(folder)) return {};
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.txt')).sort()) {
    const base = file.slice(0, -4);
    const annFile = path.join(folder, `${base}.ann`);
    if (!existsSync(annFile)) continue;
    const text = readFileSync(path.join(folder, file), 'utf8');
    const doc = reader.read({ id: base, text, meta: { title: null, outlet: null, url: null, published: null, language: 'uk', source: base }, diagnostics: [] });
    const { missed, spurious } = countTimeSpans(counts, readTimeSpans(readFileSync(annFile, 'utf8')), doc);
    if (options.misses) {
      for (const s of missed) options.log(`  ner-uk ${base} time missed: ${text.slice(s[0], s[1])}`);
      for (const s of spurious) options.log(`  ner-uk ${base} time spurious: ${text.slice(s[0], s[1])}`);
    }
  }
  const p = counts.predicted === 0 ? 0 : counts.predictedRight / counts.predicted;
  const r = counts.gold === 0 ? 0 : counts.goldFound / counts.gold;
  const overlap = { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
  const exact = prf(counts.exact, counts.predicted, counts.gold);
  return {
    time_p_overlap: overlap.p, time_r_overlap: overlap.r, time_f1_overlap: overlap.f1,
    time_p: exact.p, time_r: exact.r, time_f1: exact.f1, time_gold: counts.gold, time_system: counts.predicted,
  };
}
