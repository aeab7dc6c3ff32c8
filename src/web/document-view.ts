import { getJson, type LedgerDocument } from './api.js';
import { formatDate, h, isSafeHref, replace } from './dom.js';
import { MARK_KINDS, marksOf, segment, type Mark, type MarkKind, type Segment } from './highlight.js';
import { detailRows, valueOf } from './item-details.js';
import { href } from './router.js';

const KIND_LABELS: Readonly<Record<MarkKind, string>> = {
  actor: 'Actors', cue: 'Cues', content: 'Claimed content', time: 'Times', place: 'Places', quantity: 'Quantities', event: 'Events',
};

const KIND_SINGULAR: Readonly<Record<MarkKind, string>> = {
  actor: 'Actor', cue: 'Cue', content: 'Claimed content', time: 'Time', place: 'Place', quantity: 'Quantity', event: 'Event',
};

/** The article with every extracted item highlighted; `item` (an item id) is scrolled to and focused. */
export async function renderDocument(main: HTMLElement, id: string, focusItem: string | null, isCurrent: () => boolean, claimId: string | null = null): Promise<void> {
  const doc = await getJson<LedgerDocument>(`/api/documents/${encodeURIComponent(id)}`);
  if (!isCurrent()) return;
  const marks = marksOf(doc);
  const byKey = new Map(marks.map((m) => [m.key, m]));
  const detail = h('div', { class: 'detail', 'aria-live': 'polite' }, h('p', { class: 'hint' }, 'Hover or focus a highlighted span to see what was extracted. Keys: j / k next and previous item.'));
  const showDetail = (mark: Mark) => {
    detail.classList.add('has-item');
    replace(detail,
      h('h3', {}, `${KIND_SINGULAR[mark.kind]}: `, h('q', {}, doc.text.slice(mark.span[0], mark.span[1]))),
      h('dl', {}, ...detailRows(mark.kind, mark.item, doc).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
  };

  const render = (segments: readonly Segment[]): Node[] => segments.map((seg) => {
    if (seg.type === 'text') return document.createTextNode(doc.text.slice(seg.span[0], seg.span[1]));
    const el = h('mark', {
      class: `hl k-${seg.mark.kind}`,
      'data-key': seg.mark.key,
      'data-item': seg.first ? seg.mark.item.id : null,
      tabindex: seg.first ? 0 : null,
      'aria-label': seg.first ? `${seg.mark.kind}: ${doc.text.slice(seg.mark.span[0], seg.mark.span[1])} — ${valueOf(seg.mark.kind, seg.mark.item, doc)}` : null,
    });
    el.append(...render(seg.children));
    return el;
  });
  const textEl = h('div', { class: 'doc-text', id: 'doc-text' });
  // Paragraphs are the text's own lines: each line is segmented on its own so marks never cross a <p>.
  let start = 0;
  for (const line of doc.text.split('\n')) {
    const end = start + line.length;
    const inLine = marks.filter((m) => m.span[0] >= start && m.span[1] <= end);
    if (line.trim() !== '') textEl.append(h('p', {}, ...render(segment(inLine, start, end))));
    start = end + 1;
  }
  const onMark = (event: Event) => {
    const target = (event.target as Element | null)?.closest?.('mark.hl') as HTMLElement | null;
    const mark = target ? byKey.get(target.dataset.key ?? '') : undefined;
    if (mark) showDetail(mark);
  };
  textEl.addEventListener('mouseover', onMark);
  textEl.addEventListener('focusin', onMark);

  const toggles = h('fieldset', { class: 'legend' }, h('legend', {}, 'Highlight'),
    ...MARK_KINDS.map((kind) => {
      const count = marks.filter((m) => m.kind === kind).length;
      const box = h('input', { type: 'checkbox', name: `show-${kind}`, id: `show-${kind}` });
      box.checked = true;
      box.addEventListener('change', () => textEl.classList.toggle(`hide-${kind}`, !box.checked));
      return h('label', { class: `chip k-${kind}`, for: `show-${kind}` }, box, ` ${KIND_LABELS[kind]} (${count})`);
    }));

  const lists = h('div', { class: 'item-lists' },
    ...MARK_KINDS.map((kind) => {
      const ofKind = marks.filter((m) => m.kind === kind);
      if (ofKind.length === 0) return null;
      const details = h('details', { open: ofKind.length <= 12 },
        h('summary', {}, `${KIND_LABELS[kind]} (${ofKind.length})`),
        h('ol', {}, ...ofKind.map((m) => h('li', {},
          h('a', { href: href('doc', doc.id, { item: m.item.id, kind }), class: `k-${kind}` }, doc.text.slice(m.span[0], m.span[1]).slice(0, 80)),
          ' ', h('span', { class: 'value' }, valueOf(kind, m.item, doc))))));
      return details;
    }));

  const meta = h('p', { class: 'meta' },
    [doc.outlet ?? 'outlet unknown', formatDate(doc.published), doc.language ?? '', doc.source ?? ''].filter(Boolean).join(' · '));
  const link = doc.url && isSafeHref(doc.url) && !doc.url.startsWith('#') ? h('a', { href: doc.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, doc.url) : doc.url ? h('span', {}, doc.url) : null;
  const diagnostics = doc.diagnostics?.length
    ? h('details', { class: 'diagnostics' }, h('summary', {}, `Diagnostics (${doc.diagnostics.length})`),
      h('ul', {}, ...doc.diagnostics.map((d) => h('li', {}, `${d.severity} ${d.code}: ${d.message}`))))
    : null;

  replace(main,
    h('div', { class: 'doc-layout' },
      h('article', { class: 'doc', 'aria-labelledby': 'doc-title' },
        h('p', { class: 'crumbs' }, h('a', { href: href('documents') }, '← Documents')),
        h('h1', { id: 'doc-title' }, doc.title ?? 'Untitled document'),
        meta, link ? h('p', { class: 'url' }, link) : null,
        claimBanner(doc, claimId),
        toggles, textEl, diagnostics),
      h('aside', { class: 'doc-side', 'aria-label': 'Extracted items' }, detail, lists)));

  document.title = `${doc.title ?? 'Document'} · counterclaim`;
  const kind = new URLSearchParams(location.hash.split('?')[1] ?? '').get('kind');
  if (focusItem) {
    const target = [...textEl.querySelectorAll<HTMLElement>('mark[data-item]')].find((el) => el.dataset.item === focusItem && (!kind || el.dataset.key?.startsWith(`${kind}|`)));
    if (target) {
      target.classList.add('target');
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'center' });
      const mark = byKey.get(target.dataset.key ?? '');
      if (mark) showDetail(mark);
    }
  }
}

/** j / k: next / previous highlighted item in the document view. */
export function stepMark(direction: 1 | -1): boolean {
  const marks = [...document.querySelectorAll<HTMLElement>('#doc-text mark[tabindex]')].filter((m) => m.offsetParent !== null);
  if (marks.length === 0) return false;
  const current = marks.indexOf(document.activeElement as HTMLElement);
  const next = marks[current < 0 ? (direction > 0 ? 0 : marks.length - 1) : (current + direction + marks.length) % marks.length]!;
  next.focus();
  next.scrollIntoView({ block: 'nearest' });
  return true;
}

/** Which claim of the ledger led here (`?claim=ID`): its proposition, side and stance, and the words it was read from. */
function claimBanner(doc: LedgerDocument, claimId: string | null): HTMLElement | null {
  const claim = claimId ? doc.claims?.find((c) => c.id === claimId) : undefined;
  if (!claim) return null;
  const negative = claim.polarity === 'negative';
  return h('aside', { class: 'claim-banner', id: 'claim-banner', 'aria-label': 'The claim you followed' },
    h('p', {}, h('strong', {}, 'Claim: '), negative ? 'NOT ' : '', String(claim.proposition ?? ''), ` — ${String(claim.side ?? '')} · ${String(claim.stance ?? '')} · ${String(claim.grade ?? '')}`),
    h('p', {}, h('q', {}, doc.text.slice(claim.span[0], claim.span[1]))));
}
