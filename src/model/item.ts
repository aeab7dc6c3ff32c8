/**
 * The parts every extracted item shares: where it is in the text and which
 * stage and rule put it there (PRODUCT.md, "Data contract").
 */

/** UTF-16 code-unit offsets into the stored document text, end exclusive. */
export type Span = readonly [start: number, end: number];

/** Which stage and which rule inside it produced an item. */
export interface Origin {
  readonly stage: string;
  readonly rule: string;
}

/** Base of every extracted item: `text === doc.text.slice(span[0], span[1])`. */
export interface ItemBase {
  readonly id: string;
  readonly span: Span;
  readonly text: string;
  readonly origin: Origin;
}

/**
 * A stable id for an item: its kind and span, so ids do not shift when an
 * unrelated item is added or removed elsewhere in the document.
 *
 * @example itemId('time', [10, 22]) // => 'time:10-22'
 */
export function itemId(kind: string, span: Span, suffix?: string | number): string {
  return suffix === undefined ? `${kind}:${span[0]}-${span[1]}` : `${kind}:${span[0]}-${span[1]}:${suffix}`;
}

/** Orders items by start, then by longer first, then by id: the one canonical order of every item list. */
export function compareItems(a: { span: Span; id?: string }, b: { span: Span; id?: string }): number {
  return a.span[0] - b.span[0] || b.span[1] - a.span[1] || (a.id ?? '').localeCompare(b.id ?? '');
}
