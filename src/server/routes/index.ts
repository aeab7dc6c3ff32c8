import { aggregateRoutes } from './aggregates.js';
import { checkRoutes } from './check.js';
import { claimRoutes } from './claims.js';
import { contradictionRoutes } from './contradictions.js';
import { documentRoutes } from './documents.js';
import { entityRoutes } from './entities.js';
import { exportRoutes } from './exports.js';
import { itemRoutes } from './items.js';
import { placeRoutes } from './places.js';
import { searchRoutes } from './search.js';
import type { RouteModule } from './route-module.js';
import { timelineRoutes } from './timeline.js';
import { meRoutes, userRoutes } from './users.js';
import { auditRoutes, reviewRoutes } from './reviews.js';
import { sourceRoutes } from './sources.js';
import { changeFeedRoutes, changeRoutes, watchlistRoutes } from './watching.js';

/** Every API resource, one file each, one line here. */
export const API_ROUTES: readonly RouteModule[] = [
  documentRoutes,
  itemRoutes,
  placeRoutes,
  claimRoutes,
  contradictionRoutes,
  timelineRoutes,
  entityRoutes,
  checkRoutes,
  exportRoutes,
  aggregateRoutes,
  searchRoutes,
  userRoutes,
  meRoutes,
  reviewRoutes,
  auditRoutes,
  sourceRoutes,
  watchlistRoutes,
  changeRoutes,
  changeFeedRoutes,
];
