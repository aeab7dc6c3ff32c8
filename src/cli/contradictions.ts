import { parseArgs } from 'node:util';
import { openExistingStore, warnUnknownFilters } from './read-store.js';
import type { CliIo } from './io.js';
import { EXIT_OK, UsageError } from './usage-error.js';

export const CONTRADICTIONS_USAGE = `counterclaim contradictions [--place P] [--json]

Lists where sources contradict each other: opposite polarity on the same
proposition, incompatible numbers, incompatible control of a place.

Options:
  --place P   only those about a place (name or key)
  --json      JSON instead of text
  --db PATH   database file (default ./counterclaim.db, or $COUNTERCLAIM_DB)
`;

export async function contradictionsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let values;
  try {
    values = parseArgs({ args: [...argv], strict: true, options: { place: { type: 'string' }, json: { type: 'boolean', default: false }, db: { type: 'string' } } }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const store = await openExistingStore(values.db);
  try {
    const list = await store.ledger.listContradictions({ place: values.place });
    if (list.length === 0) await warnUnknownFilters(store.ledger, { place: values.place }, 'contradictions', io);
    if (values.json) io.out(`${JSON.stringify(list, null, 2)}\n`);
    else io.out(`${list.length} contradictions\n${list.map((c) => `  [${c.kind}] ${c.explanation}\n      documents ${c.a.doc.slice(0, 12)} / ${c.b.doc.slice(0, 12)}${c.related.length ? `, ${c.related.length} more claims` : ''}`).join('\n')}\n`);
    return EXIT_OK;
  } finally {
    await store.close();
  }
}
