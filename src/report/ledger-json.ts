import type { AnalyzedDocument, Diagnostic, Sentence } from '../model/index.js';

export const LEDGER_JSON_VERSION = 1;

/** A sentence as written to JSON: token indexes are internal and left out. */
export type SentenceJson = Omit<Sentence, 'tokens'>;

/**
 * One document of the ledger JSON (docs/ledger-json.md). Keys are written in
 * this order on purpose: the same document always serialises to the same bytes.
 */
export interface LedgerDocument {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly language: string | null;
  readonly source: string | null;
  readonly duplicateOf: { readonly id: string; readonly similarity: number } | null;
  readonly text: string;
  readonly sentences: readonly SentenceJson[];
  readonly times: AnalyzedDocument['times'];
  readonly places: AnalyzedDocument['places'];
  readonly entities: AnalyzedDocument['entities'];
  readonly actors: AnalyzedDocument['actors'];
  readonly attributions: AnalyzedDocument['attributions'];
  readonly quantities: AnalyzedDocument['quantities'];
  readonly events: AnalyzedDocument['events'];
  readonly claims: AnalyzedDocument['claims'];
  readonly diagnostics: readonly Diagnostic[];
}

export interface LedgerJson {
  readonly version: typeof LEDGER_JSON_VERSION;
  readonly documents: readonly LedgerDocument[];
}

export function toLedgerDocument(doc: AnalyzedDocument): LedgerDocument {
  const { meta } = doc;
  return {
    id: doc.id,
    title: meta.title,
    outlet: meta.outlet,
    url: meta.url,
    published: meta.published,
    language: meta.language,
    source: meta.source,
    duplicateOf: meta.duplicateOf ?? null,
    text: doc.text,
    sentences: doc.sentences.map(({ tokens: _tokens, ...sentence }) => sentence),
    times: doc.times,
    places: doc.places,
    entities: doc.entities,
    actors: doc.actors,
    attributions: doc.attributions,
    quantities: doc.quantities,
    events: doc.events,
    claims: doc.claims,
    diagnostics: doc.diagnostics,
  };
}

/** The ledger JSON text for some documents, pretty-printed, with a final newline. */
export function ledgerJson(documents: readonly LedgerDocument[]): string {
  const ledger: LedgerJson = { version: LEDGER_JSON_VERSION, documents };
  return `${JSON.stringify(ledger, null, 2)}\n`;
}
