export { readFiles, type IngestResult, type IngestFailure, type ReadFilesOptions } from './read-files.js';
export { decodeText, normalizeNewlines, MAX_INPUT_BYTES } from './decode.js';
export { documentId } from './document-id.js';
export { markdownToText } from './markdown.js';
export { mergeMeta, sidecarSchema, isoDateOrDateTime, describeZodError, type MetaOverrides } from './metadata.js';
export { sourceDocument } from './source-document.js';
