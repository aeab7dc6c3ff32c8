import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sourceDocument } from '../../ingest/index.js';
import { createPipeline } from '../../read/pipeline.js';
import { loadResources } from '../../read/load-resources.js';
import { loadCorpus } from './corpus.js';

export interface ScalingRow { readonly bytes: number; readonly runs: number; readonly seconds: number; readonly secondsPerMb: number }
export interface HealthWhileAnalysing { readonly documentBytes: number; readonly analysisSeconds: number; readonly probes: number; readonly failures: number; readonly p50Ms: number; readonly maxMs: number; readonly status: number }

/**
 * Seconds per MB of the whole pipeline on one document of each size (issue 19:
 * flat within 1.5× from 100 KB to 10 MB): real news texts (the bench corpus)
 * joined into one document. Small sizes are run repeatedly for at least a
 * second and averaged.
 */
export async function benchScaling(options: { corpusDir: string; sizes: readonly number[]; log: (line: string) => void }): Promise<ScalingRow[]> {
  const texts = loadCorpus(options.corpusDir).map((d) => d.text);
  const pipeline = createPipeline(await loadResources());
  const documentOf = (bytes: number): string => {
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; length < bytes; i++) {
      const t = texts[i % texts.length]!;
      parts.push(t);
      length += Buffer.byteLength(t) + 2;
    }
    return parts.join('\n\n');
  };
  pipeline.read(sourceDocument(documentOf(20_000), { published: '2016-10-01' })); // warm up
  const rows: ScalingRow[] = [];
  for (const size of options.sizes) {
    const text = documentOf(size);
    const bytes = Buffer.byteLength(text);
    let runs = 0;
    const start = performance.now();
    do {
      pipeline.read(sourceDocument(text, { published: '2016-10-01' }));
      runs++;
    } while (performance.now() - start < 1000);
    const seconds = (performance.now() - start) / 1000 / runs;
    rows.push({ bytes, runs, seconds, secondsPerMb: seconds / (bytes / 1e6) });
    options.log(`scaling: ${(bytes / 1e6).toFixed(2)} MB in ${seconds.toFixed(2)} s (${runs} run${runs === 1 ? '' : 's'})`);
  }
  return rows;
}

/**
 * /healthz latency while the server analyses the largest document POST
 * /api/documents takes (issue 19: /healthz within 100 ms). Probed every 50 ms
 * from this process while the POST is in flight.
 */
export async function benchHealthWhileAnalysing(options: { corpusDir: string; bytes: number; log: (line: string) => void }): Promise<HealthWhileAnalysing> {
  const [{ startServer }, { openStore }] = await Promise.all([import('../../server/server.js'), import('../../store/open-store.js')]);
  const texts = loadCorpus(options.corpusDir).map((d) => d.text);
  let text = '';
  for (let i = 0; Buffer.byteLength(JSON.stringify({ text: text + texts[i % texts.length]! })) < options.bytes; i++) text += `${texts[i % texts.length]!}\n\n`;
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-bench-health-'));
  const store = await openStore(path.join(dir, 'health.db'));
  const server = await startServer({ store, port: 0, allowIngest: true, webDir: null, analysis: { budgetMs: 30 * 60_000 } });
  try {
    const post = (body: string) => fetch(new URL('/api/documents', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await post(JSON.stringify({ text: 'A first short text starts the analysis thread.' }));
    const latencies: number[] = [];
    let done = false;
    const start = performance.now();
    const big = post(JSON.stringify({ text })).then(async (res) => { done = true; await res.arrayBuffer(); return res.status; });
    let failures = 0;
    while (!done) {
      const t = performance.now();
      try {
        const res = await fetch(new URL('/healthz', server.url));
        await res.arrayBuffer();
      } catch {
        failures++; // counted, with its time: a probe that did not get an answer
      }
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
    const status = await big;
    const analysisSeconds = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    const out = {
      documentBytes: Buffer.byteLength(JSON.stringify({ text })), analysisSeconds, probes: latencies.length, failures,
      p50Ms: latencies[Math.floor(latencies.length / 2)] ?? 0, maxMs: latencies[latencies.length - 1] ?? 0, status,
    };
    options.log(`health: ${out.probes} probes while ${(out.documentBytes / 1048576).toFixed(2)} MiB was analysed in ${analysisSeconds.toFixed(1)} s`);
    return out;
  } finally {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
