import type { LedgerDocument } from '../../report/ledger-json.js';
import type { IngestExtras, SaveOutcome, Store } from '../store.js';
import { claimChanges } from './change-log.js';
import { createDeskStore } from './desk-sql.js';
import type { DeskStore, NewChange } from './desk-store.js';
import { openSqliteDeskSql } from './sqlite/desk-sql.js';

const desks = new WeakMap<Store, DeskStore>();

/** Opens the desk tables in the database a `--db` value names (migrating them), beside the main store. */
export async function openDesk(location: string, postgres: boolean): Promise<DeskStore> {
  if (postgres) return createDeskStore(await (await import('./postgres/desk-sql.js')).openPostgresDeskSql(location));
  return createDeskStore(openSqliteDeskSql(location));
}

/**
 * The store with its desk opened beside it: the same store (every method and field answers as
 * before), whose `close` also closes the desk. `deskOf` finds the desk again. This is the one
 * hook in the main store's code (open-store.ts), so the desk stays out of the store's own files.
 */
export async function withDesk(store: Store, location: string, postgres: boolean, now: () => Date = () => new Date()): Promise<Store> {
  let desk: DeskStore;
  try {
    desk = await openDesk(location, postgres);
  } catch (error) {
    await store.close();
    throw error;
  }
  // The change log (watching): the claims of each document stored or re-read are recorded, as first
  // seen now, and their places marked for a sweep (change-log.ts) that finds new contradictions and
  // statuses. Inside a batch the records wait for its commit: the batch holds SQLite's write lock,
  // and a change must not be announced for a save that may still be rolled back.
  let batch: NewChange[] | null = null;
  const record = async (changes: readonly NewChange[]) => {
    if (changes.length === 0) return;
    const at = now().toISOString();
    await desk.recordChanges(changes, at);
    await desk.markPlacesPending(changes.map((c) => c.place).filter((p): p is string => p !== null), at);
  };
  const saved = async (doc: LedgerDocument, outcome: SaveOutcome) => {
    if (outcome === 'unchanged') return outcome;
    if (batch) batch.push(...claimChanges(doc));
    else await record(claimChanges(doc));
    return outcome;
  };
  const overrides: Partial<Store> = {
    saveDocument: async (doc: LedgerDocument) => saved(doc, await store.saveDocument(doc)),
    saveIngested: async (doc: LedgerDocument, extras: IngestExtras) => saved(doc, await store.saveIngested(doc, extras)),
    close: async () => {
      await desk.close();
      await store.close();
    },
  };
  if (store.beginBatch && store.commitBatch) {
    const begin = store.beginBatch.bind(store);
    const commit = store.commitBatch.bind(store);
    overrides.beginBatch = async () => { await begin(); batch ??= []; };
    overrides.commitBatch = async () => {
      await commit();
      const done = batch ?? [];
      batch = null;
      await record(done);
    };
  }
  // A Proxy, not a copy: stores are objects of methods and getters (ledger, browse) that must keep answering.
  const wrapped = new Proxy(store, { get: (target, prop, receiver) => (Object.hasOwn(overrides, prop) ? overrides[prop as keyof Store] : Reflect.get(target, prop, receiver)) });
  desks.set(wrapped, desk);
  return wrapped;
}

/** The desk opened beside this store, if any (a store opened without openStore has none). */
export function deskOf(store: Store): DeskStore | undefined {
  return desks.get(store);
}
