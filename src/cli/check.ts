import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { candidateKeys, checkClaim, readableProposition, type CheckMatch, type LedgerClaim, type LedgerReader, type StanceFn } from '../ledger/index.js';
import { createStanceOf, cueLexicon, parseStanceModel } from '../ledger/stance/index.js';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import { openStore } from '../store/open-store.js';
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

/** Candidates fetched per place or predicate of the query (newest first). */
const CANDIDATES_PER_KEY = 500;

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

  const store = await openStore(parsed.values.db);
  try {
    if (!store.ledger) throw new UsageError(`the ${store.kind} store keeps no ledger yet`);
    const pipeline = createPipeline(await loadResources({ db: parsed.values.db }));
    // The query as the reporter's own sentence, with no publication date: its times are read but not anchored to a day.
    const doc = pipeline.read({ id: 'query', text: query.endsWith('.') ? query : `${query}.`, meta: { title: null, outlet: null, url: null, published: null, language: 'en', source: null }, diagnostics: [] });
    const { places, predicates } = candidateKeys(doc.claims);
    const placeHint = places.length === 0 ? await knownPlaceNamed(store.ledger, query, doc.places.map((p) => p.span)) : null;
    if (placeHint) places.push(placeHint.key);
    const seen = new Map<string, LedgerClaim>();
    const add = (list: readonly LedgerClaim[]): void => { for (const c of list) seen.set(`${c.doc}\u0000${c.claim.id}`, c); };
    for (const c of doc.claims) if (c.predicate !== 'said' && !c.proposition.includes('?')) add(await store.ledger.listClaims({ proposition: c.proposition, predicate: c.predicate, limit: CANDIDATES_PER_KEY }));
    for (const place of places) add(await store.ledger.listClaims({ place, limit: CANDIDATES_PER_KEY }));
    if (places.length === 0) for (const predicate of predicates) add(await store.ledger.listClaims({ predicate, limit: CANDIDATES_PER_KEY }));
    if (places.length === 0 && predicates.length === 0) add(await store.ledger.listClaims({ limit: CANDIDATES_PER_KEY }));
    const result = checkClaim({ query, queryClaims: doc.claims, candidates: [...seen.values()], stanceOf: await loadStanceOf(), placeHint, limit });
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

/**
 * The first capitalised name of one to three words in the query, outside the
 * places the pipeline found, that the ledger has a control timeline for.
 */
async function knownPlaceNamed(ledger: LedgerReader, query: string, found: ReadonlyArray<readonly [number, number]>): Promise<{ key: string; label: string } | null> {
  const words = [...query.matchAll(/\p{Lu}[\p{L}'’-]*/gu)].filter((m) => !found.some(([s, e]) => m.index! >= s && m.index! < e));
  for (let i = 0; i < words.length; i++) {
    for (let n = 3; n >= 1; n--) {
      const run = words.slice(i, i + n);
      if (run.length < n) continue;
      const name = query.slice(run[0]!.index!, run[n - 1]!.index! + run[n - 1]![0].length);
      if (n > 1 && /[.,;:]/.test(name)) continue;
      const t = await ledger.timeline(name);
      if (t) return { key: t.place, label: t.label };
    }
  }
  return null;
}

/** The shipped stance model (models/stance), or null where it is missing: then only proposition matches are made. */
async function loadStanceOf(): Promise<StanceFn | null> {
  try {
    const [model, cues] = await Promise.all([
      readFile(new URL('../../models/stance/stance-model.json', import.meta.url), 'utf8'),
      readFile(new URL('../../data/stance/cues.json', import.meta.url), 'utf8'),
    ]);
    return createStanceOf(parseStanceModel(JSON.parse(model)), cueLexicon(JSON.parse(cues)));
  } catch {
    return null;
  }
}
