import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { htmlToDocument } from './html-reader.js';
import { parseHTML } from './lazy-dom.js';
import { domToText } from './html-to-text.js';
import { readInputs } from '../read-inputs.js';
import type { IngestResult } from '../ingest-result.js';

const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-html-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const SENTENCE = 'Officials in Kharkiv said on Monday that the bridge had reopened.';

test('HTML: a page without a root tag or a fragment is read, not thrown on (issue 19)', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    [`<p>${SENTENCE}</p>`, SENTENCE],
    [`${SENTENCE}`, SENTENCE],
    [`<div>First part.</div><div>${SENTENCE}</div>`, `First part.\n\n${SENTENCE}`],
    [`<!-- saved page --><p>${SENTENCE}</p>`, SENTENCE],
    ['', ''],
    ['<!-- nothing but a comment -->', ''],
  ];
  for (const [html, text] of cases) {
    const out = htmlToDocument(html);
    assert.ok(!('error' in out), `${JSON.stringify(html)}: ${JSON.stringify(out)}`);
    assert.equal(out.text, text, JSON.stringify(html));
  }
});

test('HTML: a file without a root tag does not end the run; the inputs after it, and a zip around it, are read', async () => {
  const bare = path.join(dir, 'bare.html');
  writeFileSync(bare, 'nothing but words in a file named .html');
  const empty = path.join(dir, 'comment.html');
  writeFileSync(empty, '<!-- only a comment -->');
  const good = path.join(dir, 'good.txt');
  writeFileSync(good, SENTENCE);
  const zip = path.join(dir, 'pages.zip');
  writeFileSync(zip, zipSync({ 'a.txt': strToU8(SENTENCE), 'b.html': strToU8('<!-- only a comment -->'), 'c.html': strToU8(`<p>${SENTENCE} Again.</p>`) }));
  const results: IngestResult[] = [];
  for await (const r of readInputs([bare, empty, good, zip])) results.push(r);
  const summary = results.map((r) => (r.ok ? `ok ${path.basename(r.doc.meta.source ?? '')}` : `failed ${path.basename(r.source)} ${r.code}`));
  assert.deepEqual(summary, ['ok bare.html', 'failed comment.html input.empty', 'ok good.txt', 'ok pages.zip#a.txt', 'failed pages.zip#b.html input.empty', 'ok pages.zip#c.html'], summary.join('; '));
});

test('HTML: many siblings and deep nesting are read in linear time, without overflowing the stack', () => {
  const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const siblings = (n: number): number => {
    const { document } = parseHTML(`<!doctype html><html><body><div>${'<span>word </span>'.repeat(n)}</div></body></html>`);
    const start = cpu();
    const text = domToText(document.body as unknown as Parameters<typeof domToText>[0]);
    const ms = cpu() - start;
    assert.equal(text.split(' ').length, n);
    return ms;
  };
  siblings(1000);
  // Before: each childNodes[i] walked the list from its start (20,000 siblings took 92 s). The least of three runs
  // each: one run of a few milliseconds measured the machine's load as much as the reading (28× once at load 24).
  const least = (n: number): number => Math.min(siblings(n), siblings(n), siblings(n));
  const small = Math.max(least(4000), 1);
  const large = least(32_000);
  assert.ok(large / small < 8 * 3, `8× the siblings took ${(large / small).toFixed(1)}× the time (${small.toFixed(0)} → ${large.toFixed(0)} ms)`);
  const depth = 20_000;
  const { document } = parseHTML(`<!doctype html><html><body>${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}</body></html>`);
  assert.equal(domToText(document.body as unknown as Parameters<typeof domToText>[0]), 'deep');
});
