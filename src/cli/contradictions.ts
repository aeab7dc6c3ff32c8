import { parseArgs } from 'node:util';
import { openExistingStore, warnUnknownFilters } from './read-store.js';
import type { CliIo } from './io.js';
import { EXIT_OK, UsageError } from './usage-error.js';
import { reviewedViews } from './reviewed-reading.js';

export const CONTRADICTIONS_USAGE = `counterclaim contradictions [--place P] [--json] [--automatic]

Lists where sources contradict each other: opposite polarity on the same
proposition, incompatible numbers, incompatible control of a place. Analysts'
reviews count, as the server shows them: a contradiction an analyst rejected,
or whose claims were rejected or corrected to agree, is left out (and
counted); one with a review in force carries it.

Options:
  --place P   only those about a place (name or key)
  --json      JSON instead of text
  --automatic the contradictions as read, without the reviews
  --db PATH   database file (default ./counterclaim.db, or $COUNTERCLAIM_DB)
`;

export async function contradictionsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let values;
  try {
    values = parseArgs({ args: [...argv], strict: true, options: { place: { type: 'string' }, json: { type: 'boolean', default: false }, automatic: { type: 'boolean', default: false }, db: { type: 'string' } } }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const store = await openExistingStore(values.db);
  try {
    const read = await store.ledger.listContradictions({ place: values.place });
    if (read.length === 0) await warnUnknownFilters(store.ledger, { place: values.place }, 'contradictions', io);
    const views = values.automatic ? null : await reviewedViews(store);
    const judged = await Promise.all(read.map(async (c) => ({ c, ...(views ? await views.standing(c) : { stands: true, review: null }) })));
    const list = judged.filter((j) => j.stands);
    const undone = judged.length - list.length;
    if (values.json) io.out(`${JSON.stringify(list.map((j) => (j.review ? { ...j.c, review: j.review } : j.c)), null, 2)}\n`);
    else {
      const reviewed = (j: (typeof list)[number]) => (j.review ? `\n      reviewed: ${j.review.decision} by ${j.review.actor}, ${j.review.at.slice(0, 10)}: ${j.review.reason}` : '');
      io.out(`${list.length} contradictions${undone ? ` (${undone} more undone by analysts' reviews; --automatic lists them)` : ''}\n${list.map((j) => `  [${j.c.kind}] ${j.c.explanation}\n      documents ${j.c.a.doc.slice(0, 12)} / ${j.c.b.doc.slice(0, 12)}${j.c.related.length ? `, ${j.c.related.length} more claims` : ''}${reviewed(j)}`).join('\n')}\n`);
    }
    return EXIT_OK;
  } finally {
    await store.close();
  }
}
