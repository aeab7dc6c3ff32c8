import { parseArgs } from 'node:util';
import { openExistingStore, warnUnknownFilters } from './read-store.js';
import type { CliIo } from './io.js';
import { EXIT_OK, EXIT_SOME_FAILED, UsageError } from './usage-error.js';
import { reviewedViews } from './reviewed-reading.js';
import { placeIdOfLedgerKey } from '../server/ledger-view.js';
import type { ControlStatus } from '../model/index.js';

export const TIMELINE_USAGE = `counterclaim timeline PLACE [--json] [--automatic]

The control timeline of a place: its status over time (held, contested,
claimed captured, confirmed captured), by whom, and on which claims. Claims
analysts reviewed count as reviewed (rejected ones left out, corrected ones
as corrected), as the server shows them; the automatic reading is kept and
shown beside it when reviews change it.

Options:
  --json      JSON instead of text
  --automatic the timeline as read, without the reviews
  --db PATH   database file (default ./counterclaim.db, or $COUNTERCLAIM_DB)
`;

export async function timelineCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], strict: true, allowPositionals: true, options: { json: { type: 'boolean', default: false }, automatic: { type: 'boolean', default: false }, db: { type: 'string' } } });
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
    const placeId = placeIdOfLedgerKey(timeline.place);
    const views = parsed.values.automatic ? null : await reviewedViews(store);
    const { statuses, automatic } = views ? views.timeline(placeId, timeline.statuses) : { statuses: timeline.statuses, automatic: null };
    const review = views?.reviewOf('status', placeId) ?? null;
    if (parsed.values.json) {
      // As GET /api/timeline answers: `automaticStatuses` only when reviews change the statuses.
      io.out(`${JSON.stringify({ ...timeline, statuses, ...(automatic ? { automaticStatuses: automatic } : {}), ...(views ? { review } : {}) }, null, 2)}\n`);
      return EXIT_OK;
    }
    const lines = (list: readonly ControlStatus[]) => list.map((s) => `  ${s.from}  ${s.state}${s.by ? ` by ${s.by}` : ''}${s.denied ? ' (denied)' : ''}\n      ${s.why}\n      claims: ${[...new Set(s.claims.map((r) => r.doc.slice(0, 12)))].join(', ')}`).join('\n');
    let text = `${timeline.label} (${timeline.place})${automatic ? ', as reviewed' : ''}\n${lines(statuses)}\n`;
    if (review) text += `  review of the status: ${review.decision}${review.corrections.state ? ` to ${review.corrections.state}${review.corrections.by ? ` by ${review.corrections.by}` : ''}` : ''} by ${review.actor}, ${review.at.slice(0, 10)}: ${review.reason}\n`;
    if (automatic) text += `As read, before the reviews:\n${lines(automatic)}\n`;
    io.out(text);
    return EXIT_OK;
  } finally {
    await store.close();
  }
}
