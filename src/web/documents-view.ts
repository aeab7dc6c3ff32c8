import { getJson, type DocumentSummary, type Page } from './api.js';
import { formatDate, h, replace } from './dom.js';
import { href } from './router.js';

const FILTERS = ['q', 'outlet', 'language', 'from', 'to'] as const;
const PAGE = 50;

/** Documents with the filter bar; the filters live in the URL so a filtered list can be shared. */
export async function renderDocuments(main: HTMLElement, params: URLSearchParams, isCurrent: () => boolean): Promise<void> {
  const values = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const offset = Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0);
  const page = await getJson<Page<DocumentSummary>>('/api/documents', { ...values, limit: PAGE, offset });
  if (!isCurrent()) return;

  const field = (name: (typeof FILTERS)[number], label: string, type = 'text', placeholder = '') => {
    const input = h('input', { type, name, id: `f-${name}`, value: values[name], placeholder, maxlength: 200 });
    return h('label', { for: `f-${name}` }, label, input);
  };
  const form = h('form', { class: 'filters', 'aria-label': 'Filter documents' },
    field('q', 'Text', 'search', 'title, outlet, source'),
    field('outlet', 'Outlet'),
    field('language', 'Language', 'text', 'en'),
    field('from', 'From', 'date'),
    field('to', 'To', 'date'),
    h('button', { type: 'submit' }, 'Filter'),
    h('a', { href: href('documents'), class: 'reset' }, 'Clear'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    location.hash = href('documents', null, Object.fromEntries(FILTERS.map((f) => [f, String(data.get(f) ?? '').trim()])));
  });

  const list = page.items.length === 0
    ? h('div', { class: 'empty' }, h('h2', {}, FILTERS.some((f) => values[f]) ? 'No document matches these filters' : 'No documents yet'),
      h('p', {}, 'Analyse articles with counterclaim analyze FILE --db PATH, or start the server with --allow-ingest and POST to /api/documents.'))
    : h('ol', { class: 'doc-list', start: offset + 1 }, ...page.items.map((d) => h('li', {},
      h('a', { href: href('doc', d.id) }, d.title ?? d.source ?? d.id.slice(0, 12)),
      h('span', { class: 'meta' }, ` ${[d.outlet, formatDate(d.published), d.language].filter(Boolean).join(' · ')}`))));
  const nav = h('nav', { class: 'pager', 'aria-label': 'Pages' },
    offset > 0 ? h('a', { href: href('documents', null, { ...values, offset: Math.max(0, offset - PAGE) || undefined }) }, '← Previous') : null,
    h('span', {}, page.total !== null ? ` ${page.total} document${page.total === 1 ? '' : 's'} ` : ' '),
    page.next !== null ? h('a', { href: href('documents', null, { ...values, offset: page.next }) }, 'Next →') : null);
  replace(main, h('section', { class: 'documents' }, h('h1', {}, 'Documents'), form, nav, list));
}
