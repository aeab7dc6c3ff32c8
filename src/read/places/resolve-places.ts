import { foldName } from '../../gazetteer/fold.js';
import type { Gazetteer, GazetteerEntry, NameHit } from '../../gazetteer/gazetteer.js';
import type { PlaceProposal } from './proposal.js';
import { textTable } from '../text-table.js';

/** The entry chosen for a proposal, how sure, and why. */
export interface Resolution {
  readonly entry: number | null;
  readonly confidence: number;
  readonly why: readonly string[];
}

const FEATURE_PRIOR: Readonly<Record<string, number>> = textTable({
  PCLI: 8, CONT: 8, RGN: 5, ADM1: 1.6, PPLC: 1.8, PPLA: 1, PPLA2: 0.5, PPLA3: 0.2, PPLA4: 0.1, ADM2: -0.3, PPLX: -0.8, PPLL: -0.3,
});
const KIND_PRIOR: Readonly<Record<NameHit['kind'], number>> = { primary: 1, historic: 1, alternate: 0 };
/** Two places within this distance of each other support each other's reading. */
const NEAR_KM = 250;

/**
 * Refiner (the resolver): picks one gazetteer entry for each proposal. Every
 * mention of one name in a document gets the same entry (one sense per
 * discourse). The score of a candidate is a prior (feature class and code,
 * population, own name over alternate name) plus the document's context, read
 * in two passes: first the priors alone, then the countries, first-level
 * divisions and positions of the other places as first resolved:
 * - `context.country`: the candidate's country is one the document is about;
 * - `context.admin1`: a division the document names contains the candidate
 *   ("the Donetsk region city of Pokrovsk");
 * - `context.contains`: a division holds a town the document names ("Atlanta ... Georgia");
 * - `context.near`: another place of the document lies within 250 km;
 * - `context.comma`: "Pandi, Bulacan": the place after the comma contains it.
 * Confidence is the chosen candidate's share of the softmax over candidates.
 */
export function resolvePlaces(proposals: readonly PlaceProposal[], gazetteer: Gazetteer, text?: string): Resolution[] {
  const groups = new Map<string, number[]>();
  proposals.forEach((p, i) => {
    const key = `${p.key}|${p.regionPhrase ? 'r' : ''}${p.direction ? 'd' : ''}`;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  const priors = proposals.map((p) => p.hits.map((h) => prior(gazetteer.entry(h.entry), h)));
  // Pass 1: priors alone.
  let chosen: Array<number | null> = proposals.map((p, i) => (p.hits.length === 0 ? null : p.hits[argmax(priors[i]!)]!.entry));
  const weights = proposals.map((p, i) => (p.hits.length <= 1 ? 1 : softmaxShare(priors[i]!)));
  // Comma pairs: proposal index → the proposal after ", ".
  const commaNext = new Map<number, number>();
  if (text !== undefined) {
    for (let i = 0; i + 1 < proposals.length; i++) {
      if (/^\s*,\s*$/.test(text.slice(proposals[i]!.span[1], proposals[i + 1]!.span[0]))) commaNext.set(i, i + 1);
    }
  }
  const results: Resolution[] = new Array(proposals.length);
  for (let pass = 0; pass < 2; pass++) {
    const context = documentContext(proposals, chosen, weights, gazetteer);
    for (const members of groups.values()) {
      const p = proposals[members[0]!]!;
      if (p.hits.length === 0) {
        for (const m of members) results[m] = { entry: null, confidence: 0, why: ['unknown-name'] };
        continue;
      }
      const scores: number[] = [];
      const whys: string[][] = [];
      p.hits.forEach((h, c) => {
        const e = gazetteer.entry(h.entry);
        const why: string[] = [];
        let s = priors[members[0]!]![c]!;
        if (pass === 1) {
          const countryShare = shareOfOthers(context, members, e.country);
          if (e.country !== '' && countryShare > 0.3) { s += Math.min(3, 1 + countryShare); why.push('context.country'); }
          if (e.admin1 !== null && e.featureCode !== 'ADM1' && (context.admin1.get(`${e.country}.${e.admin1}`) ?? []).some((q) => !members.includes(q))) { s += 2; why.push('context.admin1'); }
          // Each town named inside the division is evidence for it, up to three; as much for the town the
          // division is named after ("Khartoum" beside Omdurman is the city as much as the state; the name alone
          // means the city, as "Donetsk" does)
          const namesake = e.featureClass === 'P' && e.admin1 !== null
            && p.hits.some((o) => { const d = gazetteer.entry(o.entry); return d.featureCode === 'ADM1' && d.country === e.country && d.admin1 === e.admin1; });
          if ((e.featureCode === 'ADM1' || namesake) && e.admin1 !== null) {
            const towns = (context.inside.get(`${e.country}.${e.admin1}`) ?? []).filter((q) => !members.includes(q)).length;
            if (towns > 0) { s += 2 * Math.min(3, towns); why.push('context.contains'); }
          }
          if (e.featureClass === 'P' || e.featureCode === 'ADM2') {
            for (const q of context.points) {
              if (members.includes(q.proposal)) continue;
              if (distanceKm(e.lat, e.lon, q.lat, q.lon) < NEAR_KM) { s += 1.5; why.push('context.near'); break; }
            }
          }
          for (const m of members) {
            const after = commaNext.get(m);
            if (after === undefined) continue;
            const ce = chosen[after];
            if (ce === null || ce === undefined) continue;
            const container = gazetteer.entry(ce);
            if ((container.featureCode === 'PCLI' && container.country === e.country) || (container.featureCode === 'ADM1' && container.country === e.country && container.admin1 === e.admin1)) { s += 3; why.push('context.comma'); break; }
          }
        }
        scores.push(s);
        whys.push(why);
      });
      let best = argmax(scores);
      // A bare name of a world-famous place means that place unless the text names the small one
      // explicitly ("London, Ontario"): the rule of CLAVIN and Mordecai. Country share, nearness and
      // a division named elsewhere are not explicit enough: a US-heavy article still means China by "China".
      const famous = p.hits.map((h) => isFamous(gazetteer.entry(h.entry), h, p.key));
      if (!famous[best] && famous.some(Boolean) && !whys[best]!.includes('context.comma')) {
        best = argmax(scores.map((x, c) => (famous[c] ? x : -Infinity)));
        whys[best]!.push('prior.famous');
      }
      const hit = p.hits[best]!;
      const e = gazetteer.entry(hit.entry);
      const why = [...priorWhy(e, hit, p), ...whys[best]!];
      if (p.hits.length === 1) why.push('only-candidate');
      const confidence = p.hits.length === 1 ? (p.skeleton ? 0.8 : 0.95) : Math.round(softmaxShare(scores, best) * 100) / 100;
      for (const m of members) {
        chosen[m] = hit.entry;
        weights[m] = confidence;
        results[m] = { entry: hit.entry, confidence, why };
      }
    }
    chosen = [...chosen];
  }
  return results;
}

/** Population from which a town is famous enough to be what its bare name means. */
const FAMOUS_POPULATION = 1_000_000;

/**
 * A place whose bare name readers take to mean it: a country, continent or
 * named region; a first-level division of a million people or a city of a
 * million, by its own name (not by an alternate: "Donetsk" is the city, not
 * the oblast); a capital by its own name or its short form ("Washington" for
 * "Washington, D.C.").
 */
function isFamous(e: GazetteerEntry, h: NameHit, key: string): boolean {
  if (e.featureCode === 'PCLI' || e.featureCode === 'CONT' || e.featureCode === 'RGN') return true;
  if (e.featureCode === 'PPLC') return h.kind !== 'alternate' || foldName(e.name).startsWith(`${key} `);
  if (h.kind === 'alternate') return false;
  return (e.featureCode === 'ADM1' || e.featureClass === 'P') && e.population >= FAMOUS_POPULATION;
}

function prior(e: GazetteerEntry, h: NameHit): number {
  // A division's population is the sum of its towns (admin-entries.ts), so it counts for less than a town's own.
  const weight = e.featureClass === 'A' ? 0.3 : 0.5;
  return (FEATURE_PRIOR[e.featureCode] ?? 0) + KIND_PRIOR[h.kind] + weight * Math.log10(e.population + 1);
}

function priorWhy(e: GazetteerEntry, h: NameHit, p: PlaceProposal): string[] {
  const why = ['prior.feature', 'prior.population'];
  if (h.kind === 'historic') why.push('name.historic');
  if (h.kind === 'alternate') why.push('name.alternate');
  if (p.skeleton) why.push('name.romanisation');
  if (p.regionPhrase) why.push('region-phrase');
  if (p.direction) why.push('direction');
  void e;
  return why;
}

interface DocumentContext {
  /** Country → weight of the document's places in it (a country named counts double). */
  readonly countries: Map<string, number>;
  /** Sum of the weights of `countries`. */
  readonly total: number;
  /** What each proposal adds to `countries`, to leave a name's own mentions out of its context. */
  readonly contribution: ReadonlyArray<{ readonly country: string; readonly weight: number } | null>;
  /** First-level division code → the proposals that name it. */
  readonly admin1: Map<string, number[]>;
  readonly points: Array<{ proposal: number; lat: number; lon: number }>;
  /** First-level division code → the proposals resolved to towns inside it (Atlanta makes Georgia the state). */
  readonly inside: Map<string, number[]>;
}

function documentContext(proposals: readonly PlaceProposal[], chosen: ReadonlyArray<number | null>, weights: readonly number[], gazetteer: Gazetteer): DocumentContext {
  const countries = new Map<string, number>();
  const admin1 = new Map<string, number[]>();
  const points: DocumentContext['points'] = [];
  const inside = new Map<string, number[]>();
  let total = 0;
  const contribution: Array<{ country: string; weight: number } | null> = chosen.map(() => null);
  chosen.forEach((c, i) => {
    if (c === null) return;
    const e = gazetteer.entry(c);
    const w = weights[i]! * (e.featureCode === 'PCLI' ? 2 : 1);
    total += w;
    contribution[i] = { country: e.country, weight: w };
    if (e.country !== '') countries.set(e.country, (countries.get(e.country) ?? 0) + w);
    if (e.featureCode === 'ADM1' && e.admin1 !== null && weights[i]! > 0.5) {
      const code = `${e.country}.${e.admin1}`;
      admin1.set(code, [...(admin1.get(code) ?? []), i]);
    }
    if (weights[i]! > 0.6 && (e.featureClass === 'P' || e.featureCode === 'ADM2')) points.push({ proposal: i, lat: e.lat, lon: e.lon });
    if (weights[i]! > 0.3 && e.featureClass === 'P' && e.admin1 !== null) {
      const code = `${e.country}.${e.admin1}`;
      inside.set(code, [...(inside.get(code) ?? []), i]);
    }
    void proposals;
  });
  return { countries, total, contribution, admin1, points, inside };
}

/**
 * The weight of `country` among the document's other places (a name's own
 * mentions left out, else "Georgia" would vote for its own first reading), as
 * a share scaled by how much evidence there is, so that one stray mention in
 * a long article weighs less than the document's main country.
 */
function shareOfOthers(context: DocumentContext, members: readonly number[], country: string): number {
  let own = 0;
  let ownTotal = 0;
  for (const m of members) {
    const c = context.contribution[m];
    if (!c) continue;
    ownTotal += c.weight;
    if (c.country === country) own += c.weight;
  }
  const total = context.total - ownTotal;
  if (total <= 0) return 0;
  return ((context.countries.get(country) ?? 0) - own) / Math.max(1, total) * Math.min(total, 4);
}

function argmax(xs: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i]! > xs[best]!) best = i;
  return best;
}

function softmaxShare(xs: readonly number[], index = argmax(xs)): number {
  const max = Math.max(...xs);
  let sum = 0;
  for (const x of xs) sum += Math.exp(x - max);
  return Math.exp(xs[index]! - max) / sum;
}

/** Great-circle distance in km (haversine, mean Earth radius 6371 km). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}
