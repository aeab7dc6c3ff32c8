import type { AnyItem, LedgerDocument, Span } from './api.js';

/** What the document view highlights, each in its own colour. */
export const MARK_KINDS = ['actor', 'cue', 'content', 'time', 'place', 'quantity', 'event'] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

export interface Mark {
  readonly kind: MarkKind;
  /** The item the mark shows (for cue and content: the attribution). */
  readonly item: AnyItem;
  readonly span: Span;
  /** `${kind}|${item.id}`: cue and content of one attribution are two marks of one item. */
  readonly key: string;
}

/** Every mark of a document, from the item lists it has (lists it lacks are empty). */
export function marksOf(doc: LedgerDocument): Mark[] {
  const marks: Mark[] = [];
  const add = (kind: MarkKind, item: AnyItem, span: Span | undefined) => {
    if (span && span[1] > span[0]) marks.push({ kind, item, span, key: `${kind}|${item.id}` });
  };
  for (const item of doc.actors ?? []) add('actor', item, item.span);
  for (const item of doc.times ?? []) add('time', item, item.span);
  for (const item of doc.places ?? []) add('place', item, item.span);
  for (const item of doc.quantities ?? []) add('quantity', item, item.span);
  for (const item of doc.events ?? []) add('event', item, item.span);
  for (const item of doc.attributions ?? []) {
    add('content', item, (item.content as { span?: Span } | null)?.span);
    add('cue', item, (item.cue as { span?: Span } | null)?.span);
  }
  return marks.sort(byPosition);
}

function byPosition(a: { span: Span; key: string }, b: { span: Span; key: string }): number {
  return a.span[0] - b.span[0] || b.span[1] - a.span[1] || a.key.localeCompare(b.key);
}

export type Segment =
  | { readonly type: 'text'; readonly span: Span }
  | { readonly type: 'mark'; readonly mark: Mark; readonly span: Span; readonly first: boolean; readonly children: readonly Segment[] };

interface Piece { readonly mark: Mark; readonly span: Span; readonly key: string; readonly first: boolean }

/**
 * Nests the marks over [from, to) into a tree that HTML can hold. A mark that
 * crosses the end of an enclosing one is cut in two at that end; only the first
 * piece is focusable (`first`), so each item is one tab stop.
 */
export function segment(marks: readonly Mark[], from: number, to: number): Segment[] {
  return build(marks.map((mark) => ({ mark, span: mark.span, key: mark.key, first: true })), from, to);
}

function build(input: Piece[], from: number, to: number): Segment[] {
  let queue = input.filter((p) => p.span[1] > p.span[0]).sort(byPosition);
  const out: Segment[] = [];
  let pos = from;
  while (queue.length > 0) {
    const [m, ...others] = queue as [Piece, ...Piece[]];
    const inside: Piece[] = [];
    const rest: Piece[] = [];
    for (const n of others) {
      if (n.span[0] >= m.span[1]) rest.push(n);
      else if (n.span[1] <= m.span[1]) inside.push(n);
      else {
        inside.push({ ...n, span: [n.span[0], m.span[1]] });
        rest.push({ ...n, span: [m.span[1], n.span[1]], first: false });
      }
    }
    if (m.span[0] > pos) out.push({ type: 'text', span: [pos, m.span[0]] });
    out.push({ type: 'mark', mark: m.mark, span: m.span, first: m.first, children: build(inside, m.span[0], m.span[1]) });
    pos = m.span[1];
    queue = rest.sort(byPosition);
  }
  if (pos < to) out.push({ type: 'text', span: [pos, to] });
  return out;
}
