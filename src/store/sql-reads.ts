import type { Contradiction } from '../model/index.js';
import type { LedgerClaim } from '../ledger/ledger-claim.js';
import {
  clampLimit, clampOffset, datedContradictionsWhere, entitiesWhere, placeTotalsWhere, toPlace, type BrowseReader, type DatedContradiction, type EntityTotals, type PlaceRow,
} from './browse-reader.js';
import { analysisList, byTextOrder, joinDocument, readAnalysis, readSharedAnalysis } from './stored-analysis.js';
import type { DocumentHeader, DocumentSummary, DuplicateCandidate, ItemList, Store, StoredItem } from './store.js';

/**
 * The reads both backends answer with the same SQL (docs/store.md, "One set
 * of statements"): documents, items, sentences, ingested sources,
 * near-duplicate candidates and the browse reader. A backend supplies one way
 * to run a statement (`?` placeholders, in text order) and the few spellings
 * that differ; its own files keep only the connection, the saves, full-text
 * search and the schema.
 */
export interface SqlDialect {
  /** The rows of one statement (none for a statement that returns none). */
  all<T>(sql: string, params: readonly unknown[]): Promise<T[]>;
  /** ` COLLATE "C"` where the database's text order is its locale's (PostgreSQL); '' where it is byte order already. */
  readonly byteOrder: string;
  /** The text at `path` ("a.doc") of a column holding JSON text. */
  jsonText(column: string, path: string): string;
  /** The forms of place `t.id` (most used first, at most 12) as a JSON array of text. */
  readonly placeFormsSql: string;
  /** A page of one place's mentions: parameters (place id, place id, limit, offset), rows (doc_id, data). */
  readonly placeMentionsSql: string;
}

type DocumentReads = Pick<Store, 'getDocument' | 'hasDocument' | 'listDocuments' | 'countDocuments' | 'listItems' | 'getDocumentSummaries' | 'sentenceAt'
  | 'getIngestedSource' | 'markSourceIngested' | 'nearDuplicateCandidates'>;

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
const seqOf = (id: string): string => `(SELECT seq FROM documents WHERE id = ${id})`;

/** A document's items, headers, sentences and the ingest bookkeeping, in SQL both dialects run. */
export function createDocumentReads(db: SqlDialect): DocumentReads {
  const placeOrder = `i.start, i."end" DESC, i.id${db.byteOrder}`;
  /** A document's place items' JSON and claim items, in list order (none read where the analysis counts none). */
  const listsOf = async (seq: number | string, rest: Record<string, unknown>): Promise<{ places: unknown[]; claims: unknown[] }> => ({
    places: rest.places === 0 ? [] : (await db.all<{ data: string }>('SELECT data FROM place_items WHERE doc_seq = ? ORDER BY ord', [seq])).map((r) => JSON.parse(r.data)),
    claims: rest.claims === 0 ? [] : (await db.all<{ data: string }>('SELECT data FROM ledger_claims WHERE doc_seq = ? ORDER BY ord', [seq]))
      .map((r) => (JSON.parse(r.data) as { claim: unknown }).claim),
  });
  /** One document's list `kind` (not places), in text order. */
  const listOf = async (kind: Exclude<ItemList, 'places'>, seq: number | string, analysis: Uint8Array): Promise<unknown[]> => {
    if (kind === 'claims') return [...(await listsOf(seq, { claims: 1, places: 0 })).claims as Array<{ id: string }>].sort(byTextOrder);
    // the shared analysis is read-only: the items handed out are copies
    return (structuredClone(analysisList(readSharedAnalysis(analysis), kind)) as Array<{ id: string }>).sort(byTextOrder);
  };
  return {
    async getDocument(id) {
      const row = (await db.all<{ seq: number | string; text: string; analysis: Uint8Array }>('SELECT seq, text, analysis FROM documents WHERE id = ?', [id]))[0];
      if (!row) return null;
      const rest = readAnalysis(row.analysis);
      const { places, claims } = await listsOf(row.seq, rest);
      return joinDocument(rest, row.text, places, claims);
    },
    hasDocument: async (id) => (await db.all('SELECT 1 AS found FROM documents WHERE id = ?', [id])).length === 1,
    listDocuments: async (query = {}) => db.all<DocumentSummary>('SELECT id, title, outlet, url, published, language, source FROM documents ORDER BY seq LIMIT ? OFFSET ?',
      [Math.max(0, Math.min(query.limit ?? 100, 10_000)), Math.max(0, query.offset ?? 0)]),
    countDocuments: async () => Number((await db.all<{ n: number | string }>('SELECT count(*) AS n FROM documents', []))[0]!.n),
    async listItems<K extends ItemList>(kind: K, query: { readonly docId?: string; readonly limit?: number; readonly offset?: number } = {}): Promise<Array<StoredItem<K>>> {
      const limit = Math.max(0, Math.min(query.limit ?? 1000, 100_000));
      const offset = Math.max(0, query.offset ?? 0);
      const out: Array<StoredItem<K>> = [];
      const as = (docId: string, item: unknown): StoredItem<K> => ({ docId, kind, item: item as StoredItem<K>['item'] });
      if (kind === 'places') {
        // All documents: walk them in seq order, each one's place items by (doc_seq, start, …): no sort (SQLite's CROSS JOIN
        // fixes that loop order; its planner, left to choose, sorted every item).
        const rows = query.docId !== undefined
          ? await db.all<{ doc_id: string; data: string }>(`SELECT d.id AS doc_id, i.data FROM documents d JOIN place_items i ON i.doc_seq = d.seq
              WHERE d.id = ? ORDER BY ${placeOrder} LIMIT ? OFFSET ?`, [query.docId, limit, offset])
          : await db.all<{ doc_id: string; data: string }>(`SELECT d.id AS doc_id, i.data FROM documents d CROSS JOIN place_items i
              WHERE i.doc_seq = d.seq ORDER BY d.seq, ${placeOrder} LIMIT ? OFFSET ?`, [limit, offset]);
        return rows.map((row) => as(row.doc_id, JSON.parse(row.data)));
      }
      // Other lists are stored a document at a time: documents are read in seq order, a page of them at a time, until the page is full.
      let skip = offset;
      const pageOf = async (after: number | string): Promise<Array<{ seq: number | string; id: string; analysis: Uint8Array }>> => (query.docId !== undefined
        ? db.all('SELECT seq, id, analysis FROM documents WHERE id = ? AND seq > ?', [query.docId, after])
        : db.all('SELECT seq, id, analysis FROM documents WHERE seq > ? ORDER BY seq LIMIT 64', [after]));
      for (let docs = await pageOf(0); docs.length > 0 && out.length < limit; docs = await pageOf(docs.at(-1)!.seq)) {
        for (const doc of docs) {
          const list = await listOf(kind as Exclude<ItemList, 'places'>, doc.seq, doc.analysis);
          const taken = list.slice(skip, skip + limit - out.length);
          skip = Math.max(0, skip - list.length);
          for (const item of taken) out.push(as(doc.id, item));
          if (out.length >= limit) break;
        }
      }
      return out;
    },
    async getDocumentSummaries(ids) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      const rows = await db.all<DocumentHeader>(`SELECT id, title, published AS date, outlet, url FROM documents WHERE id IN (${marks(unique.length)})`, unique);
      // In the order asked.
      const byId = new Map(rows.map((r) => [r.id, r]));
      return unique.flatMap((id) => byId.get(id) ?? []);
    },
    async sentenceAt(docId, span) {
      // The last sentence starting at or before the span is the one that may hold it.
      const row = (await db.all<{ analysis: Uint8Array }>('SELECT analysis FROM documents WHERE id = ?', [docId]))[0];
      if (!row) return null;
      let found: { span?: readonly [number, number]; text?: string } | undefined;
      for (const s of analysisList(readSharedAnalysis(row.analysis), 'sentences') as Array<{ span?: readonly [number, number]; text?: string }>) {
        const start = s.span?.[0] ?? 0;
        if (start <= span[0] && (found === undefined || start >= (found.span?.[0] ?? 0))) found = s;
      }
      const [start, end] = found?.span ?? [0, 0];
      return found && end >= span[1] ? { span: [start, end], text: found.text ?? '' } : null;
    },
    getIngestedSource: async (source) => (await db.all<{ fingerprint: string; documents: number }>(
      'SELECT fingerprint, documents FROM ingest_sources WHERE source = ?', [source]))[0] ?? null,
    async markSourceIngested(source, done) {
      await db.all(`INSERT INTO ingest_sources (source, fingerprint, documents) VALUES (?, ?, ?)
        ON CONFLICT (source) DO UPDATE SET fingerprint = excluded.fingerprint, documents = excluded.documents`, [source, done.fingerprint, done.documents]);
    },
    async nearDuplicateCandidates(bandKeys) {
      const keys = [...new Set(bandKeys)];
      if (keys.length === 0) return [];
      const rows = await db.all<{ id: string; signature: Buffer; duplicate_of: string | null }>(`SELECT d.id, s.signature, d.duplicate_of
        FROM documents d JOIN minhash_signatures s ON s.seq = d.seq WHERE d.seq IN (SELECT seq FROM minhash_bands WHERE key IN (${marks(keys.length)})) ORDER BY d.seq`, keys);
      return rows.map((row): DuplicateCandidate => ({
        id: row.id, signature: new Uint8Array(row.signature.buffer, row.signature.byteOffset, row.signature.byteLength), duplicateOf: row.duplicate_of,
      }));
    },
  };
}

/** The browse reader over the place totals, the entities and the dated contradictions; the same SQL in both dialects. */
export function createBrowseReader(db: SqlDialect): BrowseReader {
  const bind = (params: unknown[]) => (v: string | number): string => (params.push(v), '?');
  const placeColumns = `t.id, t.name, t.geoname_id, t.lat, t.lon, t.country, t.admin1, t.mentions, t.documents, ${db.placeFormsSql} AS forms`;
  const count = async (sql: string, params: readonly unknown[]): Promise<number> => Number((await db.all<{ n: number | string }>(sql, params))[0]!.n);
  const claimNamed = (side: 'a' | 'b'): string => `(SELECT data FROM ledger_claims WHERE doc_seq = ${seqOf(db.jsonText('c.data', `${side}.doc`))}
    AND claim_id = ${db.jsonText('c.data', `${side}.claim`)})`;
  return {
    async listPlaces(query = {}) {
      const params: unknown[] = [];
      const filter = placeTotalsWhere(query, bind(params));
      const total = await count(`SELECT count(*) AS n FROM place_totals t ${filter}`, params);
      const rows = await db.all<PlaceRow>(`SELECT ${placeColumns} FROM place_totals t ${filter} ORDER BY t.mentions DESC, t.name, t.id LIMIT ? OFFSET ?`,
        [...params, clampLimit(query.limit, 500), clampOffset(query.offset)]);
      return { places: rows.map(toPlace), total };
    },
    async getPlace(id) {
      const row = (await db.all<PlaceRow>(`SELECT ${placeColumns} FROM place_totals t WHERE t.id = ?`, [id]))[0];
      return row ? toPlace(row) : null;
    },
    placeMentions: async (id, query = {}) => (await db.all<{ doc_id: string; data: string }>(db.placeMentionsSql, [id, id, clampLimit(query.limit, 100), clampOffset(query.offset)]))
      .map((r): StoredItem<'places'> => ({ docId: r.doc_id, kind: 'places', item: JSON.parse(r.data) as StoredItem<'places'>['item'] })),
    async listEntities(query = {}) {
      const params: unknown[] = [];
      const filter = entitiesWhere(query, bind(params));
      const total = await count(`SELECT count(*) AS n FROM ledger_entities ${filter}`, params);
      const entities = await db.all<EntityTotals>(`SELECT key, name, kind, side FROM ledger_entities ${filter} ORDER BY name, key LIMIT ? OFFSET ?`,
        [...params, clampLimit(query.limit, 100), clampOffset(query.offset)]);
      return { entities, total };
    },
    async listContradictions(query = {}) {
      const params: unknown[] = [];
      const filter = datedContradictionsWhere(query, bind(params));
      const total = await count(`SELECT count(*) AS n FROM contradiction_dates d ${filter}`, params);
      // The page first (from the date index), then its claims: two key lookups per row shown.
      const rows = await db.all<{ data: string; date: string | null; a: string | null; b: string | null }>(`SELECT c.data, p.date, ${claimNamed('a')} AS a, ${claimNamed('b')} AS b
        FROM (SELECT d.scope, d.id, d.date FROM contradiction_dates d ${filter} ORDER BY d.date DESC NULLS LAST, d.scope, d.id LIMIT ? OFFSET ?) p
        JOIN ledger_contradictions c ON c.scope = p.scope AND c.id = p.id
        ORDER BY p.date DESC NULLS LAST, p.scope, p.id`, [...params, clampLimit(query.limit, 50), clampOffset(query.offset)]);
      const contradictions = rows.map((r): DatedContradiction => ({
        contradiction: JSON.parse(r.data) as Contradiction, date: r.date,
        a: r.a ? JSON.parse(r.a) as LedgerClaim : null, b: r.b ? JSON.parse(r.b) as LedgerClaim : null,
      }));
      return { contradictions, total };
    },
  };
}
