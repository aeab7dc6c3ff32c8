import { parseArgs } from 'node:util';
import { openExistingStore, warnUnknownFilters } from './read-store.js';
import type { CliIo } from './io.js';
import { EXIT_OK, EXIT_SOME_FAILED, UsageError } from './usage-error.js';

export const TIMELINE_USAGE = `counterclaim timeline PLACE [--json]

The control timeline of a place: its status over time (held, contested,
claimed captured, confirmed captured), by whom, and on which claims.

Options:
  --json      JSON instead of text
  --db PATH   database file (default ./counterclaim.db, or $COUNTERCLAIM_DB)
`;

export async function timelineCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], strict: true, allowPositionals: true, options: { json: { type: 'boolean', default: false }, db: { type: 'string' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const place = parsed.positionals.join(' ').trim();
  if (!place) throw new UsageError('timeline needs a PLACE');
  const store = await openExistingStore(parsed.values.db);
  try {
    const timeline = await store.ledger.timeline(place);
    if (!timeline) {
      io.err(`counterclaim timeline: no control claims about ${JSON.stringify(place)} in the ledger\n`);
      await warnUnknownFilters(store.ledger, { place }, 'timeline', io);
      return EXIT_SOME_FAILED;
    }
    if (parsed.values.json) {
      io.out(`${JSON.stringify(timeline, null, 2)}\n`);
      return EXIT_OK;
    }
    const lines = timeline.statuses.map((s) => `  ${s.from}  ${s.state}${s.by ? ` by ${s.by}` : ''}${s.denied ? ' (denied)' : ''}\n      ${s.why}\n      claims: ${[...new Set(s.claims.map((r) => r.doc.slice(0, 12)))].join(', ')}`);
    io.out(`${timeline.label} (${timeline.place})\n${lines.join('\n')}\n`);
    return EXIT_OK;
  } finally {
    await store.close();
  }
}
