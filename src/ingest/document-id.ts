import { createHash } from 'node:crypto';

/** A document's id: the sha256 of its text, so the same text is the same document wherever it came from. */
export function documentId(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
