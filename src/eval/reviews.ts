import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sourceDocument } from '../ingest/index.js';
import { ledgerClaimsOf } from '../ledger/index.js';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import { toLedgerDocument } from '../report/ledger-json.js';
import { claimView, type ClaimView } from '../server/ledger-view.js';
import type { GoldRecord } from '../server/review-service.js';
import type { DatasetScores, ScoreOptions, Scorer } from './scorer.js';

/** The fields a review can correct, as the scorer compares them. */
const FIELDS = ['side', 'stance', 'proposition', 'place', 'time'] as const;

function valueOf(view: ClaimView, field: (typeof FIELDS)[number]): string | null {
  switch (field) {
    case 'side': return view.claim.side;
    case 'stance': return view.claim.stance;
    case 'proposition': return view.claim.proposition;
    case 'place': return view.placeId;
    case 'time': return view.date;
  }
}

function expectedOf(gold: GoldRecord, field: (typeof FIELDS)[number]): string | null {
  const e = gold.expected!;
  return field === 'place' ? e.placeId : field === 'time' ? e.date : e[field];
}

/** Gold records from a JSON Lines file, or every .jsonl file of a folder; a bad line is reported with its file and line, and skipped. */
export function readGold(location: string, log: (line: string) => void): GoldRecord[] {
  const files = statSync(location).isDirectory() ? readdirSync(location).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(location, f)) : [location];
  const records: GoldRecord[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        const r = JSON.parse(line) as GoldRecord;
        if (typeof r.document?.text !== 'string' || !Array.isArray(r.claim?.span) || !['confirm', 'reject', 'correct'].includes(r.decision)) throw new Error('not a gold record (document.text, claim.span, decision)');
        records.push(r);
      } catch (error) {
        log(`${file}:${i + 1}: skipped: ${(error as Error).message}`);
      }
    });
  }
  return records;
}

/**
 * The pipeline against what analysts decided (issue 18): reviewed claims exported as gold
 * (`counterclaim review export --gold FILE`, GET /api/reviews/gold) are read again by today's
 * pipeline. `found`: reviewed claims (confirmed or corrected) the pipeline still reads at the
 * same span; per field, the share of those it reads as the analyst said; `all-fields`: every field
 * right; `rejected-gone`: claims rejected by an analyst that the pipeline no longer produces.
 */
export async function scoreReviews(records: readonly GoldRecord[], options: ScoreOptions): Promise<DatasetScores> {
  const pipeline = createPipeline(await loadResources());
  const byDoc = new Map<string, GoldRecord[]>();
  for (const r of records) byDoc.set(r.document.id, [...(byDoc.get(r.document.id) ?? []), r]);
  let kept = 0, found = 0, allRight = 0, rejected = 0, rejectedGone = 0;
  const right: Record<string, number> = Object.fromEntries(FIELDS.map((f) => [f, 0]));
  for (const group of byDoc.values()) {
    const d = group[0]!.document;
    const doc = toLedgerDocument(pipeline.read(sourceDocument(d.text, { title: d.title, published: d.published, language: d.language, outlet: d.outlet })));
    const views = ledgerClaimsOf(doc).map(claimView);
    for (const gold of group) {
      const at = views.filter((v) => v.claim.span[0] === gold.claim.span[0] && v.claim.span[1] === gold.claim.span[1]);
      if (gold.decision === 'reject') {
        rejected++;
        if (at.length === 0) rejectedGone++;
        else if (options.misses) options.log(`reviews: still produced, rejected by ${gold.reviewer}: ${at[0]!.readable} (${d.id.slice(0, 12)} ${gold.claim.span.join('-')})`);
        continue;
      }
      kept++;
      // Several claims can share a span (one per predicate): the one closest to the analyst's reading.
      const best = at.map((v) => ({ v, hits: FIELDS.filter((f) => valueOf(v, f) === expectedOf(gold, f)) })).sort((a, b) => b.hits.length - a.hits.length)[0];
      if (!best) {
        if (options.misses) options.log(`reviews: not read any more: ${gold.expected!.proposition} (${d.id.slice(0, 12)} ${gold.claim.span.join('-')})`);
        continue;
      }
      found++;
      for (const f of best.hits) right[f]!++;
      if (best.hits.length === FIELDS.length) allRight++;
      else if (options.misses) options.log(`reviews: ${FIELDS.filter((f) => !best.hits.includes(f)).map((f) => `${f} ${valueOf(best.v, f)} (analyst: ${expectedOf(gold, f)})`).join(', ')} in ${best.v.readable}`);
    }
  }
  const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
  return {
    reviewed: {
      claims: kept, found: share(found, kept),
      ...Object.fromEntries(FIELDS.map((f) => [f, share(right[f]!, found)])),
      'all-fields': share(allRight, found),
      rejected, 'rejected-gone': share(rejectedGone, rejected),
    },
  };
}

/** `npm run eval -- --only reviews --reviews FILE_OR_DIR` (or $COUNTERCLAIM_REVIEWS; default ../shared/data/reviews). */
export const reviewsScorer: Scorer = {
  dataset: 'reviews',
  async score(dir, options) {
    if (!existsSync(dir)) return {};
    return scoreReviews(readGold(dir, options.log), options);
  },
};
