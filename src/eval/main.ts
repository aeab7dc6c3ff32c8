import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { DatasetScores } from './scorer.js';
import { SCORERS } from './scorers.js';

/**
 * `npm run eval [-- --data DIR] [--json] [--misses] [--only DATASET] [--warnews TEXTS_DIR] [--reviews GOLD]`: scores
 * every extractor against the public datasets and prints one table. A dataset
 * whose folder is absent is skipped with a line saying so.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      json: { type: 'boolean', default: false },
      misses: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
      warnews: { type: 'string' },
      reviews: { type: 'string' },
    },
  });
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dataDir = path.resolve(values.data ?? path.join(here, '..', '..', '..', 'shared', 'data'));
  const results: Record<string, DatasetScores> = {};
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  for (const scorer of SCORERS) {
    if (values.only && !values.only.includes(scorer.dataset)) continue;
    // Reviews exported from a desk (counterclaim review export --gold) live wherever the analyst put them.
    const reviews = values.reviews ?? process.env.COUNTERCLAIM_REVIEWS;
    const dir = scorer.dataset === 'reviews' && reviews ? path.resolve(reviews) : path.join(dataDir, scorer.dataset);
    if (!existsSync(dir)) {
      log(`skipped ${scorer.dataset}: no ${dir}`);
      continue;
    }
    const started = performance.now();
    results[scorer.dataset] = await scorer.score(dir, { misses: values.misses, log, warnewsTexts: values.warnews });
    log(`scored ${scorer.dataset} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  process.stdout.write(formatScores(results));
}

export function formatScores(results: Record<string, DatasetScores>): string {
  const rows: string[][] = [];
  for (const [dataset, corpora] of Object.entries(results)) {
    for (const [corpus, metrics] of Object.entries(corpora)) {
      for (const [metric, value] of Object.entries(metrics)) {
        rows.push([dataset, corpus, metric, Number.isInteger(value) ? String(value) : value.toFixed(3)]);
      }
    }
  }
  const header = ['dataset', 'corpus', 'metric', 'score'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]): string => `| ${r.map((c, i) => (i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 3 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...rows.map(line)].join('\n') + '\n';
}

await main();
