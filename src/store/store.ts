import type { LedgerReader } from '../ledger/ledger-reader.js';
import type { BrowseReader } from './browse-reader.js';
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

/** A document's header for lists of claims and mentions: no text, no analysis. `date` is its publication date. */
export interface DocumentHeader {
  readonly id: string;
  readonly title: string | null;
  readonly date: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
}

/** The item lists of a document (`listItems` kinds; schema 15 stores places as rows, claims in the ledger, the rest in the analysis: stored-analysis.ts). */
export const ITEM_LISTS = ['sentences', 'times', 'places', 'entities', 'actors', 'attributions', 'quantities', 'events', 'claims'] as const;
export type ItemList = (typeof ITEM_LISTS)[number];

/** An item as stored, with the document it belongs to: an element of the document's `kind` list. */
export interface StoredItem<K extends ItemList = ItemList> {
  readonly docId: string;
  readonly kind: K;
  readonly item: LedgerDocument[K][number];
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

/** What ingest knows about a document beyond its ledger entry. */
export interface IngestExtras {
  /** False for documents stored but not read by the pipeline (a language not analysed yet). */
  readonly analyzed: boolean;
  readonly byline: string | null;
  readonly forwardedFrom: string | null;
  /** The MinHash signature (bytes) and its LSH band keys, for finding near-duplicates later. */
  readonly minhash: { readonly signature: Uint8Array; readonly bandKeys: readonly number[] } | null;
}

/** A stored document that shares an LSH band with a new one. */
export interface DuplicateCandidate {
  readonly id: string;
  readonly signature: Uint8Array;
  /** Its own first copy, when it is itself a near-duplicate. */
  readonly duplicateOf: string | null;
}

export interface SearchQuery {
  /** FTS5 query syntax: words, "phrases", OR, NOT, prefix*. */
  readonly text: string;
  readonly outlet?: string;
  readonly language?: string;
  /** ISO date or date-time; inclusive. */
  readonly since?: string;
  /** ISO date or date-time; inclusive (a date includes its whole day). */
  readonly until?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface SearchHit extends DocumentSummary {
  /** A short passage around the matches, plain text. */
  readonly snippet: string;
  /** Where the matched words are in `snippet`: [start, end) offsets. */
  readonly highlights: ReadonlyArray<readonly [number, number]>;
  readonly duplicateOf: string | null;
  readonly analyzed: boolean;
}

/** What a finished source looked like when it was read to the end. */
export interface IngestedSource {
  readonly fingerprint: string;
  readonly documents: number;
}

/**
 * The one narrow storage interface (Kysely's dialect habit): every backend
 * implements exactly this, and one contract test suite runs against each.
 * Methods are async so a networked backend fits the same shape.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** The ledger across documents (claims, contradictions, control timelines), kept up to date on every save. */
  readonly ledger: LedgerReader;
  /** Maintained aggregates for browsing (place totals, dated contradictions). */
  readonly browse: BrowseReader;
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
  listItems<K extends ItemList>(kind: K, query?: ListItemsQuery): Promise<Array<StoredItem<K>>>;
  /** saveDocument with what ingest knows beyond the ledger; the same transaction. */
  saveIngested(doc: LedgerDocument, extras: IngestExtras): Promise<SaveOutcome>;
  /** Stored documents sharing any of these LSH band keys, in the order they were stored. */
  nearDuplicateCandidates(bandKeys: readonly number[]): Promise<DuplicateCandidate[]>;
  /** Full-text search, best match first. A malformed query throws SearchQueryError. */
  searchDocuments(query: SearchQuery): Promise<SearchHit[]>;
  getIngestedSource(source: string): Promise<IngestedSource | null>;
  /** Records a source read to the end, so a later run with the same fingerprint skips it. */
  markSourceIngested(source: string, done: IngestedSource): Promise<void>;
  /** The headers of these documents in the order asked (unknown ids left out), without loading their text or analysis. */
  getDocumentSummaries(ids: readonly string[]): Promise<DocumentHeader[]>;
  /** The sentence of a document that holds `span`, or null. */
  sentenceAt(docId: string, span: readonly [number, number]): Promise<{ readonly span: readonly [number, number]; readonly text: string } | null>;
  /**
   * For bulk writes: the saves until `commitBatch` share one commit. Each save stays
   * atomic on its own (a failing one is undone alone); a crash loses only the saves not
   * yet committed, which were never reported stored, so a resumed run stores them again.
   * Other connections see the batch when it commits. (PostgreSQL commits each save on
   * its own: workers on many connections batch nothing, and both calls do nothing.)
   */
  beginBatch(): Promise<void>;
  commitBatch(): Promise<void>;
  /** A cheap readiness probe; resolves to the schema version (SQLite: user_version). */
  ping(): Promise<number>;
  close(): Promise<void>;
}

/** A search query the backend cannot parse (FTS5 syntax): the user's mistake, not the database's. */
export class SearchQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchQueryError';
  }
}

/** A database that cannot be used as it is: wrong path, newer schema, corrupt file. */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}
