import type { Stage } from '../stage.js';
export function createQuantitiesStage(): Stage {
  return { name: 'quantities', run: (doc) => doc };
}
