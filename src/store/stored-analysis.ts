import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { placeIdOf } from '../model/place-key.js';
import type { LedgerDocument } from '../report/ledger-json.js';
import { compareBytes } from '../ledger/upkeep.js';
import type { ItemList } from './store.js';

/**
 * How both backends store a document's analysis (schema 15, docs/store.md):
 *
 * - its place mentions one row each in `place_items`, with the place id
 *   computed here (`placeIdOf`): they are read across documents (a place's
 *   mentions, the place totals their triggers keep);
 * - its claims once, in `ledger_claims` (the ledger claim's JSON holds the
 *   claim item; `ord` is its place in the list);
 * - everything else (sentences, times, entities, attributions, …, the
 *   diagnostics) as one brotli-compressed JSON value in `documents.analysis`,
 *   with the length of `places` and `claims` in their places: these lists are
 *   read a document at a time, and one value per document is written far more
 *   cheaply than a row (and its index entries) per item.
 */

/** A place mention as a `place_items` row. */
export interface PlaceItemRecord {
  readonly ord: number;
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly placeId: string;
  readonly data: string;
}

export interface StoredDocument {
  /** The analysis without text, places and claims (their lengths instead), as brotli-compressed JSON. */
  readonly analysis: Buffer;
  /** sha256 of the analysis, the places and the claims: equal hashes, an unchanged save. */
  readonly hash: string;
  readonly places: readonly PlaceItemRecord[];
}

/** Brotli's fastest quality: a document's 20–30 KB of JSON in about 0.1 ms, to a fifth of its size. */
const COMPRESS = { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } };

export function storedDocumentOf(doc: LedgerDocument): StoredDocument {
  const { text: _text, ...rest } = doc;
  const hasher = createHash('sha256');
  const places = doc.places.map((p, ord): PlaceItemRecord => {
    const data = JSON.stringify(p);
    hasher.update(data).update('\n');
    return { ord, id: p.id, start: p.span[0], end: p.span[1], text: p.text, placeId: placeIdOf(p), data };
  });
  // The two lists kept elsewhere keep their places in the key order (an existing key is overwritten where it is).
  const json = JSON.stringify({ ...rest, places: doc.places.length, claims: doc.claims.length });
  hasher.update(JSON.stringify(doc.claims)).update('\n').update(json);
  return { analysis: brotliCompressSync(json, COMPRESS), hash: hasher.digest('hex'), places };
}

/** The analysis as stored (the JSON of `storedDocumentOf`), parsed. */
export function readAnalysis(analysis: Uint8Array): Record<string, unknown> {
  return JSON.parse(brotliDecompressSync(analysis).toString('utf8')) as Record<string, unknown>;
}

/** Parsed analyses kept for the reads that take one list of them (a place's mentions ask a sentence of each document). */
const SHARED_ANALYSES = 64;
const shared = new Map<string, Record<string, unknown>>();

/**
 * The analysis parsed, shared between reads: keyed by the stored bytes' digest, so a document saved
 * again is another key and nothing needs to be invalidated. READ-ONLY: callers copy what they hand out.
 * Hashing the compressed bytes costs a small part of decompressing and parsing them.
 */
export function readSharedAnalysis(analysis: Uint8Array): Readonly<Record<string, unknown>> {
  const key = createHash('sha1').update(analysis).digest('base64');
  const hit = shared.get(key);
  if (hit) {
    shared.delete(key);
    shared.set(key, hit);
    return hit;
  }
  const parsed = readAnalysis(analysis);
  shared.set(key, parsed);
  if (shared.size > SHARED_ANALYSES) shared.delete(shared.keys().next().value!);
  return parsed;
}

/** The document back from its stored analysis, text, place items' JSON and claim items (in list order). */
export function joinDocument(rest: Record<string, unknown>, text: string, places: readonly unknown[], claims: readonly unknown[]): LedgerDocument {
  // `text` goes back in its place in the key order of LedgerDocument.
  const { id, title, outlet, url, published, language, source, duplicateOf, ...lists } = { ...rest, places, claims } as unknown as Omit<LedgerDocument, 'text'>;
  return { id, title, outlet, url, published, language, source, duplicateOf, text, ...lists };
}

interface Spanned { readonly id: string; readonly span?: readonly [number, number] }

/** Items in the order lists are read across documents: by start, longer first, then id (byte order), as the store's indexes ordered rows. */
export function byTextOrder(a: Spanned, b: Spanned): number {
  const [as, ae] = a.span ?? [0, 0];
  const [bs, be] = b.span ?? [0, 0];
  return as - bs || be - ae || compareBytes(a.id, b.id);
}

/** The list `kind` of a stored analysis (not places or claims: those are stored apart). */
export function analysisList(rest: Record<string, unknown>, kind: Exclude<ItemList, 'places' | 'claims'>): Spanned[] {
  const list = rest[kind];
  return Array.isArray(list) ? list as Spanned[] : [];
}
