import { ApiFailure } from './api.js';
import { h, replace } from './dom.js';
import { renderDocument, stepMark } from './document-view.js';
import { renderDocuments } from './documents-view.js';
import { renderBoard } from './board-view.js';
import { renderCheck } from './check-view.js';
import { renderMap } from './map-view.js';
import { renderCharts } from './charts.js';
import { renderSearch } from './search-view.js';
import { renderChanges } from './changes-view.js';
import { renderSources } from './sources-view.js';
import { href, parseRoute } from './router.js';

const main = document.getElementById('main')!;
let renderCount = 0;

/** Renders the view the hash names; a newer navigation makes older renders drop their results. */
async function route(): Promise<void> {
  const current = ++renderCount;
  const isCurrent = () => current === renderCount;
  const r = parseRoute(location.hash);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) {
    const active = link.dataset.nav === (r.view === 'place' ? 'map' : r.view === 'doc' ? 'documents' : r.view);
    if (active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.body.dataset.view = r.view;
  document.title = 'counterclaim';
  main.setAttribute('aria-busy', 'true');
  try {
    if (r.view === 'map' || r.view === 'place') await renderMap(main, r.id, r.params, isCurrent);
    else if (r.view === 'board') await renderBoard(main, r.params, isCurrent);
    else if (r.view === 'check') await renderCheck(main, r.params, isCurrent);
    else if (r.view === 'charts') await renderCharts(main, isCurrent);
    else if (r.view === 'search') await renderSearch(main, r.params, isCurrent);
    else if (r.view === 'changes') await renderChanges(main, r.params, isCurrent);
    else if (r.view === 'sources') await renderSources(main, r.params, isCurrent);
    else if (r.view === 'documents') await renderDocuments(main, r.params, isCurrent);
    else if (r.view === 'doc') await renderDocument(main, r.id!, r.params.get('item'), isCurrent, r.params.get('claim'));
    else replace(main, h('div', { class: 'empty' }, h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: href('map') }, 'Go to the map'))));
  } catch (error) {
    if (!isCurrent()) return;
    const message = error instanceof ApiFailure ? `${error.message} (${error.code})` : String((error as Error).message ?? error);
    replace(main, h('div', { class: 'empty error', role: 'alert' }, h('h1', {}, error instanceof ApiFailure && error.status === 404 ? 'Not found' : 'Something went wrong'), h('p', {}, message),
      h('p', {}, h('a', { href: href('map') }, 'Back to the map'))));
  } finally {
    if (isCurrent()) main.removeAttribute('aria-busy');
  }
}

const search = document.getElementById('search') as HTMLFormElement;
search.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = String(new FormData(search).get('q') ?? '').trim();
  // Places by name and documents by any word of their text (full text, /api/search).
  location.hash = href('search', null, { q });
});

/** Keys: / search, m map, c contested claims, w what changed, x check a claim, d documents, j / k next and previous item, Escape back to the list. */
document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement;
  if (target.closest('input, textarea, select')) {
    if (event.key === 'Escape') target.blur();
    return;
  }
  const actions: Record<string, () => boolean> = {
    '/': () => { (document.getElementById('search-input') as HTMLInputElement).focus(); return true; },
    m: () => { location.hash = href('map'); return true; },
    c: () => { location.hash = href('board'); return true; },
    w: () => { location.hash = href('changes'); return true; },
    x: () => { location.hash = href('check'); return true; },
    d: () => { location.hash = href('documents'); return true; },
    j: () => stepMark(1),
    k: () => stepMark(-1),
    Escape: () => {
      const r = parseRoute(location.hash);
      if (r.view === 'place') { location.hash = href('map'); return true; }
      return false;
    },
  };
  const action = actions[event.key];
  if (action?.()) event.preventDefault();
});

window.addEventListener('hashchange', () => void route());
void route();
