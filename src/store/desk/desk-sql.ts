import {
  DeskError, ROLES, type Actor, type AuditRecord, type AuditTarget, type ChangeRecord, type DeskStore, type DeskUser, type NewAuditRecord,
  type NewChange, type ReviewDecision, type ReviewRecord, type Role, type Watchlist,
} from './desk-store.js';

/**
 * What a dialect gives the desk: statements with `?` placeholders (PostgreSQL's adapter numbers
 * them), and transactions. Every statement below is written once and runs on both dialects
 * (Kysely's habit: one folder per backend, only the driver and the DDL differ).
 */
export interface DeskSql {
  readonly dialect: 'sqlite' | 'postgres';
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  run(sql: string, params?: readonly unknown[]): Promise<void>;
  /** Runs `body` in one transaction: every statement of `tx` commits together or not at all. */
  transaction<T>(body: (tx: DeskSql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

interface AuditRow { seq: number | string; at: string; actor: string; action: string; target_kind: string; target_key: string; before: string | null; after: string | null; reason: string | null }
interface ReviewRow { seq: number | string; at: string; actor: string; target_kind: string; target_key: string; decision: string; corrections: string; reason: string; audit_seq: number | string }
interface UserRow { name: string; role: string; token_id: string; token_hash: string; created_at: string; created_by: string }
interface WatchRow { id: string; name: string; owner: string; places: string; actors: string; sources: string; created_at: string }
interface ChangeRow { seq: number | string; at: string; kind: string; key: string; place: string | null; data: string; claims: string }

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));
const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

function auditOf(r: AuditRow): AuditRecord {
  return {
    seq: Number(r.seq), at: r.at, actor: r.actor, action: r.action, target: { kind: r.target_kind, key: r.target_key },
    before: parse(r.before), after: parse(r.after), reason: r.reason,
  };
}

function reviewOf(r: ReviewRow): ReviewRecord {
  return {
    seq: Number(r.seq), at: r.at, actor: r.actor, target: { kind: r.target_kind, key: r.target_key }, decision: r.decision as ReviewDecision,
    corrections: JSON.parse(r.corrections) as ReviewRecord['corrections'], reason: r.reason, auditSeq: Number(r.audit_seq),
  };
}

function userOf(r: UserRow): DeskUser {
  if (!(ROLES as readonly string[]).includes(r.role)) throw new DeskError(`user ${r.name} has an unknown role ${r.role}`);
  return { name: r.name, role: r.role as Role, tokenId: r.token_id, createdAt: r.created_at, createdBy: r.created_by };
}

function watchOf(r: WatchRow): Watchlist {
  return {
    id: r.id, name: r.name, owner: r.owner, createdAt: r.created_at,
    places: JSON.parse(r.places) as string[], actors: JSON.parse(r.actors) as string[], sources: JSON.parse(r.sources) as string[],
  };
}

function changeOf(r: ChangeRow): ChangeRecord {
  return { seq: Number(r.seq), at: r.at, kind: r.kind as ChangeRecord['kind'], key: r.key, place: r.place, data: JSON.parse(r.data), claims: JSON.parse(r.claims) as string[] };
}

const AUDIT_COLUMNS = 'seq, at, actor, action, target_kind, target_key, before, after, reason';

async function insertAudit(sql: DeskSql, record: NewAuditRecord, by: Actor): Promise<AuditRecord> {
  const [row] = await sql.all<AuditRow>(
    `INSERT INTO desk_audit (at, actor, action, target_kind, target_key, before, after, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${AUDIT_COLUMNS}`,
    [by.at, by.name, record.action, record.target.kind, record.target.key, json(record.before), json(record.after), record.reason],
  );
  return auditOf(row!);
}

const page = (limit: number | undefined, offset: number | undefined): [number, number] => [limit ?? 1000, offset ?? 0];

/** The desk over one dialect's connection. */
export function createDeskStore(sql: DeskSql): DeskStore {
  return {
    dialect: sql.dialect,

    async addUser(user, by) {
      return sql.transaction(async (tx) => {
        const inserted = await tx.all<{ name: string }>(
          'INSERT INTO desk_users (name, role, token_id, token_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING RETURNING name',
          [user.name, user.role, user.tokenId, user.tokenHash, by.at, by.name],
        );
        if (inserted.length === 0) return false;
        await insertAudit(tx, { action: 'user.add', target: { kind: 'user', key: user.name }, before: null, after: { name: user.name, role: user.role, tokenId: user.tokenId }, reason: null }, by);
        return true;
      });
    },
    async listUsers() {
      return (await sql.all<UserRow>('SELECT * FROM desk_users ORDER BY name')).map(userOf);
    },
    async removeUser(name, by) {
      return sql.transaction(async (tx) => {
        const [row] = await tx.all<UserRow>('DELETE FROM desk_users WHERE name = ? RETURNING *', [name]);
        if (!row) return false;
        const user = userOf(row);
        await insertAudit(tx, { action: 'user.remove', target: { kind: 'user', key: name }, before: { name, role: user.role, tokenId: user.tokenId }, after: null, reason: null }, by);
        return true;
      });
    },
    async userByTokenId(tokenId) {
      const [row] = await sql.all<UserRow>('SELECT * FROM desk_users WHERE token_id = ?', [tokenId]);
      return row ? { ...userOf(row), tokenHash: row.token_hash } : null;
    },

    async appendAudit(record, by) {
      return sql.transaction((tx) => insertAudit(tx, record, by));
    },
    async listAudit(query = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (query.since !== undefined) { where.push('at >= ?'); params.push(query.since); }
      if (query.target?.kind !== undefined) { where.push('target_kind = ?'); params.push(query.target.kind); }
      if (query.target?.key !== undefined) { where.push('target_key = ?'); params.push(query.target.key); }
      const [limit, offset] = page(query.limit, query.offset);
      const rows = await sql.all<AuditRow>(
        `SELECT ${AUDIT_COLUMNS} FROM desk_audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT ? OFFSET ?`,
        [...params, limit, offset],
      );
      return rows.map(auditOf);
    },

    async addReview(review, by) {
      return sql.transaction(async (tx) => {
        const audit = await insertAudit(tx, {
          action: `review.${review.decision}`, target: review.target, before: review.before,
          after: { decision: review.decision, corrections: review.corrections }, reason: review.reason,
        }, by);
        const [row] = await tx.all<ReviewRow>(
          `INSERT INTO desk_reviews (at, actor, target_kind, target_key, decision, corrections, reason, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           RETURNING seq, at, actor, target_kind, target_key, decision, corrections, reason, audit_seq`,
          [by.at, by.name, review.target.kind, review.target.key, review.decision, JSON.stringify(review.corrections), review.reason, audit.seq],
        );
        return reviewOf(row!);
      });
    },
    async listReviews(query = {}) {
      const rows = await sql.all<ReviewRow>(
        `SELECT seq, at, actor, target_kind, target_key, decision, corrections, reason, audit_seq FROM desk_reviews WHERE seq > ? ${query.since !== undefined ? 'AND at >= ?' : ''} ORDER BY seq`,
        [query.afterSeq ?? 0, ...(query.since !== undefined ? [query.since] : [])],
      );
      return rows.map(reviewOf);
    },

    async putSource(id, entry, before, reason, by) {
      return sql.transaction(async (tx) => {
        await tx.run(
          'INSERT INTO desk_sources (id, data, updated_at, updated_by) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at, updated_by = excluded.updated_by',
          [id, JSON.stringify(entry), by.at, by.name],
        );
        return insertAudit(tx, { action: 'source.put', target: { kind: 'source', key: id }, before, after: entry, reason }, by);
      });
    },
    async listSourceEdits() {
      const rows = await sql.all<{ id: string; data: string }>('SELECT id, data FROM desk_sources ORDER BY id');
      return new Map(rows.map((r) => [r.id, JSON.parse(r.data) as unknown]));
    },

    async createWatchlist(list, by) {
      return sql.transaction(async (tx) => {
        const [row] = await tx.all<WatchRow>(
          'INSERT INTO desk_watchlists (id, name, owner, places, actors, sources, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *',
          [list.id, list.name, by.name, JSON.stringify(list.places), JSON.stringify(list.actors), JSON.stringify(list.sources), by.at],
        );
        const created = watchOf(row!);
        await insertAudit(tx, { action: 'watchlist.create', target: { kind: 'watchlist', key: list.id }, before: null, after: created, reason: null }, by);
        return created;
      });
    },
    async listWatchlists() {
      return (await sql.all<WatchRow>('SELECT * FROM desk_watchlists ORDER BY created_at, id')).map(watchOf);
    },
    async getWatchlist(id) {
      const [row] = await sql.all<WatchRow>('SELECT * FROM desk_watchlists WHERE id = ?', [id]);
      return row ? watchOf(row) : null;
    },
    async deleteWatchlist(id, by) {
      return sql.transaction(async (tx) => {
        const [row] = await tx.all<WatchRow>('DELETE FROM desk_watchlists WHERE id = ? RETURNING *', [id]);
        if (!row) return false;
        await insertAudit(tx, { action: 'watchlist.delete', target: { kind: 'watchlist', key: id }, before: watchOf(row), after: null, reason: null }, by);
        return true;
      });
    },

    async recordChanges(changes, at) {
      if (changes.length === 0) return 0;
      return sql.transaction(async (tx) => {
        // Only the new rows' seq comes back: a bulk ingest's commit records thousands of claims, and
        // reading each row back whole (and parsing its JSON) cost the writer more than inserting it.
        let recorded = 0;
        for (const change of changes) {
          const rows = await tx.all<{ seq: number }>(
            'INSERT INTO desk_changes (at, kind, key, place, data, claims) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, key) DO NOTHING RETURNING seq',
            [at, change.kind, change.key, change.place, JSON.stringify(change.data ?? null), JSON.stringify(change.claims)],
          );
          recorded += rows.length;
        }
        return recorded;
      });
    },
    async knownChangeKeys(kind, keys) {
      const known = new Set<string>();
      const unique = [...new Set(keys)];
      // A few hundred keys per statement: well under either dialect's limit on parameters.
      for (let i = 0; i < unique.length; i += 500) {
        const chunk = unique.slice(i, i + 500);
        const rows = await sql.all<{ key: string }>(`SELECT key FROM desk_changes WHERE kind = ? AND key IN (${chunk.map(() => '?').join(', ')})`, [kind, ...chunk]);
        for (const r of rows) known.add(r.key);
      }
      return known;
    },
    async listChanges(query) {
      const [limit, offset] = page(query.limit, query.offset);
      return (await sql.all<ChangeRow>('SELECT * FROM desk_changes WHERE at >= ? ORDER BY seq LIMIT ? OFFSET ?', [query.since, limit, offset])).map(changeOf);
    },
    async listChangesAfter(afterSeq, limit) {
      return (await sql.all<ChangeRow>('SELECT * FROM desk_changes WHERE seq > ? ORDER BY seq LIMIT ?', [afterSeq, limit])).map(changeOf);
    },
    async latestChangeSeq() {
      const [row] = await sql.all<{ seq: number | string | null }>('SELECT max(seq) AS seq FROM desk_changes');
      return Number(row?.seq ?? 0);
    },
    async markPlacesPending(places, at) {
      if (places.length === 0) return;
      await sql.transaction(async (tx) => {
        for (const place of new Set(places)) {
          await tx.run('INSERT INTO desk_pending_places (place, at) VALUES (?, ?) ON CONFLICT (place) DO NOTHING', [place, at]);
        }
      });
    },
    async takePendingPlaces() {
      return sql.transaction(async (tx) => tx.all<{ place: string; at: string }>('DELETE FROM desk_pending_places RETURNING place, at'));
    },
    async countPendingPlaces() {
      const [row] = await sql.all<{ n: number | string }>('SELECT count(*) AS n FROM desk_pending_places');
      return Number(row?.n ?? 0);
    },

    close: () => sql.close(),
  };
}

export type { AuditTarget };
