import { z } from 'zod';
import type { EntityKind, Side } from '../../model/index.js';
import { tokenize } from '../segment/index.js';
import { expandForms } from '../expand-forms.js';

const KINDS = ['person', 'government', 'military', 'unit', 'media', 'organisation', 'group', 'unnamed', 'evidence'] as const;

const EntitySchema = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(KINDS),
  side: z.string().min(1),
  role: z.string().optional(),
  aliases: z.array(z.string().min(1)).min(1),
  metonyms: z.array(z.string().min(1)).optional(),
  source: z.string().url(),
});

const CountriesSchema = z.object({
  names: z.record(z.string(), z.string()),
  demonyms: z.record(z.string(), z.string()),
});

/** The shape of data/actors/actors.json, checked where it is loaded. */
export const ActorDictionarySchema = z.object({
  entities: z.array(EntitySchema),
  countries: CountriesSchema,
});

/**
 * The shape of a further dictionary file (data/actors/entities/*.json, one per
 * war or group of actors): more entities, and optionally more country names
 * and demonyms. Keys must be unique across all files.
 */
export const ActorDictionaryPartSchema = z.object({
  entities: z.array(EntitySchema),
  countries: CountriesSchema.partial().optional(),
  /** More spellings of entities of another file, by key ("khortytsia": ["Khortitsa"]), so that file's lines stay as they are. */
  aliasesOf: z.record(z.string(), z.array(z.string().min(1))).optional(),
});

/**
 * The shape of data/actors/conflicts.json: the wars the reading knows, each
 * with the sides that fight it and where it is fought. A state's actors speak
 * for their state in a war it is a party to, and as a third party in one it
 * is not (see `conflictsOfDocument`).
 */
export const ConflictsSchema = z.object({
  conflicts: z.array(z.object({
    key: z.string().min(1),
    name: z.string().min(1),
    /** Sides that fight it (ISO codes of states, keys of non-state parties). */
    parties: z.array(z.string().min(1)).min(2),
    /** Countries (ISO 3166-1 alpha-2) where it is fought: a resolved place there points to it. */
    theatre: z.array(z.string().length(2)),
    /** Names of places outside any one country (seas, straits) that point to it. */
    places: z.array(z.string().min(1)).optional(),
    source: z.string().url(),
  })),
  hostileTermsAbout: z.string().optional(),
  /** What a party calls its enemy: the sides each term names ("Zionist enemy" → IL). */
  hostileTerms: z.array(z.object({
    sides: z.array(z.string().min(1)).min(1),
    terms: z.array(z.string().min(1)).min(1),
    source: z.string().url(),
  })).optional(),
});

/** The shape of data/actors/nouns.json: head nouns and titles for actors not in the dictionary. */
export const ActorNounsSchema = z.object({
  titles: z.array(z.string()),
  unitHeads: z.array(z.string()),
  forceHeads: z.array(z.string()),
  officialHeads: z.array(z.string()),
  unnamedHeads: z.array(z.string()),
  unnamedDeterminers: z.array(z.string()),
  evidenceNouns: z.array(z.string()),
  mediaHeads: z.array(z.string()),
  phraseBreaks: z.array(z.string()),
  /** Nouns that make an apposition a person's role ("X, a Ukrainian lawmaker, said"). */
  roleNouns: z.array(z.string()).default([]),
});

/**
 * The shape of data/actors/<language>/actors.json: the names of the dictionary's
 * actors in another language, by key (the same entity in every language),
 * actors the English file lacks, country names and demonyms, and title words.
 * Names may write their case endings in braces ("Песков{,а,у}"): see expandForms.
 */
export const LanguageActorsSchema = z.object({
  aliases: z.array(z.object({
    key: z.string().min(1),
    aliases: z.array(z.string().min(1)).min(1),
    metonyms: z.array(z.string().min(1)).optional(),
    source: z.string().url(),
  })),
  entities: z.array(ActorDictionarySchema.shape.entities.element).optional(),
  countries: z.object({ source: z.string().min(1), names: z.record(z.string(), z.string()), demonyms: z.record(z.string(), z.string()) }).optional(),
  nouns: ActorNounsSchema.partial().extend({ source: z.string().min(1) }).optional(),
});

export type ActorDictionaryData = z.infer<typeof ActorDictionarySchema>;
export type ConflictsData = z.infer<typeof ConflictsSchema>;

/** A war as the reading uses it: its parties, and the token norms of the places that point to it. */
export interface Conflict {
  readonly key: string;
  readonly name: string;
  readonly parties: ReadonlySet<string>;
  readonly theatre: ReadonlySet<string>;
  readonly places: readonly (readonly string[])[];
}
export type ActorNounsData = z.infer<typeof ActorNounsSchema>;

export interface KnownActor {
  readonly key: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly side: Side;
  readonly role: string | null;
}

export interface AliasEntry {
  readonly actor: KnownActor;
  readonly norms: readonly string[];
  /** All-capital short forms ("AP", "UN", "KIA") match only in that case. */
  readonly exactCase: readonly string[] | null;
  readonly metonym: boolean;
  /** A name written in lower case in another language's file ("российское Минобороны"): matches lower-case text. */
  readonly lowerStart?: boolean;
}

/** The dictionary compiled for matching: aliases by their first token's norm, longest first. */
export interface ActorLexicon {
  readonly aliasesByFirst: ReadonlyMap<string, readonly AliasEntry[]>;
  readonly byKey: ReadonlyMap<string, KnownActor>;
  /** Country name (one or more token norms joined by a space) or demonym → side. */
  readonly countries: ReadonlyMap<string, Side>;
  readonly demonyms: ReadonlyMap<string, Side>;
  readonly titles: ReadonlySet<string>;
  readonly unitHeads: ReadonlySet<string>;
  readonly forceHeads: ReadonlySet<string>;
  readonly officialHeads: ReadonlySet<string>;
  readonly unnamedHeads: ReadonlySet<string>;
  readonly unnamedDeterminers: ReadonlySet<string>;
  readonly evidenceNouns: ReadonlySet<string>;
  readonly mediaHeads: ReadonlySet<string>;
  /** Words that end a noun phrase: a head is not looked for past them ("Ukraine's General Staff said its forces"). */
  readonly phraseBreaks: ReadonlySet<string>;
  readonly roleNouns: ReadonlySet<string>;
  /** The wars known (data/actors/conflicts.json); empty when none was given. */
  readonly conflicts: readonly Conflict[];
  /** What a party calls its enemy (data/actors/conflicts.json hostileTerms): one pattern per side named. */
  readonly hostileTerms: readonly HostileTerm[];
}

/** A name a party uses for its enemy, and the sides it names. */
export interface HostileTerm {
  readonly sides: readonly Side[];
  readonly pattern: RegExp;
}

/** The sides a text calls hostile names ("the Zionist enemy", "киевского режима"). */
export function sidesNamedHostile(text: string, terms: readonly HostileTerm[]): Set<Side> {
  const out = new Set<Side>();
  for (const t of terms) if (t.pattern.test(text)) for (const s of t.sides) out.add(s);
  return out;
}

/** One term as a whole-word, case-insensitive pattern; a trailing * is any ending, a space any run of spaces. */
function hostileTermPattern(terms: readonly string[]): RegExp {
  const one = (term: string): string => term.split(/\s+/).map((w) => {
    const stem = w.replace(/\*$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return w.endsWith('*') ? `${stem}\\p{L}*` : stem;
  }).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(one).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

const norms = (text: string): string[] => tokenize(text).map((t) => t.norm);

/**
 * Validates the data files and builds the lookup tables; throws with the
 * file's problem on bad data. `dictionary` is data/actors/actors.json, or a
 * list whose first item is it and whose others are further dictionary files
 * (data/actors/entities/*.json) in a fixed order. `languages`: data/actors/<language>/actors.json
 * of other languages (issue 14), whose names join the entries of the same key, so that an entity
 * is one entity in every language.
 */
export function compileActorLexicon(dictionary: unknown, nouns: unknown, conflicts?: unknown, languages: readonly unknown[] = []): ActorLexicon {
  const [main, ...parts] = Array.isArray(dictionary) ? dictionary : [dictionary];
  const base = ActorDictionarySchema.parse(main);
  const extra = parts.map((p) => ActorDictionaryPartSchema.parse(p));
  const dict = {
    entities: [...base.entities, ...extra.flatMap((p) => p.entities)],
    countries: {
      names: Object.assign({}, base.countries.names, ...extra.map((p) => p.countries?.names ?? {})) as Record<string, string>,
      demonyms: Object.assign({}, base.countries.demonyms, ...extra.map((p) => p.countries?.demonyms ?? {})) as Record<string, string>,
    },
  };
  const words = ActorNounsSchema.parse(nouns);
  const others = languages.map((l) => LanguageActorsSchema.parse(l));
  const warData = conflicts === undefined ? undefined : ConflictsSchema.parse(conflicts);
  const hostileTerms = (warData?.hostileTerms ?? []).map((h): HostileTerm => ({ sides: h.sides as Side[], pattern: hostileTermPattern(h.terms) }));
  const wars = warData === undefined ? [] : warData.conflicts.map((c): Conflict => ({
    key: c.key, name: c.name, parties: new Set(c.parties), theatre: new Set(c.theatre), places: (c.places ?? []).map(norms),
  }));
  const aliasesByFirst = new Map<string, AliasEntry[]>();
  const byKey = new Map<string, KnownActor>();
  const add = (actor: KnownActor, alias: string, metonym: boolean, lowerStart = false): void => {
    const tokens = tokenize(alias);
    const key = tokens[0]?.norm;
    if (!key) return;
    const exact = /^[A-Z.]{2,5}$/.test(alias) ? tokens.map((t) => t.text) : null;
    const list = aliasesByFirst.get(key) ?? [];
    list.push({ actor, norms: tokens.map((t) => t.norm), exactCase: exact, metonym, ...(lowerStart ? { lowerStart } : {}) });
    aliasesByFirst.set(key, list);
  };
  const addOther = (actor: KnownActor, written: string, metonym: boolean): void => {
    for (const alias of expandForms(written)) add(actor, alias, metonym, /^[\u0400-\u04ff]/.test(alias) && /^\p{Ll}/u.test(alias));
  };
  for (const e of [...dict.entities, ...others.flatMap((o) => o.entities ?? [])]) {
    if (byKey.has(e.key)) throw new Error(`data/actors: duplicate key ${e.key} (keys are unique across actors.json, entities/*.json and the language files)`);
    const actor: KnownActor = { key: e.key, name: e.name, kind: e.kind, side: e.side, role: e.role ?? null };
    byKey.set(e.key, actor);
    for (const alias of e.aliases) addOther(actor, alias, false);
    for (const alias of e.metonyms ?? []) addOther(actor, alias, true);
  }
  for (const o of others) {
    for (const a of o.aliases) {
      const actor = byKey.get(a.key);
      if (!actor) throw new Error(`actors: names given for ${JSON.stringify(a.key)}, which no dictionary entry has`);
      for (const alias of a.aliases) addOther(actor, alias, false);
      for (const alias of a.metonyms ?? []) addOther(actor, alias, true);
    }
  }
  for (const part of extra) {
    for (const [key, aliases] of Object.entries(part.aliasesOf ?? {})) {
      const actor = byKey.get(key);
      if (!actor) throw new Error(`data/actors: aliasesOf names ${key}, which no dictionary file defines`);
      for (const alias of aliases) add(actor, alias, false);
    }
  }
  for (const list of aliasesByFirst.values()) list.sort((a, b) => b.norms.length - a.norms.length);
  const toMap = (...records: Array<Record<string, string> | undefined>): Map<string, Side> =>
    new Map(records.flatMap((record) => Object.entries(record ?? {}).flatMap(([k, v]) => expandForms(k).map((f) => [norms(f).join(' '), v] as const))));
  const set = (pick: (n: Partial<ActorNounsData>) => readonly string[] | undefined): Set<string> =>
    new Set([words, ...others.map((o) => o.nouns ?? {})].flatMap((n) => (pick(n) ?? []).flatMap(expandForms).map((w) => norms(w).join(' '))));
  return {
    aliasesByFirst, byKey,
    countries: toMap(dict.countries.names, ...others.map((o) => o.countries?.names)),
    demonyms: toMap(dict.countries.demonyms, ...others.map((o) => o.countries?.demonyms)),
    titles: set((n) => n.titles),
    unitHeads: set((n) => n.unitHeads),
    forceHeads: set((n) => n.forceHeads),
    officialHeads: set((n) => n.officialHeads),
    unnamedHeads: set((n) => n.unnamedHeads),
    unnamedDeterminers: set((n) => n.unnamedDeterminers),
    evidenceNouns: set((n) => n.evidenceNouns),
    mediaHeads: set((n) => n.mediaHeads),
    phraseBreaks: set((n) => n.phraseBreaks),
    roleNouns: set((n) => n.roleNouns),
    conflicts: wars,
    hostileTerms,
  };
}
