import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { nerUkTimeScores } from './ner-uk-times.js';
import type { Span } from '../model/index.js';
import type { DatasetScores, ScoreOptions, Scorer } from './scorer.js';
import type { Pipeline } from '../read/pipeline.js';
import { countSpans, emptyCounts, inContext, placesPipeline, readAs, spanMetrics } from './place-spans.js';

/**
 * NER-UK gold spans of one type: brat standoff `T` lines, offsets into the `.txt`. NER-UK writes
 * every field tab-separated (`T1<TAB>LOC<TAB>362<TAB>380<TAB>text`); standard brat puts type and
 * offsets in one field (`T1<TAB>LOC 362 380<TAB>text`): both are read.
 */
export function readBratSpans(ann: string, type: string): Span[] {
  const out: Span[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    const id = cols[0];
    if (!id?.startsWith('T') || cols[1] === undefined) continue;
    const [t, ...offsets] = cols[1].includes(' ') ? cols[1].split(/[ ;]/) : [cols[1], cols[2] ?? '', cols[3] ?? ''];
    if (t !== type) continue;
    const numbers = offsets.map(Number);
    out.push([Math.min(...numbers), Math.max(...numbers)]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * `npm run eval -- --only ner-uk`: Ukrainian place recognition on `dev/`
 * (lang-uk NER-UK 2.0, evaluation only), `loc_f1` (exact) and
 * `loc_f1_overlap` over LOC. Every place mention counts, whatever its role,
 * but one inside a gold ORG span (a country in a ministry's name), which the
 * flat annotation cannot call a LOC; `loc_f1_overlap_with_nested` counts those too.
 */
export const nerUkScorer: Scorer = {
  dataset: 'ner-uk',
  async score(dir, options) {
    const scores = scoreNerUk(dir, await placesPipeline(), options);
    // Time extents over DATE, TIME and PERIOD (ner-uk-times.ts), in the same corpus row.
    for (const corpus of Object.keys(scores)) Object.assign(scores[corpus]!, await nerUkTimeScores(path.join(dir, corpus), options));
    return scores;
  },
};

/** The scorer's work with a given pipeline (the morphology comparison reads with other resources). */
export function scoreNerUk(dir: string, pipeline: Pipeline, { misses, log }: ScoreOptions): DatasetScores {
  const scores: DatasetScores = {};
  for (const corpus of ['dev']) {
    const folder = path.join(dir, corpus);
    if (!existsSync(folder)) continue;
    const counts = emptyCounts();
    const all = emptyCounts();
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.txt')).sort()) {
      const base = file.slice(0, -4);
      const annFile = path.join(folder, `${base}.ann`);
      if (!existsSync(annFile)) continue;
      const text = readFileSync(path.join(folder, file), 'utf8');
      const ann = readFileSync(annFile, 'utf8');
      const gold = readBratSpans(ann, 'LOC');
      const organisations = readBratSpans(ann, 'ORG');
      const doc = readAs(pipeline, base, text, 'uk');
      const predicted = doc.places.map((p) => p.span);
      countSpans(all, gold, predicted);
      // NER-UK's annotation is flat: "України" in "Верховна Рада України" is part of an ORG and cannot be a LOC.
      // A place found inside an organisation's name is neither right nor wrong (as for GeoWebNews' non-literal toponyms).
      const nested = (s: Span): boolean => organisations.some((o) => o[0] <= s[0] && s[1] <= o[1]) && !gold.some((g) => g[0] < s[1] && s[0] < g[1]);
      const { missed, spurious } = countSpans(counts, gold, predicted.filter((s) => !nested(s)));
      if (misses) {
        for (const s of missed) log(`  ner-uk ${base} missed: ${inContext(text, s)}`);
        for (const s of spurious) log(`  ner-uk ${base} spurious: ${inContext(text, s)}`);
      }
    }
    scores[corpus] = spanMetrics('loc', counts);
    scores[corpus]!.loc_f1_overlap_with_nested = spanMetrics('loc', all).loc_f1_overlap!;
  }
  return scores;
}
