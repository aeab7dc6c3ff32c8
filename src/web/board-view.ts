import { getJson, type ContradictionView, type Page } from './api.js';
import { h, replace } from './dom.js';
import { contradictionCard, exportLinks } from './ledger-ui.js';
import { href } from './router.js';

const PAGE = 20;

/**
 * The contested-claims board: the newest contradictions across the ledger,
 * each with both sides' claims and their sources, linking to the sentences.
 * `#/board?place=ID&offset=N` (shareable).
 */
export async function renderBoard(main: HTMLElement, params: URLSearchParams, isCurrent: () => boolean): Promise<void> {
  const place = params.get('place') ?? '';
  const offset = Math.max(0, Number(params.get('offset') ?? '0') || 0);
  const result = await getJson<Page<ContradictionView>>('/api/contradictions', { limit: PAGE, offset, place: place || undefined });
  if (!isCurrent()) return;
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' },
    offset > 0 ? h('a', { href: href('board', null, { place, offset: Math.max(0, offset - PAGE) }), rel: 'prev' }, '← Newer') : null,
    result.next !== null ? h('a', { href: href('board', null, { place, offset: result.next }), rel: 'next' }, 'Older →') : null);
  replace(main, h('div', { class: 'board' },
    h('h1', {}, 'Contested claims'),
    h('p', { class: 'meta' }, `${result.total ?? '?'} contradiction${result.total === 1 ? '' : 's'} in the ledger${place ? ` about ${place}` : ''}, newest first.`,
      place ? ' ' : null, place ? h('a', { href: href('board') }, 'Show all') : null),
    result.items.length === 0
      ? h('div', { class: 'empty' }, h('h2', {}, 'No contradictions yet'), h('p', {}, 'When one side asserts what another denies, or their numbers or control claims disagree, it shows here.'))
      : h('div', { class: 'board-list' }, ...result.items.map(contradictionCard)),
    pager,
    exportLinks({ place })));
  document.title = 'Contested claims · counterclaim';
}
