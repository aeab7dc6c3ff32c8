import { ApiFailure, getJson, putJson } from './api.js';
import { h, replace } from './dom.js';
import { RELIABILITY } from './ledger-ui.js';
import { href } from './router.js';
import type { SourceEntry } from '../ledger/source-registry.js';

type ListedSource = SourceEntry & { readonly edited: { readonly at: string; readonly by: string } | null };

const KINDS = ['official', 'state-media', 'wire', 'independent-media', 'osint', 'anonymous-channel', 'person'] as const;
const GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
const kindLabel = (k: string) => k.replace(/-/g, ' ');

/** Where an entry's facts come from: a link to a URL (by its host name), else the citation as text. */
function basedOn(source: string): HTMLElement | string {
  try {
    const url = new URL(source);
    if (url.protocol === 'https:' || url.protocol === 'http:') return h('a', { href: url.href, rel: 'noopener noreferrer', target: '_blank' }, url.hostname);
  } catch { /* a citation, not a URL */ }
  return source;
}

/** The edit form of one entry (admins): its grade, kind, side, owner and affiliation, with a reason for the audit trail. */
function editForm(entry: ListedSource, onSaved: () => void): HTMLElement {
  const select = (name: string, values: readonly string[], value: string, label: (v: string) => string) => {
    const el = h('select', { name }, ...values.map((v) => h('option', { value: v }, label(v))));
    el.value = value;
    return el;
  };
  const status = h('p', { class: 'meta', role: 'status' });
  const form = h('form', { class: 'filters source-form', 'aria-label': `Edit ${entry.name}` },
    h('label', {}, 'Reliability', select('reliability', GRADES, entry.reliability, (g) => `${g} — ${RELIABILITY[g]}`)),
    h('label', {}, 'Kind', select('kind', KINDS, entry.kind, kindLabel)),
    h('label', {}, 'Side', h('input', { type: 'text', name: 'side', value: entry.side, maxlength: 10, required: true, class: 'short' })),
    h('label', {}, 'Owner', h('input', { type: 'text', name: 'owner', value: entry.owner, required: true, maxlength: 200 })),
    h('label', {}, 'Affiliation', h('input', { type: 'text', name: 'affiliation', value: entry.affiliation ?? '', maxlength: 500 })),
    h('label', {}, 'Reason', h('input', { type: 'text', name: 'reason', required: true, maxlength: 4000 })),
    h('button', { type: 'submit' }, 'Save'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const { id: _id, edited: _edited, ...fields } = entry;
    status.textContent = 'Saving…';
    putJson(`/api/sources/${encodeURIComponent(entry.id)}`, {
      ...fields, reliability: text('reliability'), kind: text('kind'), side: text('side').toUpperCase(), owner: text('owner'),
      affiliation: text('affiliation') || null, reason: text('reason'),
    }).then(onSaved, (error: Error) => {
      status.textContent = error instanceof ApiFailure && error.status === 403 ? 'Only admins edit the registry.' : `Could not save: ${error.message}`;
    });
  });
  return h('details', { class: 'source-edit' }, h('summary', {}, 'Edit'), form, status);
}

/**
 * The source registry (issue 18, "Source registry"): outlets, agencies, channels and official
 * bodies with their kind, side, owner (the unit of independence) and Admiralty reliability,
 * where each entry's facts come from, and who last edited it. `#/sources?q&kind&side`;
 * admins edit an entry in place (PUT /api/sources/{id}, audited).
 */
export async function renderSources(main: HTMLElement, params: URLSearchParams, isCurrent: () => boolean): Promise<void> {
  const q = (params.get('q') ?? '').trim().slice(0, 200);
  const kind = (KINDS as readonly string[]).includes(params.get('kind') ?? '') ? params.get('kind')! : '';
  const side = /^[A-Z]{2,10}$/.test(params.get('side') ?? '') ? params.get('side')! : '';
  const [me, sources] = await Promise.all([
    getJson<{ name: string; role: string }>('/api/me').catch(() => ({ name: '', role: 'reader' })),
    getJson<{ items: ListedSource[] }>('/api/sources', { q: q || undefined, kind: kind || undefined, side: side || undefined }),
  ]);
  if (!isCurrent()) return;
  const admin = me.role === 'admin';
  const kindSelect = h('select', { id: 's-kind', name: 'kind' }, h('option', { value: '' }, 'Any kind'), ...KINDS.map((k) => h('option', { value: k }, kindLabel(k))));
  kindSelect.value = kind;
  const form = h('form', { class: 'filters', 'aria-label': 'Filter sources' },
    h('label', { for: 's-q' }, 'Name', h('input', { type: 'search', id: 's-q', name: 'q', value: q })),
    h('label', { for: 's-kind' }, 'Kind', kindSelect),
    h('label', { for: 's-side' }, 'Side', h('input', { type: 'text', id: 's-side', name: 'side', value: side, maxlength: 10, class: 'short' })),
    h('button', { type: 'submit' }, 'Filter'),
    h('a', { href: href('sources'), class: 'reset' }, 'All sources'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    location.hash = href('sources', null, { q: String(data.get('q') ?? ''), kind: String(data.get('kind') ?? ''), side: String(data.get('side') ?? '').toUpperCase() });
  });
  const redraw = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
  replace(main, h('div', { class: 'board sources' },
    h('h1', {}, 'Source registry'),
    h('p', { class: 'meta' }, `${sources.items.length} source${sources.items.length === 1 ? '' : 's'}. Reliability on the Admiralty scale (A completely reliable … E unreliable, F cannot be judged); `,
      'sources of one owner are not independent of each other.', admin ? ' You may edit them (admin).' : ''),
    form,
    sources.items.length === 0 ? h('div', { class: 'empty' }, h('h2', {}, 'No source matches')) : h('table', { class: 'source-table' },
      h('thead', {}, h('tr', {}, ...['Source', 'Kind', 'Side', 'Owner', 'Reliability', 'Based on', 'Edited'].map((t) => h('th', {}, t)))),
      h('tbody', {}, ...sources.items.map((e) => h('tr', { 'data-source': e.id },
        h('td', {}, h('strong', {}, e.name), e.aliases.length ? h('span', { class: 'meta' }, ` (${e.aliases.slice(0, 3).join(', ')})`) : null, admin ? editForm(e, redraw) : null),
        h('td', {}, kindLabel(e.kind)),
        h('td', {}, h('span', { class: `side-tag side-${e.side}` }, e.side)),
        h('td', {}, e.owner, e.affiliation ? h('span', { class: 'meta' }, ` · ${e.affiliation}`) : null),
        h('td', { class: `reliability reliability-${e.reliability}`, title: RELIABILITY[e.reliability] ?? '' }, `${e.reliability} `, h('span', { class: 'meta' }, RELIABILITY[e.reliability] ?? '')),
        h('td', { class: 'meta' }, basedOn(e.source)),
        h('td', { class: 'meta' }, e.edited ? `${e.edited.by}, ${e.edited.at.slice(0, 10)}` : 'from the file')))))));
  document.title = 'Source registry · counterclaim';
}
