/**
 * The desk's tables in a SQLite database, beside the main store's (which numbers its own
 * migrations with `PRAGMA user_version`; the desk keeps its version in `desk_schema` so the
 * two never step on each other). Never edit a shipped migration: add the next number.
 */
export const DESK_SQLITE_MIGRATIONS: ReadonlyArray<{ readonly version: number; readonly sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE desk_users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('reader', 'analyst', 'admin')),
        token_id TEXT NOT NULL UNIQUE,
        token_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      );
      CREATE TABLE desk_audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target_kind TEXT NOT NULL,
        target_key TEXT NOT NULL,
        before TEXT,
        after TEXT,
        reason TEXT
      );
      CREATE INDEX desk_audit_at ON desk_audit(at);
      CREATE INDEX desk_audit_target ON desk_audit(target_kind, target_key);
      -- Append-only: an audit record or a review, once written, is never changed or removed.
      CREATE TRIGGER desk_audit_no_update BEFORE UPDATE ON desk_audit BEGIN SELECT RAISE(ABORT, 'desk_audit is append-only'); END;
      CREATE TRIGGER desk_audit_no_delete BEFORE DELETE ON desk_audit BEGIN SELECT RAISE(ABORT, 'desk_audit is append-only'); END;
      CREATE TABLE desk_reviews (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        target_kind TEXT NOT NULL,
        target_key TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('confirm', 'reject', 'correct')),
        corrections TEXT NOT NULL,
        reason TEXT NOT NULL,
        audit_seq INTEGER NOT NULL REFERENCES desk_audit(seq)
      );
      CREATE INDEX desk_reviews_target ON desk_reviews(target_kind, target_key);
      CREATE TRIGGER desk_reviews_no_update BEFORE UPDATE ON desk_reviews BEGIN SELECT RAISE(ABORT, 'desk_reviews is append-only'); END;
      CREATE TRIGGER desk_reviews_no_delete BEFORE DELETE ON desk_reviews BEGIN SELECT RAISE(ABORT, 'desk_reviews is append-only'); END;
      CREATE TABLE desk_sources (
        id TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE TABLE desk_watchlists (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        owner TEXT NOT NULL,
        places TEXT NOT NULL,
        actors TEXT NOT NULL,
        sources TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE desk_changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        place TEXT,
        data TEXT NOT NULL,
        claims TEXT NOT NULL,
        UNIQUE (kind, key)
      );
      CREATE INDEX desk_changes_at ON desk_changes(at);
      CREATE TABLE desk_pending_places (
        place TEXT PRIMARY KEY,
        at TEXT NOT NULL
      );
    `,
  },
];
