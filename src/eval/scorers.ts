import type { Scorer } from './scorer.js';
import { fnc1Scorer } from './fnc1.js';
import { ploverScorer } from './plover.js';
import { tempeval3Scorer } from './tempeval3.js';
import { wikiwarsScorer } from './wikiwars.js';
import { polnearScorer } from './polnear.js';
import { geoparsingScorer } from './geoparsing.js';
import { warnewsScorer } from './warnews.js';
import { factRuEvalScorer } from './factrueval.js';
import { nerUkScorer } from './ner-uk.js';
import { viinaScorer } from './viina.js';
import { reviewsScorer } from './reviews.js';

/** Every dataset scorer, in the order the table prints them. */
export const SCORERS: readonly Scorer[] = [
  fnc1Scorer,
  ploverScorer,
  tempeval3Scorer,
  wikiwarsScorer,
  polnearScorer,
  geoparsingScorer,
  warnewsScorer,
  factRuEvalScorer,
  nerUkScorer,
  viinaScorer,
  reviewsScorer,
];
