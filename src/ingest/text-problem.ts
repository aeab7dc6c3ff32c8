import type { DiagnosticCode } from '../model/index.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * What makes a decoded string no text to store, whatever format it came in
 * (issue 19: a JSON-escaped lone surrogate, "\ud800", was stored as invalid
 * UTF-8, so the stored text no longer hashed to its id; a JSON-escaped NUL
 * was refused by PostgreSQL only). Bytes are checked when decoded
 * (decode.ts); this is for text that escapes made.
 */
export function textProblem(text: string): { code: DiagnosticCode; message: string } | null {
  if (text.includes('\u0000')) return { code: 'input.binary', message: 'contains NUL characters, not text' };
  const lone = LONE_SURROGATE.exec(text);
  if (lone) return { code: 'input.invalid-encoding', message: `contains a lone UTF-16 surrogate (\\u${lone[0].charCodeAt(0).toString(16)} at character ${lone.index}), which is no character` };
  return null;
}
