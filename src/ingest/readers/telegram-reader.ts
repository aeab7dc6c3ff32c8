import { z } from 'zod';
import { failure, type IngestResult } from '../ingest-result.js';
import { describeZodError } from '../metadata.js';
import { normalizeNewlines } from '../decode.js';
import type { Input, Reader, ReaderOptions } from './reader.js';
import { buildDocument, readWholeText } from './whole-text.js';

/** Telegram Desktop exports can be large; whole-file JSON needs a ceiling of its own. */
export const MAX_TELEGRAM_EXPORT_BYTES = 512 * 1024 * 1024;

const textPiece = z.union([z.string(), z.object({ type: z.string(), text: z.string(), href: z.string().optional() }).passthrough()]);

/** A message as Telegram Desktop writes it ("Export chat history", JSON format). */
const messageSchema = z.object({
  id: z.number(),
  type: z.string(),
  date: z.string(),
  date_unixtime: z.string().regex(/^\d+$/).optional(),
  text: z.union([z.string(), z.array(textPiece)]).optional(),
  forwarded_from: z.string().nullish(),
  /** The post's signature, in channels that sign posts. */
  author: z.string().nullish(),
}).passthrough();

const chatSchema = z.object({
  name: z.string().nullish(),
  type: z.string(),
  id: z.number(),
  messages: z.array(z.unknown()),
}).passthrough();

export type TelegramMessage = z.infer<typeof messageSchema>;

/**
 * A Telegram Desktop channel export (`result.json`): each post a document,
 * the channel as outlet, the post's time as publication time (an edited post
 * keeps the time it was posted: the export holds its last text, `edited` is
 * when that text was written, not when the claim was first made), its
 * signature (`author`) as byline, entities (bold, mentions) flattened to their
 * text and links to their text and URL, forwards linked to the channel they
 * came from, service messages (pins, joins) and captionless photos of an album
 * skipped. A full account export (`chats.list[]`) is read chat by chat, its
 * channels only; an export of a personal chat or a group is refused, naming
 * its type.
 */
export const telegramReader: Reader = {
  name: 'telegram',
  extensions: ['.json'],
  contentTypes: ['application/json'],
  sniff: (head) => /^\s*\{/.test(head) && /"(messages|chats)"\s*:/.test(head),
  read: readTelegram,
};

async function* readTelegram(input: Input, options: ReaderOptions): AsyncGenerator<IngestResult> {
  const whole = await readWholeText(input, { ...options, maxBytes: Math.max(options.maxBytes, MAX_TELEGRAM_EXPORT_BYTES) });
  if (!whole.ok) {
    yield whole.result;
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(whole.text);
  } catch (error) {
    yield failure(input.source, 'input.malformed', `is not valid JSON: ${(error as Error).message}`);
    return;
  }
  const chats = chatsOf(json);
  if ('error' in chats) {
    yield failure(input.source, 'input.unsupported-format', chats.error);
    return;
  }
  const many = chats.list.length > 1;
  for (const chat of chats.list) {
    if (!CHANNEL_TYPES.has(chat.type)) {
      // A channel's posts are statements of its owner; a personal chat or a group is people talking, which this reader does not take apart.
      const what = `a ${chat.type.replace(/_/g, ' ')}${chat.name ? ` ("${chat.name}")` : ''}, not a channel: only channel exports (type public_channel or private_channel) are read as posts`;
      yield many
        ? failure(`${input.source}#chat-${chat.id}`, 'input.unsupported-format', `chat ${chat.id} is ${what}; skipped`, { skipped: true })
        : failure(input.source, 'input.unsupported-format', `is a Telegram export of ${what}`);
      continue;
    }
    yield* postsOf(chat, input.source, options, many);
  }
}

/** The chat types of Telegram Desktop's export that are channels (its `type` field). */
const CHANNEL_TYPES: ReadonlySet<string> = new Set(['public_channel', 'private_channel']);

function chatsOf(json: unknown): { list: z.infer<typeof chatSchema>[] } | { error: string } {
  const top = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  const unknown = 'is not a Telegram Desktop export this version understands: expected a channel export with "name", "type", "id" and "messages" (Export chat history → JSON)';
  if (!top) return { error: unknown };
  if ('messages' in top) {
    const chat = chatSchema.safeParse(top);
    return chat.success ? { list: [chat.data] } : { error: `${unknown}; found ${describeZodError(chat.error)}` };
  }
  const list = (top.chats as { list?: unknown } | undefined)?.list;
  if (Array.isArray(list)) {
    const out: z.infer<typeof chatSchema>[] = [];
    for (let i = 0; i < list.length; i++) {
      const chat = chatSchema.safeParse(list[i]);
      if (!chat.success) return { error: `${unknown}; chats.list[${i}]: ${describeZodError(chat.error)}` };
      out.push(chat.data);
    }
    return { list: out };
  }
  return { error: `${unknown}; its top-level fields are ${Object.keys(top).slice(0, 8).join(', ') || 'none'}` };
}

function* postsOf(chat: z.infer<typeof chatSchema>, file: string, options: ReaderOptions, many: boolean): Generator<IngestResult> {
  const prefix = many ? `${file}#chat-${chat.id}-post-` : `${file}#post-`;
  for (let i = 0; i < chat.messages.length; i++) {
    const parsed = messageSchema.safeParse(chat.messages[i]);
    if (!parsed.success) {
      yield failure(`${file}#messages[${i}]`, 'input.unsupported-format', `messages[${i}] is not a message this version understands: ${describeZodError(parsed.error)}`);
      continue;
    }
    const m = parsed.data;
    const source = `${prefix}${m.id}`;
    if (m.type !== 'message') {
      yield failure(source, 'input.empty', `is a ${m.type} message (${String(m.action ?? 'no text')}), not a post`, { skipped: true });
      continue;
    }
    const text = normalizeNewlines(flattenTelegramText(m.text)).trim();
    if (text === '') {
      yield failure(source, 'input.empty', 'has no text (a photo, video or file without caption)', { skipped: true });
      continue;
    }
    yield {
      ok: true,
      doc: buildDocument(text, source, [{ outlet: chat.name ?? null, published: telegramDate(m), title: null, url: null }, options.overrides], {
        forwardedFrom: m.forwarded_from ?? null,
        byline: m.author?.trim() || null,
      }),
    };
  }
}

/**
 * `text` is a string, or an array of strings and `{type, text}` entities:
 * their text, in order. A `text_link` (words linked to a URL: "[the
 * ministry](https://t.me/...)") keeps its URL after its words, "the ministry
 * (https://t.me/...)", as plain text shows a link, so the stored post still
 * says where it points; a link whose words are its URL is not repeated.
 */
export function flattenTelegramText(text: TelegramMessage['text']): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text.map((piece) => {
    if (typeof piece === 'string') return piece;
    const href = piece.type === 'text_link' && typeof piece.href === 'string' ? piece.href.trim() : '';
    return href && /^https?:\/\//i.test(href) && piece.text.trim() !== href ? `${piece.text} (${href})` : piece.text;
  }).join('');
}

/** `date_unixtime` is the instant (UTC); `date` is the exporting computer's local time without a zone, used only when it is absent. */
export function telegramDate(m: Pick<TelegramMessage, 'date' | 'date_unixtime'>): string | null {
  if (m.date_unixtime) return new Date(Number(m.date_unixtime) * 1000).toISOString().replace('.000Z', 'Z');
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(m.date) ? m.date : null;
}
