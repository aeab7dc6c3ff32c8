import { z } from 'zod';
import type { Stance } from '../../model/index.js';
import { tokenize } from '../segment/index.js';
import { expandForms } from '../expand-forms.js';

const STANCES = ['assert', 'deny', 'acknowledge', 'accuse', 'demand', 'warn', 'promise', 'question', 'evidence', 'believe', 'report'] as const;

/** The shape of data/cues/cues.json, checked where it is loaded. */
export const CueLexiconSchema = z.object({
  cues: z.array(z.object({
    lemma: z.string().min(1),
    stance: z.enum(STANCES),
    class: z.enum(['speech', 'thought', 'evidence']),
    frame: z.enum(['verb', 'according', 'noun', 'genitive']).optional(),
    object: z.boolean().optional(),
    /** false: the verb never stands before its subject after its content ("“…,” told reporters" is no English), so "…, told X" names X as the addressee. */
    invertible: z.boolean().optional(),
    needsContent: z.enum(['quote']).optional(),
    force: z.boolean().optional(),
    forms: z.array(z.string().min(1)).optional(),
    /** Adverbial participles ("заявив", "adding" is read from its -ing): their subject is the main clause's. */
    participles: z.array(z.string().min(1)).optional(),
  })),
  /** The language drops a subject the text just named ("Также сообщили, что ..."): a reporting verb without one shares the source before. */
  dropsSubjects: z.boolean().optional(),
  /** Sources that point back to an actor: a person pronoun ("він"), a word for a body or its statement ("ведомство", "там"). */
  coreference: z.object({
    person: z.array(z.string().min(1)), body: z.array(z.string().min(1)),
    /** Words for a record a body published ("мапою", "картой"): shown as evidence by the body whose record was named before. */
    record: z.array(z.string().min(1)).optional(),
  }).optional(),
  /** Sentence connectives a verb frame may take for its subject ("При этом сообщили", "Водночас зазначили"): never a speaker. */
  connectives: z.array(z.string().min(1)).optional(),
  /** Prepositions that open the topic of a report before its verb ("Про втрату міста свідчать мапи"): the speaker follows the verb. */
  topicPrepositions: z.array(z.string().min(1)).optional(),
  /** Words that open the content of a genitive noun cue ("про", "о", "что"). */
  contentIntroducers: z.array(z.string().min(1)).optional(),
  /** Words before a cue that point back to its content ("Об этом сообщил X", ", про що повідомили"). */
  anaphors: z.array(z.string().min(1)).optional(),
  /** Prepositions that open the source after a passive cue an anaphor points back from ("This was reported by X"): the source must open with one, which is not part of it. */
  anaphorAgents: z.array(z.string().min(1)).optional(),
  /** Words opening a sentence that add to the one before ("In addition,", "Moreover,"): a content reported before its cue that opens with one goes on that sentence. */
  additives: z.array(z.string().min(1)).optional(),
  /** Words in a content that deny what it names ("не відповідає дійсності", "фейк"): a neutral cue's stance becomes deny. */
  rejections: z.array(z.string().min(1)).optional(),
});

export interface CueEntry {
  readonly lemma: string;
  readonly stance: Stance;
  readonly class: 'speech' | 'thought' | 'evidence';
  /** genitive: a noun whose owner follows it ("заяви російського командування про ..."; see extract-genitive-noun-claims.ts). */
  readonly frame: 'verb' | 'according' | 'noun' | 'genitive';
  /** Takes an addressee before its content ("told reporters that"). */
  readonly object: boolean;
  /** May stand before its subject after its content ("“…,” said the minister"); see the data file. */
  readonly invertible?: boolean;
  /** Only a cue when its content is a quotation ("he continued: “...”"). */
  readonly needsQuote: boolean;
  readonly norms: readonly string[];
  /** The form is a participle/gerund ("adding", "noting"): its subject is the main clause's. */
  readonly participle: boolean;
  /** The verb also names an act of force ("attacked"): not a cue where armed forces are its subject or object. */
  readonly force?: boolean;
}

/** Source words that point back to an actor, lower case: a person pronoun, or a word for a body or its statement. */
export interface SourceCoreference {
  readonly person: ReadonlySet<string>;
  readonly body: ReadonlySet<string>;
  /** Words for a record a body published (a map, a video): its evidence (see CueLexiconSchema). */
  readonly record?: ReadonlySet<string>;
}

/** Cue forms by first token norm, longest first. */
export interface CueLexicon {
  readonly byFirst: ReadonlyMap<string, readonly CueEntry[]>;
  /** Rejections in the content, as token norms (see CueLexiconSchema); none in the English file. */
  readonly rejections?: ReadonlyArray<readonly string[]>;
  /** Words pointing back to a cue's content, as token norms, longest first; none in the English file. */
  readonly anaphors?: ReadonlyArray<readonly string[]>;
  /** Prepositions that open the source of a passive anaphoric cue (see CueLexiconSchema). */
  readonly anaphorAgents?: ReadonlySet<string>;
  /** Additive sentence openers, as token norms (see CueLexiconSchema). */
  readonly additives?: ReadonlyArray<readonly string[]>;
  /** Source words pointing back to an actor (see CueLexiconSchema); the English ones are in link-attribution-source.ts. */
  readonly coreference?: SourceCoreference;
  /** A reporting verb without a subject shares the source before (see CueLexiconSchema). */
  readonly dropsSubjects?: boolean;
  /** Words that open the content of a genitive noun cue (see CueLexiconSchema). */
  readonly contentIntroducers?: ReadonlySet<string>;
  /** Sentence connectives as token norms, longest first (see CueLexiconSchema). */
  readonly connectives?: ReadonlyArray<readonly string[]>;
  /** Prepositions that open a report's topic before its verb (see CueLexiconSchema). */
  readonly topicPrepositions?: ReadonlySet<string>;
}

/** Regular English inflections of a verb lemma: -s, -ed, -ing (with the usual spelling changes). */
export function inflect(lemma: string): string[] {
  const [verb, ...rest] = lemma.split(' ');
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  const v = verb!;
  const third = /(s|sh|ch|x|z|o)$/.test(v) ? `${v}es` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ies` : `${v}s`;
  const past = v.endsWith('e') ? `${v}d` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ied` : `${v}ed`;
  const ing = /[^e]e$/.test(v) ? `${v.slice(0, -1)}ing` : `${v}ing`;
  return [v, third, past, ing].map((f) => f + tail);
}

/** Validates the data file and compiles it for matching on token norms. */
export function compileCueLexicon(data: unknown): CueLexicon {
  const parsed = CueLexiconSchema.parse(data);
  const byFirst = new Map<string, CueEntry[]>();
  for (const c of parsed.cues) {
    const frame = c.frame ?? 'verb';
    // Forms may write their endings in braces (the Russian and Ukrainian files: "заявил{,а,о,и}").
    const participles = new Set((c.participles ?? []).flatMap(expandForms));
    const forms = [...(c.forms ?? inflect(c.lemma)).flatMap(expandForms), ...participles];
    for (const form of forms) {
      const norms = tokenize(form).map((t) => t.norm);
      const entry: CueEntry = {
        lemma: c.lemma, stance: c.stance, class: c.class, frame, object: c.object ?? false, invertible: c.invertible ?? true,
        needsQuote: c.needsContent === 'quote', norms, participle: frame === 'verb' && (/ing$/.test(norms[0]!) || participles.has(form)), force: c.force ?? false,
      };
      const list = byFirst.get(norms[0]!) ?? [];
      if (!list.some((e) => e.norms.join(' ') === entry.norms.join(' ') && e.frame === entry.frame)) list.push(entry);
      byFirst.set(norms[0]!, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.norms.length - a.norms.length);
  const norms = (phrases: readonly string[] | undefined): string[][] => (phrases ?? []).map((r) => tokenize(r).map((t) => t.norm)).sort((a, b) => b.length - a.length);
  const rejections = norms(parsed.rejections?.flatMap(expandForms));
  const anaphors = norms(parsed.anaphors);
  const additives = norms(parsed.additives);
  const connectives = norms(parsed.connectives);
  const coreference = parsed.coreference ? {
    person: new Set(parsed.coreference.person), body: new Set(parsed.coreference.body),
    ...(parsed.coreference.record ? { record: new Set(parsed.coreference.record.flatMap(expandForms)) } : {}),
  } : undefined;
  return {
    byFirst, ...(rejections.length > 0 ? { rejections } : {}), ...(anaphors.length > 0 ? { anaphors } : {}),
    ...(parsed.anaphorAgents ? { anaphorAgents: new Set(parsed.anaphorAgents) } : {}), ...(additives.length > 0 ? { additives } : {}),
    ...(coreference ? { coreference } : {}), ...(parsed.dropsSubjects ? { dropsSubjects: true } : {}),
    ...(parsed.contentIntroducers ? { contentIntroducers: new Set(parsed.contentIntroducers) } : {}),
    ...(connectives.length > 0 ? { connectives } : {}),
    ...(parsed.topicPrepositions ? { topicPrepositions: new Set(parsed.topicPrepositions) } : {}),
  };
}
