import type { DocumentMeta, SourceDocument } from '../model/index.js';
import { documentId } from './document-id.js';
import { normalizeNewlines } from './decode.js';

/**
 * A SourceDocument from text already in memory (eval corpora, API bodies,
 * tests). Newlines are normalised first so the id and every span refer to the
 * text that is stored.
 */
export function sourceDocument(text: string, meta: Partial<DocumentMeta> = {}): SourceDocument {
  const normalized = normalizeNewlines(text);
  return {
    id: documentId(normalized),
    text: normalized,
    meta: {
      title: meta.title ?? null, outlet: meta.outlet ?? null, url: meta.url ?? null, published: meta.published ?? null,
      language: meta.language ?? null, source: meta.source ?? null,
      ...(meta.byline !== undefined ? { byline: meta.byline } : {}),
      ...(meta.duplicateOf !== undefined ? { duplicateOf: meta.duplicateOf } : {}),
      ...(meta.forwardedFrom !== undefined ? { forwardedFrom: meta.forwardedFrom } : {}),
    },
    diagnostics: [],
  };
}
