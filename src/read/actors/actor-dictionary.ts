import { z } from 'zod';
import type { EntityKind, Side } from '../../model/index.js';
import { tokenize } from '../segment/index.js';
import { expandForms } from '../expand-forms.js';

const KINDS = ['person', 'government', 'military', 'unit', 'media', 'organisation', 'group', 'unnamed', 'evidence'] as const;

/** The shape of data/actors/actors.json, checked where it is loaded. */
export const ActorDictionarySchema = z.object({
  entities: z.array(z.object({
    key: z.string().min(1),
    name: z.string().min(1),
    kind: z.enum(KINDS),
    side: z.string().min(1),
    role: z.string().optional(),
    aliases: z.array(z.string().min(1)).min(1),
    metonyms: z.array(z.string().min(1)).optional(),
    source: z.string().url(),
  })),
  countries: z.object({
    names: z.record(z.string(), z.string()),
    demonyms: z.record(z.string(), z.string()),
  }),
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
}

const norms = (text: string): string[] => tokenize(text).map((t) => t.norm);

/**
 * Validates the data files and builds the lookup tables; throws with the file's problem on bad data.
 * `languages`: data/actors/<language>/actors.json of other languages (issue 14), whose names join the
 * entries of the same key, so that an entity is one entity in every language.
 */
export function compileActorLexicon(dictionary: unknown, nouns: unknown, languages: readonly unknown[] = []): ActorLexicon {
  const dict = ActorDictionarySchema.parse(dictionary);
  const words = ActorNounsSchema.parse(nouns);
  const others = languages.map((l) => LanguageActorsSchema.parse(l));
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
    if (byKey.has(e.key)) throw new Error(`actors.json: duplicate key ${e.key}`);
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
  };
}
