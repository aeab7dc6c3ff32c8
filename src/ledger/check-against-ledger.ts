import type { Claim } from '../model/index.js';
import { candidateKeys, checkClaim, type CheckResult, type StanceFn } from './check.js';
import type { LedgerClaim } from './ledger-claim.js';
import type { LedgerReader } from './ledger-reader.js';

/** Candidates fetched per proposition, place or predicate of the query (newest first). */
export const CANDIDATES_PER_KEY = 500;

/** What reading the query yields: its claims and the spans of the places found in it. */
export interface ReadQuery {
  readonly claims: readonly Claim[];
  readonly placeSpans: ReadonlyArray<readonly [number, number]>;
}

export interface CheckDeps {
  /** Reads the query with the pipeline as the reporter's own sentence (the caller owns the pipeline). */
  readonly read: (query: string) => ReadQuery | Promise<ReadQuery>;
  /** The stance model; null: proposition matches only. */
  readonly stanceOf: StanceFn | null;
  readonly limit?: number;
}

/**
 * `counterclaim check` and `/api/check`: the query is read (deps.read),
 * candidates are fetched from the ledger by proposition, by place (or a place
 * the ledger knows by name that the places stage could not resolve alone) and
 * by predicate, and `checkClaim` decides.
 *
 * @example
 * const result = await checkAgainstLedger(store.ledger, 'Russian forces encircled Ukrainian troops in Pokrovsk', { read, stanceOf });
 * result.summary // { supports: 2, contradicts: 1, discusses: … }
 */
export async function checkAgainstLedger(ledger: LedgerReader, query: string, deps: CheckDeps): Promise<CheckResult> {
  const read = await deps.read(query);
  const { places, predicates } = candidateKeys(read.claims);
  const placeHint = places.length === 0 ? await knownPlaceNamed(ledger, query, read.placeSpans) : null;
  if (placeHint) places.push(placeHint.key);
  const seen = new Map<string, LedgerClaim>();
  const add = (list: readonly LedgerClaim[]): void => { for (const c of list) seen.set(`${c.doc}\u0000${c.claim.id}`, c); };
  for (const c of read.claims) if (c.predicate !== 'said' && !c.proposition.includes('?')) add(await ledger.listClaims({ proposition: c.proposition, predicate: c.predicate, limit: CANDIDATES_PER_KEY }));
  for (const place of places) add(await ledger.listClaims({ place, limit: CANDIDATES_PER_KEY }));
  if (places.length === 0) for (const predicate of predicates) add(await ledger.listClaims({ predicate, limit: CANDIDATES_PER_KEY }));
  if (places.length === 0 && predicates.length === 0) add(await ledger.listClaims({ limit: CANDIDATES_PER_KEY }));
  return checkClaim({ query, queryClaims: read.claims, candidates: [...seen.values()], stanceOf: deps.stanceOf, placeHint, ...(deps.limit === undefined ? {} : { limit: deps.limit }) });
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

/** The shipped stance model (models/stance with data/stance/cues.json), or null where it is missing: then only proposition matches are made. */
export async function loadShippedStanceOf(): Promise<StanceFn | null> {
  const [{ readFile }, { createStanceOf, cueLexicon, parseStanceModel }] = await Promise.all([import('node:fs/promises'), import('./stance/index.js')]);
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
