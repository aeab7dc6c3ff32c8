import { z } from 'zod';
import { PREDICATES, type Predicate } from '../../model/index.js';
import { expandForms } from '../expand-forms.js';
import { textTable } from '../text-table.js';
import { compileSites, type SiteLexicon } from './find-sites.js';

/**
 * The claims stage's lexicon: data/claims/predicates.json (predicate
 * vocabulary and triggers) and data/claims/context.json (demonyms, force
 * nouns, negation and modality cues). Validated here, at the factory, so a
 * broken data file fails loudly with the path of the bad entry.
 */
const triggerSchema = z.object({
  words: z.array(z.string().min(1)).min(1),
  before: z.string().optional(),
  after: z.string().optional(),
  of: z.string().optional(),
  modifier: z.boolean().optional(),
  extent: z.string().optional(),
  kindOf: z.string().optional(),
  // Roles by syntax (docs/ledger.md, "Argument roles by voice"): where a trigger
  // names its agent and patient, its form says how to find them.
  form: z.enum(['participle', 'verb', 'noun']).optional(),
  agent: z.string().optional(),
  patient: z.string().optional(),
  bare: z.enum(['agent', 'patient']).optional(),
  /** Nouns after which the words are an idiom, not the predicate ("took place", "took part", "took steps"); articles and possessives before them are skipped. */
  unlessFollowedBy: z.array(z.string().min(1)).optional(),
});

const predicateSchema = z.object({
  predicate: z.enum(PREDICATES),
  roles: z.array(z.string()).min(1),
  key: z.array(z.string()),
  kind: z.enum(['state', 'event']),
  persistence: z.number().int().min(0),
  favours: z.enum(['actor', 'opponent']).nullable(),
  opponentOf: z.record(z.string(), z.string()).optional(),
  counts: z.array(z.string()).optional(),
  triggers: z.array(triggerSchema).min(1),
});

const predicatesFileSchema = z.object({ about: z.string(), predicates: z.array(predicateSchema).min(1) });

const contextFileSchema = z.object({
  about: z.string(),
  demonyms: z.record(z.string(), z.string()).transform(textTable),
  forceNouns: z.array(z.string()),
  opponents: z.record(z.string(), z.string()).transform(textTable),
  selfPronouns: z.array(z.string()),
  personalPronouns: z.array(z.string()),
  enemy: z.array(z.string()),
  /** Words that name the enemy's forces by themselves ("противник", "ворог" as the subject: "Ворог окупував місто"); absent in English, where "enemy" needs a force noun. */
  enemyNouns: z.array(z.string()).optional(),
  anaphora: z.array(z.string()),
  negations: z.array(z.string()),
  intent: z.array(z.string()),
  hypothetical: z.array(z.string()),
  sufferVerbs: z.array(z.string()),
  evidence: z.array(z.string()),
  militarySpeakers: z.array(z.string()),
  /** Verbs that refuse the cue after them ("declined to comment on", "refused to confirm"): like a negation, its content is then no claim. */
  refusals: z.array(z.string().min(1)).optional(),
  /** Nouns that name a claim ("the claim", "these reports", "эти сведения"): a denial whose content is only such a name denies the claim before it. */
  claimNouns: z.array(z.string().min(1)).optional(),
  /** A place named as the vicinity of an unnamed settlement ("a village near X", "two villages north of X"): \`words\` stand before the place, or a \`relations\` word with a \`links\` word. */
  vicinity: z.object({ words: z.array(z.string().min(1)), relations: z.array(z.string().min(1)), links: z.array(z.string().min(1)), settlements: z.array(z.string().min(1)) }).optional(),
  manner: z.object({ about: z.string(), rout: z.array(z.string().min(1)), orderly: z.array(z.string().min(1)) }).optional(),
});

export type TriggerEntry = z.infer<typeof triggerSchema>;
export type PredicateEntry = z.infer<typeof predicateSchema> & { readonly predicate: Exclude<Predicate, 'said'> };
export type ClaimContext = z.infer<typeof contextFileSchema>;

/** One trigger, flattened with its predicate, words split into a token pattern ('*' = up to two tokens, '**' up to four). */
export interface CompiledTrigger extends TriggerEntry {
  readonly entry: PredicateEntry;
  readonly lemma: string;
}

export interface ClaimLexicon {
  readonly predicates: ReadonlyMap<Predicate, PredicateEntry>;
  /** Triggers by their first word, longest pattern first. */
  readonly triggersByFirst: ReadonlyMap<string, readonly CompiledTrigger[]>;
  readonly context: ClaimContext;
  readonly forceNouns: ReadonlySet<string>;
  readonly negations: ReadonlySet<string>;
  readonly intent: ReadonlySet<string>;
  readonly hypothetical: ReadonlySet<string>;
  readonly sufferVerbs: ReadonlySet<string>;
  readonly evidence: ReadonlySet<string>;
  readonly militarySpeakers: ReadonlySet<string>;
  /** Anaphoric place phrases, as token sequences. */
  readonly anaphora: readonly (readonly string[])[];
  /** Words that tell how a withdrawal went, as token sequences (context.json `manner`), where the language has them. */
  readonly manner: { readonly rout: ReadonlyArray<readonly string[]>; readonly orderly: ReadonlyArray<readonly string[]> };
  /** Event sites (data/claims/sites.json), where the language has them. */
  readonly sites?: SiteLexicon;
}

/**
 * Validates and indexes the two lexicon files (parsed JSON).
 * @throws Error naming the file and the bad entry, so the data can be fixed.
 */
export function compileClaimLexicon(predicatesJson: unknown, contextJson: unknown, sitesJson?: unknown): ClaimLexicon {
  const predicates = predicatesFileSchema.safeParse(predicatesJson);
  if (!predicates.success) throw new Error(`data/claims/predicates.json is invalid: ${formatIssue(predicates.error)}`);
  const context = contextFileSchema.safeParse(contextJson);
  if (!context.success) throw new Error(`data/claims/context.json is invalid: ${formatIssue(context.error)}`);
  const byPredicate = new Map<Predicate, PredicateEntry>();
  const byFirst = new Map<string, CompiledTrigger[]>();
  for (const entry of predicates.data.predicates as PredicateEntry[]) {
    for (const role of entry.key) {
      if (!entry.roles.includes(role)) throw new Error(`data/claims/predicates.json: ${entry.predicate}: key role '${role}' is not one of its roles`);
    }
    byPredicate.set(entry.predicate, entry);
    for (const trigger of entry.triggers) {
      const words = trigger.words.map((w) => w.toLowerCase());
      for (const role of [trigger.before, trigger.after, trigger.agent, trigger.patient]) {
        if (role !== undefined && !entry.roles.includes(role)) throw new Error(`data/claims/predicates.json: ${entry.predicate}: trigger '${words.join(' ')}' names role '${role}', which is not one of its roles`);
      }
      if ((trigger.agent !== undefined || trigger.patient !== undefined) !== (trigger.form !== undefined)) {
        throw new Error(`data/claims/predicates.json: ${entry.predicate}: trigger '${words.join(' ')}' needs 'form' together with 'agent'/'patient'`);
      }
      if (words[0] === '*' || words[0] === '**') throw new Error(`data/claims/predicates.json: ${entry.predicate}: a trigger cannot start with '*'`);
      const compiled: CompiledTrigger = { ...trigger, words, entry, lemma: words.join(' ') };
      const list = byFirst.get(words[0]!) ?? [];
      list.push(compiled);
      byFirst.set(words[0]!, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length || a.lemma.localeCompare(b.lemma));
  const c = context.data;
  return {
    predicates: byPredicate,
    triggersByFirst: byFirst,
    context: c,
    forceNouns: new Set(c.forceNouns),
    negations: new Set(c.negations),
    intent: new Set(c.intent),
    hypothetical: new Set(c.hypothetical),
    sufferVerbs: new Set(c.sufferVerbs),
    evidence: new Set(c.evidence),
    militarySpeakers: new Set(c.militarySpeakers),
    anaphora: c.anaphora.map((phrase) => phrase.toLowerCase().split(/\s+/)).sort((a, b) => b.length - a.length),
    manner: {
      rout: (c.manner?.rout ?? []).map((w) => w.toLowerCase().split(/\s+/)),
      orderly: (c.manner?.orderly ?? []).map((w) => w.toLowerCase().split(/\s+/)),
    },
    ...(sitesJson !== undefined ? { sites: compileSites(sitesJson) } : {}),
  };
}

function formatIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown problem';
}

/** The shape of data/claims/<language>/claims.json: triggers and counted nouns by predicate, and the context words. */
const languageFileSchema = z.object({
  source: z.string().min(1),
  triggers: z.partialRecord(z.enum(PREDICATES), z.array(triggerSchema).min(1)),
  counts: z.partialRecord(z.enum(PREDICATES), z.array(z.string().min(1))),
  context: contextFileSchema.omit({ about: true }),
});

/**
 * The claims lexicon's data for another language (issue 14): the English
 * predicates (roles, keys, persistence: data/claims/predicates.json) with the
 * language's triggers and counted nouns in their place, and its context words;
 * every word's endings in braces expanded ("освободил{,а,и}" is three triggers).
 * The result is what createClaimsStage takes for that language.
 */
export function languageClaims(predicatesJson: unknown, languageJson: unknown): { predicates: unknown; context: unknown } {
  const english = predicatesFileSchema.parse(predicatesJson);
  const language = languageFileSchema.safeParse(languageJson);
  if (!language.success) throw new Error(`data/claims/<language>/claims.json is invalid: ${formatIssue(language.error)}`);
  const { triggers, counts, context } = language.data;
  const expandWords = (words: readonly string[]): string[][] =>
    words.reduce<string[][]>((acc, w) => acc.flatMap((prefix) => expandForms(w).map((f) => [...prefix, f])), [[]]);
  const predicates = english.predicates.map((entry) => ({
    ...entry,
    triggers: triggers[entry.predicate]?.flatMap((t) => expandWords(t.words).map((words) => ({ ...t, words }))) ?? entry.triggers,
    ...(counts[entry.predicate] ? { counts: counts[entry.predicate]!.flatMap(expandForms) } : {}),
  }));
  const list = (l: readonly string[]): string[] => l.flatMap(expandForms);
  return {
    predicates: { about: english.about, predicates },
    context: {
      about: `${language.data.source} (context words)`,
      demonyms: Object.fromEntries(Object.entries(context.demonyms).flatMap(([k, v]) => expandForms(k).map((f) => [f, v]))),
      forceNouns: list(context.forceNouns), opponents: context.opponents, selfPronouns: list(context.selfPronouns),
      personalPronouns: list(context.personalPronouns), enemy: list(context.enemy), ...(context.enemyNouns ? { enemyNouns: list(context.enemyNouns) } : {}), anaphora: list(context.anaphora), negations: list(context.negations),
      intent: list(context.intent), hypothetical: list(context.hypothetical), sufferVerbs: list(context.sufferVerbs), evidence: list(context.evidence),
      militarySpeakers: list(context.militarySpeakers), ...(context.refusals ? { refusals: list(context.refusals) } : {}), ...(context.claimNouns ? { claimNouns: list(context.claimNouns) } : {}),
      ...(context.vicinity ? { vicinity: { words: list(context.vicinity.words), relations: list(context.vicinity.relations), links: list(context.vicinity.links), settlements: list(context.vicinity.settlements) } } : {}),
    },
  };
}
