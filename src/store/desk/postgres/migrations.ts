/**
 * The desk's tables in a PostgreSQL database, beside the main store's (which keeps its
 * version in `counterclaim_schema`; the desk keeps its own in `desk_schema`). The same
 * tables as sqlite/migrations.ts. Never edit a shipped migration: add the next number.
 */
export const DESK_POSTGRES_MIGRATIONS: ReadonlyArray<{ readonly version: number; readonly sql: string }> = [
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
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
      CREATE FUNCTION desk_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;
      CREATE TRIGGER desk_audit_append_only BEFORE UPDATE OR DELETE ON desk_audit FOR EACH ROW EXECUTE FUNCTION desk_append_only();
      CREATE TRIGGER desk_audit_no_truncate BEFORE TRUNCATE ON desk_audit FOR EACH STATEMENT EXECUTE FUNCTION desk_append_only();
      CREATE TABLE desk_reviews (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        target_kind TEXT NOT NULL,
        target_key TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('confirm', 'reject', 'correct')),
        corrections TEXT NOT NULL,
        reason TEXT NOT NULL,
        audit_seq BIGINT NOT NULL REFERENCES desk_audit(seq)
      );
      CREATE INDEX desk_reviews_target ON desk_reviews(target_kind, target_key);
      CREATE TRIGGER desk_reviews_append_only BEFORE UPDATE OR DELETE ON desk_reviews FOR EACH ROW EXECUTE FUNCTION desk_append_only();
      CREATE TRIGGER desk_reviews_no_truncate BEFORE TRUNCATE ON desk_reviews FOR EACH STATEMENT EXECUTE FUNCTION desk_append_only();
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
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
