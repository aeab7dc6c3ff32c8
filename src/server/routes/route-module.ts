import type { Hono } from 'hono';
import type { SourceDocument } from '../../model/index.js';
import type { LedgerDocument } from '../../report/ledger-json.js';
import type { SaveOutcome, Store } from '../../store/store.js';
import type { DeskStore } from '../../store/desk/desk-store.js';
import type { DeskViews } from '../desk-views.js';
import type { CheckService } from '../check-service.js';
import type { PathSpec } from '../openapi.js';
import type { PlaceTimeline } from '../../ledger/ledger-reader.js';

/** What every route module is given: the store and the server's switches. */
export interface RouteDeps {
  readonly store: Store;
  readonly allowIngest: boolean;
  /** Reads one document through the pipeline (built lazily: only ingest needs it). */
  readonly read: (source: SourceDocument) => Promise<LedgerDocument>;
  /** Reads and stores one document off the request thread, when the server can (it knows its database's location); else read, then store.saveDocument. */
  readonly ingest?: (source: SourceDocument) => Promise<{ readonly id: string; readonly outcome: SaveOutcome }>;
  /** Checks a claim against the ledger (/api/check); loads the pipeline and stance model on first use. */
  readonly check: CheckService;
  /** Bumped after every write through this server, so caches of aggregates can be dropped. */
  readonly generation: () => number;
  readonly bumpGeneration: () => void;
  /**
   * What caches of the ledger's aggregates are kept against (places.ts `cached`): it changes with
   * every write through this server (generation) and every write by anyone else (the change log's
   * newest record, read at most once a second); without a desk, every 5 s.
   */
  readonly ledgerVersion: () => Promise<string>;
  /** Every place's control timeline, cached against ledgerVersion; the map, its time slider and the charts share it. */
  readonly placeTimelines: () => Promise<readonly PlaceTimeline[]>;
  /** The analyst's desk beside the store (users, reviews, audit, registry, watchlists); null when the store was opened without it. */
  readonly desk: DeskStore | null;
  /** The clock (audit times, changes): an input, so tests pin it. */
  readonly now: () => Date;
  /** Reviews, registry entries and credibility over the ledger's views (desk-views.ts). */
  readonly views: DeskViews;
}

/**
 * One file per resource under `routes/`: a base path, its Hono sub-app and its
 * OpenAPI paths (relative to the base, in OpenAPI `{param}` form). The ledger
 * resources (claims, contradictions, timeline/:place, check, exports) are added
 * as new files of this shape and one line each in `routes/index.ts`.
 */
export interface RouteModule {
  readonly base: string;
  readonly create: (deps: RouteDeps) => Hono;
  readonly openapi: Readonly<Record<string, PathSpec>>;
}
