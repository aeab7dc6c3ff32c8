import type { Scorer } from './scorer.js';

/** Every dataset scorer, in the order the table prints them. */
export const SCORERS: readonly Scorer[] = [];
