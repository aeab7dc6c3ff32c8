import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { READERS } from './registry.js';
import { memoryInput } from '../inputs/memory-input.js';
import type { IngestResult } from '../ingest-result.js';

/**
 * Property tests over every reader (issue 19, "fuzzing as a habit"): for
 * any bytes, in each reader's own format or not, reading never throws, every
 * document it gives has text, and reading twice gives the same results. Seeded
 * and bounded in runs, so the suite stays deterministic and fast.
 */
const FC = { seed: 19, numRuns: 60 } as const;

/** Markup and syntax fragments the readers care about, put together at random. */
const PIECES = [
  '<html>', '</html>', '<body>', '<p>', '</p>', '<div>', '<br>', '<script>', '</script>', '<!--', '-->', '<![CDATA[', ']]>', '&amp;', '&#0;', '&#xD800;', '&lt;',
  '<?xml version="1.0"?>', '<rss version="2.0"><channel>', '<item><title>', '</title><description>', '</description></item>', '</channel></rss>', '<feed xmlns="http://www.w3.org/2005/Atom"><entry>',
  '{"text": "', '"}', '\n', '{"messages": [', ']}', '{"type": "message", "text": "', '"date": "2025-02-30"', '\\u0000', '\\ud800', 'constructor', '__proto__',
  '# ', '**', '```', '> ', '[a](javascript:alert(1))', 'Officials said on Monday that 40 drones were shot down near Kharkiv.', ' ', '\u0000', '\ufeff', '\ud83d\ude00',
];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 20 })), { maxLength: 40 }).map((parts) => parts.join(''));
const bytes = fc.oneof(text.map((t) => new TextEncoder().encode(t)), fc.uint8Array({ maxLength: 300 }));

async function readAll(readerIndex: number, name: string, data: Uint8Array): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for await (const r of READERS[readerIndex]!.read(memoryInput(`fuzz/${name}`, name, data), { maxBytes: 1 << 20, maxLineBytes: 1 << 16 })) out.push(r);
  return out;
}

for (const [index, reader] of READERS.entries()) {
  test(`reader ${reader.name}: any bytes are read without throwing, deterministically, into documents with text`, async () => {
    const name = `input${reader.extensions[0] ?? '.txt'}`;
    await fc.assert(fc.asyncProperty(bytes, async (data) => {
      const first = await readAll(index, name, data);
      const second = await readAll(index, name, data);
      assert.deepEqual(second, first);
      for (const r of first) {
        if (!r.ok) {
          assert.equal(typeof r.message, 'string');
          continue;
        }
        assert.ok(r.doc.text.trim().length > 0, 'a document has text');
        assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(r.doc.text), 'no lone surrogate in stored text');
      }
    }), FC);
  });
}
