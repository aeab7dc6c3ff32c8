import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sourceDocument } from '../../ingest/index.js';
import { createPipeline } from '../../read/pipeline.js';
import { loadResources } from '../../read/load-resources.js';
import { loadCorpus } from './corpus.js';

export interface ScalingRow {
  /** Bytes per document asked for (documents break between texts, so they come out a little larger). */
  readonly bytes: number;
  readonly documents: number;
  /** Bytes analysed in the row: the same texts in every row. */
  readonly totalBytes: number;
  readonly seconds: number;
  readonly secondsPerMb: number;
  /** Processor time of this process (all its threads, the collector's included) per MB. */
  readonly cpuSecondsPerMb: number;
}
export interface HealthWhileAnalysing { readonly documentBytes: number; readonly analysisSeconds: number; readonly probes: number; readonly failures: number; readonly p50Ms: number; readonly p99Ms: number; readonly maxMs: number; readonly status: number }

/**
 * Seconds per MB of the whole pipeline by document size (issue 19: flat within
 * 1.5× from 100 KB to 10 MB). Every row analyses the same text, the first
 * `total` bytes of the bench corpus (real news texts; default the largest
 * size), cut into documents of the row's size: one 10 MB document, ten of
 * 1 MB, a hundred of 100 KB, a thousand of 10 KB. A row differs from another
 * only in how the text is cut, so what grows with a document's size shows, and
 * neither the mix of texts nor a document's fixed costs measured once does.
 */
export async function benchScaling(options: { corpusDir: string; sizes: readonly number[]; total?: number; log: (line: string) => void }): Promise<ScalingRow[]> {
  const texts = loadCorpus(options.corpusDir).map((d) => d.text);
  const total = options.total ?? Math.max(...options.sizes);
  const pipeline = createPipeline(await loadResources());
  const documentsOf = (bytes: number): string[] => {
    const docs: string[] = [];
    let parts: string[] = [];
    let length = 0;
    let all = 0;
    for (let i = 0; all < total; i++) {
      const t = texts[i % texts.length]!;
      parts.push(t);
      length += Buffer.byteLength(t) + 2;
      all += Buffer.byteLength(t) + 2;
      if (length >= bytes || all >= total) {
        docs.push(parts.join('\n\n'));
        parts = [];
        length = 0;
      }
    }
    return docs;
  };
  const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
  pipeline.read(sourceDocument(documentsOf(20_000)[0]!, { published: '2016-10-01' })); // warm up
  const rows: ScalingRow[] = [];
  for (const size of options.sizes) {
    const docs = documentsOf(size);
    const totalBytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
    const start = performance.now();
    const cpuStart = cpu();
    for (const text of docs) pipeline.read(sourceDocument(text, { published: '2016-10-01' }));
    const seconds = (performance.now() - start) / 1000;
    const mb = totalBytes / 1e6;
    rows.push({ bytes: size, documents: docs.length, totalBytes, seconds, secondsPerMb: seconds / mb, cpuSecondsPerMb: (cpu() - cpuStart) / mb });
    options.log(`scaling: ${docs.length} document${docs.length === 1 ? '' : 's'} of ${(size / 1e6).toFixed(2)} MB (${mb.toFixed(2)} MB) in ${seconds.toFixed(1)} s`);
  }
  return rows;
}

/**
 * /healthz latency while the server analyses the largest document POST
 * /api/documents takes (issue 19: /healthz within 100 ms). Probed every 50 ms
 * from this process, the server's client, while the POST is in flight.
 */
export async function benchHealthWhileAnalysing(options: { corpusDir: string; bytes: number; log: (line: string) => void }): Promise<HealthWhileAnalysing> {
  const texts = loadCorpus(options.corpusDir).map((d) => d.text);
  // Texts added while the JSON body stays under `bytes` (JSON escapes each character alone, so the sizes add up).
  const parts: string[] = [];
  for (let i = 0, size = Buffer.byteLength(JSON.stringify({ text: '' })); ; i++) {
    const piece = `${texts[i % texts.length]!}\n\n`;
    size += Buffer.byteLength(JSON.stringify(piece)) - 2;
    if (size >= options.bytes) break;
    parts.push(piece);
  }
  const text = parts.join('');
  // The server runs in a process of its own (health-server.ts); this one is its client.
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const child = spawn(process.execPath, [...(ext === '.ts' ? ['--import', 'tsx'] : []), fileURLToPath(new URL(`./health-server${ext}`, import.meta.url))], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); if (out.includes('\n')) resolve(out.split('\n')[0]!); });
    child.once('exit', (code) => reject(new Error(`the bench server exited (code ${code}) before it served`)));
  });
  const server = { url };
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
      p50Ms: latencies[Math.floor(latencies.length / 2)] ?? 0, p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? 0, maxMs: latencies[latencies.length - 1] ?? 0, status,
    };
    options.log(`health: ${out.probes} probes while ${(out.documentBytes / 1048576).toFixed(2)} MiB was analysed in ${analysisSeconds.toFixed(1)} s`);
    return out;
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.stdin.end();
    await exited;
  }
}
