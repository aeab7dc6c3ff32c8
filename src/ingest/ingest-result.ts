import type { DiagnosticCode, SourceDocument } from '../model/index.js';

/** One input (or one record of it) that could not be read: which one and what is wrong with it. */
export interface IngestFailure {
  /** A path, `-`, a URL; records add `:LINE` or `#item` in `source` and the line in `line`. */
  readonly source: string;
  readonly line?: number;
  readonly code: DiagnosticCode;
  readonly message: string;
  /** Left out on purpose (a service message, a post without text), not a problem with the input. */
  readonly skipped?: boolean;
}

export type IngestResult = { readonly ok: true; readonly doc: SourceDocument } | ({ readonly ok: false } & IngestFailure);

export function failure(source: string, code: DiagnosticCode, message: string, extra: { line?: number; skipped?: boolean } = {}): IngestResult {
  return { ok: false, source, code, message, ...extra };
}

/** `file: message` or `file:12: message`, the way compilers name a place. */
export function describeFailure(f: IngestFailure): string {
  const where = f.line !== undefined && !f.source.endsWith(`:${f.line}`) ? `${f.source}:${f.line}` : f.source;
  return `${where}: ${f.message} [${f.code}]`;
}
