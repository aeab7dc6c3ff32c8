import { ApiFailure, getJson, postJson, type Page } from './api.js';
import { h, replace } from './dom.js';
import { href } from './router.js';
import type { ChangeView } from '../server/watching.js';
import type { Watchlist } from '../store/desk/desk-store.js';

/** Changes read in one view; more is said and reached by a narrower `since`. */
const PAGE = 300;
const ISO_SINCE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const KINDS: ReadonlyArray<readonly [ChangeView['kind'], string, string]> = [['contradiction', 'New contradictions', 'new contradiction'], ['status', 'Status changes', 'status change'], ['claim', 'New claims', 'new claim']];

/**
 * The last change this browser has seen of a watchlist (or of everything): the
 * `at` of the newest change shown when the analyst marked them seen. Kept as the
 * log's own time, not this machine's clock, so "since my last visit" never skips
 * a change logged while the clocks disagree.
 */
const seenKey = (watchlist: string) => `counterclaim-seen:${watchlist || 'all'}`;
export function lastSeen(watchlist: string): string | null {
  try { return localStorage.getItem(seenKey(watchlist)); } catch { return null; }
}
function markSeen(watchlist: string, at: string): void {
  try { localStorage.setItem(seenKey(watchlist), at); } catch { /* storage refused: nothing remembered */ }
}
/** The instant just after `at` (`since` is inclusive on the server). */
const after = (at: string): string => new Date(new Date(at).getTime() + 1).toISOString();

/** One change: when, what, where, and the claims that caused it (side, source, proposition, outlet). */
function changeItem(c: ChangeView, seen: string | null): HTMLElement {
  const fresh = seen === null || c.at > seen;
  return h('li', { class: `change kind-${c.kind}${fresh ? ' fresh' : ''}`, 'data-kind': c.kind, 'data-seq': c.seq },
    h('p', { class: 'claim-head' },
      fresh ? h('span', { class: 'badge fresh-tag', title: 'Not seen on an earlier visit' }, 'new') : null, fresh ? ' ' : null,
      h('time', { datetime: c.at }, c.at.slice(0, 16).replace('T', ' ')),
      c.placeId ? ' · ' : null, c.placeId ? h('a', { href: href('place', c.placeId) }, 'place') : null,
      c.kind === 'contradiction' && c.placeId ? ' · ' : null,
      c.kind === 'contradiction' && c.placeId ? h('a', { href: href('board', null, { place: c.placeId }) }, 'on the board') : null),
    h('p', { class: 'change-summary' }, c.summary),
    c.claims.length ? h('ul', { class: 'change-claims', 'aria-label': 'The claims behind it' }, ...c.claims.slice(0, 6).map((x) => {
      const [doc, claim] = [x.ref.slice(0, x.ref.indexOf('|')), x.ref.slice(x.ref.indexOf('|') + 1)];
      return h('li', {}, h('span', { class: `side-tag side-${x.side}` }, x.side), ' ',
        h('a', { href: href('doc', doc, { claim }) }, `${x.source.name}: `, x.polarity === 'negative' ? h('strong', {}, x.stance === 'deny' ? 'denies ' : 'not ') : null, x.readable),
        x.outlet ? h('span', { class: 'meta' }, ` · ${x.outlet}`) : null);
    }), c.claims.length > 6 ? h('li', { class: 'meta' }, `and ${c.claims.length - 6} more`) : null) : null);
}

/**
 * A place named by id (geonames-…, name-…) is kept; a name is looked up in the ledger's
 * places: every place of exactly that name (towns share names: a watchlist of "Pokrovsk"
 * watches each Pokrovsk the ledger knows), else the best match.
 */
async function placeIds(names: readonly string[]): Promise<{ ids: string[]; unknown: string[] }> {
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    if (/^(geonames|name)-/.test(name)) { ids.push(name); continue; }
    const found = await getJson<Page<{ id: string; name: string }>>('/api/places', { q: name, limit: 20 });
    const exact = found.items.filter((p) => p.name.toLowerCase() === name.toLowerCase());
    if (exact.length) ids.push(...exact.map((p) => p.id));
    else if (found.items[0]) ids.push(found.items[0].id);
    else unknown.push(name);
  }
  return { ids: [...new Set(ids)], unknown };
}

const words = (v: FormDataEntryValue | null): string[] => String(v ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** The form that keeps a new watchlist (analysts): places by name or id, actors by entity key, sources by registry id. */
function watchlistForm(onCreated: (id: string) => void): HTMLElement {
  const status = h('p', { class: 'meta', role: 'status' });
  const form = h('form', { class: 'filters watchlist-form', 'aria-label': 'New watchlist' },
    h('label', {}, 'Name', h('input', { type: 'text', name: 'name', required: true, maxlength: 200 })),
    h('label', {}, 'Places', h('input', { type: 'text', name: 'places', placeholder: 'Pokrovsk, Toretsk' })),
    h('label', {}, 'Actors', h('input', { type: 'text', name: 'actors', placeholder: 'actor:ru-mod' })),
    h('label', {}, 'Sources', h('input', { type: 'text', name: 'sources', placeholder: 'tass, reuters' })),
    h('button', { type: 'submit' }, 'Keep watching'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    status.textContent = 'Saving…';
    void (async () => {
      try {
        const places = await placeIds(words(data.get('places')));
        if (places.unknown.length) { status.textContent = `No place in the ledger by the name ${places.unknown.join(', ')}.`; return; }
        const list = await postJson<Watchlist>('/api/watchlists', { name: String(data.get('name') ?? ''), places: places.ids, actors: words(data.get('actors')), sources: words(data.get('sources')) });
        onCreated(list.id);
      } catch (error) {
        status.textContent = error instanceof ApiFailure && error.status === 403 ? 'Only analysts keep watchlists (sign in with an analyst token).' : `Could not save: ${(error as Error).message}`;
      }
    })();
  });
  return h('details', { class: 'new-watchlist' }, h('summary', {}, 'New watchlist'), form, status);
}

/**
 * What changed (issue 18, "Watching"): new claims, new contradictions and status
 * changes since a time, for everything or one watchlist's places, actors and
 * sources, each with the claims that caused it (GET /api/changes).
 * `#/changes?watchlist=ID&since=ISO` is shareable; without `since` it shows what
 * came since this browser's last visit ("Mark all seen" moves that mark).
 */
export async function renderChanges(main: HTMLElement, params: URLSearchParams, isCurrent: () => boolean): Promise<void> {
  const watchlist = /^[a-z0-9][a-z0-9_-]{0,63}$/.test(params.get('watchlist') ?? '') ? params.get('watchlist')! : '';
  const asked = ISO_SINCE.test(params.get('since') ?? '') ? params.get('since')! : '';
  const seen = lastSeen(watchlist);
  const since = asked || (seen ? after(seen) : '1970-01-01');
  const [lists, changes] = await Promise.all([
    getJson<{ items: Watchlist[] }>('/api/watchlists'),
    getJson<Page<ChangeView>>('/api/changes', { since, watchlist: watchlist || undefined, limit: PAGE }),
  ]);
  if (!isCurrent()) return;
  const list = lists.items.find((w) => w.id === watchlist) ?? null;
  const items = [...changes.items].reverse(); // newest first (the API pages oldest first)
  const newest = changes.items.at(-1)?.at ?? null;

  const select = h('select', { id: 'c-watchlist', name: 'watchlist' }, h('option', { value: '' }, 'Everything'), ...lists.items.map((w) => h('option', { value: w.id }, w.name)));
  select.value = list ? list.id : '';
  const form = h('form', { class: 'filters', 'aria-label': 'Which changes' },
    h('label', { for: 'c-watchlist' }, 'Watchlist', select),
    h('label', { for: 'c-since' }, 'Since', h('input', { type: 'date', id: 'c-since', name: 'since', value: asked.slice(0, 10) })),
    h('button', { type: 'submit' }, 'Show'),
    h('a', { href: href('changes', null, { watchlist }), class: 'reset' }, 'Since my last visit'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    location.hash = href('changes', null, { watchlist: String(data.get('watchlist') ?? ''), since: String(data.get('since') ?? '') });
  });
  const markButton = newest ? h('button', { type: 'button', class: 'mark-seen' }, 'Mark all seen') : null;
  markButton?.addEventListener('click', () => {
    markSeen(watchlist, newest!);
    const next = href('changes', null, { watchlist });
    if (location.hash === next) window.dispatchEvent(new HashChangeEvent('hashchange'));
    else location.hash = next;
  });

  const scope = list ? `${list.name} (${[list.places.length && `${list.places.length} place${list.places.length === 1 ? '' : 's'}`, list.actors.length && `${list.actors.length} actor${list.actors.length === 1 ? '' : 's'}`, list.sources.length && `${list.sources.length} source${list.sources.length === 1 ? '' : 's'}`].filter(Boolean).join(', ')})` : 'the whole ledger';
  const from = asked ? `since ${asked.replace('T', ' ')}` : seen ? `since your last visit (${seen.slice(0, 16).replace('T', ' ')})` : 'since the log began';
  const counts = KINDS.map(([kind, label, one]) => [kind, label, items.filter((c) => c.kind === kind), one] as const);
  replace(main, h('div', { class: 'board changes' },
    h('h1', {}, 'What changed'),
    h('p', { class: 'meta summary-line', role: 'status' }, `${scope}, ${from}: `,
      counts.map(([, , found, one]) => `${found.length}${changes.next !== null ? '+' : ''} ${one}${found.length === 1 ? '' : 's'}`).join(', '), '.',
      changes.next !== null ? ` The first ${PAGE} are shown: mark them seen for the next.` : ''),
    form,
    markButton,
    watchlistForm((id) => { location.hash = href('changes', null, { watchlist: id, since: asked || undefined }); }),
    items.length === 0
      ? h('div', { class: 'empty' }, h('h2', {}, 'Nothing new'), h('p', {}, 'New claims, contradictions and status changes show here after the next ingest.'))
      : h('div', { class: 'change-sections' }, ...counts.filter(([, , found]) => found.length > 0).map(([kind, label, found]) => h('section', { class: `change-section kind-${kind}`, 'aria-label': label },
        h('h2', {}, `${label} (${found.length})`),
        h('ol', { class: 'change-list' }, ...found.map((c) => changeItem(c, seen))))))));
  document.title = 'What changed · counterclaim';
}
