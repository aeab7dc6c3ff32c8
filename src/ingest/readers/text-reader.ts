import type { Reader } from './reader.js';
import { readSingleDocument } from './whole-text.js';

/** Plain text, stored and analysed as it is (newlines normalised). */
export const textReader: Reader = {
  name: 'text',
  extensions: ['.txt', '.text'],
  contentTypes: ['text/plain'],
  sniff: () => false,
  read: (input, options) => readSingleDocument(input, options, (text) => ({ text })),
};
