import { createHash } from 'node:crypto';
import type { LedgerDocument } from '../report/ledger-json.js';
import { ITEM_LISTS } from './store.js';

/**
 * How both backends store a document's analysis: the item lists one row per
 * item in `items` (queried across documents), everything else as JSON in
 * `documents.analysis` with each list's length in its place, so the lists
 * are not stored twice and the document is rebuilt in its own key order.
 */


/** One item as a row: its list (`kind`), position in the list, span, text and JSON. */
export interface ItemRecord {
  readonly kind: (typeof ITEM_LISTS)[number];
  readonly ord: number;
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly data: string;
}

export interface SplitAnalysis {
  /** The analysis without text and item lists (each list's length instead), as JSON. */
  readonly analysis: string;
  /** sha256 of the analysis and every item: equal hashes, an unchanged save. */
  readonly hash: string;
  readonly items: readonly ItemRecord[];
}

interface ItemLike { readonly id: string; readonly span?: readonly [number, number]; readonly text?: string; readonly name?: string }

export function splitAnalysis(doc: LedgerDocument): SplitAnalysis {
  const { text: _text, ...rest } = doc;
  const stripped: Record<string, unknown> = { ...rest };
  const items: ItemRecord[] = [];
  const hasher = createHash('sha256');
  for (const kind of ITEM_LISTS) {
    const list = doc[kind] as readonly ItemLike[];
    stripped[kind] = list.length;
    list.forEach((item, ord) => {
      const data = JSON.stringify(item);
      hasher.update(data).update('\n');
      const [start, end] = item.span ?? [0, 0];
      items.push({ kind, ord, id: item.id, start, end, text: item.text ?? item.name ?? '', data });
    });
  }
  const analysis = JSON.stringify(stripped);
  return { analysis, hash: hasher.update(analysis).digest('hex'), items };
}

/**
 * The document back from its analysis JSON and text. `items` (rows of the
 * document with an order, in list then order) is read only when the analysis
 * holds lengths in place of lists; documents stored before the split (SQLite
 * schema 8, PostgreSQL 8) hold their lists in the analysis.
 */
export async function joinAnalysis(
  analysis: string, text: string, items: () => Promise<ReadonlyArray<{ readonly kind: string; readonly data: string }>>,
): Promise<LedgerDocument> {
  const rest = JSON.parse(analysis) as Record<string, unknown>;
  if (ITEM_LISTS.some((kind) => typeof rest[kind] === 'number')) {
    const lists = new Map<string, unknown[]>(ITEM_LISTS.map((kind) => [kind, []]));
    for (const row of await items()) lists.get(row.kind)?.push(JSON.parse(row.data));
    for (const kind of ITEM_LISTS) if (typeof rest[kind] === 'number') rest[kind] = lists.get(kind);
  }
  // `text` goes back in its place in the key order of LedgerDocument.
  const { id, title, outlet, url, published, language, source, duplicateOf, ...lists } = rest as unknown as Omit<LedgerDocument, 'text'>;
  return { id, title, outlet, url, published, language, source, duplicateOf, text, ...lists };
}
