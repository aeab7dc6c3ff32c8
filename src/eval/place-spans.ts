import type { AnalyzedDocument, Span } from '../model/index.js';
import { loadPlacesResources } from '../read/places/load-places-resources.js';
import { createPipeline, type LanguageResources, type Pipeline } from '../read/pipeline.js';
import { loadLanguageResources, READ_LANGUAGES } from '../read/load-resources.js';
import { prf } from './scorer.js';

/**
 * What the place-recognition scorers (FactRuEval, NER-UK, VIINA) share: a
 * pipeline with the places stage (segment, time, places, quantities: the
 * stages before and beside it, no actors or attribution), and span counts.
 * The Russian and Ukrainian resources of those stages are the shipped ones
 * (abbreviations such as "м." and "вул." whose stop ends no sentence, the time
 * vocabulary), so the scores measure what the product reads.
 */
export async function placesPipeline(): Promise<Pipeline> {
  return createPipeline({ places: loadPlacesResources(), languages: await placeLanguageResources() });
}

/** The stages' resources of every language read besides English, as loadResources gives them. */
export async function placeLanguageResources(): Promise<Record<string, LanguageResources>> {
  return Object.fromEntries(await Promise.all(READ_LANGUAGES.map(async (language) => [language, await loadLanguageResources(language)] as const)));
}

/** Reads one text as a document of `language` (ISO 639-1, or null where unknown). */
export function readAs(pipeline: Pipeline, id: string, text: string, language: string | null, published: string | null = null): AnalyzedDocument {
  return pipeline.read({ id, text, meta: { title: null, outlet: null, url: null, published, language, source: id }, diagnostics: [] });
}

/** Exact and overlap matches of predicted against gold spans, each gold span matched once. */
export interface SpanCounts {
  gold: number;
  predicted: number;
  exact: number;
  overlap: number;
}

export function emptyCounts(): SpanCounts {
  return { gold: 0, predicted: 0, exact: 0, overlap: 0 };
}

const overlaps = (a: Span, b: Span): boolean => a[0] < b[1] && b[0] < a[1];

/**
 * Adds one document's spans to `counts` and returns the gold spans not found
 * (by overlap) and the predictions overlapping no gold span, for `--misses`.
 */
export function countSpans(counts: SpanCounts, gold: readonly Span[], predicted: readonly Span[]): { missed: Span[]; spurious: Span[] } {
  counts.gold += gold.length;
  counts.predicted += predicted.length;
  const used = new Set<number>();
  const missed: Span[] = [];
  for (const g of gold) {
    if (predicted.some((p) => p[0] === g[0] && p[1] === g[1])) counts.exact++;
    const k = predicted.findIndex((p, i) => !used.has(i) && overlaps(p, g));
    if (k >= 0) {
      used.add(k);
      counts.overlap++;
    } else missed.push(g);
  }
  const spurious = predicted.filter((p) => !gold.some((g) => overlaps(g, p)));
  return { missed, spurious };
}

/** `prefix_p/_r/_f1` (exact spans) and `prefix_*_overlap` (any overlap). */
export function spanMetrics(prefix: string, c: SpanCounts): Record<string, number> {
  const exact = prf(c.exact, c.predicted, c.gold);
  const overlap = prf(c.overlap, c.predicted, c.gold);
  return {
    [`${prefix}_gold`]: c.gold,
    [`${prefix}_p`]: exact.p, [`${prefix}_r`]: exact.r, [`${prefix}_f1`]: exact.f1,
    [`${prefix}_p_overlap`]: overlap.p, [`${prefix}_r_overlap`]: overlap.r, [`${prefix}_f1_overlap`]: overlap.f1,
  };
}

/** A span with a little context, on one line, for `--misses`. */
export function inContext(text: string, span: Span): string {
  return `'${text.slice(span[0], span[1])}' …${text.slice(Math.max(0, span[0] - 30), span[1] + 30).replace(/\s+/g, ' ')}…`;
}
