import { h } from './dom.js';

/**
 * The source registry's filters as the UI offers them (the place panel, the board, the search
 * results): the kind of a claim's source, and its reliability at least a grade. The API takes
 * them as `sourceKind` and `reliability` (docs/api.md); the URL keeps them as `source` and `grade`.
 */
export const SOURCE_KINDS: ReadonlyArray<[string, string]> = [['', 'any'], ['official', 'official body'], ['state-media', 'state media'], ['wire', 'wire service'], ['independent-media', 'independent media'], ['osint', 'OSINT group'], ['anonymous-channel', 'anonymous channel'], ['person', 'person'], ['unregistered', 'not in the registry']];
export const GRADES: ReadonlyArray<[string, string]> = [['', 'any'], ['A', 'A'], ['B', 'A–B'], ['C', 'A–C'], ['D', 'A–D'], ['E', 'A–E']];

export function select(name: string, value: string, options: ReadonlyArray<[string, string]>, id?: string): HTMLSelectElement {
  const el = h('select', { name, ...(id ? { id } : {}) }, ...options.map(([v, label]) => h('option', { value: v }, label)));
  el.value = value;
  return el;
}

/** The filters of a URL's parameters; a value the lists lack (typed into the URL by hand) is dropped, not sent. */
export function sourceFilterOf(params: URLSearchParams): { source: string; grade: string } {
  const pick = (value: string | null, options: ReadonlyArray<[string, string]>) => (options.some(([v]) => v === value) ? value! : '');
  return { source: pick(params.get('source'), SOURCE_KINDS), grade: pick(params.get('grade'), GRADES) };
}

/** The two selects, labelled, for a filter form. */
export const sourceFilterFields = (f: { source: string; grade: string }, idPrefix: string): HTMLElement[] => [
  h('label', { for: `${idPrefix}-source` }, 'Source ', select('source', f.source, SOURCE_KINDS, `${idPrefix}-source`)),
  h('label', { for: `${idPrefix}-grade` }, 'Reliability ', select('grade', f.grade, GRADES, `${idPrefix}-grade`)),
];

/** The API's parameters for the filters. */
export const sourceFilterQuery = (f: { source: string; grade: string }): { sourceKind?: string; reliability?: string } => ({
  ...(f.source ? { sourceKind: f.source } : {}), ...(f.grade ? { reliability: f.grade } : {}),
});

/** The filters in words, for a page's summary line ('' when none). */
export function sourceFilterText(f: { source: string; grade: string }): string {
  const kind = SOURCE_KINDS.find(([v]) => v === f.source)?.[1];
  const parts = [f.source ? `sources: ${kind}` : '', f.grade ? `graded ${GRADES.find(([v]) => v === f.grade)?.[1]}` : ''].filter(Boolean);
  return parts.join(', ');
}
