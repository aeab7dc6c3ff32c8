import { createDeskViews, type DeskViews } from '../server/desk-views.js';
import { deskOf } from '../store/desk/open-desk.js';
import type { Store } from '../store/store.js';

/**
 * The desk's overlay for a read command: the ledger as reviewed (analysts' decisions over the
 * automatic reading, src/ledger/reviewed.ts), as the server shows it. Null for a store without
 * desk tables, or none of the overlay's work when nobody has reviewed anything.
 */
export async function reviewedViews(store: Store): Promise<DeskViews | null> {
  const desk = deskOf(store);
  if (!desk) return null;
  const views = createDeskViews({ store, desk, generation: () => 0 });
  await views.refresh();
  return views;
}
