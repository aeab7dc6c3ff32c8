import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { LedgerDocument } from '../../report/ledger-json.js';
import { StoreError, type DocumentSummary, type ListDocumentsQuery, type ListItemsQuery, type SaveOutcome, type Store, type StoredItem } from '../store.js';
import { SQLITE_MIGRATIONS } from './migrations.js';

/** The lists of a document stored one row per item, so they can be queried across documents. */
const ITEM_LISTS = ['sentences', 'times', 'places', 'entities', 'actors', 'attributions', 'quantities', 'events', 'claims'] as const;

interface ItemRow { id: string; span?: readonly [number, number]; text?: string; name?: string }

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
    migrate(db, file);
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError(`${file} is not a usable counterclaim database: ${(error as Error).message}`, { cause: error });
  }

  const selectHash = db.prepare<[string], { analysis_hash: string }>('SELECT analysis_hash FROM documents WHERE id = ?');
  const insertDoc = db.prepare(
    `INSERT INTO documents (id, title, outlet, url, published, language, source, text, analysis, analysis_hash)
     VALUES (@id, @title, @outlet, @url, @published, @language, @source, @text, @analysis, @analysis_hash)`,
  );
  const updateDoc = db.prepare(
    `UPDATE documents SET title=@title, outlet=@outlet, url=@url, published=@published, language=@language,
     source=@source, analysis=@analysis, analysis_hash=@analysis_hash WHERE id=@id`,
  );
  const deleteItems = db.prepare<[string]>('DELETE FROM items WHERE doc_id = ?');
  const insertItem = db.prepare('INSERT INTO items (doc_id, id, kind, start, end, text, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const selectDoc = db.prepare<[string], { text: string; analysis: string }>('SELECT text, analysis FROM documents WHERE id = ?');

  const save = db.transaction((doc: LedgerDocument): SaveOutcome => {
    const { text, ...rest } = doc;
    const analysis = JSON.stringify(rest);
    const hash = createHash('sha256').update(analysis).digest('hex');
    const existing = selectHash.get(doc.id);
    if (existing?.analysis_hash === hash) return 'unchanged';
    const row = {
      id: doc.id, title: doc.title, outlet: doc.outlet, url: doc.url, published: doc.published,
      language: doc.language, source: doc.source, text, analysis, analysis_hash: hash,
    };
    if (existing) {
      updateDoc.run(row);
      deleteItems.run(doc.id);
    } else {
      insertDoc.run(row);
    }
    for (const list of ITEM_LISTS) {
      for (const item of doc[list] as readonly ItemRow[]) {
        const [start, end] = item.span ?? [0, 0];
        insertItem.run(doc.id, item.id, list, start, end, item.text ?? item.name ?? '', JSON.stringify(item));
      }
    }
    return existing ? 'updated' : 'inserted';
  });

  return {
    kind: 'sqlite',
    async saveDocument(doc) {
      return save(doc);
    },
    async getDocument(id) {
      const row = selectDoc.get(id);
      if (!row) return null;
      const rest = JSON.parse(row.analysis) as Omit<LedgerDocument, 'text'>;
      return rebuild(rest, row.text);
    },
    async hasDocument(id) {
      return selectHash.get(id) !== undefined;
    },
    async listDocuments(query: ListDocumentsQuery = {}) {
      const limit = Math.max(0, Math.min(query.limit ?? 100, 10_000));
      const offset = Math.max(0, query.offset ?? 0);
      return db
        .prepare<[number, number], DocumentSummary>(
          'SELECT id, title, outlet, url, published, language, source FROM documents ORDER BY seq LIMIT ? OFFSET ?',
        )
        .all(limit, offset);
    },
    async countDocuments() {
      return (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    },
    async listItems(kind: string, query: ListItemsQuery = {}) {
      const limit = Math.max(0, Math.min(query.limit ?? 1000, 100_000));
      const offset = Math.max(0, query.offset ?? 0);
      const rows = query.docId !== undefined
        ? db.prepare<[string, string, number, number], { doc_id: string; data: string }>(
          'SELECT i.doc_id, i.data FROM items i WHERE i.kind = ? AND i.doc_id = ? ORDER BY i.start, i.end DESC, i.id LIMIT ? OFFSET ?',
        ).all(kind, query.docId, limit, offset)
        : db.prepare<[string, number, number], { doc_id: string; data: string }>(
          `SELECT i.doc_id, i.data FROM items i JOIN documents d ON d.id = i.doc_id
           WHERE i.kind = ? ORDER BY d.seq, i.start, i.end DESC, i.id LIMIT ? OFFSET ?`,
        ).all(kind, limit, offset);
      return rows.map((row): StoredItem => ({ docId: row.doc_id, kind, item: JSON.parse(row.data) as StoredItem['item'] }));
    },
    async close() {
      db.close();
    },
  };
}

/** Puts `text` back in its place in the key order of LedgerDocument. */
function rebuild(rest: Omit<LedgerDocument, 'text'>, text: string): LedgerDocument {
  const { id, title, outlet, url, published, language, source, duplicateOf, ...lists } = rest;
  return { id, title, outlet, url, published, language, source, duplicateOf, text, ...lists };
}

function migrate(db: Database.Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = SQLITE_MIGRATIONS[SQLITE_MIGRATIONS.length - 1]!.version;
  if (current > latest) {
    throw new StoreError(
      `${file} has schema version ${current}, newer than this counterclaim understands (${latest}); upgrade counterclaim or use another database`,
    );
  }
  for (const migration of SQLITE_MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
