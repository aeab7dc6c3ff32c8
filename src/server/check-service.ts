import { readFile } from 'node:fs/promises';
import { candidateKeys, checkClaim, type CheckResult, type LedgerClaim, type LedgerReader, type StanceFn } from '../ledger/index.js';
import { createStanceOf, cueLexicon, parseStanceModel } from '../ledger/stance/index.js';
import type { Claim } from '../model/index.js';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';

/** Candidates fetched per proposition, place or predicate of the query (newest first); the same as `counterclaim check`. */
const CANDIDATES_PER_KEY = 500;

/** Checks one plain-English claim against a ledger. */
export type CheckService = (ledger: LedgerReader, query: string, limit: number) => Promise<CheckResult>;

/**
 * What `counterclaim check` does (src/cli/check.ts), for the server: the query
 * is read by the claims stage as the reporter's own sentence, candidates are
 * fetched from the ledger by proposition, place (or a place the ledger knows
 * by name) and predicate, and `checkClaim` decides. The pipeline and the
 * stance model are loaded on first use, so a server nobody asks never loads them.
 *
 * The orchestration is a copy of the CLI's; it belongs in src/ledger (one
 * `checkAgainstLedger` both call) — noted for the ledger's owners.
 */
export function createCheckService(db: string | undefined): CheckService {
  let pipeline: Promise<ReturnType<typeof createPipeline>> | null = null;
  let stance: Promise<StanceFn | null> | null = null;
  return async (ledger, query, limit) => {
    pipeline ??= loadResources(db === undefined ? {} : { db }).then(createPipeline);
    stance ??= loadStanceOf();
    const read = (await pipeline).read({ id: 'query', text: query.endsWith('.') ? query : `${query}.`, meta: { title: null, outlet: null, url: null, published: null, language: 'en', source: null }, diagnostics: [] });
    return checkWithClaims(ledger, query, read.claims, read.places.map((p) => p.span), await stance, limit);
  };
}

/** The candidate search and the decision, given the claims read from the query. */
export async function checkWithClaims(ledger: LedgerReader, query: string, queryClaims: readonly Claim[], placeSpans: ReadonlyArray<readonly [number, number]>, stanceOf: StanceFn | null, limit: number): Promise<CheckResult> {
  const { places, predicates } = candidateKeys(queryClaims);
  const placeHint = places.length === 0 ? await knownPlaceNamed(ledger, query, placeSpans) : null;
  if (placeHint) places.push(placeHint.key);
  const seen = new Map<string, LedgerClaim>();
  const add = (list: readonly LedgerClaim[]): void => { for (const c of list) seen.set(`${c.doc}\u0000${c.claim.id}`, c); };
  for (const c of queryClaims) if (c.predicate !== 'said' && !c.proposition.includes('?')) add(await ledger.listClaims({ proposition: c.proposition, predicate: c.predicate, limit: CANDIDATES_PER_KEY }));
  for (const place of places) add(await ledger.listClaims({ place, limit: CANDIDATES_PER_KEY }));
  if (places.length === 0) for (const predicate of predicates) add(await ledger.listClaims({ predicate, limit: CANDIDATES_PER_KEY }));
  if (places.length === 0 && predicates.length === 0) add(await ledger.listClaims({ limit: CANDIDATES_PER_KEY }));
  return checkClaim({ query, queryClaims, candidates: [...seen.values()], stanceOf, placeHint, limit });
}

/**
 * The first capitalised name of one to three words in the query, outside the
 * places the pipeline found, that the ledger has a control timeline for.
 */
async function knownPlaceNamed(ledger: LedgerReader, query: string, found: ReadonlyArray<readonly [number, number]>): Promise<{ key: string; label: string } | null> {
  const words = [...query.matchAll(/\p{Lu}[\p{L}'’-]*/gu)].filter((m) => !found.some(([s, e]) => m.index >= s && m.index < e));
  for (let i = 0; i < words.length; i++) {
    for (let n = 3; n >= 1; n--) {
      const run = words.slice(i, i + n);
      if (run.length < n) continue;
      const name = query.slice(run[0]!.index, run[n - 1]!.index + run[n - 1]![0].length);
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
