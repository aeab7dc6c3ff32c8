import { parseArgs } from 'node:util';
import { z } from 'zod';
import { isoDateOrDateTime } from '../ingest/metadata.js';
import { openExistingStore } from './read-store.js';
import { SearchQueryError, type SearchHit } from '../store/store.js';
import { literalSearch } from '../store/search-text.js';
import type { CliIo } from './io.js';
import { EXIT_OK, UsageError } from './usage-error.js';

export const SEARCH_USAGE = `counterclaim search "QUERY" [options]

Full-text search over stored documents (all languages, analysed or not), best
match first, with the matched words highlighted. QUERY uses SQLite FTS5
syntax: words (all must match), "exact phrase", OR, NOT, prefix*; a QUERY that is
not in that syntax (Russia's, a lone quote) is searched as words, each as it is or
by its stem.

Options:
  --outlet NAME      only documents from this outlet (case-insensitive)
  --since DATE       only documents published on or after DATE (ISO 8601)
  --until DATE       only documents published on or before DATE
  --language CODE    only documents in this language (en, ru, uk)
  --limit N          at most N results (default 20)
  --json             print the results as JSON
  --db PATH          database file (default ./counterclaim.db, or $COUNTERCLAIM_DB)
`;

const flagsSchema = z.object({
  since: isoDateOrDateTime.optional(),
  until: isoDateOrDateTime.optional(),
  language: z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 code like en').optional(),
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(20),
});

export async function searchCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        outlet: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' }, language: { type: 'string' },
        limit: { type: 'string' }, json: { type: 'boolean', default: false }, db: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const text = positionals.join(' ').trim();
  if (text === '') throw new UsageError('search needs a QUERY');
  const flags = flagsSchema.safeParse({ since: values.since, until: values.until, language: values.language, limit: values.limit });
  if (!flags.success) {
    const issue = flags.error.issues[0]!;
    throw new UsageError(`--${String(issue.path[0])} ${issue.message}`);
  }
  const store = await openExistingStore(values.db);
  let hits: SearchHit[];
  const run = (query: string) => store.searchDocuments({
    text: query,
    ...(values.outlet !== undefined ? { outlet: values.outlet } : {}),
    ...(flags.data.since !== undefined ? { since: flags.data.since } : {}),
    ...(flags.data.until !== undefined ? { until: flags.data.until } : {}),
    ...(flags.data.language !== undefined ? { language: flags.data.language } : {}),
    limit: flags.data.limit,
  });
  try {
    hits = await run(text);
  } catch (error) {
    if (!(error instanceof SearchQueryError)) throw error;
    // Not the search syntax (an apostrophe, a lone quote or operator: Russia's): search the words as they are.
    const literal = literalSearch(text);
    if (literal === null) throw new UsageError(error.message);
    hits = await run(literal);
  } finally {
    await store.close();
  }
  if (values.json) {
    io.out(`${JSON.stringify({ query: text, results: hits }, null, 2)}\n`);
    return EXIT_OK;
  }
  if (hits.length === 0) {
    io.out(`no documents match ${JSON.stringify(text)}\n`);
    return EXIT_OK;
  }
  for (const hit of hits) io.out(formatHit(hit, io.isTty));
  return EXIT_OK;
}

/** One result: a heading line, then the snippet with matches in bold on a terminal or **marked** otherwise. */
export function formatHit(hit: SearchHit, tty: boolean): string {
  const safe = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  const [open, close] = tty ? ['\x1b[1m', '\x1b[22m'] : ['**', '**'];
  let snippet = '';
  let at = 0;
  for (const [start, end] of hit.highlights) {
    snippet += safe(hit.snippet.slice(at, start)) + open + safe(hit.snippet.slice(start, end)) + close;
    at = end;
  }
  snippet += safe(hit.snippet.slice(at));
  const head = [hit.published?.slice(0, 10), hit.outlet, hit.title].filter(Boolean).map((s) => safe(s!)).join(' · ') || safe(hit.source ?? hit.id);
  const notes = [!hit.analyzed ? `${hit.language ? `language ${hit.language}, ` : ''}not analysed` : null, hit.duplicateOf ? `near-duplicate of ${hit.duplicateOf.slice(0, 12)}` : null].filter(Boolean);
  return `${head}${notes.length > 0 ? `  (${notes.join('; ')})` : ''}\n  ${hit.id.slice(0, 12)}  ${safe(hit.source ?? '')}\n  ${snippet}\n\n`;
}
