import { z } from 'zod';
import type { AnalyzedDocument, Span, Token } from '../../model/index.js';
import { tokenAt } from './find-forces.js';

/**
 * Event sites (docs/ledger.md, "Event sites"): the facility, building or ship a
 * strike or an attack is reported on. The press names the same site many ways
 * ("a Gaza hospital", "al-Ahli Arab hospital", "the facility"), so a site is
 * keyed by what identifies the incident across reports: a ship by its name
 * (`site:ship:eisenhower`), a facility by its class and, where its own phrase
 * names a place, that place's country (`site:hospital:PS`, else
 * `site:hospital`). The ledger compares event claims of one site class whose
 * countries agree or are unknown, at overlapping days.
 */
export interface SiteMention {
  /** Tokens [from, to) of the mention (name and head). */
  readonly from: number;
  readonly to: number;
  readonly span: Span;
  readonly key: string;
  /** How a reader would name it: "hospital", "USS Dwight D. Eisenhower". */
  readonly label: string;
  readonly siteClass: string;
  /** Stated: its own words name the site; inferred: a word pointing back to one ("the facility", "the blast"). */
  readonly basis: 'stated' | 'inferred';
}

const sitesFileSchema = z.object({
  about: z.string(),
  classes: z.record(z.string(), z.array(z.string().min(1)).min(1)),
  shipPrefixes: z.array(z.string().min(1)),
  anaphors: z.array(z.string().min(1)),
  eventNouns: z.array(z.string().min(1)),
});

export interface SiteLexicon {
  /** Class head nouns by their first word, longest first. */
  readonly heads: ReadonlyMap<string, ReadonlyArray<{ readonly words: readonly string[]; readonly siteClass: string }>>;
  readonly shipPrefixes: ReadonlySet<string>;
  readonly anaphors: ReadonlySet<string>;
  readonly eventNouns: ReadonlyArray<readonly string[]>;
}

/** Validates data/claims/sites.json (parsed). @throws Error naming the file and the bad entry. */
export function compileSites(json: unknown): SiteLexicon {
  const parsed = sitesFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`data/claims/sites.json is invalid: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown problem'}`);
  }
  const heads = new Map<string, Array<{ words: string[]; siteClass: string }>>();
  for (const [siteClass, words] of Object.entries(parsed.data.classes)) {
    for (const w of words) {
      const split = w.toLowerCase().split(/\s+/);
      const list = heads.get(split[0]!) ?? [];
      list.push({ words: split, siteClass });
      heads.set(split[0]!, list);
    }
  }
  for (const list of heads.values()) list.sort((a, b) => b.words.length - a.words.length);
  return {
    heads,
    shipPrefixes: new Set(parsed.data.shipPrefixes.map((w) => w.toLowerCase())),
    anaphors: new Set(parsed.data.anaphors.map((w) => w.toLowerCase())),
    eventNouns: parsed.data.eventNouns.map((w) => w.toLowerCase().split(/\s+/)).sort((a, b) => b.length - a.length),
  };
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'his', 'her', 'our']);
/** Words that open the place a site stands in, right after its head ("a hospital in Gaza"). */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'of']);
const PLACE_REACH = 4;
const NAME_REACH = 5;

const capitalised = (t: Token | undefined): boolean => t !== undefined && t.kind === 'word' && /^\p{Lu}/u.test(t.text);

/**
 * Site mentions of a document in text order: named and described sites, ships
 * by name and prefix ("USS …"), later bare uses of a ship's name ("the
 * Eisenhower"), and words pointing back to the latest site ("the facility").
 */
export function findSites(doc: AnalyzedDocument, lexicon: SiteLexicon): SiteMention[] {
  const { tokens, text } = doc;
  const out: SiteMention[] = [];
  const ships = new Map<string, string>();
  const countryAt = placeCountries(doc);
  // the latest ship named, for "the carrier" (kept as we go: no search back per mention)
  let latestShip: SiteMention | undefined;
  const mention = (from: number, to: number, key: string, label: string, siteClass: string, basis: SiteMention['basis']): void => {
    const m: SiteMention = { from, to, span: [tokens[from]!.span[0], tokens[to - 1]!.span[1]], key, label, siteClass, basis };
    out.push(m);
    if (siteClass === 'ship') latestShip = m;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // "USS Dwight D. Eisenhower": a prefix and the capitalised words after it name a ship.
    if (lexicon.shipPrefixes.has(t.norm) && t.text === t.text.toUpperCase() && capitalised(tokens[i + 1])) {
      const end = nameEnd(tokens, i + 1);
      const key = shipKey(tokens, i + 1, end, ships);
      mention(i, end, key, text.slice(t.span[0], tokens[end - 1]!.span[1]), 'ship', 'stated');
      i = end - 1;
      continue;
    }
    // a ship named before ("the Eisenhower"), or its name alone
    if (capitalised(t) && ships.has(t.norm) && !lexicon.heads.has(tokens[i + 1]?.norm ?? '')) {
      mention(i, i + 1, ships.get(t.norm)!, t.text, 'ship', 'stated');
      continue;
    }
    const head = lexicon.heads.get(t.norm)?.find((h) => h.words.every((w, k) => tokens[i + k]?.norm === w));
    if (head) {
      const to = i + head.words.length;
      if (head.siteClass === 'ship') {
        // "the aircraft carrier Dwight D. Eisenhower": a ship's name after its class (a prefix between)
        const start = lexicon.shipPrefixes.has(tokens[to]?.norm ?? '') ? to + 1 : to;
        if (capitalised(tokens[start])) {
          const end = ships.has(tokens[start]!.norm) ? start + 1 : nameEnd(tokens, start);
          const key = ships.get(tokens[start]!.norm) ?? shipKey(tokens, start, end, ships);
          mention(i, end, key, text.slice(tokens[start]!.span[0], tokens[end - 1]!.span[1]), 'ship', 'stated');
          i = end - 1;
          continue;
        }
        // "the carrier": the latest ship named
        const latest = latestShip;
        if (latest && DETERMINERS.has(tokens[i - 1]?.norm ?? '')) mention(i, to, latest.key, latest.label, 'ship', 'inferred');
        i = to - 1;
        continue;
      }
      let from = i;
      while (from > 0 && i - from < NAME_REACH && capitalised(tokens[from - 1])) from--;
      const named = from < i;
      const determined = DETERMINERS.has(tokens[from - 1]?.norm ?? '') || named;
      if (!determined) { i = to - 1; continue; }
      const country = countryAt(from, to + PLACE_REACH + 1, to);
      mention(from, to, `site:${head.siteClass.replace(/\s+/g, '-')}${country ? `:${country}` : ''}`, head.siteClass, head.siteClass, 'stated');
      i = to - 1;
      continue;
    }
    // "the facility": the latest site named
    if (lexicon.anaphors.has(t.norm) && DETERMINERS.has(tokens[i - 1]?.norm ?? '')) {
      const latest = out[out.length - 1];
      if (latest) mention(i, i + 1, latest.key, latest.label, latest.siteClass, 'inferred');
    }
  }
  return out;
}

/** The end of a name: capitalised words and initials ("Dwight D. Eisenhower"), up to NAME_REACH. */
function nameEnd(tokens: readonly Token[], start: number): number {
  let end = start;
  while (end < tokens.length && end - start < NAME_REACH) {
    const t = tokens[end]!;
    if (capitalised(t)) { end++; continue; }
    if (t.text === '.' && end > start && /^\p{Lu}$/u.test(tokens[end - 1]!.text) && capitalised(tokens[end + 1])) { end++; continue; }
    break;
  }
  return end;
}

/** A ship's key from its last name word ("Dwight D. Eisenhower" → site:ship:eisenhower); its name words become aliases. */
function shipKey(tokens: readonly Token[], start: number, end: number, ships: Map<string, string>): string {
  const words = tokens.slice(start, end).filter((t) => t.kind === 'word' && t.text.length > 1);
  const last = (words[words.length - 1] ?? tokens[start]!).norm;
  const key = `site:ship:${last}`;
  ships.set(last, key);
  return key;
}

/**
 * The country of a place named in a site's own phrase: right before its head ("a Gaza hospital") or
 * after a preposition right after it ("a hospital in Gaza"), found by token position.
 */
function placeCountries(doc: AnalyzedDocument): (from: number, to: number, headEnd: number) => string | null {
  const { tokens } = doc;
  const places = doc.places.filter((p) => p.country !== null && p.role !== 'government');
  const located = places.map((p) => ({ token: tokenAt(tokens, p.span[0]), country: p.country! })).sort((a, b) => a.token - b.token);
  return (from, to, headEnd) => {
    // From the first place at or after `from` (binary search: a scan from the document's first place per site was quadratic, issue 19).
    let first = located.length;
    for (let lo = 0; lo < first;) {
      const mid = (lo + first) >> 1;
      if (located[mid]!.token < from) lo = mid + 1;
      else first = mid;
    }
    for (let k = first; k < located.length; k++) {
      const p = located[k]!;
      if (p.token >= to) break;
      if (p.token < headEnd) return p.country;
      if (p.token > headEnd && PLACE_PREPOSITIONS.has(tokens[headEnd]?.norm ?? '') && tokens[headEnd + 1] && p.token <= headEnd + 2) return p.country;
    }
    return null;
  };
}

/** Whether tokens [at, …) start an event noun of the lexicon ("blast", "air strike"); its length, or 0. */
export function eventNounAt(tokens: readonly Token[], at: number, lexicon: SiteLexicon): number {
  for (const words of lexicon.eventNouns) if (words.every((w, k) => tokens[at + k]?.norm === w)) return words.length;
  return 0;
}
