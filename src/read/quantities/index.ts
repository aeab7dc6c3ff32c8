export { createQuantitiesStage } from './quantities-stage.js';
