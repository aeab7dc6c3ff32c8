/**
 * The analyst's desk (issue 18): who may write, what they decided, the source
 * registry's edits, watchlists and the change log. Kept apart from the main
 * store (its own tables, prefixed `desk_`, and its own migrations per dialect)
 * and opened beside it (open-desk.ts), so the ledger's storage can change
 * without touching what people have written by hand.
 */

/** Readers read; analysts also review and ingest; admins also manage users and the source registry. */
export const ROLES = ['reader', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Whether `role` may do what `needed` may. */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export interface DeskUser {
  readonly name: string;
  readonly role: Role;
  /** The public half of the user's token (`cc_<tokenId>_<secret>`), by which it is looked up. */
  readonly tokenId: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

/** Who writes and when: every write through the desk is stamped with both (the clock is the caller's). */
export interface Actor {
  readonly name: string;
  /** ISO date-time, UTC. */
  readonly at: string;
}

export interface AuditTarget {
  /** `claim`, `contradiction`, `status`, `source`, `user`, `document`, `watchlist`. */
  readonly kind: string;
  readonly key: string;
}

/** One append-only audit record: who did what, when, to what, what it was before and after, and why. */
export interface AuditRecord {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target: AuditTarget;
  readonly before: unknown;
  readonly after: unknown;
  readonly reason: string | null;
}

export type NewAuditRecord = Omit<AuditRecord, 'seq' | 'at' | 'actor'>;

export type ReviewDecision = 'confirm' | 'reject' | 'correct';

/** What a review may correct: the fields of a claim, or a control status's state and side. */
export interface ReviewCorrections {
  readonly source?: string;
  readonly side?: string;
  readonly stance?: string;
  readonly proposition?: string;
  readonly place?: string;
  readonly time?: string;
  readonly state?: string;
  readonly by?: string;
}

export interface ReviewRecord {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly target: AuditTarget;
  readonly decision: ReviewDecision;
  readonly corrections: ReviewCorrections;
  readonly reason: string;
  /** The audit record written with it. */
  readonly auditSeq: number;
}

export interface Watchlist {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly places: readonly string[];
  readonly actors: readonly string[];
  readonly sources: readonly string[];
  readonly createdAt: string;
}

/** Something that changed in the ledger, first seen at `at`, with the claims that caused it (`doc|claimId`). */
export interface ChangeRecord {
  readonly seq: number;
  readonly at: string;
  readonly kind: 'claim' | 'contradiction' | 'status';
  /** Unique per kind: the claim's `doc|id`, the contradiction's id, `place|from|state|by` for a status. */
  readonly key: string;
  readonly place: string | null;
  readonly data: unknown;
  readonly claims: readonly string[];
}

export type NewChange = Omit<ChangeRecord, 'seq' | 'at'>;

export interface PageQuery {
  readonly limit?: number;
  readonly offset?: number;
}

/** The desk's one storage interface; SQLite and PostgreSQL implement it with the same SQL (desk-sql.ts). */
export interface DeskStore {
  readonly dialect: 'sqlite' | 'postgres';

  /** Adds a user; false when the name is taken. Audited as `user.add` (the token hash is never in the trail). */
  addUser(user: { readonly name: string; readonly role: Role; readonly tokenId: string; readonly tokenHash: string }, by: Actor): Promise<boolean>;
  listUsers(): Promise<DeskUser[]>;
  /** Removes a user (their token stops working at once); false when there was none. Audited as `user.remove`. */
  removeUser(name: string, by: Actor): Promise<boolean>;
  userByTokenId(tokenId: string): Promise<(DeskUser & { readonly tokenHash: string }) | null>;

  /** Appends one audit record (nothing ever updates or deletes one: the tables refuse it). */
  appendAudit(record: NewAuditRecord, by: Actor): Promise<AuditRecord>;
  /** Audit records at or after `since` (ISO), oldest first. */
  listAudit(query?: PageQuery & { readonly since?: string; readonly target?: { readonly kind?: string; readonly key?: string } }): Promise<AuditRecord[]>;

  /** Appends a review and its audit record in one transaction. */
  addReview(review: { readonly target: AuditTarget; readonly decision: ReviewDecision; readonly corrections: ReviewCorrections; readonly reason: string; readonly before: unknown }, by: Actor): Promise<ReviewRecord>;
  /** Reviews with a seq above `afterSeq` (default: all), oldest first: the last per target is the one in force. */
  listReviews(query?: { readonly afterSeq?: number; readonly since?: string }): Promise<ReviewRecord[]>;

  /** Stores an edited registry entry (replacing an earlier edit) and audits it. */
  putSource(id: string, entry: unknown, before: unknown, reason: string | null, by: Actor): Promise<AuditRecord>;
  /** Every registry entry edited through the desk, by id. */
  listSourceEdits(): Promise<Map<string, unknown>>;

  createWatchlist(list: Omit<Watchlist, 'createdAt' | 'owner'>, by: Actor): Promise<Watchlist>;
  listWatchlists(): Promise<Watchlist[]>;
  getWatchlist(id: string): Promise<Watchlist | null>;
  deleteWatchlist(id: string, by: Actor): Promise<boolean>;

  /** Records changes not seen before (by kind and key) as first seen at `at`; returns how many were new. */
  recordChanges(changes: readonly NewChange[], at: string): Promise<number>;
  /** Of `keys`, those the log already holds for `kind` (a sweep describes only what is new). */
  knownChangeKeys(kind: ChangeRecord['kind'], keys: readonly string[]): Promise<Set<string>>;
  /** Changes first seen at or after `since`, oldest first. */
  listChanges(query: PageQuery & { readonly since: string }): Promise<ChangeRecord[]>;
  /** Changes with a seq above `afterSeq`, oldest first (webhook delivery); `latestChangeSeq` is 0 for an empty log. */
  listChangesAfter(afterSeq: number, limit: number): Promise<ChangeRecord[]>;
  latestChangeSeq(): Promise<number>;
  /** Places whose claims changed and were not yet looked at for contradictions and statuses. */
  markPlacesPending(places: readonly string[], at: string): Promise<void>;
  takePendingPlaces(): Promise<Array<{ readonly place: string; readonly at: string }>>;
  /** How many places wait for a sweep (none once the writer's sweep has caught up). */
  countPendingPlaces(): Promise<number>;

  close(): Promise<void>;
}

/** A desk table was asked to do what it refuses (a second user of one name...): the caller's mistake. */
export class DeskError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeskError';
  }
}
