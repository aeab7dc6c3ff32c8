/**
 * Hash routes, so every view has a URL that can be shared and needs no server
 * routing: `#/map`, `#/place/ID`, `#/board`, `#/charts`, `#/search?q=...`, `#/changes?watchlist=ID&since=...`, `#/sources?q=...`, `#/check?q=...`, `#/documents?q=...`, `#/doc/ID?item=ITEM`.
 */
export interface Route {
  readonly view: 'map' | 'place' | 'board' | 'check' | 'documents' | 'doc' | 'charts' | 'search' | 'changes' | 'sources' | 'not-found';
  readonly id: string | null;
  readonly params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/map';
  const [pathPart = '', query = ''] = raw.split('?', 2) as [string, string?];
  const params = new URLSearchParams(query);
  const parts = pathPart.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const [view, id] = parts;
  if (view === undefined || view === 'map') return { view: 'map', id: null, params };
  if (view === 'documents') return { view: 'documents', id: null, params };
  if (view === 'board') return { view: 'board', id: null, params };
  if (view === 'check') return { view: 'check', id: null, params };
  if (view === 'charts') return { view: 'charts', id: null, params };
  if (view === 'search') return { view: 'search', id: null, params };
  if (view === 'changes') return { view: 'changes', id: null, params };
  if (view === 'sources') return { view: 'sources', id: null, params };
  if (view === 'place' && id) return { view: 'place', id, params };
  if (view === 'doc' && id) return { view: 'doc', id, params };
  return { view: 'not-found', id: null, params };
}

/** The hash for a view: `href('doc', id, { item })`. */
export function href(view: Route['view'], id?: string | null, params: Readonly<Record<string, string | number | undefined | null>> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  const path = id ? `#/${view}/${encodeURIComponent(id)}` : `#/${view}`;
  return query.size > 0 ? `${path}?${query}` : path;
}
