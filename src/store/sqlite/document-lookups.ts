import type Database from 'better-sqlite3';
import type { DocumentHeader } from '../store.js';

/**
 * Small reads for pages that list many claims or mentions: a document's
 * header without its text and analysis, one sentence by a span inside it,
 * and a readiness probe. Each is one indexed lookup.
 */
export function createDocumentLookups(db: Database.Database): {
  getDocumentSummaries(ids: readonly string[]): Promise<DocumentHeader[]>;
  sentenceAt(docId: string, span: readonly [number, number]): Promise<{ readonly span: readonly [number, number]; readonly text: string } | null>;
  ping(): Promise<number>;
} {
  const header = db.prepare<[string], DocumentHeader>('SELECT id, title, published AS date, outlet, url FROM documents WHERE id = ?');
  // Sentences of a document by start (items_doc_kind_span); the last starting at or before the span is the one holding it.
  const sentence = db.prepare<[string, number], { start: number; end: number; text: string }>(
    `SELECT start, end, text FROM items WHERE doc_seq = (SELECT seq FROM documents WHERE id = ?) AND kind = 'sentences' AND start <= ? ORDER BY start DESC LIMIT 1`);
  return {
    async getDocumentSummaries(ids) {
      const out: DocumentHeader[] = [];
      for (const id of [...new Set(ids)]) {
        const row = header.get(id);
        if (row) out.push(row);
      }
      return out;
    },
    async sentenceAt(docId, span) {
      const row = sentence.get(docId, span[0]);
      return row && row.end >= span[1] ? { span: [row.start, row.end], text: row.text } : null;
    },
    async ping() {
      return db.pragma('user_version', { simple: true }) as number;
    },
  };
}
