/**
 * A lookup table for words read from a document: an object with no
 * prototype, so that a word such as "constructor", "toString" or "__proto__"
 * finds nothing instead of `Object.prototype`'s member (issue 19: "constructor"
 * became a quantity with a function for its value, and a document with it
 * could not be sent between threads). Use it, or a Map, for every table that
 * document text indexes.
 *
 * @example
 * const SCALES = textTable({ thousand: 1e3, million: 1e6 });
 * SCALES['constructor']; // undefined
 */
export function textTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
