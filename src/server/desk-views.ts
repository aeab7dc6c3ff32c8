import { readFileSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { CONTROL_PREDICATES, ledgerClaimsOf, type LedgerClaim } from '../ledger/index.js';
import { claimRefKey, contradictionStands, lookbackFrom, reviewedClaim, reviewedTimeline, type ClaimDecision } from '../ledger/reviewed.js';
import type { Contradiction, ControlStatus } from '../model/index.js';
import { createSourceRegistry, credibility, registryFile, sourceEntry, type Credibility, type SourceEntry, type SourceRegistry } from '../ledger/source-registry.js';
import type { DeskStore, ReviewRecord } from '../store/desk/desk-store.js';
import type { Store } from '../store/store.js';
import { ledgerKeyOfPlaceId, placeIdOfLedgerKey, type ClaimView, type ContradictionView } from './ledger-view.js';
import { LruCache } from './lru-cache.js';

export const DEFAULT_REGISTRY_FILE = fileURLToPath(new URL('../../data/sources/registry.json', import.meta.url));

/** The registry file's entries; a bad file is a configuration error naming the file and the problem. */
export function loadRegistryFile(file: string = DEFAULT_REGISTRY_FILE): SourceEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the source registry ${file}: ${(error as Error).message}`);
  }
  const parsed = registryFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`the source registry ${file} is not valid at ${issue.path.join('.')}: ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const e of parsed.data.entries) {
    if (seen.has(e.id)) throw new Error(`the source registry ${file} has the id ${e.id} twice`);
    seen.add(e.id);
  }
  return parsed.data.entries;
}

/** The review in force on an item, as the API shows it. */
export interface ReviewView {
  readonly seq: number;
  readonly decision: ReviewRecord['decision'];
  readonly corrections: ReviewRecord['corrections'];
  readonly reason: string;
  readonly actor: string;
  readonly at: string;
}

/** A claim as the desk shows it: the review in force applied over the automatic reading, which is kept in `automatic`. */
export interface DeskClaimView extends ClaimView {
  readonly review: ReviewView | null;
  readonly automatic?: Readonly<Record<string, unknown>>;
  readonly registry: Pick<SourceEntry, 'id' | 'name' | 'kind' | 'side' | 'owner' | 'reliability'> | null;
  readonly credibility: Credibility;
}

export const claimKey = (doc: string, claim: string) => `${doc}|${claim}`;

/** Related claims not reviewed read at most to tell whether a contradiction stands without its reviewed ones. */
const RELATED_READ = 20;

/**
 * Stored claims kept in memory at most (reviewed claims, and the few related claims a
 * contradiction's standing reads): each is a document read, so they are kept, but a server
 * running for months with reviews and contradictions to match must not keep every one.
 */
export const REVIEWED_CLAIMS_CACHED = 5000;

const reviewView = (r: ReviewRecord): ReviewView => ({ seq: r.seq, decision: r.decision, corrections: r.corrections, reason: r.reason, actor: r.actor, at: r.at });

/**
 * What the desk adds to the ledger's views when they are read (an overlay: the stored ledger
 * keeps the automatic reading, so both are kept): the review in force on each claim,
 * contradiction and status, the registry entry of each claim's source, and its credibility.
 * Reviews are read incrementally (only those after the last seen); registry edits are reread
 * after a write through this server or after 5 s.
 */
export interface DeskViews {
  /**
   * Reads the reviews (and registry edits) since the last call, and recomputes the reviewed
   * timelines they or the ledger's changes touch. Single-flight: calls while one runs share one
   * more run after it (which sees what was written meanwhile), so concurrent first requests after
   * a start warm the timelines once. The server calls it when it starts (in the background).
   */
  refresh(): Promise<void>;
  registry(): SourceRegistry;
  /** The review in force on a target (kind, key), if any. */
  reviewOf(kind: string, key: string): ReviewView | null;
  claims(views: readonly ClaimView[]): Promise<DeskClaimView[]>;
  /**
   * Contradictions with their claims as reviewed; `stands` is false when reviews of the claims it
   * rests on undo it (its only claim on one side rejected, or corrected to agree).
   */
  contradictions<T extends ContradictionView>(views: readonly T[]): Promise<Array<Omit<T, 'a' | 'b'> & { a: DeskClaimView | null; b: DeskClaimView | null; review: ReviewView | null; stands: boolean }>>;
  /**
   * A place's control timeline with the reviewed claims (rejected ones left out, corrected ones as
   * corrected): `statuses` as the ledger now stands, `automatic` the stored timeline when the
   * reviews change it (null when they do not).
   */
  timeline(placeId: string, stored: readonly ControlStatus[]): { statuses: readonly ControlStatus[]; automatic: readonly ControlStatus[] | null };
  /** The status of a place with the review in force applied; `automaticStatus` keeps the ledger's. */
  status<T extends { readonly id: string; readonly status: string; readonly statusBy: string | null }>(place: T): T & { review: ReviewView | null; automaticStatus?: { status: string; statusBy: string | null } };
  /** Whether a ledger contradiction stands with the reviews (its two claims read when reviews touch it), and the review of it in force (the CLI's list). */
  standing(x: Contradiction): Promise<{ stands: boolean; review: ReviewView | null }>;
  /** How many stored claims are held in memory now (at most `reviewedClaimsCached`). */
  cachedClaims(): number;
}

export function createDeskViews(options: {
  store: Store; desk: DeskStore | null; generation: () => number; registryFile?: string; now?: () => number;
  /** Stored claims kept in memory at most (default REVIEWED_CLAIMS_CACHED). */
  reviewedClaimsCached?: number;
}): DeskViews {
  const fileEntries = loadRegistryFile(options.registryFile);
  const clock = options.now ?? Date.now;
  let registry = createSourceRegistry(fileEntries);
  let registryAt = { generation: -1, at: 0 };
  let lastSeq = 0;
  const inForce = new Map<string, ReviewView>();
  /** Claim reviews that change the claim (reject, correct), by `doc|claim`, places as ledger keys. */
  const decisions = new Map<string, ClaimDecision>();
  /** Reviewed claims as stored, by `doc|claim` (null: no longer stored), the most recently used kept. */
  const reviewedStored = new LruCache<string, LedgerClaim | null>(options.reviewedClaimsCached ?? REVIEWED_CLAIMS_CACHED);
  /** Place id -> timeline as reviewed, for the places a reviewed claim is (or was) about. */
  let timelines = new Map<string, readonly ControlStatus[]>();
  let timelinesAt = { generation: -1, at: 0, changeSeq: -1 };
  let timelinesRun: Promise<void> | null = null;
  /** Whether a contradiction with reviewed claims stands, per version of the reviews and the ledger. */
  const standing = new Map<string, { version: string; stands: boolean }>();
  // Claims of a proposition, for credibility: per generation, a few hundred propositions at most.
  let propositionCache = { generation: -1, claims: new Map<string, Promise<LedgerClaim[]>>() };

  const claimsOf = (proposition: string): Promise<LedgerClaim[]> => {
    if (propositionCache.generation !== options.generation() || propositionCache.claims.size > 2000) propositionCache = { generation: options.generation(), claims: new Map() };
    let found = propositionCache.claims.get(proposition);
    if (!found) {
      found = options.store.ledger ? options.store.ledger.listClaims({ proposition, limit: 200 }) : Promise.resolve([]);
      propositionCache.claims.set(proposition, found);
      found.catch(() => propositionCache.claims.delete(proposition));
    }
    return found;
  };

  const storedClaim = async (key: string): Promise<LedgerClaim | null> => {
    if (reviewedStored.has(key)) return reviewedStored.get(key)!;
    const doc = await options.store.getDocument(key.slice(0, key.indexOf('|')));
    const id = key.slice(key.indexOf('|') + 1);
    const found = doc ? ledgerClaimsOf(doc).find((c) => c.claim.id === id) ?? null : null;
    reviewedStored.set(key, found);
    return found;
  };
  const placeArg = (c: LedgerClaim): string | null => c.claim.args.find((a) => a.role === 'place')?.key ?? null;
  const dayOf = (c: LedgerClaim): string | null => {
    const d = c.claim.about.window?.end ?? c.claim.statedAt.value?.slice(0, 10) ?? c.published?.slice(0, 10) ?? null;
    return d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null;
  };

  /**
   * The timelines of the places reviewed claims are about, recomputed with the reviews
   * (src/ledger/reviewed.ts) when a review is added, after a write through this server, or
   * after 5 s (ingests by others); a handful of places, each one claim query and one timeline.
   */
  /** The places a reviewed claim is about, as read and as reviewed. */
  const placesOf = async (key: string): Promise<string[]> => {
    const stored = await storedClaim(key);
    if (!stored) return [];
    const reviewed = reviewedClaim(stored, decisions.get(key));
    return [stored, reviewed].map((c) => c && placeArg(c)).filter((p): p is string => p !== null && p !== undefined);
  };

  /**
   * Recomputes the timelines of `only` (ledger place keys; all reviewed places when absent):
   * after a review, only the places of the claims it reviewed; after the ledger changed, all.
   */
  const recomputeTimelines = async (only?: ReadonlySet<string>): Promise<void> => {
    const ledger = options.store.ledger;
    const earliest = new Map<string, string>();
    const movedIn = new Map<string, LedgerClaim[]>();
    for (const key of decisions.keys()) {
      const stored = await storedClaim(key);
      // Only control claims make a timeline (a review keeps a claim's predicate): a place whose
      // reviewed claims are all of other kinds keeps its stored timeline, and is not read at all.
      if (!stored || !CONTROL_PREDICATES.has(stored.claim.predicate)) continue;
      const reviewed = reviewedClaim(stored, decisions.get(key));
      for (const c of [stored, reviewed]) {
        const place = c && placeArg(c);
        const day = c && dayOf(c);
        if (!place || !day || (only && !only.has(place))) continue;
        if (!earliest.has(place) || day < earliest.get(place)!) earliest.set(place, day);
        if (c === reviewed && place !== placeArg(stored)) movedIn.set(place, [...(movedIn.get(place) ?? []), stored]);
      }
    }
    const next = new Map(only ? timelines : []);
    for (const place of only ?? []) next.delete(placeIdOfLedgerKey(place));
    for (const [place, from] of earliest) {
      // Each place is a few synchronous reads (SQLite) and a timeline: the event loop gets a turn
      // between places, so a warm-up of a hundred places does not hold /healthz or other requests.
      await nextTurn();
      const stored = (await ledger.timeline(place))?.statuses ?? [];
      // Only control claims make a timeline: one read per control predicate, the newest 1,000 of each
      // (the automatic and the reviewed timeline are computed over the same claims, so a cap moves both alike).
      const read = await Promise.all([...CONTROL_PREDICATES].map((predicate) => ledger.listClaims({ place, predicate, since: lookbackFrom(from), limit: 1000 })));
      const claims = [...read.flat(), ...(movedIn.get(place) ?? [])];
      const reviewed = reviewedTimeline(stored, place, from, claims, decisions);
      if (reviewed) next.set(placeIdOfLedgerKey(place), reviewed);
    }
    timelines = next;
  };

  const applyClaim = async (view: ClaimView): Promise<DeskClaimView> => {
    const review = inForce.get(`claim\u0000${claimKey(view.doc, view.claim.id)}`) ?? null;
    let shown: ClaimView = view;
    let automatic: Record<string, unknown> | undefined;
    if (review?.decision === 'correct') {
      const c = review.corrections;
      automatic = {};
      let claim = view.claim;
      let source = view.source;
      let placeId = view.placeId;
      let date = view.date;
      if (c.side !== undefined) { automatic.side = claim.side; claim = { ...claim, side: c.side }; source = { ...source, side: c.side }; }
      if (c.stance !== undefined) { automatic.stance = claim.stance; claim = { ...claim, stance: c.stance as typeof claim.stance }; }
      if (c.proposition !== undefined) { automatic.proposition = claim.proposition; claim = { ...claim, proposition: c.proposition }; }
      if (c.source !== undefined) { automatic.source = source.key; source = { ...source, key: c.source, name: registry.get(c.source)?.name ?? c.source }; }
      if (c.place !== undefined) { automatic.placeId = placeId; placeId = c.place; }
      if (c.time !== undefined) { automatic.date = date; date = c.time; claim = { ...claim, about: { ...claim.about, window: { start: c.time, end: c.time } } }; }
      shown = { ...view, claim, source, placeId, date };
    }
    const entry = registry.get(review?.corrections.source ?? '') ?? registry.entryOf(shown);
    const others = await claimsOf(view.claim.proposition);
    return {
      ...shown, review, ...(automatic ? { automatic } : {}),
      registry: entry ? { id: entry.id, name: entry.name, kind: entry.kind, side: entry.side, owner: entry.owner, reliability: entry.reliability } : null,
      credibility: credibility(registry, shown, others.some((o) => o.doc === view.doc && o.claim.id === view.claim.id) ? others : [...others, view]),
    };
  };

  /**
   * Whether a contradiction stands with the reviews: `known` holds claims already in hand (the
   * view's two). Its two claims and the reviewed ones are read once; of the related claims not
   * reviewed (a wire story's copies can make hundreds) only the first few are read, and only when
   * the reviewed ones alone undo it: one of them still holding a side keeps it standing.
   */
  const standingOf = async (x: Contradiction, known: ReadonlyMap<string, LedgerClaim>): Promise<{ stands: boolean; review: ReviewView | null }> => {
    const refs = [x.a, x.b, ...x.related].map((r) => `${r.doc}|${r.claim}`);
    const own = new Set(refs.slice(0, 2));
    let stands = true;
    if (refs.some((r) => decisions.has(r))) {
      const version = `${lastSeq}/${options.generation()}`;
      const cached = standing.get(x.id);
      if (cached?.version === version) stands = cached.stands;
      else {
        const load = async (keys: readonly string[]) => (await Promise.all(keys.map(async (r) => known.get(r) ?? (await storedClaim(r))))).filter((c): c is LedgerClaim => c !== null);
        const first = await load(refs.filter((r) => own.has(r) || known.has(r) || decisions.has(r)));
        stands = contradictionStands(x, first, decisions);
        const others = refs.filter((r) => !own.has(r) && !known.has(r) && !decisions.has(r)).slice(0, RELATED_READ);
        if (!stands && others.length > 0) stands = contradictionStands(x, [...first, ...await load(others)], decisions);
        if (standing.size > 5000) standing.clear();
        standing.set(x.id, { version, stands });
      }
    }
    const review = inForce.get(`contradiction\u0000${x.id}`) ?? null;
    // An analyst's rejection of the contradiction itself undoes it too; a confirmation keeps it whatever its claims.
    if (review) stands = review.decision !== 'reject';
    return { stands, review };
  };

  const refreshOnce = async (): Promise<void> => {
    if (options.desk) {
      const touched = new Set<string>();
      for (const r of await options.desk.listReviews({ afterSeq: lastSeq })) {
        inForce.set(`${r.target.kind}\u0000${r.target.key}`, reviewView(r));
        if (r.target.kind === 'claim') {
          for (const place of await placesOf(r.target.key)) touched.add(place);
          if (r.decision === 'confirm') decisions.delete(r.target.key);
          else decisions.set(r.target.key, { decision: r.decision, corrections: { ...r.corrections, ...(r.corrections.place ? { place: ledgerKeyOfPlaceId(r.corrections.place) } : {}) } });
          for (const place of await placesOf(r.target.key)) touched.add(place);
        }
        lastSeq = r.seq;
      }
      if (decisions.size === 0) timelines = new Map();
      else {
        // The ledger changed: a write through this server (generation), or by anyone (the change
        // log's newest record, read at most every 5 s: one small query).
        let ledgerChanged = timelinesAt.generation !== options.generation();
        if (!ledgerChanged && clock() - timelinesAt.at > 5000) {
          const changeSeq = await options.desk.latestChangeSeq();
          ledgerChanged = changeSeq !== timelinesAt.changeSeq;
          timelinesAt = { ...timelinesAt, at: clock(), changeSeq };
        }
        const start = (only?: ReadonlySet<string>) => {
          const run: Promise<void> = recomputeTimelines(only)
            .catch((error: unknown) => { timelinesAt = { generation: -1, at: 0, changeSeq: -1 }; throw error; })
            .finally(() => { if (timelinesRun === run) timelinesRun = null; });
          timelinesRun = run;
          return run;
        };
        const first = timelinesAt.generation === -1;
        if (first) {
          // The warm-up (the server starts it): every reviewed place, awaited. The change log's newest
          // record is taken first, so the 5 s check after it sees no change it has not counted.
          const changeSeq = await options.desk.latestChangeSeq();
          timelinesAt = { generation: options.generation(), at: clock(), changeSeq };
          await start();
        } else if (ledgerChanged) {
          // Caught up in the background: reads meanwhile see the timelines a moment old.
          timelinesAt = { ...timelinesAt, generation: options.generation(), at: clock() };
          if (!timelinesRun) start().catch(() => undefined);
        }
        if (touched.size > 0 && !first) {
          // A new review is awaited (its author sees its effect at once), for its places only; a run
          // started before it read the decisions without it.
          await timelinesRun?.catch(() => undefined);
          await start(touched);
        }
      }
      if (registryAt.generation !== options.generation() || clock() - registryAt.at > 5000) {
        const edits = await options.desk.listSourceEdits();
        const merged = new Map(fileEntries.map((e) => [e.id, e]));
        for (const [id, entry] of edits) {
          const parsed = sourceEntry.safeParse(entry);
          if (parsed.success) merged.set(id, parsed.data);
        }
        registry = createSourceRegistry([...merged.values()]);
        registryAt = { generation: options.generation(), at: clock() };
      }
    }
  };
  let refreshing: Promise<void> | null = null;
  let refreshAgain: Promise<void> | null = null;
  const refresh = (): Promise<void> => {
    if (!refreshing) {
      const run: Promise<void> = refreshOnce().finally(() => { if (refreshing === run) refreshing = null; });
      refreshing = run;
      return run;
    }
    // A run is under way and may have read the reviews before this caller's write: one more run
    // after it, shared by every caller that came meanwhile.
    refreshAgain ??= refreshing.catch(() => undefined).then(() => { refreshAgain = null; return refresh(); });
    return refreshAgain;
  };

  return {
    refresh,
    registry: () => registry,
    reviewOf: (kind, key) => inForce.get(`${kind}\u0000${key}`) ?? null,
    claims: (views) => Promise.all(views.map(applyClaim)),
    async contradictions(views) {
      return Promise.all(views.map(async (v) => {
        const known = new Map([v.a, v.b].filter((c): c is ClaimView => c !== null).map((c) => [claimRefKey(c), c as LedgerClaim]));
        const { stands, review } = await standingOf(v.contradiction, known);
        return { ...v, a: v.a ? await applyClaim(v.a) : null, b: v.b ? await applyClaim(v.b) : null, review, stands };
      }));
    },
    standing: (x) => standingOf(x, new Map()),
    cachedClaims: () => reviewedStored.size,
    timeline(placeId, stored) {
      const reviewed = timelines.get(placeId);
      return reviewed ? { statuses: reviewed, automatic: stored } : { statuses: stored, automatic: null };
    },
    status(place) {
      const review = inForce.get(`status\u0000${place.id}`) ?? null;
      if (review?.decision !== 'correct') return { ...place, review };
      return {
        ...place, review,
        status: review.corrections.state ?? place.status, statusBy: review.corrections.by ?? place.statusBy,
        automaticStatus: { status: place.status, statusBy: place.statusBy },
      };
    },
  };
}
