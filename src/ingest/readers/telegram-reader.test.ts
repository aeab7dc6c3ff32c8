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

// A channel export written for this test: forwards, an edit, an album of three photos with one caption, a service
// message, a post with only a photo, and one message in a shape the reader does not know.
const channel = {
  name: 'Штаб оборони', type: 'public_channel', id: 1001,
  messages: [
    { id: 1, type: 'service', date: '2025-11-05T08:00:00', date_unixtime: '1762329600', actor: 'Штаб оборони', action: 'create_channel', title: 'Штаб оборони', text: '' },
    { id: 2, type: 'message', date: '2025-11-05T09:00:00', date_unixtime: '1762333200', edited: '2025-11-06T10:00:00', edited_unixtime: '1762423200',
      text: ['За минулу добу ', { type: 'bold', text: 'відбито 40 атак' }, ' біля Покровська.'] },
    { id: 3, type: 'message', date: '2025-11-05T10:00:00', date_unixtime: '1762336800', forwarded_from: 'Бригада 47', text: 'Ворог втратив два танки.' },
    { id: 4, type: 'message', date: '2025-11-05T11:00:00', date_unixtime: '1762340400', photo: 'photos/a.jpg', width: 800, height: 600, text: 'Наслідки обстрілу Харкова.' },
    { id: 5, type: 'message', date: '2025-11-05T11:00:00', date_unixtime: '1762340400', photo: 'photos/b.jpg', width: 800, height: 600, text: '' },
    { id: 6, type: 'message', date: '2025-11-05T11:00:00', date_unixtime: '1762340400', photo: 'photos/c.jpg', width: 800, height: 600, text: [] },
    { id: 'seven', type: 'message', date: '2025-11-05T12:00:00', text: 'A message whose id is not a number.' },
    { id: 8, type: 'message', date: '2025-11-05T13:00:00', date_unixtime: '1762347600', text: [{ type: 'hashtag', text: '#Запоріжжя' }, ' Тиша вночі.'] },
  ],
};

test('telegram channel: each post a document dated by its post (not its edit), forwards kept, album photos without caption and service messages skipped, a bad message named and the rest read', async () => {
  const results = await read(channel);
  const docs = results.flatMap((r) => (r.ok ? [r.doc] : []));
  assert.deepEqual(docs.map((d) => [d.meta.source, d.text, d.meta.outlet, d.meta.published, d.meta.forwardedFrom ?? null]), [
    ['result.json#post-2', 'За минулу добу відбито 40 атак біля Покровська.', 'Штаб оборони', '2025-11-05T09:00:00Z', null],
    ['result.json#post-3', 'Ворог втратив два танки.', 'Штаб оборони', '2025-11-05T10:00:00Z', 'Бригада 47'],
    ['result.json#post-4', 'Наслідки обстрілу Харкова.', 'Штаб оборони', '2025-11-05T11:00:00Z', null],
    ['result.json#post-8', '#Запоріжжя Тиша вночі.', 'Штаб оборони', '2025-11-05T13:00:00Z', null],
  ]);
  const failures = results.flatMap((r) => (r.ok ? [] : [r]));
  assert.deepEqual(failures.map((f) => [f.source, f.code, f.skipped ?? false]), [
    ['result.json#post-1', 'input.empty', true],
    ['result.json#post-5', 'input.empty', true],
    ['result.json#post-6', 'input.empty', true],
    ['result.json#messages[6]', 'input.unsupported-format', false],
  ]);
  assert.match(failures[3]!.message, /messages\[6\] is not a message this version understands/);
});

test('telegram: an export of a personal chat or a group is refused naming its type; in an account export only the channels are read', async () => {
  const [chat] = await read({ name: 'Olena', type: 'personal_chat', id: 5, messages: [{ id: 1, type: 'message', date: '2025-11-05T09:00:00', text: 'hi' }] });
  assert.ok(chat && !chat.ok);
  assert.equal(chat.code, 'input.unsupported-format');
  assert.equal(chat.source, 'result.json');
  assert.match(chat.message, /personal chat \("Olena"\), not a channel/);
  const results = await read({ about: 'account export', chats: { about: '', list: [
    { name: 'Family', type: 'private_group', id: 9, messages: [{ id: 1, type: 'message', date: '2025-11-05T09:00:00', text: 'dinner?' }] },
    { ...channel, messages: channel.messages.slice(2, 3) },
  ] } });
  assert.deepEqual(results.map((r) => (r.ok ? [r.doc.meta.source, r.doc.text] : [r.source, r.code, r.skipped ?? false])), [
    ['result.json#chat-9', 'input.unsupported-format', true],
    ['result.json#chat-1001-post-3', 'Ворог втратив два танки.'],
  ]);
});

test('telegram: malformed exports are refused naming the problem', async () => {
  const notJson = [];
  for await (const r of telegramReader.read(memoryInput('broken.json', 'broken.json', new TextEncoder().encode('{"name": "x", "messages": [')), { maxBytes: 1 << 20, maxLineBytes: 1 << 20 })) notJson.push(r);
  assert.ok(notJson[0] && !notJson[0].ok && notJson[0].code === 'input.malformed' && notJson[0].source === 'broken.json' && /not valid JSON/.test(notJson[0].message));
  const [noType] = await read({ name: 'x', id: 1, messages: [] });
  assert.ok(noType && !noType.ok && noType.code === 'input.unsupported-format' && /"type"/.test(noType.message));
  const [other] = await read({ version: 2, items: [] });
  assert.ok(other && !other.ok && /top-level fields are version, items/.test(other.message));
});
