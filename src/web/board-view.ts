import { getJson, type ContradictionView, type Page } from './api.js';
import { h, replace } from './dom.js';
import { contradictionCard, exportLinks } from './ledger-ui.js';
import { href } from './router.js';
import { sourceFilterFields, sourceFilterOf, sourceFilterQuery, sourceFilterText } from './source-filter.js';

const PAGE = 20;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The contested-claims board: the newest contradictions across the ledger,
 * each with both sides' claims and their sources, linking to the sentences.
 * `#/board?place=ID&since=YYYY-MM-DD&until=YYYY-MM-DD&source=KIND&grade=G&offset=N`
 * (shareable); a contradiction's date is the later of its two claims' dates. The source
 * registry's filters keep a contradiction when one of its two claims' sources passes them.
 */
export async function renderBoard(main: HTMLElement, params: URLSearchParams, isCurrent: () => boolean): Promise<void> {
  const place = params.get('place') ?? '';
  // A date the API would refuse (typed into the URL by hand) is dropped, not sent.
  const since = ISO_DAY.test(params.get('since') ?? '') ? params.get('since')! : '';
  const until = ISO_DAY.test(params.get('until') ?? '') ? params.get('until')! : '';
  const offset = Math.max(0, Number(params.get('offset') ?? '0') || 0);
  const sources = sourceFilterOf(params);
  const result = await getJson<Page<ContradictionView>>('/api/contradictions', { limit: PAGE, offset, place: place || undefined, since: since || undefined, until: until || undefined, ...sourceFilterQuery(sources) });
  if (!isCurrent()) return;
  const filters = { place, since, until, ...sources };
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' },
    offset > 0 ? h('a', { href: href('board', null, { ...filters, offset: Math.max(0, offset - PAGE) }), rel: 'prev' }, '← Newer') : null,
    result.next !== null ? h('a', { href: href('board', null, { ...filters, offset: result.next }), rel: 'next' }, 'Older →') : null);
  const field = (name: 'since' | 'until', label: string, value: string) =>
    h('label', { for: `b-${name}` }, label, h('input', { type: 'date', name, id: `b-${name}`, value }));
  const form = h('form', { class: 'filters', 'aria-label': 'Filter contradictions' },
    field('since', 'From', since), field('until', 'To', until),
    ...sourceFilterFields(sources, 'b'),
    h('button', { type: 'submit' }, 'Filter'),
    h('a', { href: href('board', null, { place }), class: 'reset' }, 'Clear filters'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '');
    location.hash = href('board', null, { place, since: value('since'), until: value('until'), source: value('source'), grade: value('grade') });
  });
  const bySource = sourceFilterText(sources);
  const range = (since || until ? ` dated ${since ? `from ${since}` : ''}${since && until ? ' ' : ''}${until ? `to ${until}` : ''}` : '') + (bySource ? ` (${bySource})` : '');
  // Filtered by the registry, the page is counted by the server only as far as it read.
  const count = result.total ?? offset + result.items.length;
  const more = result.total === null && result.next !== null ? '+' : '';
  replace(main, h('div', { class: 'board' },
    h('h1', {}, 'Contested claims'),
    h('p', { class: 'meta' }, `${count}${more} contradiction${count === 1 && !more ? '' : 's'} in the ledger${place ? ` about ${place}` : ''}${range}, newest first.`,
      place ? ' ' : null, place ? h('a', { href: href('board', null, { since, until, ...sources }) }, 'All places') : null),
    form,
    result.items.length === 0
      ? h('div', { class: 'empty' }, h('h2', {}, range ? 'No contradictions match these filters' : 'No contradictions yet'),
        h('p', {}, 'When one side asserts what another denies, or their numbers or control claims disagree, it shows here.'))
      : h('div', { class: 'board-list' }, ...result.items.map(contradictionCard)),
    pager,
    exportLinks({ place })));
  document.title = 'Contested claims · counterclaim';
}
