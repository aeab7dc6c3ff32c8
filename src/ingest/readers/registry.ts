import path from 'node:path';
import type { Reader } from './reader.js';
import { textReader } from './text-reader.js';
import { markdownReader } from './markdown-reader.js';
import { htmlReader } from './html-reader.js';
import { feedReader } from './feed-reader.js';
import { jsonlReader } from './jsonl-reader.js';
import { telegramReader } from './telegram-reader.js';
import { createZipReader } from './zip-reader.js';

/**
 * Every reader, in the order formats are sniffed when neither the name nor
 * the content type says (stricter signatures first; text is the fallback).
 */
export const READERS: readonly Reader[] = [feedReader, htmlReader, telegramReader, jsonlReader, markdownReader, textReader, createZipReader(readerForName)];

/** The reader a file name's extension picks, or null. `NAME.meta.json` sidecars are metadata, never inputs. */
export function readerForName(name: string): Reader | null {
  const base = path.basename(name).toLowerCase();
  if (base.endsWith('.meta.json')) return null;
  const ext = path.extname(base);
  return READERS.find((r) => r.extensions.includes(ext)) ?? null;
}

export function readerForContentType(contentType: string | undefined): Reader | null {
  if (!contentType) return null;
  return READERS.find((r) => r.contentTypes.includes(contentType)) ?? null;
}

/**
 * The reader the first bytes suggest; plain text when nothing matches. The
 * bytes are read as UTF-16 when they start with its byte-order mark, so a
 * UTF-16 page or JSON Lines on standard input is recognised too.
 */
export function readerForContent(head: Uint8Array): Reader {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return READERS.find((r) => r.name === 'zip')!;
  const encoding = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : 'utf-8';
  const text = new TextDecoder(encoding).decode(head.subarray(0, 8192));
  return READERS.find((r) => r.sniff(text)) ?? textReader;
}
