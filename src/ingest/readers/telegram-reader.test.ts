import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flattenTelegramText, telegramReader } from './telegram-reader.js';
import { memoryInput } from '../inputs/memory-input.js';
import type { IngestResult } from '../ingest-result.js';

// A channel export written for this test, with the fields Telegram Desktop writes for signed channels and linked words.
async function read(json: unknown): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for await (const r of telegramReader.read(memoryInput('result.json', 'result.json', new TextEncoder().encode(JSON.stringify(json))), { maxBytes: 1 << 20, maxLineBytes: 1 << 20 })) out.push(r);
  return out;
}

test('telegram: a post\'s signature is its byline; text_link URLs stay with their words', async () => {
  const results = await read({
    name: 'Frontline Digest', type: 'public_channel', id: 7,
    messages: [
      { id: 10, type: 'message', date: '2025-11-05T11:00:00', date_unixtime: '1762340400', author: 'Olena K.',
        text: ['According to ', { type: 'text_link', text: 'the General Staff', href: 'https://t.me/GeneralStaffZSU/1234' }, ', 100 attacks were repelled. Full report: ',
          { type: 'link', text: 'https://example.org/report' }, { type: 'bold', text: ' Stay safe.' }] },
      { id: 11, type: 'message', date: '2025-11-05T12:00:00', text: 'Unsigned post about shelling near Kherson.' },
    ],
  });
  assert.equal(results.length, 2);
  const [signed, unsigned] = results;
  assert.ok(signed?.ok && unsigned?.ok);
  assert.equal(signed.doc.meta.byline, 'Olena K.');
  assert.equal(signed.doc.text, 'According to the General Staff (https://t.me/GeneralStaffZSU/1234), 100 attacks were repelled. Full report: https://example.org/report Stay safe.');
  assert.equal(signed.doc.meta.outlet, 'Frontline Digest');
  assert.equal(unsigned.doc.meta.byline ?? null, null);
});

test('flattenTelegramText: a link whose words are its URL, or a URL that is not http(s), is not repeated', () => {
  assert.equal(flattenTelegramText(['see ', { type: 'text_link', text: 'https://a.example/x', href: 'https://a.example/x' }]), 'see https://a.example/x');
  assert.equal(flattenTelegramText([{ type: 'text_link', text: 'call', href: 'tg://resolve?domain=x' }]), 'call');
  assert.equal(flattenTelegramText('plain'), 'plain');
});
