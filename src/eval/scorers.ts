import type { Scorer } from './scorer.js';
import { fnc1Scorer } from './fnc1.js';

/** Every dataset scorer, in the order the table prints them. */
export const SCORERS: readonly Scorer[] = [
  fnc1Scorer,
];
