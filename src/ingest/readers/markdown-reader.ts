import { markdownToText } from '../markdown.js';
import type { Reader } from './reader.js';
import { readSingleDocument } from './whole-text.js';

/** Markdown, with markup dropped and the reading text kept (markdown.ts). */
export const markdownReader: Reader = {
  name: 'markdown',
  extensions: ['.md', '.markdown'],
  contentTypes: ['text/markdown'],
  sniff: () => false,
  read: (input, options) => readSingleDocument(input, options, (text) => ({ text: markdownToText(text) })),
};
