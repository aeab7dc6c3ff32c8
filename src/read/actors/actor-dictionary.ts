import { z } from 'zod';
import type { EntityKind, Side } from '../../model/index.js';
import { tokenize } from '../segment/index.js';

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
}

const norms = (text: string): string[] => tokenize(text).map((t) => t.norm);

/**
 * Validates the data files and builds the lookup tables; throws with the
 * file's problem on bad data. `dictionary` is data/actors/actors.json, or a
 * list whose first item is it and whose others are further dictionary files
 * (data/actors/entities/*.json) in a fixed order.
 */
export function compileActorLexicon(dictionary: unknown, nouns: unknown, conflicts?: unknown): ActorLexicon {
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
  const wars = conflicts === undefined ? [] : ConflictsSchema.parse(conflicts).conflicts.map((c): Conflict => ({
    key: c.key, name: c.name, parties: new Set(c.parties), theatre: new Set(c.theatre), places: (c.places ?? []).map(norms),
  }));
  const aliasesByFirst = new Map<string, AliasEntry[]>();
  const byKey = new Map<string, KnownActor>();
  const add = (actor: KnownActor, alias: string, metonym: boolean): void => {
    const tokens = tokenize(alias);
    const key = tokens[0]?.norm;
    if (!key) return;
    const exact = /^[A-Z.]{2,5}$/.test(alias) ? tokens.map((t) => t.text) : null;
    const list = aliasesByFirst.get(key) ?? [];
    list.push({ actor, norms: tokens.map((t) => t.norm), exactCase: exact, metonym });
    aliasesByFirst.set(key, list);
  };
  for (const e of dict.entities) {
    if (byKey.has(e.key)) throw new Error(`data/actors: duplicate key ${e.key} (keys are unique across actors.json and entities/*.json)`);
    const actor: KnownActor = { key: e.key, name: e.name, kind: e.kind, side: e.side, role: e.role ?? null };
    byKey.set(e.key, actor);
    for (const alias of e.aliases) add(actor, alias, false);
    for (const alias of e.metonyms ?? []) add(actor, alias, true);
  }
  for (const part of extra) {
    for (const [key, aliases] of Object.entries(part.aliasesOf ?? {})) {
      const actor = byKey.get(key);
      if (!actor) throw new Error(`data/actors: aliasesOf names ${key}, which no dictionary file defines`);
      for (const alias of aliases) add(actor, alias, false);
    }
  }
  for (const list of aliasesByFirst.values()) list.sort((a, b) => b.norms.length - a.norms.length);
  const toMap = (record: Record<string, string>): Map<string, Side> =>
    new Map(Object.entries(record).map(([k, v]) => [norms(k).join(' '), v]));
  const set = (list: readonly string[]): Set<string> => new Set(list.map((w) => norms(w).join(' ')));
  return {
    aliasesByFirst, byKey,
    countries: toMap(dict.countries.names),
    demonyms: toMap(dict.countries.demonyms),
    titles: set(words.titles),
    unitHeads: set(words.unitHeads),
    forceHeads: set(words.forceHeads),
    officialHeads: set(words.officialHeads),
    unnamedHeads: set(words.unnamedHeads),
    unnamedDeterminers: set(words.unnamedDeterminers),
    evidenceNouns: set(words.evidenceNouns),
    mediaHeads: set(words.mediaHeads),
    phraseBreaks: set(words.phraseBreaks),
    roleNouns: set(words.roleNouns),
    conflicts: wars,
  };
}
