import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { sourceDocument } from '../ingest/index.js';
import type { AnalyzedDocument, Attribution, Contradiction, Side } from '../model/index.js';
import { controlTimeline, findContradictions, ledgerClaimsOf, statusOn, type LedgerClaim } from '../ledger/index.js';
import { loadResources } from '../read/load-resources.js';
import { createPipeline, type Pipeline, type Resources } from '../read/pipeline.js';
import { foldName } from '../gazetteer/fold.js';
import { prf, type DatasetScores, type Scorer } from './scorer.js';
import { timeValueCounts } from './warnews-times.js';
import { placeResolutionCounts } from './warnews-places.js';

/**
 * warnews (../shared/data/warnews, GUIDELINES.md): real war reporting with gold
 * attributions, control claims, expected contradictions and control status.
 * The texts are not distributed: they are re-collected into a git-ignored folder
 * (`--warnews DIR`, `$COUNTERCLAIM_WARNEWS`, default `.cache/warnews`) and the
 * gold is read from the dataset folder. Absent articles are counted and named.
 *
 * Metrics per set (docs/eval.md):
 * - `attr_all_right`: non-optional gold attributions whose content we found and
 *   whose source, side and stance are all right; `attr_content`, `attr_source`,
 *   `attr_side`, `attr_stance` each alone (a missed content counts as wrong for all);
 * - `contradictions_found`: expected contradictions for which the ledger built
 *   from the cluster's articles holds a contradiction between those two sides
 *   about the cluster's place or the first-level region that holds it (for an
 *   event cluster, about that event: a claim whose sentence names it);
 * - `status_right`: clusters with a gold status whose control status at the
 *   latest article is the gold one.
 */

interface GoldAttribution {
  readonly source: string | null;
  readonly resolves_to: string | null;
  readonly side: string | null;
  readonly stance: string;
  readonly cue: string | null;
  readonly content_keywords: string;
  readonly optional?: boolean;
}

export interface WarnewsGold {
  readonly attributions: readonly GoldAttribution[];
  readonly times?: readonly { text: string; value: string; type: string }[];
  readonly places?: readonly { text: string; name: string; geonameid: number | null; country: string }[];
}

interface Meta {
  readonly title?: string;
  readonly outlet?: string;
  readonly url?: string;
  readonly published?: string;
  readonly language?: string;
}

interface Cluster {
  readonly place: string;
  readonly articles: readonly string[];
  readonly expected_contradictions: readonly { a: string; b: string }[];
  readonly status_at_latest: string | null;
}

export interface WarnewsArticle {
  readonly id: string;
  readonly text: string;
  readonly meta: Meta;
  readonly gold: WarnewsGold;
  readonly doc: AnalyzedDocument;
}

/** Sides the guidelines treat as one camp (Sudan: the army and its government). */
const CAMP: Readonly<Record<string, string>> = { SAF: 'SD', WAGNER: 'RU' };
const camp = (side: string | null | undefined): string => {
  if (side === null || side === undefined || side === 'UNKNOWN') return 'UNKNOWN';
  return CAMP[side] ?? side;
};

// ---------------------------------------------------------------------------
// Names: whether our source names the entity the gold resolves to.

// "unnamed" and "anonymous" describe how the gold's annotator met a source, not a word of its name
const NAME_STOP = new Set(['the', 'of', 'for', 'a', 'an', 'and', 's', 'in', 'on', 'at', 'to', 'mr', 'ms', 'spokesman', 'spokeswoman', 'spokesperson', 'unnamed', 'anonymous']);

/** Cyrillic letters in a simple Latin transliteration, so a Russian or Ukrainian name meets its English gold (Трегубов ~ Trehubov). */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ye', ё: 'e', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'yi', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};
const latin = (text: string): string => text.toLowerCase().replace(/[\u0400-\u04ff]/g, (c) => CYRILLIC[c] ?? c);

function nameTokens(text: string): string[] {
  // dotted abbreviations are one word: "U.S." is "US", "U.K." is "UK"
  return latin(text).replace(/(?<!\p{L})((?:\p{L}\.){2,})/gu, (m) => m.replace(/\./g, '')).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’ʼ`]s\b/g, '').replace(/['’ʼ`]/g, '')
    .split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0 && !NAME_STOP.has(w));
}

/** Transliteration skeleton: Zelensky / Zelenskiy / Zelenskyy, Syrsky / Syrskyi, Defence / Defense agree. */
function skeleton(word: string): string {
  return word.replace(/kh/g, 'h').replace(/g/g, 'h').replace(/[yijh]/g, '').replace(/c/g, 's').replace(/(.)\1+/g, '$1');
}

function tokensMatch(a: string, b: string): boolean {
  if (a === b || skeleton(a) === skeleton(b)) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short.slice(0, Math.max(4, short.length - 2)));
}

/**
 * Whether a predicted name and the gold `resolves_to` name one entity: a
 * person's surname (the last word of a two-word-or-longer name) suffices;
 * otherwise at least half the gold's content words and no other country.
 */
export function sameEntityName(predicted: string, gold: string, countryWords: ReadonlyMap<string, Side>): boolean {
  const p = nameTokens(predicted);
  const g = nameTokens(gold);
  if (p.length === 0 || g.length === 0) return false;
  const sideOf = (ws: string[]): Set<string> => new Set(ws.map((w) => countryWords.get(w)).filter((s): s is string => s !== undefined));
  const ps = sideOf(p);
  const gs = sideOf(g);
  if (ps.size > 0 && gs.size > 0 && ![...ps].some((s) => gs.has(s))) return false;
  const matched = g.filter((w) => p.some((x) => tokensMatch(w, x)));
  const capitalised = gold.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  const looksLikePerson = capitalised.length >= 2 && capitalised.length === gold.split(/\s+/).length && gs.size === 0;
  if (looksLikePerson && p.some((x) => tokensMatch(g[g.length - 1]!, x))) return true;
  return matched.length >= Math.max(1, Math.ceil(g.length / 2)) && matched.length >= Math.min(g.length, p.length) / 2;
}

// ---------------------------------------------------------------------------
// Attributions

function occurrences(text: string, needle: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!needle) return out;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) out.push([at, at + needle.length]);
  return out;
}

const overlaps = (a: readonly [number, number], b: readonly [number, number]): boolean => a[0] < b[1] && b[0] < a[1];

function contentSpans(a: Attribution): Array<readonly [number, number]> {
  return [a.content.span, ...(a.contentParts ?? []).map((p) => p.span)];
}

const foldCue = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** The predicted attribution a gold one is read as: content over its keywords, the same cue first, then the nearest cue. */
export function matchAttribution(gold: GoldAttribution, text: string, predicted: readonly Attribution[]): Attribution | null {
  const keys = occurrences(text, gold.content_keywords);
  const candidates = predicted.filter((a) => a.voice === 'source' && keys.some((k) => contentSpans(a).some((s) => overlaps(s, k))));
  if (candidates.length === 0) return null;
  const cueWords = gold.cue ? foldCue(gold.cue) : null;
  const sameCue = candidates.filter((a) => a.cue && cueWords !== null && (foldCue(a.cue.text).includes(cueWords) || cueWords.includes(foldCue(a.cue.text))));
  const pool = sameCue.length > 0 ? sameCue : candidates;
  const anchor = keys[0]![0];
  return [...pool].sort((x, y) => Math.abs(x.span[0] - anchor) - Math.abs(y.span[0] - anchor))[0]!;
}

interface AttributionCounts {
  gold: number;
  allRight: number;
  content: number;
  source: number;
  side: number;
  stance: number;
}

function scoreAttributions(article: WarnewsArticle, countryWords: ReadonlyMap<string, Side>, counts: AttributionCounts, miss: (line: string) => void): void {
  const { doc, text } = article;
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  for (const gold of article.gold.attributions) {
    if (gold.optional) continue;
    counts.gold++;
    const found = matchAttribution(gold, text, doc.attributions);
    const want = `${gold.resolves_to ?? gold.source ?? '?'} [${gold.side ?? 'null'}] ${gold.stance} "${gold.cue ?? ''}" «${gold.content_keywords}»`;
    if (!found) {
      miss(`${article.id} content  : no attribution over ${want}`);
      continue;
    }
    counts.content++;
    const entity = found.speaker ? entities.get(found.speaker) : found.source?.entity ? entities.get(found.source.entity) : undefined;
    const name = entity?.name ?? found.source?.text ?? '';
    const sourceRight = gold.resolves_to === null ? entity === undefined || entity.kind === 'unnamed' : sameEntityName(name, gold.resolves_to, countryWords)
      || (entity?.role ? sameEntityName(`${entity.role} ${name}`, gold.resolves_to, countryWords) : false);
    const sideRight = camp(found.side) === camp(gold.side);
    const stanceRight = found.stance === gold.stance;
    if (sourceRight) counts.source++;
    if (sideRight) counts.side++;
    if (stanceRight) counts.stance++;
    if (sourceRight && sideRight && stanceRight) counts.allRight++;
    const got = `${name || '∅'} [${found.side}] ${found.stance} "${found.cue?.text ?? ''}"`;
    if (!sourceRight) miss(`${article.id} source   : got ${got}; want ${want}`);
    if (!sideRight) miss(`${article.id} side     : got ${got}; want ${want}`);
    if (!stanceRight) miss(`${article.id} stance   : got ${got}; want ${want}`);
  }
}

// ---------------------------------------------------------------------------
// Clusters: contradictions and control status

const EVENT_STOP = new Set(['the', 'of', 'al', 'city', 'sea', 'uss', 'd']);

/** The ledger keys a cluster's place can have: every gazetteer entry of that name (and of the later, wider parts of "X, Y"). */
function placeKeys(name: string, resources: Resources): { own: Set<string>; region: Set<string>; wider: Set<string>; words: string[] } {
  const gazetteer = resources.places?.gazetteer;
  const keysOf = (part: string): Set<string> => {
    const out = new Set<string>([`place:${part.toLowerCase().replace(/\s+/g, '-')}`]);
    if (!gazetteer) return out;
    // Spellings differ (Vuhledar / Ugledar): the gazetteer's romanisation skeleton reaches them too.
    for (const hit of [...gazetteer.lookup(foldName(part)), ...gazetteer.lookupSkeleton(foldName(part))]) {
      const entry = gazetteer.entry(hit.entry);
      if (entry.geonameId !== null) out.add(`geonames:${entry.geonameId}`);
    }
    return out;
  };
  const parts = name.split(',').map((p) => p.trim()).filter(Boolean);
  const own = keysOf(parts[0]!);
  // A contradiction about the region that holds the place is about the place too ("encircled in the
  // Kursk region" for Sudzha): the first-level division of each gazetteer entry of that name.
  const region = new Set<string>();
  if (gazetteer) {
    for (const hit of gazetteer.lookup(foldName(parts[0]!))) {
      const entry = gazetteer.entry(hit.entry);
      const admin = entry.admin1 ? gazetteer.adminName(`${entry.country}.${entry.admin1}`) : undefined;
      if (entry.featureClass === 'P' && admin) for (const k of keysOf(admin)) region.add(k);
    }
  }
  const wider = new Set(parts.slice(1).flatMap((p) => [...keysOf(p)]));
  const isPlace = [...own].some((k) => k.startsWith('geonames:'));
  const words = isPlace ? [] : nameTokens(parts[0]!).filter((w) => w.length >= 4 && !EVENT_STOP.has(w));
  return { own, region, wider, words };
}

function claimIsAbout(c: LedgerClaim, keys: { own: Set<string>; region: Set<string>; words: string[] }): boolean {
  if (c.claim.args.some((a) => keys.own.has(a.key) || keys.region.has(a.key))) return true;
  if (keys.words.length === 0) return false;
  const said = nameTokens(`${c.sentence ?? ''} ${c.claim.args.map((a) => a.label).join(' ')}`);
  return keys.words.some((w) => said.some((x) => tokensMatch(w, x)));
}

const sideOfExpected = (line: string): string => camp(line.slice(0, line.indexOf(':')).trim());

export function contradictionBetween(x: Contradiction, claims: ReadonlyMap<string, LedgerClaim>, sides: readonly [string, string], keys: { own: Set<string>; region: Set<string>; words: string[] }): boolean {
  const refs = [x.a, x.b, ...x.related];
  const cs = refs.map((r) => claims.get(`${r.doc}#${r.claim}`)).filter((c): c is LedgerClaim => c !== undefined);
  const has = (side: string): boolean => cs.some((c) => camp(c.claim.side) === side);
  return has(sides[0]) && has(sides[1]) && cs.some((c) => claimIsAbout(c, keys));
}

const STATE_NAME: Readonly<Record<string, string>> = {
  held: 'held', contested: 'contested', 'claimed-captured': 'claimed_captured', 'confirmed-captured': 'confirmed_captured', unknown: 'unknown',
};

/** The control status at a date of the place key with the most control claims among the cluster's keys. */
function statusAt(claims: readonly LedgerClaim[], keys: ReadonlySet<string>, date: string): { state: string; why: string } {
  let best: { key: string; n: number } | null = null;
  for (const key of keys) {
    const n = claims.filter((c) => c.claim.args.some((a) => a.role === 'place' && a.key === key)).length;
    if (n > 0 && (!best || n > best.n)) best = { key, n };
  }
  if (!best) return { state: 'unknown', why: 'no claim about the place' };
  const status = statusOn(controlTimeline(claims, best.key), date);
  return status ? { state: STATE_NAME[status.state] ?? status.state, why: status.why } : { state: 'unknown', why: `no status for ${best.key} on ${date}` };
}

// ---------------------------------------------------------------------------

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** The re-collected texts' folder: flag, environment, or the project's .cache/warnews. */
export function warnewsTextsDir(explicit: string | undefined): string {
  return path.resolve(explicit ?? process.env.COUNTERCLAIM_WARNEWS ?? path.join(import.meta.dirname, '..', '..', '.cache', 'warnews'));
}

export function readArticle(id: string, setDir: string, textDir: string, pipeline: Pipeline): WarnewsArticle | null {
  const textFile = path.join(textDir, `${id}.txt`);
  if (!existsSync(textFile)) return null;
  const text = readFileSync(textFile, 'utf8');
  const meta = readJson<Meta>(path.join(setDir, `${id}.meta.json`));
  const gold = readJson<WarnewsGold>(path.join(setDir, `${id}.gold.json`));
  const doc = pipeline.read(sourceDocument(text, {
    published: meta.published ?? null, outlet: meta.outlet ?? null, title: meta.title ?? null, url: meta.url ?? null, language: meta.language ?? null,
  }));
  return { id, text, meta, gold, doc };
}

/** Extra per-article metrics a set may have (times and places in dev-ru-uk), added by other modules. */
export type ArticleMetric = (article: WarnewsArticle) => { readonly name: string; readonly hit: number; readonly total: number; readonly misses: readonly string[] }[];
const articleMetrics: ArticleMetric[] = [];
export function addWarnewsArticleMetric(metric: ArticleMetric): void {
  articleMetrics.push(metric);
}

export const warnewsScorer: Scorer = {
    dataset: 'warnews',
    async score(dir, { misses, log, warnewsTexts }) {
      const resources = await loadResources();
      const pipeline = createPipeline(resources);
      const countryWords = new Map([...(resources.actors?.countries ?? []), ...(resources.actors?.demonyms ?? [])]);
      const out: DatasetScores = {};
      const sets = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
      for (const set of sets) {
        const setDir = path.join(dir, set);
        const ids = readdirSync(setDir).filter((f) => f.endsWith('.gold.json')).map((f) => f.slice(0, -'.gold.json'.length)).sort();
        const textDir = path.join(warnewsTextsDir(warnewsTexts), set);
        const articles = new Map<string, WarnewsArticle>();
        const absent: string[] = [];
        for (const id of ids) {
          const article = readArticle(id, setDir, textDir, pipeline);
          if (article) articles.set(id, article);
          else absent.push(id);
        }
        if (absent.length > 0) log(`warnews/${set}: ${absent.length} of ${ids.length} articles absent from ${textDir}: ${absent.join(', ')}`);
        if (articles.size === 0) continue;
        const miss = (line: string): void => { if (misses) log(`warnews/${set} ${line}`); };

        const counts: AttributionCounts = { gold: 0, allRight: 0, content: 0, source: 0, side: 0, stance: 0 };
        const extra = new Map<string, { hit: number; total: number }>();
        // Every time expression of the gold (dev-ru-uk): value F1 (warnews-times.ts)
        const times = { tp: 0, fp: 0, fn: 0, scored: false };
        for (const article of articles.values()) {
          scoreAttributions(article, countryWords, counts, miss);
          if (article.gold.times) {
            const t = timeValueCounts({ times: article.gold.times }, article.text, article.doc);
            times.tp += t.tp;
            times.fp += t.fp;
            times.fn += t.fn;
            times.scored = true;
            for (const line of t.misses) miss(`${article.id} time     : ${line}`);
          }
          // Every place form of the gold (dev-ru-uk): resolved to the right GeoNames id, or country (warnews-places.ts)
          if (article.gold.places) {
            const p = placeResolutionCounts({ places: article.gold.places }, article.text, article.doc);
            const e = extra.get('place_acc') ?? extra.set('place_acc', { hit: 0, total: 0 }).get('place_acc')!;
            e.hit += p.correct;
            e.total += p.total;
            for (const line of p.misses) miss(`${article.id} place    : ${line}`);
          }
          for (const metric of articleMetrics) {
            for (const m of metric(article)) {
              const e = extra.get(m.name) ?? extra.set(m.name, { hit: 0, total: 0 }).get(m.name)!;
              e.hit += m.hit;
              e.total += m.total;
              for (const line of m.misses) miss(`${article.id} ${m.name}: ${line}`);
            }
          }
        }

        let expected = 0;
        let found = 0;
        let statusGold = 0;
        let statusRight = 0;
        const clustersFile = path.join(setDir, 'clusters.json');
        const clusters = existsSync(clustersFile) ? readJson<{ clusters: Cluster[] }>(clustersFile).clusters : [];
        for (const cluster of clusters) {
          const docs = cluster.articles.map((id) => articles.get(id)).filter((a): a is WarnewsArticle => a !== undefined);
          if (docs.length === 0) continue;
          const claims = docs.flatMap((a) => ledgerClaimsOf({ ...a.doc, ...a.doc.meta }));
          const byRef = new Map(claims.map((c) => [`${c.doc}#${c.claim.id}`, c]));
          const contradictions = findContradictions(claims);
          const keys = placeKeys(cluster.place, resources);
          for (const x of cluster.expected_contradictions) {
            expected++;
            const sides: [string, string] = [sideOfExpected(x.a), sideOfExpected(x.b)];
            if (contradictions.some((c) => contradictionBetween(c, byRef, sides, keys))) found++;
            else miss(`contradiction: ${cluster.place} ${sides.join('–')} not found (${contradictions.length} in the ledger): ${x.a} ⟂ ${x.b}`);
          }
          if (cluster.status_at_latest) {
            statusGold++;
            const latest = docs.map((a) => a.meta.published ?? '').sort().at(-1)!;
            const got = statusAt(claims, new Set([...keys.own, ...keys.wider]), latest);
            if (got.state === cluster.status_at_latest) statusRight++;
            else miss(`status: ${cluster.place} on ${latest}: got ${got.state} (${got.why}); want ${cluster.status_at_latest}`);
          }
        }

        const share = (n: number, d: number): number => (d === 0 ? 0 : n / d);
        out[set] = {
          articles: articles.size,
          articles_absent: absent.length,
          attr_gold: counts.gold,
          attr_all_right: share(counts.allRight, counts.gold),
          attr_content: share(counts.content, counts.gold),
          attr_source: share(counts.source, counts.gold),
          attr_side: share(counts.side, counts.gold),
          attr_stance: share(counts.stance, counts.gold),
          contradictions_found: share(found, expected),
          ...(statusGold > 0 ? { status_right: share(statusRight, statusGold) } : {}),
          ...(times.scored ? { time_value_f1: prf(times.tp, times.tp + times.fp, times.tp + times.fn).f1 } : {}),
          ...Object.fromEntries([...extra].map(([name, e]) => [name, share(e.hit, e.total)])),
        };
      }
      return out;
    },
};
