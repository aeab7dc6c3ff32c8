import type pg from 'pg';
import type { DocumentHeader } from '../store.js';

/**
 * Small reads for pages that list many claims or mentions, the PostgreSQL
 * twin of src/store/sqlite/document-lookups.ts: a document's header without
 * its text and analysis, one sentence by a span inside it (items_doc_kind_span),
 * and a readiness probe. Each is one indexed statement.
 */
export function createDocumentLookups(pool: Pick<pg.Pool, 'query'>): {
  getDocumentSummaries(ids: readonly string[]): Promise<DocumentHeader[]>;
  sentenceAt(docId: string, span: readonly [number, number]): Promise<{ readonly span: readonly [number, number]; readonly text: string } | null>;
  ping(): Promise<number>;
} {
  return {
    async getDocumentSummaries(ids) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      const { rows } = await pool.query<DocumentHeader>('SELECT id, title, published AS date, outlet, url FROM documents WHERE id = ANY($1::text[])', [unique]);
      // In the order asked, as SQLite answers.
      const byId = new Map(rows.map((r) => [r.id, r]));
      return unique.flatMap((id) => byId.get(id) ?? []);
    },
    async sentenceAt(docId, span) {
      // The last sentence starting at or before the span is the one that may hold it.
      const { rows } = await pool.query<{ start: number; end: number; text: string }>(
        `SELECT start, "end", text FROM items WHERE doc_seq = (SELECT seq FROM documents WHERE id = $1) AND kind = 'sentences' AND start <= $2 ORDER BY start DESC LIMIT 1`, [docId, span[0]]);
      const row = rows[0];
      return row && row.end >= span[1] ? { span: [row.start, row.end], text: row.text } : null;
    },
    async ping() {
      return Number((await pool.query<{ version: number }>('SELECT max(version) AS version FROM counterclaim_schema')).rows[0]?.version ?? 0);
    },
  };
}
