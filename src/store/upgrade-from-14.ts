import type { LedgerDocument } from '../report/ledger-json.js';
import { ITEM_LISTS } from './store.js';
import { joinDocument, storedDocumentOf, type StoredDocument } from './stored-analysis.js';

/**
 * A document of schema 14 in the form schema 15 stores (both backends'
 * upgrades): its analysis JSON held each item list's length in the list's
 * place and its items were rows (`items`, kind and JSON, in list order); the
 * document they make is stored again as a save of today's code stores it
 * (compressed analysis, place rows with ids computed in TypeScript, the hash
 * an unchanged save compares).
 */
export function storedFrom14(analysis: string, text: string, items: ReadonlyArray<{ readonly kind: string; readonly data: string }>): StoredDocument {
  const rest = JSON.parse(analysis) as Record<string, unknown>;
  const lists = new Map<string, unknown[]>(ITEM_LISTS.map((kind) => [kind, []]));
  for (const row of items) lists.get(row.kind)?.push(JSON.parse(row.data));
  for (const kind of ITEM_LISTS) if (typeof rest[kind] === 'number') rest[kind] = lists.get(kind);
  const doc: LedgerDocument = joinDocument(rest, text, rest.places as unknown[], rest.claims as unknown[]);
  return storedDocumentOf(doc);
}

/** SQLite's upgrade: every document, a page at a time in seq order, read from the old rows and written in the new form (synchronously, inside the migration's transaction). */
export function upgradeDocumentsFrom14(db: {
  page(after: number): ReadonlyArray<{ readonly seq: number; readonly text: string; readonly analysis: string }>;
  items(seq: number): ReadonlyArray<{ readonly kind: string; readonly data: string }>;
  write(seq: number, stored: StoredDocument): void;
}): void {
  for (let page = db.page(0); page.length > 0; page = db.page(page.at(-1)!.seq)) {
    for (const doc of page) db.write(doc.seq, storedFrom14(doc.analysis, doc.text, db.items(doc.seq)));
  }
}
