import { z } from 'zod';
import type { EntityKind, Side } from '../../model/index.js';
import { tokenize } from '../segment/index.js';

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

/** Validates the two data files and builds the lookup tables; throws with the file's problem on bad data. */
export function compileActorLexicon(dictionary: unknown, nouns: unknown): ActorLexicon {
  const dict = ActorDictionarySchema.parse(dictionary);
  const words = ActorNounsSchema.parse(nouns);
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
    if (byKey.has(e.key)) throw new Error(`actors.json: duplicate key ${e.key}`);
    const actor: KnownActor = { key: e.key, name: e.name, kind: e.kind, side: e.side, role: e.role ?? null };
    byKey.set(e.key, actor);
    for (const alias of e.aliases) add(actor, alias, false);
    for (const alias of e.metonyms ?? []) add(actor, alias, true);
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
  };
}
