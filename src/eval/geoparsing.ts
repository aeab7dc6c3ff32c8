import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { foldName } from '../gazetteer/fold.js';
import { adminStem } from '../gazetteer/admin-entries.js';
import type { Gazetteer, NameHit } from '../gazetteer/gazetteer.js';
import { loadPlacesResources } from '../read/places/load-places-resources.js';
import { emptyAnalysis, type Span } from '../model/index.js';
import { createPlacesStage, distanceKm, resolvePlaces, type PlaceProposal } from '../read/places/index.js';
import { createSegmentStage } from '../read/segment/index.js';
import { createTimeStage } from '../read/time/index.js';
import { prf, type DatasetScores, type Scorer } from './scorer.js';

/** One gold toponym: its span, whether it counts for recognition, and its coordinates where annotated. */
interface GoldToponym {
  readonly span: Span;
  readonly text: string;
  /** Counts as a toponym to recognise (GeoWebNews: literal types only; GeoVirus and LGL: every one). */
  readonly literal: boolean;
  readonly lat: number | null;
  readonly lon: number | null;
}

interface GoldArticle {
  readonly text: string;
  readonly toponyms: readonly GoldToponym[];
}

/** GeoWebNews types read as literal place names (Gritta et al. 2019, "A Pragmatic Guide to Geoparsing Evaluation"). */
const GWN_LITERAL = new Set(['Literal', 'Literal_Modifier', 'Mixed', 'Embedded_Literal']);
/** GeoWebNews types that are not a place name in the text (a demonym or language names a people or a tongue). */
const GWN_NOT_NAMES = new Set(['Demonym', 'Language', 'Non_Toponym', 'Literal_Expression', 'Non_Lit_Expression']);
/** Gritta et al. 2018: the largest error on Earth, for the AUC's normalisation and for unresolved toponyms. */
const MAX_KM = 20039;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: false, isArray: (name) => ['article', 'location', 'toponym'].includes(name) });

/** GeoVirus: `<article><text/><locations><location><name/><start/><end/><lat/><lon/>`. */
export function readGeoVirus(xml: string): GoldArticle[] {
  const root = parser.parse(xml) as { articles: { article: Array<Record<string, any>> } };
  return root.articles.article.map((a) => {
    const text = String(a.text ?? '');
    const toponyms = (a.locations?.location ?? []).map((l: Record<string, string>) => gold(text, l.start, l.end, true, l.lat, l.lon, l.name));
    return { text, toponyms: toponyms.filter(Boolean) };
  });
}

/** GeoWebNews: `<article><text/><toponyms><toponym><type/><start/><end/><latitude/><longitude/>`. */
export function readGeoWebNews(xml: string): GoldArticle[] {
  const root = parser.parse(xml) as { articles: { article: Array<Record<string, any>> } };
  return root.articles.article.map((a) => {
    const text = String(a.text ?? '');
    const toponyms = (a.toponyms?.toponym ?? []).filter((t: Record<string, string>) => !GWN_NOT_NAMES.has(String(t.type)))
      .map((t: Record<string, string>) => gold(text, t.start, t.end, GWN_LITERAL.has(String(t.type)), t.latitude, t.longitude));
    return { text, toponyms: toponyms.filter(Boolean) };
  });
}

/** LGL and TR-News: `<article><text/><toponyms><toponym><start/><end/><phrase/><gaztag geonameid><lat/><lon/>`. */
export function readLgl(xml: string): GoldArticle[] {
  const root = parser.parse(xml) as { articles: { article: Array<Record<string, any>> } };
  return root.articles.article.map((a) => {
    const text = String(a.text ?? '');
    const toponyms = (a.toponyms?.toponym ?? []).map((t: Record<string, any>) => {
      const tag = t.gaztag ?? {};
      return gold(text, t.start, t.end, true, tag.lat ?? t.lat, tag.lon ?? t.lon);
    });
    return { text, toponyms: toponyms.filter(Boolean) };
  });
}

function gold(text: string, start: unknown, end: unknown, literal: boolean, lat: unknown, lon: unknown, name?: string): GoldToponym | null {
  let s = Number(start);
  let e = Number(end);
  // GeoVirus offsets are one off in places: realign on the annotated name where it is close by.
  if (name !== undefined && text.slice(s, e) !== name) {
    for (let d = 1; d <= 3; d++) {
      if (text.slice(s - d, e - d) === name) { s -= d; e -= d; break; }
      if (text.slice(s + d, e + d) === name) { s += d; e += d; break; }
    }
  }
  if (!Number.isInteger(s) || !Number.isInteger(e) || e <= s || e > text.length) return null;
  const la = lat === undefined || lat === '' ? NaN : Number(lat);
  const lo = lon === undefined || lon === '' ? NaN : Number(lon);
  const ok = Number.isFinite(la) && Number.isFinite(lo);
  return { span: [s, e], text: text.slice(s, e), literal, lat: ok ? la : null, lon: ok ? lo : null };
}

/** Which reader fits a file: by its root content. */
function readCorpus(file: string): GoldArticle[] | null {
  const xml = readFileSync(file, 'utf8');
  if (xml.includes('<locations>')) return readGeoVirus(xml);
  if (xml.includes('<extractedName>')) return readGeoWebNews(xml);
  if (xml.includes('<gaztag')) return readLgl(xml);
  return null;
}

/** Candidate entries for a gold span: its name, then without "the", then its romanisation skeleton or division stem. */
export function goldHits(gazetteer: Gazetteer, text: string): { key: string; hits: NameHit[]; skeleton: boolean } {
  const key = foldName(text).replace(/^the /, '');
  // A division's abbreviation ("Calif.", "NSW"): the gold span is known to be a place, so any use counts.
  const abbreviation = gazetteer.lookupAbbreviation(text) ?? gazetteer.lookupAbbreviation(`${text}.`);
  if (abbreviation !== undefined) return { key, hits: [{ entry: abbreviation.entry, kind: 'alternate' }], skeleton: false };
  // A word that is both a demonym and a small town's name ("Canadian", Texas) is offered both readings.
  let hits = [...gazetteer.lookup(key), ...gazetteer.lookupDemonym(key)];
  if (hits.length > 0) return { key, hits, skeleton: false };
  const stem = adminStem(key);
  if (stem) {
    hits = gazetteer.lookup(stem);
    if (hits.length > 0) return { key: stem, hits, skeleton: false };
  }
  hits = gazetteer.lookupSkeleton(key);
  if (hits.length > 0) return { key, hits, skeleton: true };
  // Adjectival gold toponyms ("British forces"): the country whose demonym it is (data/places/country-names.tsv).
  hits = gazetteer.lookupDemonym(key);
  if (hits.length > 0) return { key, hits, skeleton: false };
  // Otherwise ("European"): the country or continent the adjective's stem names.
  for (let n = key.length - 1; n >= 4 && !key.includes(' '); n--) {
    for (const ending of ['', 'a', 'ia', 'e', 'o', 'y', 'ey']) {
      const found = gazetteer.lookup(key.slice(0, n) + ending).filter((h) => ['PCLI', 'CONT'].includes(gazetteer.entry(h.entry).featureCode));
      if (found.length > 0) return { key, hits: found, skeleton: false };
    }
  }
  return { key, hits: [], skeleton: false };
}

/** AUC of the sorted log errors, normalised (Gritta et al. 2018, "Which Melbourne?"): lower is better. */
export function aucOfErrors(errors: readonly number[]): number {
  if (errors.length < 2) return 0;
  const logs = errors.map((e) => Math.log(e + 1)).sort((a, b) => a - b);
  let area = 0;
  for (let i = 1; i < logs.length; i++) area += (logs[i]! + logs[i - 1]!) / 2;
  return area / (Math.log(MAX_KM) * (logs.length - 1));
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export const geoparsingScorer: Scorer = {
  dataset: 'geoparsing',
  async score(dir, { misses, log }) {
    const resources = loadPlacesResources();
    const { gazetteer } = resources;
    const segment = createSegmentStage();
    const time = createTimeStage();
    const places = createPlacesStage(resources);
    const files = readdirSync(dir).filter((f) => f.endsWith('.xml')).sort();
    const scores: DatasetScores = {};
    for (const file of files) {
      const articles = readCorpus(path.join(dir, file));
      if (!articles) continue;
      const errors: number[] = [];
      let e2eGold = 0;
      let e2eRight = 0;
      let tpExact = 0;
      let tpOverlap = 0;
      let predicted = 0;
      let goldCount = 0;
      let placesMs = 0;
      for (const article of articles) {
        // (a) Resolution given the gold spans.
        const withCoords = article.toponyms.filter((t) => t.lat !== null);
        const proposals: PlaceProposal[] = withCoords.map((t) => {
          const { key, hits, skeleton } = goldHits(gazetteer, t.text);
          return { span: t.span, key, hits, rule: 'gold', tokens: [0, 0], skeleton };
        });
        const resolved = resolvePlaces(proposals, gazetteer, article.text);
        withCoords.forEach((t, i) => {
          const r = resolved[i]!;
          const km = r.entry === null ? MAX_KM : distanceKm(gazetteer.entry(r.entry).lat, gazetteer.entry(r.entry).lon, t.lat!, t.lon!);
          errors.push(km);
          if (misses && km > 161) {
            const e = r.entry === null ? null : gazetteer.entry(r.entry);
            log(`  ${file} resolve: '${t.text}' → ${e ? `${e.name} (${e.country} ${e.featureCode})` : 'unresolved'} ${Math.round(km)} km off (gold ${t.lat}, ${t.lon})`);
          }
        });
        // (b) End to end: recognition, then resolution of the recognised gold toponyms.
        // Segment and time first, as in the pipeline (the places stage leaves a date's words alone).
        let doc = time.run(segment.run(emptyAnalysis({ id: file, text: article.text, meta: { title: null, outlet: null, url: null, published: null, language: 'en', source: file }, diagnostics: [] }), {}), {});
        const started = performance.now();
        doc = places.run(doc, {});
        placesMs += performance.now() - started;
        const predictions = doc.places.filter((p) => p.role === 'location');
        const literal = article.toponyms.filter((t) => t.literal);
        const nonLiteral = article.toponyms.filter((t) => !t.literal);
        const overlaps = (a: Span, b: Span): boolean => a[0] < b[1] && b[0] < a[1];
        // A prediction on a non-literal gold toponym (metonymy, "Kyiv said") is neither right nor wrong here.
        const counted = predictions.filter((p) => literal.some((g) => overlaps(g.span, p.span)) || !nonLiteral.some((g) => overlaps(g.span, p.span)));
        predicted += counted.length;
        goldCount += literal.length;
        const used = new Set<number>();
        for (const g of literal) {
          const exact = counted.find((p) => p.span[0] === g.span[0] && p.span[1] === g.span[1]);
          if (exact) tpExact++;
          const overlap = counted.findIndex((p, k) => !used.has(k) && overlaps(p.span, g.span));
          if (overlap >= 0) {
            used.add(overlap);
            tpOverlap++;
            const p = counted[overlap]!;
            if (g.lat !== null) {
              e2eGold++;
              if (p.lat !== null && distanceKm(p.lat, p.lon!, g.lat, g.lon!) <= 161) e2eRight++;
            }
          } else if (misses) log(`  ${file} missed: '${g.text}' …${article.text.slice(Math.max(0, g.span[0] - 30), g.span[1] + 30).replace(/\s+/g, ' ')}…`);
        }
        if (misses) {
          for (const p of counted) if (!literal.some((g) => overlaps(g.span, p.span))) log(`  ${file} spurious: '${p.text}' (${p.name}, ${p.country}) …${article.text.slice(Math.max(0, p.span[0] - 30), p.span[1] + 30).replace(/\s+/g, ' ')}…`);
        }
      }
      const exact = prf(tpExact, predicted, goldCount);
      const overlap = prf(tpOverlap, predicted, goldCount);
      scores[file.replace(/\.xml$/, '')] = {
        toponyms_gold: errors.length,
        acc161_gold: errors.filter((e) => e <= 161).length / Math.max(1, errors.length),
        median_km_gold: median(errors),
        mean_km_gold: errors.reduce((a, b) => a + b, 0) / Math.max(1, errors.length),
        auc_gold: aucOfErrors(errors),
        ner_p: exact.p,
        ner_r: exact.r,
        ner_f1: exact.f1,
        ner_p_overlap: overlap.p,
        ner_r_overlap: overlap.r,
        ner_f1_overlap: overlap.f1,
        acc161_e2e: e2eRight / Math.max(1, e2eGold),
        places_ms_per_article: placesMs / Math.max(1, articles.length),
      };
    }
    if (!existsSync(dir)) log(`geoparsing: no ${dir}`);
    return scores;
  },
};
