import { documentRoutes } from './documents.js';
import { itemRoutes } from './items.js';
import { placeRoutes } from './places.js';
import type { RouteModule } from './route-module.js';

/**
 * Every API resource, one file each. The ledger adds its own here, one line
 * each: claims.ts, contradictions.ts, timeline.ts (`/api/timeline/:place`),
 * check.ts, exports.ts.
 */
export const API_ROUTES: readonly RouteModule[] = [
  documentRoutes,
  itemRoutes,
  placeRoutes,
];
