import { z } from 'zod';
import type { QuantityModifier } from '../../model/index.js';
import { expandForms } from '../expand-forms.js';
import { tokenize } from '../segment/index.js';

const MODIFIERS = ['approximate', 'upper-bound', 'lower-bound', 'additional'] as const;

/** The shape of data/quantities/<language>/quantities.json, checked where it is loaded. */
export const QuantityVocabularySchema = z.object({
  source: z.string().min(1),
  decimalComma: z.boolean(),
  nounFirst: z.boolean(),
  words: z.record(z.string(), z.number()),
  approximateWords: z.array(z.string()),
  scales: z.record(z.string(), z.number()),
  before: z.record(z.string(), z.enum(MODIFIERS)),
  qualitative: z.array(z.string()),
  qualitativeHeads: z.array(z.string()),
  unitStops: z.array(z.string()),
});

/**
 * The words the quantities stage reads a number with, per language: number
 * words, scales ("thousand", "тыс."), the modifiers before a number (one or two
 * tokens, joined by a space), qualitative amounts ("heavy losses"), the words
 * that end a unit's noun phrase, and two habits of the language: a decimal comma
 * ("1,5") and the counted noun first after the number ("100 атак противника").
 */
export interface QuantityVocabulary {
  readonly words: ReadonlyMap<string, number>;
  /** Number words that are estimates ("dozens", "сотни"). */
  readonly approximateWords: ReadonlySet<string>;
  readonly scales: ReadonlyMap<string, number>;
  readonly before: ReadonlyMap<string, QuantityModifier>;
  readonly qualitative: ReadonlySet<string>;
  readonly qualitativeHeads: ReadonlySet<string>;
  readonly unitStops: ReadonlySet<string>;
  readonly decimalComma: boolean;
  readonly nounFirst: boolean;
}

const norm = (form: string): string => tokenize(form).map((t) => t.norm).join(' ');

/** Validates a data/quantities/<language>/quantities.json and compiles it (endings in braces expanded, forms as token norms). */
export function compileQuantityVocabulary(data: unknown): QuantityVocabulary {
  const d = QuantityVocabularySchema.parse(data);
  const map = <T>(record: Record<string, T>): Map<string, T> => new Map(Object.entries(record).flatMap(([k, v]) => expandForms(k).map((f) => [norm(f), v] as const)));
  const set = (list: readonly string[]): Set<string> => new Set(list.flatMap(expandForms).map(norm));
  return {
    words: map(d.words), approximateWords: set(d.approximateWords), scales: map(d.scales), before: map(d.before),
    qualitative: set(d.qualitative), qualitativeHeads: set(d.qualitativeHeads), unitStops: set(d.unitStops),
    decimalComma: d.decimalComma, nounFirst: d.nounFirst,
  };
}
