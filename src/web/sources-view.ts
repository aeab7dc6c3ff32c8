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

/** A list field as typed: comma-separated, trimmed, empties dropped. */
const listOf = (text: string): string[] => text.split(',').map((x) => x.trim()).filter((x) => x.length > 0);

/** An id from a name, as the registry spells ids ("Reuters News" -> "reuters-news"). */
export const idOfName = (name: string): string => name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  .replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '').slice(0, 100);

const SOURCE_ID = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/**
 * The form of one registry entry (admins): every field the registry keeps (name, aliases,
 * kind, side, owner, affiliation, reliability, the actor keys it speaks as, the outlets it
 * publishes under, where its facts come from), with a reason for the audit trail. With no
 * entry, it adds one: its id from the name unless typed, refused when the id is taken.
 */
function entryForm(entry: ListedSource | null, taken: (id: string) => Promise<boolean>, onSaved: (id: string, name: string) => void): HTMLFormElement {
  const select = (name: string, values: readonly string[], value: string, label: (v: string) => string) => {
    const el = h('select', { name }, ...values.map((v) => h('option', { value: v }, label(v))));
    el.value = value;
    return el;
  };
  const text = (name: string, value: string, attrs: Record<string, string | number | boolean> = {}) => h('input', { type: 'text', name, value, ...attrs });
  const status = h('p', { class: 'meta', role: 'status' });
  const label = entry ? `Edit ${entry.name}` : 'Add a source';
  const form = h('form', { class: 'filters source-form', 'aria-label': label },
    entry ? null : h('label', {}, 'Id', text('id', '', { maxlength: 100, placeholder: 'from the name', title: 'lower-case letters, digits, . _ or -' })),
    h('label', {}, 'Name', text('name', entry?.name ?? '', { required: true, maxlength: 300 })),
    h('label', {}, 'Aliases', text('aliases', entry?.aliases.join(', ') ?? '', { placeholder: 'comma-separated' })),
    h('label', {}, 'Kind', select('kind', KINDS, entry?.kind ?? 'independent-media', kindLabel)),
    h('label', {}, 'Side', text('side', entry?.side ?? '', { maxlength: 10, required: true, class: 'short', placeholder: 'RU' })),
    h('label', {}, 'Owner', text('owner', entry?.owner ?? '', { required: true, maxlength: 200, title: 'Who controls it: sources of one owner are not independent' })),
    h('label', {}, 'Affiliation', text('affiliation', entry?.affiliation ?? '', { maxlength: 500 })),
    h('label', {}, 'Reliability', select('reliability', GRADES, entry?.reliability ?? 'F', (g) => `${g} — ${RELIABILITY[g]}`)),
    h('label', {}, 'Speaks as (actor keys)', text('actors', entry?.actors.join(', ') ?? '', { placeholder: 'ru-mod, …' })),
    h('label', {}, 'Outlets and domains', text('outlets', entry?.outlets.join(', ') ?? '', { placeholder: 'example.org, …' })),
    h('label', {}, 'Based on', text('source', entry?.source ?? '', { required: true, maxlength: 2000, placeholder: 'a URL or a citation' })),
    h('label', {}, 'Reason', text('reason', '', { required: true, maxlength: 4000 })),
    h('button', { type: 'submit' }, entry ? 'Save' : 'Add'),
    status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const field = (name: string) => String(data.get(name) ?? '').trim();
    const id = entry?.id ?? (field('id') || idOfName(field('name')));
    if (!SOURCE_ID.test(id)) {
      status.textContent = `The id ${JSON.stringify(id)} is not valid: lower-case letters, digits, . _ or - (type one).`;
      return;
    }
    status.textContent = 'Saving…';
    const body = {
      name: field('name'), aliases: listOf(field('aliases')), kind: field('kind'), side: field('side').toUpperCase(), owner: field('owner'),
      affiliation: field('affiliation') || null, reliability: field('reliability'), actors: listOf(field('actors')), outlets: listOf(field('outlets')),
      source: field('source'), reason: field('reason'),
    };
    void (async () => {
      // Adding never replaces: an id in use is the analyst's to edit, not to overwrite unseen.
      if (!entry && await taken(id)) {
        status.textContent = `There is already a source ${id}: edit it in the list, or choose another id.`;
        return;
      }
      await putJson(`/api/sources/${encodeURIComponent(id)}`, body);
      onSaved(id, body.name);
    })().catch((error: Error) => {
      status.textContent = error instanceof ApiFailure && error.status === 403 ? 'Only admins edit the registry.' : `Could not save: ${error.message}`;
    });
  });
  return form;
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
  const taken = async (id: string) => (await getJson<{ items: ListedSource[] }>('/api/sources')).items.some((e) => e.id === id);
  // A new entry is shown by itself (its name as the filter), where its row says it was edited just now.
  const added = (_id: string, name: string) => { location.hash = href('sources', null, { q: name }); };
  const editOf = (e: ListedSource) => h('details', { class: 'source-edit' }, h('summary', {}, 'Edit'), entryForm(e, taken, redraw));
  replace(main, h('div', { class: 'board sources' },
    h('h1', {}, 'Source registry'),
    h('p', { class: 'meta' }, `${sources.items.length} source${sources.items.length === 1 ? '' : 's'}. Reliability on the Admiralty scale (A completely reliable … E unreliable, F cannot be judged); `,
      'sources of one owner are not independent of each other.', admin ? ' You may add and edit them (admin).' : ' Admins add and edit them.'),
    form,
    admin ? h('details', { class: 'source-add' }, h('summary', {}, 'Add a source'), entryForm(null, taken, added)) : null,
    sources.items.length === 0 ? h('div', { class: 'empty' }, h('h2', {}, 'No source matches')) : h('table', { class: 'source-table' },
      h('thead', {}, h('tr', {}, ...['Source', 'Kind', 'Side', 'Owner', 'Reliability', 'Based on', 'Edited'].map((t) => h('th', {}, t)))),
      h('tbody', {}, ...sources.items.map((e) => h('tr', { 'data-source': e.id },
        h('td', {}, h('strong', {}, e.name), e.aliases.length ? h('span', { class: 'meta' }, ` (${e.aliases.slice(0, 3).join(', ')})`) : null, admin ? editOf(e) : null),
        h('td', {}, kindLabel(e.kind)),
        h('td', {}, h('span', { class: `side-tag side-${e.side}` }, e.side)),
        h('td', {}, e.owner, e.affiliation ? h('span', { class: 'meta' }, ` · ${e.affiliation}`) : null),
        h('td', { class: `reliability reliability-${e.reliability}`, title: RELIABILITY[e.reliability] ?? '' }, `${e.reliability} `, h('span', { class: 'meta' }, RELIABILITY[e.reliability] ?? '')),
        h('td', { class: 'meta' }, basedOn(e.source)),
        h('td', { class: 'meta' }, e.edited ? `${e.edited.by}, ${e.edited.at.slice(0, 10)}` : 'from the file')))))));
  document.title = 'Source registry · counterclaim';
}
