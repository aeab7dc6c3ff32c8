import type { Store } from '../store.js';
import { createDeskStore } from './desk-sql.js';
import type { DeskStore } from './desk-store.js';
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
export async function withDesk(store: Store, location: string, postgres: boolean): Promise<Store> {
  let desk: DeskStore;
  try {
    desk = await openDesk(location, postgres);
  } catch (error) {
    await store.close();
    throw error;
  }
  const close = async () => {
    await desk.close();
    await store.close();
  };
  // A Proxy, not a copy: stores are objects of methods and getters (ledger, browse) that must keep answering.
  const wrapped = new Proxy(store, { get: (target, prop, receiver) => (prop === 'close' ? close : Reflect.get(target, prop, receiver)) });
  desks.set(wrapped, desk);
  return wrapped;
}

/** The desk opened beside this store, if any (a store opened without openStore has none). */
export function deskOf(store: Store): DeskStore | undefined {
  return desks.get(store);
}
