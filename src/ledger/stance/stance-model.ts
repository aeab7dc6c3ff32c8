import { z } from 'zod';
import type { LinearModel } from './logistic.js';

export const STANCE_LABELS = ['agree', 'disagree', 'discuss', 'unrelated'] as const;
export type StanceLabel = (typeof STANCE_LABELS)[number];
export const RELATED_LABELS = ['agree', 'disagree', 'discuss'] as const;

const linearModel = z.object({
  features: z.array(z.string()),
  classes: z.array(z.string()),
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  weights: z.array(z.array(z.number())),
  bias: z.array(z.number()),
});

/** The trained weights (models/stance/stance-model.json, written by scripts/train-stance.ts). */
const stanceModelSchema = z.object({
  version: z.literal(1),
  trainedOn: z.string(),
  idf: z.record(z.string(), z.number()),
  unseenIdf: z.number(),
  /** related vs unrelated */
  relatedness: linearModel,
  /** agree / disagree / discuss, given related */
  stance: linearModel,
});

export interface StanceModel {
  readonly version: 1;
  readonly trainedOn: string;
  readonly idf: Readonly<Record<string, number>>;
  readonly unseenIdf: number;
  readonly relatedness: LinearModel;
  readonly stance: LinearModel;
}

/** Validates parsed model JSON at the edge; throws with a message that says what to do. */
export function parseStanceModel(json: unknown): StanceModel {
  const r = stanceModelSchema.safeParse(json);
  if (!r.success) throw new Error(`stance model: invalid JSON (${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}); retrain with \`npx tsx scripts/train-stance.ts\``);
  return r.data;
}
