import type { LedgerDocument } from '../../report/ledger-json.js';
import type { IngestExtras, SaveOutcome, Store } from '../store.js';
import { claimChanges, sweepChanges } from './change-log.js';
import { createDeskStore } from './desk-sql.js';
import type { DeskStore, NewChange } from './desk-store.js';
import { openSqliteDeskSql } from './sqlite/desk-sql.js';

const desks = new WeakMap<Store, DeskStore>();
/**
 * The writer's sweeps take about 1/SWEEP_SHARE of its time at most (see withDesk). A sweep reads
 * every contradiction (up to 5,000) and the timeline of each place pending, so its cost grows with
 * the busiest places, not with what came in: at 2,000 documents it was 0.5 % of a bulk fill's CPU
 * profile, while recording each stored claim in the log was about 8 % (docs/api.md, issue 18).
 */
export const SWEEP_SHARE = 20;
/** Per wrapped store: resolves when the change log has caught up with what this process wrote. */
const settlers = new WeakMap<Store, () => Promise<void>>();

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
  // The sweep runs after each commit, in the background of the writer (so the first read of
  // /api/changes after a bulk ingest finds the log current instead of sweeping every place the
  // ingest touched): one at a time, and one more when writes came in meanwhile (it takes every
  // place pending, so writes during a sweep share the next one). A failed sweep leaves its places
  // pending for the next (or a reader's) and is reported, not thrown at a later, unrelated write.
  //
  // A bulk ingest touches the same busy places in every batch, and a sweep costs each place the same
  // whether one claim or a thousand came in since the last: so the writer sweeps at most so often
  // that sweeping takes about 1/SWEEP_SHARE of its time (a sweep of duration d is followed by none
  // for SWEEP_SHARE × d). Places left pending meanwhile stay in the table, swept by the next commit
  // after the pause, by a reader (/api/changes sweeps before it reads) or at close. A server that
  // stores a document now and then sweeps after each (its sweeps take milliseconds).
  let sweeping: Promise<void> | null = null;
  let again = false;
  let pauseUntil = -Infinity;
  let deferred = false;
  const sweepSoon = (force = false): void => {
    if (sweeping) {
      again = true;
      return;
    }
    if (!force && now().getTime() < pauseUntil) {
      deferred = true;
      return;
    }
    deferred = false;
    sweeping = (async () => {
      do {
        again = false;
        const started = now().getTime();
        try {
          await sweepChanges(store, desk);
        } catch (error) {
          process.stderr.write(`counterclaim: the change log's sweep failed (its places stay pending): ${(error as Error).message}\n`);
          return;
        } finally {
          const ended = now().getTime();
          pauseUntil = ended + SWEEP_SHARE * Math.max(0, ended - started);
        }
      } while (again);
    })().finally(() => { sweeping = null; });
  };
  const settled = async (): Promise<void> => {
    while (sweeping) await sweeping;
  };
  /** Sweeps what a pause left pending, and waits for it (close; changesSettled). */
  const flushed = async (): Promise<void> => {
    await settled();
    if (deferred) sweepSoon(true);
    await settled();
  };
  const record = async (changes: readonly NewChange[]) => {
    if (changes.length === 0) return;
    const at = now().toISOString();
    await desk.recordChanges(changes, at);
    await desk.markPlacesPending(changes.map((c) => c.place).filter((p): p is string => p !== null), at);
    sweepSoon();
  };
  const saved = async (doc: LedgerDocument, outcome: SaveOutcome) => {
    if (outcome === 'unchanged') return outcome;
    if (batch) batch.push(...claimChanges(doc));
    else await record(claimChanges(doc));
    return outcome;
  };
  // SQLite: the desk has its own connection to the file, and a sweep's desk transaction holds the
  // file's write lock across awaits; a write on the store's connection meanwhile, on this same
  // thread, would wait for a lock only this thread can release. So a write waits for the sweep
  // (which then overlaps what the writer does between writes: reading, analysing). PostgreSQL
  // takes row locks on connections of their own: writes go on beside a sweep.
  const beforeWrite = postgres ? async () => undefined : settled;
  const overrides: Partial<Store> = {
    saveDocument: async (doc: LedgerDocument) => { await beforeWrite(); return saved(doc, await store.saveDocument(doc)); },
    saveIngested: async (doc: LedgerDocument, extras: IngestExtras) => { await beforeWrite(); return saved(doc, await store.saveIngested(doc, extras)); },
    markSourceIngested: async (source, done) => { await beforeWrite(); return store.markSourceIngested(source, done); },
    close: async () => {
      await flushed();
      await desk.close();
      await store.close();
    },
  };
  if (store.beginBatch && store.commitBatch) {
    const begin = store.beginBatch.bind(store);
    const commit = store.commitBatch.bind(store);
    // A batch holds SQLite's write lock from its start: the sweep finishes before the next batch begins.
    overrides.beginBatch = async () => { await beforeWrite(); await begin(); batch ??= []; };
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
  settlers.set(wrapped, flushed);
  return wrapped;
}

/**
 * Resolves once the change log's sweep of this store's own writes is done, a sweep the writer
 * put off included (at once for a store opened without openStore).
 */
export async function changesSettled(store: Store): Promise<void> {
  await settlers.get(store)?.();
}

/** The desk opened beside this store, if any (a store opened without openStore has none). */
export function deskOf(store: Store): DeskStore | undefined {
  return desks.get(store);
}
