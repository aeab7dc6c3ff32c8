import Database from 'better-sqlite3';
import type { LedgerDocument } from '../../report/ledger-json.js';
import {
  SearchQueryError, StoreError, type DocumentSummary, type IngestExtras, type SaveOutcome, type SearchHit, type SearchQuery, type Store,
} from '../store.js';
import { SQLITE_OLDEST_UPGRADABLE, SQLITE_SCHEMA_SQL, SQLITE_SCHEMA_VERSION, upgrade } from './migrations.js';
import { createLedgerIndex } from './ledger-queries.js';
import { createBrowseReader, createDocumentReads, type SqlDialect } from '../sql-reads.js';
import { storedDocumentOf } from '../stored-analysis.js';
import { highlightsOf, MARK_END, MARK_START } from '../search-snippet.js';
import { createPendingRecompute } from '../../ledger/upkeep.js';

/** A page of a place's mentions: its documents in seq order (place_doc_mentions' key), each one's place items in text order (place_items' key). */
export const PLACE_MENTIONS_SQL = `SELECT (SELECT id FROM documents WHERE seq = p.doc_seq) AS doc_id, i.data FROM place_doc_mentions p
  CROSS JOIN place_items i ON i.doc_seq = p.doc_seq
  WHERE p.place_id = ? AND i.place_id = ? ORDER BY p.doc_seq, i.start, i."end" DESC, i.id LIMIT ? OFFSET ?`;

/**
 * The shared reads' dialect (src/store/sql-reads.ts) on a connection: each SQL text prepared once.
 * CROSS JOIN fixes SQLite's join order (it never reorders one): without statistics its planner
 * started a place's mentions from every place item in the store, and sorted every item for listItems.
 */
export function sqliteDialect(db: Database.Database): SqlDialect {
  const statements = new Map<string, Database.Statement>();
  return {
    async all<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, statement = db.prepare(sql));
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    },
    byteOrder: '',
    jsonText: (column, at) => `json_extract(${column}, '$.${at}')`,
    placeFormsSql: '(SELECT json_group_array(form) FROM (SELECT form FROM place_forms f WHERE f.place_id = t.id ORDER BY n DESC, form LIMIT 12))',
    placeMentionsSql: PLACE_MENTIONS_SQL,
  };
}

export function openSqliteStore(file: string): Store {
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (error) {
    throw new StoreError(`cannot open SQLite database ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // Savepoints (a save inside a batch, a trigger's statement journal) keep their undo pages in
    // memory, not in a temporary file written page by page; and a page cache big enough for
    // the interior pages of the place item and ledger trees at 100,000 documents (64 MiB); the WAL
    // copied back every 10,000 pages rather than 1,000, so a page written by several
    // commits in between is copied once (measured: ≈ 1 ms less per ingested document).
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -65536');
    db.pragma('wal_autocheckpoint = 10000');
    migrate(db, file);
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError(`${file} is not a usable counterclaim database: ${(error as Error).message}`, { cause: error });
  }

  const selectHash = db.prepare<[string], { seq: number; analysis_hash: string }>('SELECT seq, analysis_hash FROM documents WHERE id = ?');
  const insertDoc = db.prepare(
    `INSERT INTO documents (id, title, outlet, url, published, language, source, text, analysis, analysis_hash)
     VALUES (@id, @title, @outlet, @url, @published, @language, @source, @text, @analysis, @analysis_hash) RETURNING seq`,
  );
  const updateDoc = db.prepare(
    `UPDATE documents SET title=@title, outlet=@outlet, url=@url, published=@published, language=@language,
     source=@source, analysis=@analysis, analysis_hash=@analysis_hash WHERE id=@id`,
  );
  const deletePlaces = db.prepare<[number]>('DELETE FROM place_items WHERE doc_seq = ?');
  const insertPlace = db.prepare('INSERT INTO place_items (doc_seq, start, "end", id, ord, place_id, text, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');

  const updateExtras = db.prepare(
    `UPDATE documents SET analyzed=@analyzed, byline=@byline, forwarded_from=@forwarded_from, duplicate_of=@duplicate_of,
     duplicate_similarity=@duplicate_similarity WHERE id=@id RETURNING seq`,
  );
  const upsertSignature = db.prepare('INSERT OR REPLACE INTO minhash_signatures (seq, signature) VALUES (?, ?)');
  const insertBand = db.prepare('INSERT OR IGNORE INTO minhash_bands (key, seq) VALUES (?, ?)');
  const deleteBands = db.prepare<[number]>('DELETE FROM minhash_bands WHERE seq = ?');

  const selectLink = db.prepare<[string], { duplicate_of: string | null; duplicate_similarity: number | null }>('SELECT duplicate_of, duplicate_similarity FROM documents WHERE id = ?');
  /**
   * The near-duplicate link to store, decided inside the write transaction (SQLite lets one
   * writer in at a time, so this sees every other run's committed links; issue 19: two ingests
   * of one file into one database linked documents into cycles, A a copy of B and B of A):
   * a document already stored keeps the link it was stored with (the first copy stays the
   * first copy), and a link to a copy goes to that copy's first copy, never back to itself.
   */
  const linkToStore = (doc: LedgerDocument): { id: string; similarity: number } | null => {
    const stored = selectLink.get(doc.id);
    if (stored) return stored.duplicate_of === null ? null : { id: stored.duplicate_of, similarity: stored.duplicate_similarity ?? 0 };
    const link = doc.duplicateOf ?? null;
    if (!link || link.id === doc.id) return null;
    const target = selectLink.get(link.id);
    if (target?.duplicate_of) return target.duplicate_of === doc.id ? null : { id: target.duplicate_of, similarity: link.similarity };
    return link;
  };

  // Inside a batch (beginBatch … commitBatch) a save's ledger recompute waits for the commit: each
  // proposition-month and place a batch touches is recomputed once, not once per save that touches it.
  let pending: ReturnType<typeof createPendingRecompute> | null = null;
  const saveWithExtras = db.transaction((doc: LedgerDocument, extras: IngestExtras | null): SaveOutcome => {
    const link = linkToStore(doc);
    const outcome = save(link === doc.duplicateOf ? doc : { ...doc, duplicateOf: link });
    const analyzed = extras ? extras.analyzed : !doc.diagnostics.some((d) => d.code === 'input.language-unsupported');
    const row = updateExtras.get({
      id: doc.id, analyzed: analyzed ? 1 : 0, byline: extras?.byline ?? null, forwarded_from: extras?.forwardedFrom ?? null,
      duplicate_of: link?.id ?? null, duplicate_similarity: link?.similarity ?? null,
    }) as { seq: number };
    if (extras?.minhash) {
      upsertSignature.run(row.seq, extras.minhash.signature);
      // A new document has no bands yet.
      if (outcome !== 'inserted') deleteBands.run(row.seq);
      for (const key of extras.minhash.bandKeys) insertBand.run(key, row.seq);
    }
    return outcome;
  });

  const ledger = createLedgerIndex(db);
  const save = db.transaction((doc: LedgerDocument): SaveOutcome => {
    const { text } = doc;
    const { analysis, hash, places } = storedDocumentOf(doc);
    const existing = selectHash.get(doc.id);
    if (existing?.analysis_hash === hash) return 'unchanged';
    const row = {
      id: doc.id, title: doc.title, outlet: doc.outlet, url: doc.url, published: doc.published,
      language: doc.language, source: doc.source, text, analysis, analysis_hash: hash,
    };
    let seq: number;
    if (existing) {
      updateDoc.run(row);
      deletePlaces.run(seq = existing.seq);
    } else {
      seq = (insertDoc.get(row) as { seq: number }).seq;
    }
    for (const p of places) insertPlace.run(seq, p.start, p.end, p.id, p.ord, p.placeId, p.text, p.data);
    ledger.onSave(doc, pending ?? undefined);
    return existing ? 'updated' : 'inserted';
  });
  /** A save's touched sets join the batch's only once its savepoint has committed (a failed save touches nothing). */
  const saveInBatch = (doc: LedgerDocument, extras: IngestExtras | null): SaveOutcome => {
    if (!pending) return saveWithExtras(doc, extras);
    const own = createPendingRecompute();
    const batch = pending;
    pending = own;
    try {
      const outcome = saveWithExtras(doc, extras);
      const taken = own.take();
      if (taken) batch.add(taken.touched, taken.places);
      return outcome;
    } finally {
      pending = batch;
    }
  };
  const recompute = db.transaction(() => {
    if (pending) ledger.recompute(pending);
  });
  /**
   * Ends the batch's transaction: its recompute, then COMMIT. If either fails the whole batch is rolled
   * back and the error thrown: the connection is never left inside a transaction (holding the write lock).
   */
  const commitOpenBatch = (): void => {
    try {
      if (!db.inTransaction) return;
      try {
        recompute();
        db.exec('COMMIT');
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      pending = null;
    }
  };

  const dialect = sqliteDialect(db);
  return {
    kind: 'sqlite',
    ledger: { listClaims: ledger.listClaims, listContradictions: ledger.listContradictions, timeline: ledger.timeline, listPlaces: ledger.listPlaces },
    browse: createBrowseReader(dialect),
    ...createDocumentReads(dialect),
    ping: async () => db.pragma('user_version', { simple: true }) as number,
    async saveDocument(doc) {
      return saveInBatch(doc, null);
    },
    async saveIngested(doc, extras) {
      return saveInBatch(doc, extras);
    },
    // A batch is one open transaction on this connection; each save inside it is a savepoint
    // (better-sqlite3 nests transactions that way), so a failing save is rolled back alone.
    // Its ledger recompute runs once, before the commit.
    async beginBatch() {
      if (!db.inTransaction) {
        db.exec('BEGIN IMMEDIATE');
        pending = createPendingRecompute();
      }
    },
    async commitBatch() {
      commitOpenBatch();
    },
    async searchDocuments(query) {
      return search(db, query);
    },
    async close() {
      try {
        commitOpenBatch();
      } finally {
        db.close();
      }
    },
  };
}

function search(db: Database.Database, query: SearchQuery): SearchHit[] {
  const where = ['documents_fts MATCH @text'];
  const params: Record<string, string | number> = { text: query.text };
  if (query.outlet !== undefined) {
    where.push('d.outlet = @outlet COLLATE NOCASE');
    params.outlet = query.outlet;
  }
  if (query.language !== undefined) {
    where.push('d.language = @language');
    params.language = query.language;
  }
  if (query.since !== undefined) {
    where.push('d.published >= @since');
    params.since = query.since;
  }
  if (query.until !== undefined) {
    // A date includes its whole day: compare only as many characters as the bound has.
    where.push('substr(d.published, 1, length(@until)) <= @until');
    params.until = query.until;
  }
  params.limit = Math.max(0, Math.min(query.limit ?? 20, 1000));
  params.offset = Math.max(0, query.offset ?? 0);
  const sql = `
    SELECT d.id, d.title, d.outlet, d.url, d.published, d.language, d.source, d.duplicate_of, d.analyzed,
      snippet(documents_fts, 1, '${MARK_START}', '${MARK_END}', '…', 24) AS snippet
    FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
    WHERE ${where.join(' AND ')}
    ORDER BY bm25(documents_fts, 4.0, 1.0), d.seq
    LIMIT @limit OFFSET @offset`;
  type Row = DocumentSummary & { duplicate_of: string | null; analyzed: number; snippet: string };
  let rows: Row[];
  try {
    rows = db.prepare<Record<string, string | number>, Row>(sql).all(params);
  } catch (error) {
    const message = (error as Error).message;
    if (/fts5|syntax error|unterminated|no such column|unknown special query/i.test(message)) {
      throw new SearchQueryError(`cannot understand the search ${JSON.stringify(query.text)}: ${message.replace(/^fts5: /, '')}; put words in double quotes to search for them as they are`);
    }
    throw error;
  }
  return rows.map(({ duplicate_of, analyzed, snippet, ...summary }) => ({ ...summary, duplicateOf: duplicate_of, analyzed: analyzed === 1, ...highlightsOf(snippet) }));
}

function migrate(db: Database.Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current === SQLITE_SCHEMA_VERSION) return;
  if (current > SQLITE_SCHEMA_VERSION) {
    throw new StoreError(
      `${file} has schema version ${current}, newer than this counterclaim understands (${SQLITE_SCHEMA_VERSION}); upgrade counterclaim or use another database`,
    );
  }
  // New: no store tables yet (the desk's tables may be there: it keeps its own version).
  const empty = current === 0 && db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'documents'").get() === undefined;
  const step = empty ? (d: Database.Database) => d.exec(SQLITE_SCHEMA_SQL) : upgrade(current);
  if (step === null) {
    throw new StoreError(
      `${file} has schema version ${current}, older than this counterclaim upgrades in place (${SQLITE_OLDEST_UPGRADABLE} and later); `
      + 'upgrade it by opening it once with an earlier counterclaim release, or ingest its sources into a new database',
    );
  }
  db.transaction(() => {
    step(db);
    db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION}`);
  })();
}
