import type { LedgerDocument } from '../report/ledger-json.js';

/** What happened to a document on save. */
export type SaveOutcome = 'inserted' | 'updated' | 'unchanged';

export interface DocumentSummary {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly language: string | null;
  readonly source: string | null;
}

/** An item as stored, with the document it belongs to. */
export interface StoredItem {
  readonly docId: string;
  readonly kind: string;
  readonly item: { readonly id: string } & Record<string, unknown>;
}

export interface ListItemsQuery {
  readonly docId?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface ListDocumentsQuery {
  readonly limit?: number;
  readonly offset?: number;
}

/**
 * The one narrow storage interface (Kysely's dialect habit): every backend
 * implements exactly this, and one contract test suite runs against each.
 * Methods are async so a networked backend fits the same shape.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Saves a document with its analysis in one transaction. Saving the same
   * analysis again is a no-op (`unchanged`); a new analysis of the same text
   * replaces every item of the old one atomically (`updated`).
   */
  saveDocument(doc: LedgerDocument): Promise<SaveOutcome>;
  getDocument(id: string): Promise<LedgerDocument | null>;
  hasDocument(id: string): Promise<boolean>;
  listDocuments(query?: ListDocumentsQuery): Promise<DocumentSummary[]>;
  countDocuments(): Promise<number>;
  /** Items of one list (`times`, `places`, `attributions`...) across documents, in document then span order. */
  listItems(kind: string, query?: ListItemsQuery): Promise<StoredItem[]>;
  close(): Promise<void>;
}

/** A database that cannot be used as it is: wrong path, newer schema, corrupt file. */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}
