import type { LedgerDocument } from '../../report/ledger-json.js';
import type { IngestExtras, SaveOutcome, Store } from '../store.js';
import type { Actor, AuditRecord, DeskStore } from './desk-store.js';
import { deskOf } from './open-desk.js';

/** Document ids an audit record of a run lists at most (the count covers them all). */
export const LISTED_DOCUMENTS = 1000;
/** Sources an audit record of a run lists at most. */
export const LISTED_SOURCES = 100;

/** What a run stored, as its audit record keeps it. */
export interface StoredByRun {
  /** Documents stored new or re-read (a save that changed nothing is not a write). */
  readonly count: number;
  /** Their ids, the first LISTED_DOCUMENTS in the order stored. */
  readonly ids: readonly string[];
}

/**
 * The store with its saves counted, for the audit record of a CLI run (issue 18: "an audit
 * record for every write"): a Proxy like withDesk's, so the store answers as before.
 */
export function countingSaves(store: Store): { store: Store; stored(): StoredByRun } {
  const ids: string[] = [];
  let count = 0;
  const note = (doc: LedgerDocument, outcome: SaveOutcome): SaveOutcome => {
    if (outcome !== 'unchanged') {
      count++;
      if (ids.length < LISTED_DOCUMENTS) ids.push(doc.id);
    }
    return outcome;
  };
  const overrides: Partial<Store> = {
    saveDocument: async (doc: LedgerDocument) => note(doc, await store.saveDocument(doc)),
    saveIngested: async (doc: LedgerDocument, extras: IngestExtras) => note(doc, await store.saveIngested(doc, extras)),
  };
  const wrapped = new Proxy(store, { get: (target, prop, receiver) => (Object.hasOwn(overrides, prop) ? overrides[prop as keyof Store] : Reflect.get(target, prop, receiver)) });
  return { store: wrapped, stored: () => ({ count, ids: [...ids] }) };
}

/**
 * Appends the audit record of one CLI run that wrote to the store (`cli.ingest`,
 * `cli.analyze`, `cli.enqueue`): who (the CLI user: `cli:` and the login, or `--as`),
 * when, which sources, and what it stored. Nothing is recorded for a run that stored
 * nothing. A store opened without its desk (none here) records nothing and says so.
 */
export async function auditRun(
  store: Store, by: Actor,
  run: { readonly action: string; readonly sources: readonly string[]; readonly stored: StoredByRun; readonly counts?: unknown },
): Promise<AuditRecord | null> {
  const desk: DeskStore | undefined = deskOf(store);
  if (!desk || run.stored.count === 0) return null;
  const sources = run.sources.slice(0, LISTED_SOURCES);
  return desk.appendAudit({
    action: run.action,
    target: { kind: 'documents', key: sources.join(' ').slice(0, 500) || '-' },
    before: null,
    after: {
      stored: run.stored.count, documents: run.stored.ids, ...(run.stored.count > run.stored.ids.length ? { documentsListed: run.stored.ids.length } : {}),
      sources, ...(run.sources.length > sources.length ? { sourcesListed: sources.length, sourceCount: run.sources.length } : {}),
      ...(run.counts !== undefined ? { counts: run.counts } : {}),
    },
    reason: null,
  }, by);
}
