import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { countWords, loadCorpus } from './corpus.js';

/**
 * `npm run bench [-- --corpus DIR] [--json]`: throughput (documents/s and
 * words/s on one core), start-up time and peak RSS of the whole pipeline, with
 * chrono-node's `parse` and compromise's `.dates()` on the same texts side by
 * side. Speed targets live here, never in timed tests.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    json: { type: 'boolean', default: false },
    'compromise-docs': { type: 'string', default: '60' },
  },
});
const corpusDir = path.resolve(values.corpus ?? path.join(root, '..', 'shared', 'data', 'polnear'));
const corpus = loadCorpus(corpusDir);
const totalWords = corpus.reduce((n, d) => n + countWords(d.text), 0);
const bytes = corpus.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
process.stderr.write(`corpus: ${corpusDir}: ${corpus.length} documents, ${totalWords} words, ${(bytes / 1e6).toFixed(1)} MB\n`);

interface SubjectResult { name: string; docs: number; words: number; seconds: number; setupMs: number; maxRssMb: number }

function runSubject(name: string, limit?: number): SubjectResult {
  const args = ['--import', 'tsx', path.join(here, 'run-subject.ts'), name, corpusDir, ...(limit ? [String(limit)] : [])];
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (result.status !== 0) throw new Error(`bench subject ${name} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as SubjectResult;
}

/** Wall time of the built CLI analysing the bundled example: what a user waits for. */
function startupMs(): number | null {
  const cli = path.join(root, 'dist', 'cli', 'main.js');
  if (!existsSync(cli)) return null;
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, [cli, 'analyze', path.join(root, 'example', 'pokrovsk.txt'), '--no-store', '--json'], { stdio: 'pipe' });
    runs.push(performance.now() - t0);
  }
  return runs.sort((a, b) => a - b)[2]!;
}

const results = [runSubject('pipeline'), runSubject('chrono-node parse'), runSubject('compromise dates', Number(values['compromise-docs']))];
const pipelineRate = results[0]!.docs / results[0]!.seconds;
const rows = results.map((r) => {
  const docsPerS = r.docs / r.seconds;
  return {
    subject: r.name,
    docs: r.docs,
    docsPerS,
    wordsPerS: r.words / r.seconds,
    msPerDoc: (r.seconds * 1000) / r.docs,
    setupMs: r.setupMs,
    maxRssMb: r.maxRssMb,
    pipelineSpeedup: pipelineRate / docsPerS,
  };
});
const startup = startupMs();
if (values.json) {
  process.stdout.write(`${JSON.stringify({ corpus: { dir: corpusDir, documents: corpus.length, words: totalWords }, subjects: rows, cliStartupMs: startup }, null, 2)}\n`);
} else {
  const header = ['subject', 'docs', 'docs/s', 'words/s', 'ms/doc', 'setup ms', 'peak RSS MB', 'pipeline ×'];
  const table = rows.map((r) => [r.subject, String(r.docs), r.docsPerS.toFixed(0), r.wordsPerS.toFixed(0), r.msPerDoc.toFixed(2), r.setupMs.toFixed(0), r.maxRssMb.toFixed(0), r.pipelineSpeedup.toFixed(2)]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  process.stdout.write(`${[line(header), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...table.map(line)].join('\n')}\n`);
  process.stdout.write(`\nCLI start-up (analyze the bundled example, median of 5): ${startup === null ? 'n/a (run npm run build first)' : `${startup.toFixed(0)} ms`}\n`);
}
