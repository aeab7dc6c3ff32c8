import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Span } from '../model/index.js';
import type { DatasetScores, Scorer } from './scorer.js';
import { countSpans, emptyCounts, inContext, placesPipeline, readAs, spanMetrics } from './place-spans.js';

/** NER-UK gold spans of one type: brat standoff `T` lines (`T1<TAB>LOC 362 380<TAB>text`), offsets into the `.txt`. */
export function readBratSpans(ann: string, type: string): Span[] {
  const out: Span[] = [];
  for (const line of ann.split('\n')) {
    const [id, body] = line.split('\t');
    if (!id?.startsWith('T') || body === undefined) continue;
    const [t, ...offsets] = body.split(/[ ;]/);
    if (t !== type) continue;
    const numbers = offsets.map(Number);
    out.push([Math.min(...numbers), Math.max(...numbers)]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * `npm run eval -- --only ner-uk`: Ukrainian place recognition on `dev/`
 * (lang-uk NER-UK 2.0, evaluation only), `loc_f1` (exact) and
 * `loc_f1_overlap` over LOC. Every place mention counts, whatever its role.
 */
export const nerUkScorer: Scorer = {
  dataset: 'ner-uk',
  async score(dir, { misses, log }) {
    const scores: DatasetScores = {};
    const pipeline = placesPipeline();
    for (const corpus of ['dev']) {
      const folder = path.join(dir, corpus);
      if (!existsSync(folder)) continue;
      const counts = emptyCounts();
      for (const file of readdirSync(folder).filter((f) => f.endsWith('.txt')).sort()) {
        const base = file.slice(0, -4);
        const annFile = path.join(folder, `${base}.ann`);
        if (!existsSync(annFile)) continue;
        const text = readFileSync(path.join(folder, file), 'utf8');
        const gold = readBratSpans(readFileSync(annFile, 'utf8'), 'LOC');
        const doc = readAs(pipeline, base, text, 'uk');
        const { missed, spurious } = countSpans(counts, gold, doc.places.map((p) => p.span));
        if (misses) {
          for (const s of missed) log(`  ner-uk ${base} missed: ${inContext(text, s)}`);
          for (const s of spurious) log(`  ner-uk ${base} spurious: ${inContext(text, s)}`);
        }
      }
      scores[corpus] = spanMetrics('loc', counts);
    }
    return scores;
  },
};
