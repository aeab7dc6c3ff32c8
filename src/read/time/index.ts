export { createTimeStage, type TimeStageOptions } from './time-stage.js';
