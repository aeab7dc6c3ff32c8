import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { deskOf } from '../store/desk/open-desk.js';
import { StoreError } from '../store/store.js';
import { createDeskViews } from '../server/desk-views.js';
import { ApiError, describeIssues } from '../server/errors.js';
import { goldRecords, reviewBody, submitReview } from '../server/review-service.js';
import type { CliIo } from './io.js';
import { openExistingStore } from './read-store.js';
import { EXIT_OK, UsageError } from './usage-error.js';
import { AS_OPTION, cliActor } from './users.js';

export const REVIEW_USAGE = `counterclaim review claim DOC_ID CLAIM_ID --confirm|--reject|--correct FIELD=VALUE... --reason TEXT
counterclaim review contradiction ID --confirm|--reject --reason TEXT
counterclaim review status PLACE --confirm|--reject|--correct state=VALUE[,by=SIDE] --reason TEXT
counterclaim review list [--json]
counterclaim review export --gold FILE

Reviews a claim, a contradiction or a place's control status: the ledger's views use
the review over the automatic reading and keep both; each review is an append-only
audit record (done by cli:<your login name>). A claim can be corrected in source,
side, stance, proposition, place (a place id), time (YYYY-MM-DD); a status in state
and by. 'export --gold' writes the reviewed claims as JSON Lines for
'npm run eval -- --only reviews --reviews FILE'.

Options:
  --confirm, --reject       the decision
  --correct FIELD=VALUE     a correction (repeat, or separate with commas)
  --reason TEXT             why (required)
  --json                    list as JSON
  --gold FILE               where export writes
  --db PATH                 database file (default ./counterclaim.db, or $COUNTERCLAIM_DB)
  --as NAME                 record the review as done by cli:NAME (default: cli:<your login name>)
`;

export async function reviewCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv], allowPositionals: true, strict: true,
      options: {
        confirm: { type: 'boolean', default: false }, reject: { type: 'boolean', default: false }, correct: { type: 'string', multiple: true },
        reason: { type: 'string' }, json: { type: 'boolean', default: false }, gold: { type: 'string' }, db: { type: 'string' }, ...AS_OPTION,
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [what, ...ids] = positionals;
  if (!['claim', 'contradiction', 'status', 'list', 'export'].includes(what ?? '')) throw new UsageError('review needs claim, contradiction, status, list or export');

  let body: unknown;
  if (what === 'claim' || what === 'contradiction' || what === 'status') {
    const wanted = what === 'claim' ? 2 : 1;
    if (ids.length !== wanted) throw new UsageError(`review ${what} needs ${what === 'claim' ? 'DOC_ID CLAIM_ID' : what === 'status' ? 'PLACE' : 'ID'}`);
    const decisions = [values.confirm && 'confirm', values.reject && 'reject', values.correct && 'correct'].filter(Boolean);
    if (decisions.length !== 1) throw new UsageError('give one decision: --confirm, --reject or --correct FIELD=VALUE');
    const corrections: Record<string, string | null> = {};
    for (const pair of (values.correct ?? []).flatMap((c) => c.split(','))) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UsageError(`--correct ${JSON.stringify(pair)} must be FIELD=VALUE`);
      const value = pair.slice(eq + 1).trim();
      corrections[pair.slice(0, eq).trim()] = value === '' ? null : value;
    }
    const target = what === 'claim' ? { kind: 'claim', doc: ids[0], claim: ids[1] } : what === 'status' ? { kind: 'status', place: ids[0] } : { kind: 'contradiction', id: ids[0] };
    body = { target, decision: decisions[0], ...(values.correct ? { corrections } : {}), reason: values.reason ?? '' };
  } else if (what === 'export' && !values.gold) throw new UsageError('review export needs --gold FILE');
  else if (ids.length > 0) throw new UsageError(`unexpected ${ids.join(' ')}`);

  const review = body === undefined ? null : reviewBody.safeParse(body);
  if (review && !review.success) throw new UsageError(describeIssues(review.error));

  const store = await openExistingStore(values.db);
  try {
    const desk = deskOf(store);
    if (!desk) throw new StoreError('this database has no desk tables');
    if (review?.success) {
      const views = createDeskViews({ store, desk, generation: () => 0 });
      try {
        const stored = await submitReview(store, desk, views, review.data, cliActor(new Date(), values.as));
        io.out(`${stored.decision} ${stored.target.kind} ${stored.target.key} (review ${stored.seq}, audit ${stored.auditSeq})\n`);
      } catch (error) {
        if (error instanceof ApiError) throw new UsageError(error.message);
        throw error;
      }
    } else if (what === 'list') {
      const reviews = (await desk.listReviews()).reverse();
      if (values.json) io.out(`${JSON.stringify({ reviews }, null, 2)}\n`);
      else if (reviews.length === 0) io.out('no reviews yet\n');
      else for (const r of reviews) io.out(`${r.at.slice(0, 16).replace('T', ' ')}  ${r.actor}  ${r.decision} ${r.target.kind} ${r.target.key}${Object.keys(r.corrections).length ? ` ${JSON.stringify(r.corrections)}` : ''}: ${r.reason}\n`);
    } else {
      const records = await goldRecords(store, desk);
      writeFileSync(values.gold!, records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : ''));
      io.out(`wrote ${records.length} reviewed claim${records.length === 1 ? '' : 's'} to ${values.gold}\n`);
    }
  } finally {
    await store.close();
  }
  return EXIT_OK;
}
