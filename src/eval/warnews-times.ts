import type { AnalyzedDocument, Span } from '../model/index.js';

/** The part of a warnews gold this scorer reads: every time expression with its TIMEX3 value (dev-ru-uk). */
export interface GoldTimes {
  readonly times: ReadonlyArray<{ readonly text: string; readonly value: string; readonly type: string }>;
}

export interface TimeValueCounts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  /** One line per miss: a gold expression not found with its value, or a time found that no gold has. */
  readonly misses: string[];
}

/**
 * Time value counts of one warnews article (docs/eval.md, `time_value_f1`): a gold
 * expression is found when a time of the analysis overlaps it and has its value.
 * The gold gives texts, not offsets: the k-th gold expression with a given text
 * is that text's k-th occurrence in the article (case-sensitive, then ignoring
 * case where the article writes it otherwise). Each time of the analysis counts
 * for one gold expression at most; the times left over are false positives.
 *
 * @example timeValueCounts({ times: [{ text: 'вчера', value: '2025-01-12', type: 'DATE' }] }, text, doc) // { tp: 1, fp: 0, fn: 0, misses: [] }
 */
export function timeValueCounts(gold: GoldTimes, text: string, doc: AnalyzedDocument): TimeValueCounts {
  const spans = locate(gold.times.map((t) => t.text), text);
  const used = new Set<number>();
  const misses: string[] = [];
  let tp = 0;
  gold.times.forEach((g, i) => {
    const span = spans[i];
    const overlapping = span ? doc.times.map((t, k) => ({ t, k })).filter(({ t, k }) => !used.has(k) && t.span[0] < span[1] && span[0] < t.span[1]) : [];
    const right = overlapping.find(({ t }) => t.value === g.value);
    if (right) {
      used.add(right.k);
      tp++;
      return;
    }
    const got = overlapping.map(({ t }) => `"${t.text}" ${t.value ?? 'null'}`).join(', ');
    misses.push(`fn "${g.text}" ${g.value}${span ? '' : ' (text not found)'}: ${got || 'no time found'}`);
  });
  doc.times.forEach((t, k) => {
    if (!used.has(k)) misses.push(`fp "${t.text}" ${t.value ?? 'null'}`);
  });
  return { tp, fp: doc.times.length - used.size, fn: gold.times.length - tp, misses };
}

/** The span of each text in `text`: its next occurrence not yet given to an earlier gold expression with the same text. */
function locate(texts: readonly string[], text: string): Array<Span | null> {
  const next = new Map<string, number>();
  const lower = text.toLowerCase();
  return texts.map((t) => {
    const from = next.get(t) ?? 0;
    let at = text.indexOf(t, from);
    if (at < 0) at = lower.indexOf(t.toLowerCase(), from);
    if (at < 0) return null;
    next.set(t, at + t.length);
    return [at, at + t.length];
  });
}
