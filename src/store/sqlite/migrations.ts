/**
 * Numbered schema migrations. Each runs in its own transaction together with
 * the bump of `PRAGMA user_version`, so a database is never left half-migrated.
 * Never edit a migration that has shipped: add the next number.
 */
export const SQLITE_MIGRATIONS: ReadonlyArray<{ readonly version: number; readonly sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE documents (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        title TEXT, outlet TEXT, url TEXT, published TEXT, language TEXT, source TEXT,
        text TEXT NOT NULL,
        analysis TEXT NOT NULL,
        analysis_hash TEXT NOT NULL
      );
      CREATE INDEX documents_published ON documents(published);
      CREATE TABLE items (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        kind TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (doc_id, id)
      ) WITHOUT ROWID;
      CREATE INDEX items_kind ON items(kind);
    `,
  },
];
