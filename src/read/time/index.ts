// Placeholder until the time extractors land: the stage exists so the pipeline's order is fixed.
import type { Stage } from '../stage.js';
export function createTimeStage(): Stage {
  return { name: 'time', run: (doc) => doc };
}
