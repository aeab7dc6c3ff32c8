export { createStanceOf, type StanceOf, type StanceResult } from './stance-of.js';
export { cueLexicon, type CueLexicon } from './cue-lexicon.js';
export { parseStanceModel, STANCE_LABELS, type StanceLabel, type StanceModel } from './stance-model.js';
export { trainStanceModel, type StancePair } from './train-stance-model.js';
export { parseCsv, parseCsvRecords } from './parse-csv.js';
export { prepareBody, type PreparedBody } from './stance-features.js';
