import { z } from 'zod';
import type { Stance } from '../../model/index.js';
import { tokenize } from '../segment/index.js';

const STANCES = ['assert', 'deny', 'acknowledge', 'accuse', 'demand', 'warn', 'promise', 'question', 'evidence', 'believe', 'report'] as const;

/** The shape of data/cues/cues.json, checked where it is loaded. */
export const CueLexiconSchema = z.object({
  cues: z.array(z.object({
    lemma: z.string().min(1),
    stance: z.enum(STANCES),
    class: z.enum(['speech', 'thought', 'evidence']),
    frame: z.enum(['verb', 'according', 'noun']).optional(),
    object: z.boolean().optional(),
    needsContent: z.enum(['quote']).optional(),
    force: z.boolean().optional(),
    forms: z.array(z.string().min(1)).optional(),
  })),
});

export interface CueEntry {
  readonly lemma: string;
  readonly stance: Stance;
  readonly class: 'speech' | 'thought' | 'evidence';
  readonly frame: 'verb' | 'according' | 'noun';
  /** Takes an addressee before its content ("told reporters that"). */
  readonly object: boolean;
  /** Only a cue when its content is a quotation ("he continued: “...”"). */
  readonly needsQuote: boolean;
  readonly norms: readonly string[];
  /** The form is a participle/gerund ("adding", "noting"): its subject is the main clause's. */
  readonly participle: boolean;
  /** The verb also names an act of force ("attacked"): not a cue where armed forces are its subject or object. */
  readonly force?: boolean;
}

/** Cue forms by first token norm, longest first. */
export interface CueLexicon {
  readonly byFirst: ReadonlyMap<string, readonly CueEntry[]>;
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
    const forms = c.forms ?? inflect(c.lemma);
    for (const form of forms) {
      const norms = tokenize(form).map((t) => t.norm);
      const entry: CueEntry = {
        lemma: c.lemma, stance: c.stance, class: c.class, frame, object: c.object ?? false,
        needsQuote: c.needsContent === 'quote', norms, participle: frame === 'verb' && /ing$/.test(norms[0]!), force: c.force ?? false,
      };
      const list = byFirst.get(norms[0]!) ?? [];
      if (!list.some((e) => e.norms.join(' ') === entry.norms.join(' ') && e.frame === entry.frame)) list.push(entry);
      byFirst.set(norms[0]!, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.norms.length - a.norms.length);
  return { byFirst };
}
