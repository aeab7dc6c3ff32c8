import { parseArgs } from 'node:util';
import { checkAgainstLedger, loadShippedStanceOf, readableProposition, type CheckMatch } from '../ledger/index.js';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import { openExistingStore } from './read-store.js';
import type { CliIo } from './io.js';
import { EXIT_OK, UsageError } from './usage-error.js';

export const CHECK_USAGE = `counterclaim check "a claim in plain English" [--json]

Checks a claim against the ledger: the claims that support, contradict or
discuss it, with their sources (document, outlet, source, side, date, sentence).
The claim is read with the claims stage (as the reporter's own sentence) and
matched by proposition; other claims about the same places or predicates are
put to the stance model (FNC-1 agree / disagree / discuss / unrelated).

Options:
  --limit N   at most N matching claims (default 50)
  --json      JSON instead of text
  --db PATH   database file (default ./counterclaim.db, or $COUNTERCLAIM_DB)

Exit codes: 0 answered (even with no matches), 2 usage error.
`;

export async function checkCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], strict: true, allowPositionals: true, options: {
      json: { type: 'boolean', default: false }, limit: { type: 'string' }, db: { type: 'string' },
    } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const query = parsed.positionals.join(' ').replace(/\s+/g, ' ').trim();
  if (!query) throw new UsageError('check needs a claim, e.g. counterclaim check "Russian forces captured Pokrovsk"');
  if (query.length > 2000) throw new UsageError('the claim is longer than 2000 characters; check one sentence at a time');
  const limit = parsed.values.limit === undefined ? 50 : Number(parsed.values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive integer');

  const store = await openExistingStore(parsed.values.db);
  try {
    const pipeline = createPipeline(await loadResources({ db: parsed.values.db }));
    // The query as the reporter's own sentence, with no publication date: its times are read but not anchored to a day.
    const readQuery = (text: string) => {
      const doc = pipeline.read({ id: 'query', text: text.endsWith('.') ? text : `${text}.`, meta: { title: null, outlet: null, url: null, published: null, language: 'en', source: null }, diagnostics: [] });
      return { claims: doc.claims, placeSpans: doc.places.map((p) => p.span) };
    };
    const result = await checkAgainstLedger(store.ledger, query, { read: readQuery, stanceOf: await loadShippedStanceOf(), limit });
    if (parsed.values.json) {
      io.out(`${JSON.stringify(result, null, 2)}\n`);
      return EXIT_OK;
    }
    const read = result.propositions.length
      ? result.propositions.map((p) => `${p.polarity === 'negative' ? 'NOT ' : ''}${p.readable}`).join('; ')
      : 'no proposition of the vocabulary (matched by stance only)';
    const lines = [`Claim: ${query}`, `Read as: ${read}`, `Sources: ${result.summary.supports} support, ${result.summary.contradicts} contradict, ${result.summary.discusses} discuss`];
    for (const decision of ['supports', 'contradicts', 'discusses'] as const) {
      const list = result.matches.filter((m) => m.decision === decision);
      if (list.length === 0) continue;
      lines.push('', `${decision[0]!.toUpperCase()}${decision.slice(1)} (${list.length}):`, ...list.map(describe));
    }
    if (result.matches.length === 0) lines.push('', 'Nothing in the ledger bears on it.');
    io.out(`${lines.join('\n')}\n`);
    return EXIT_OK;
  } finally {
    await store.close();
  }
}

function describe(m: CheckMatch): string {
  const c = m.claim;
  const why = m.basis === 'proposition' ? 'same proposition' : `stance ${m.score}`;
  const sentence = (c.sentence ?? c.claim.text).replace(/\s+/g, ' ').trim();
  // A stance match judges the sentence, not one proposition of it.
  const what = m.basis === 'proposition' ? `${c.claim.polarity === 'negative' ? 'NOT ' : ''}${readableProposition(c.claim)}  ` : '';
  return [
    `  ${c.claim.statedAt.value ?? c.published ?? 'undated'}  ${c.source.name} (${c.claim.side}, ${c.claim.grade})  ${what}[${why}]`,
    `      document ${c.doc.slice(0, 12)}${c.outlet ? ` · ${c.outlet}` : ''}${c.url ? ` · ${c.url}` : ''}`,
    `      "${sentence.length > 240 ? `${sentence.slice(0, 239)}…` : sentence}"`,
  ].join('\n');
}
