import { getJson, type ClaimView, type DocumentSummary, type Page, type PlaceSummary } from './api.js';
import { formatDate, h, replace } from './dom.js';
import { sample } from './map-glyphs.js';
import { claimCard, statusText } from './ledger-ui.js';
import { href } from './router.js';
import { sourceFilterFields, sourceFilterOf, sourceFilterQuery, sourceFilterText } from './source-filter.js';

/** A full-text hit as /api/search returns it (the store's SearchHit). */
interface SearchHit extends DocumentSummary {
  readonly snippet: string;
  readonly highlights: ReadonlyArray<readonly [number, number]>;
}

/** The snippet with its matched words marked (as text nodes and <mark>s: never markup from the data). */
function snippetWithMarks(hit: SearchHit): HTMLElement {
  const parts: Array<string | HTMLElement> = [];
  let at = 0;
  for (const [start, end] of [...hit.highlights].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    parts.push(hit.snippet.slice(at, start), h('mark', {}, hit.snippet.slice(start, end)));
    at = end;
  }
  parts.push(hit.snippet.slice(at));
  return h('p', { class: 'snippet' }, ...parts);
}

/** A source as /api/search names it: the ledger's entities and the registry's entries. */
interface EntityHit { readonly key: string; readonly name: string; readonly kind: string; readonly side: string; readonly registry?: string; readonly registryName?: string }

/**
 * The header search, `#/search?q=...`: places whose name or written forms
 * match, sources (the ledger's speakers and the registry's entries, by name
 * and alias), claims whose sentence, proposition or source hold every word,
 * and documents whose title or text contain every word (the store's
 * full-text index, /api/search), best match first, each with the passage that
 * matched.
 */
export async function renderSearch(main: HTMLElement, params: URLSearchParams, isCurrent: () => boolean): Promise<void> {
  const q = (params.get('q') ?? '').trim().slice(0, 200);
  const input = document.getElementById('search-input') as HTMLInputElement | null;
  if (input && input.value !== q) input.value = q;
  if (!q) {
    replace(main, h('div', { class: 'search-results' }, h('h1', {}, 'Search'), h('p', { class: 'hint' }, 'Type words in the search box above: places by name, documents by any word of their text.')));
    return;
  }
  const sources = sourceFilterOf(params);
  const [places, found] = await Promise.all([
    getJson<Page<PlaceSummary>>('/api/places', { q, limit: 20 }),
    getJson<{ query: string; documents: SearchHit[]; claims?: ClaimView[]; entities?: EntityHit[] }>('/api/search', { q, limit: 30, ...sourceFilterQuery(sources) }),
  ]);
  if (!isCurrent()) return;
  const hits = found.documents;
  const claims = found.claims ?? [];
  const entities = found.entities ?? [];
  // The source registry's filters narrow the sources and claims found (documents have no one source).
  const filter = h('form', { class: 'filters', 'aria-label': 'Filter sources and claims' }, ...sourceFilterFields(sources, 's'), h('button', { type: 'submit' }, 'Filter'));
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(filter);
    location.hash = href('search', null, { q, source: String(data.get('source') ?? ''), grade: String(data.get('grade') ?? '') });
  });
  const bySource = sourceFilterText(sources);
  replace(main, h('div', { class: 'search-results' },
    h('h1', {}, `Search: ${q}`),
    filter,
    bySource ? h('p', { class: 'meta filtered' }, `Sources and claims filtered by the source registry (${bySource}).`) : null,
    h('h2', {}, `Places (${places.items.length}${places.next !== null ? '+' : ''})`),
    places.items.length
      ? h('ul', { class: 'place-hits' }, ...places.items.map((p) => h('li', {},
        h('a', { href: href('place', p.id) }, sample(p), ` ${p.name}`),
        h('span', { class: 'meta' }, ` ${p.status !== 'mentioned' ? `${statusText({ state: p.status, by: p.statusBy, denied: p.denied })} · ` : ''}${p.mentions} mention${p.mentions === 1 ? '' : 's'}`))))
      : h('p', { class: 'meta' }, 'No place by that name.'),
    entities.length ? h('h2', {}, `Sources (${entities.length}${entities.length === 30 ? '+' : ''})`) : null,
    entities.length ? h('ul', { class: 'entity-hits' }, ...entities.map((e) => h('li', { 'data-entity': e.key },
      h('span', { class: `side-tag side-${e.side}` }, e.side), ' ',
      e.registry ? h('a', { href: href('sources', null, { q: e.registryName ?? e.name }) }, e.name) : h('strong', {}, e.name),
      h('span', { class: 'meta' }, ` · ${e.kind.replace(/-/g, ' ')}${e.registry ? ` · in the source registry${e.registryName && e.registryName !== e.name ? ` as ${e.registryName}` : ''}` : ''}`)))) : null,
    claims.length ? h('h2', {}, `Claims (${claims.length}${claims.length === 30 ? '+' : ''})`) : bySource ? h('p', { class: 'meta no-claims' }, 'No claims from such sources.') : null,
    claims.length ? h('div', { class: 'claim-hits' }, ...claims.map((c) => claimCard(c))) : null,
    h('h2', {}, `Documents (${hits.length}${hits.length === 30 ? '+' : ''})`),
    hits.length
      ? h('ol', { class: 'doc-hits' }, ...hits.map((hit) => h('li', {},
        h('a', { class: 'doc-hit', href: href('doc', hit.id) }, hit.title ?? 'Untitled document'),
        h('span', { class: 'meta' }, ` ${formatDate(hit.published)}${hit.outlet ? ` · ${hit.outlet}` : ''}`),
        snippetWithMarks(hit))))
      : h('p', { class: 'meta' }, 'No document contains all these words.')));
}
