import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceDocument } from '../ingest/index.js';
import { emptyAnalysis } from '../model/index.js';
import { createPipeline } from './pipeline.js';
import { loadResources } from './load-resources.js';

/**
 * Analysis time grows linearly with document size (issue 19: per-segment and
 * per-trigger scans of every time, place, force and attribution made a 1 MB
 * document take a minute and 10 MB hours). Not a wall-clock limit: the ratio
 * of two sizes measured in the same run, so a slow or busy machine does not
 * fail it, while a quadratic stage does (measured in CPU time of this process: 8×
 * the text took 13.5× the time before the fix at these sizes, 4–7× after).
 *
 * The text is one paragraph of short sentences, each with a statement, a
 * time, a place, a force and a number (the items the scans were over); our
 * own sentences.
 */
const UNIT = 'Russian forces captured Pokrovsk on Monday, the ministry said. '
  + '"We repelled 12 attacks near Kupiansk," Ukrainian officials told reporters on Tuesday. ';
const SMALL = 50_000;
const FACTOR = 8;
/** Time per character may grow this much from the small to the large document (the bench target is 1.5× from 100 KB to 10 MB). */
const ALLOWED_GROWTH = 1.4;

test('scaling: analysis time is linear in document size (ratio of two sizes in one run)', async () => {
  const pipeline = createPipeline(await loadResources());
  const make = (chars: number) => sourceDocument(UNIT.repeat(Math.ceil(chars / UNIT.length)), { published: '2025-01-06' });
  // CPU time of this process, not wall time: other work on the machine does not count.
  const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const timeStages = (chars: number): { total: number; stages: Map<string, number> } => {
    let doc = emptyAnalysis(make(chars));
    const stages = new Map<string, number>();
    const start = cpu();
    for (const stage of pipeline.stages) {
      const t = cpu();
      doc = stage.run(doc, {});
      stages.set(stage.name, cpu() - t);
    }
    return { total: cpu() - start, stages };
  };
  // Warm up (JIT, lazily built lexicons), then take the faster of two runs at each size.
  timeStages(SMALL);
  const best = (chars: number) => [timeStages(chars), timeStages(chars)].sort((a, b) => a.total - b.total)[0]!;
  const small = best(SMALL);
  const large = best(SMALL * FACTOR);
  const ratio = large.total / small.total;
  const detail = [...large.stages].map(([name, ms]) => `${name} ${(ms / (small.stages.get(name) || 1)).toFixed(1)}×`).join(', ');
  assert.ok(ratio <= FACTOR * ALLOWED_GROWTH,
    `${FACTOR}× the text took ${ratio.toFixed(1)}× the time (${small.total.toFixed(0)} ms → ${large.total.toFixed(0)} ms); by stage: ${detail}`);
});
