import { groupClaims, type ClaimGroup } from '../ledger/group-claims.js';
import { GRADES, SOURCE_KINDS, select } from './source-filter.js';
import { getJson, type ClaimView, type Page, type PlaceDetail, type PlaceMentionRef, type PlaceStatus, type PlaceSummary } from './api.js';
import { formatDate, h, replace, s } from './dom.js';
import { reviewBox, reviewNote } from './review-ui.js';
import { exportLinks, deskOf, claimCard, claimKey, columnLabel, columnOf, contradictionCard, orderColumns, statusText, timelineStrip } from './ledger-ui.js';
import { href } from './router.js';
import { countryOutlineIds, countryShapes, project, regionShapes, type Shape } from './basemap.js';
import { glyph, legend, sample, sideClass } from './map-glyphs.js';
import { placeChart } from './charts.js';
import { placeLabels, type Box } from './declutter.js';

export const STATUS_LABELS: Readonly<Record<PlaceStatus, string>> = {
  'mentioned': 'Mentioned',
  'held': 'Held',
  'contested': 'Contested',
  'claimed-captured': 'Claimed captured',
  'confirmed-captured': 'Confirmed captured',
};

interface View { x: number; y: number; w: number; h: number }

/** The days some place's control status changes on (/api/aggregates/control-dates): the time slider's range. */
interface ControlDates { readonly first: string | null; readonly last: string | null; readonly dates: readonly string[] }

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (value: string | null): string | undefined => (value && ISO_DAY.test(value) ? value : undefined);
const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * A place named as a first-level division ("Donetsk Oblast", "Kursk Region"):
 * the folded name without its kind word, matched against the region outlines
 * of its country; null for other places. Cities named like their region
 * ("Donetsk") are not regions: the kind word must be there.
 */
const REGION_WORD = /\s+(?:oblast|oblys|province|region|governorate|state|prefecture|krai|kray|voivodeship|okrug|republic)$/;
const foldRegion = (name: string): string => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’‘`ʼ]/g, '').replace(/[‐‑–—\-_/.]/g, ' ').replace(/\s+/g, ' ').trim();
function regionStem(name: string): string | null {
  const folded = foldRegion(name);
  const stem = folded.replace(REGION_WORD, '');
  return stem !== folded && stem.length >= 3 ? stem : null;
}

/** Places drawn as outlines (countries, regions) neither pull the view across a continent nor sit on it as a dot. */
interface Kinds { readonly countryOutline: (p: PlaceSummary) => string | null }

/**
 * The first view: around the places the ledger has a status for (the contested
 * ground), else around every located place; countries and regions (drawn as
 * outlines) left out: Russia's own point lies in Siberia and would pull the
 * view across a continent.
 */
function fit(places: readonly PlaceSummary[], kinds: Kinds): View {
  const all = places.filter((p) => p.lat !== null && p.lon !== null && kinds.countryOutline(p) === null && regionStem(p.name) === null);
  const withStatus = all.filter((p) => p.status !== 'mentioned');
  const located = (withStatus.length ? withStatus : all).map((p) => project(p.lon!, p.lat!));
  if (located.length === 0) return { x: -20, y: -75, w: 80, h: 45 }; // Europe and the Middle East
  const xs = located.map((p) => p[0]);
  const ys = located.map((p) => p[1]);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  // At least 4 degrees across: a front a few towns wide shows its region around it.
  const w = Math.max(4, (Math.max(...xs) - Math.min(...xs)) * 1.4);
  const hh = Math.max(2.5, (Math.max(...ys) - Math.min(...ys)) * 1.4);
  const width = Math.max(w, hh * 1.6);
  return { x: cx - width / 2, y: cy - (width / 1.6) / 2, w: width, h: width / 1.6 };
}

/** A view centred on one place, zoomed in to a few degrees around it. */
function centredOn(place: PlaceSummary, around: View): View {
  const [x, y] = project(place.lon!, place.lat!);
  const w = Math.min(around.w, 8);
  const hh = (w * around.h) / around.w;
  return { x: x - w / 2, y: y - hh / 2, w, h: hh };
}

/** Markers nearer than this (screen pixels) are gathered under the most important of them, with a "+N" badge. */
const CLUSTER_PX = 16;
/** Region outlines are fetched for the countries in view once it is narrower than this (degrees). */
const REGIONS_BELOW_W = 20;
/** The 1:50m country outlines replace the 1:110m ones once the view is narrower than this (degrees). */
const FINE_BELOW_W = 10;

const sideSuffix = (p: PlaceSummary): string => (p.status !== 'mentioned' && p.statusSides.length ? ` · ${p.statusSides.join('/')}` : '');

/**
 * The map with its side panel: the list of places, or one place's panel when
 * `placeId` is set. `asOf` in the URL replays the control timeline to that
 * day (the time bar under the map moves it); `q` filters the list.
 */
export async function renderMap(main: HTMLElement, placeId: string | null, params: URLSearchParams, isCurrent: () => boolean): Promise<void> {
  const filter = params.get('q') ?? '';
  let asOf = validDay(params.get('asOf'));
  // The coarse outlines are asked for with the data, not after it: the first view waits for both
  // (a waterfall of the two cost the first view a round trip and the 100 KB download).
  const coarse = countryShapes('coarse');
  coarse.catch(() => undefined);
  const [first, dates, outlineIds] = await Promise.all([
    getJson<Page<PlaceSummary>>('/api/places', { limit: 5000, asOf }),
    getJson<ControlDates>('/api/aggregates/control-dates').catch((): ControlDates => ({ first: null, last: null, dates: [] })),
    countryOutlineIds().catch(() => new Map<number, string>()),
  ]);
  // The documents are counted only for the empty state (a store with documents but no place).
  const documents = first.items.length === 0 ? (await getJson<Page<unknown>>('/api/documents', { limit: 1 })).total ?? 0 : null;
  if (!isCurrent()) return;
  let places = first.items;
  const kinds: Kinds = { countryOutline: (p) => (p.geonameId !== null ? outlineIds.get(p.geonameId) ?? null : null) };

  const svg = s('svg', { class: 'map-svg', role: 'img', 'aria-label': 'Map of places mentioned', focusable: 'false' });
  const countries = s('g', { class: 'countries' });
  const regions = s('g', { class: 'regions' });
  const outlines = s('g', { class: 'place-outlines' });
  const markers = s('g', { class: 'markers' });
  const clusters = s('g', { class: 'clusters' });
  svg.append(countries, regions, outlines, markers, clusters);
  const selected = placeId ? places.find((p) => p.id === placeId && p.lat !== null && p.lon !== null) : undefined;
  const initial = selected ? centredOn(selected, fit(places, kinds)) : fit(places, kinds);
  let view: View = { ...initial };
  const pxPerUnit = () => (svg.clientWidth || 800) / view.w;
  const linkParams = () => ({ asOf });

  // Outlines drawn so far: country shapes by id, region shapes by country code (each fetched once).
  const countryShapesById = new Map<string, Shape>();
  const regionsByCountry = new Map<string, Shape[]>();
  const regionsAsked = new Set<string>();
  let fineAsked = false;

  /** A region place's outline, once its country's regions are loaded. */
  const regionOutline = (p: PlaceSummary): Shape | null => {
    const stem = regionStem(p.name);
    if (stem === null || !p.country) return null;
    return regionsByCountry.get(p.country)?.find((r) => foldRegion(r.name).replace(REGION_WORD, '') === stem) ?? null;
  };
  const placeLabel = (p: PlaceSummary) => `${p.name}: ${statusText({ state: p.status, by: p.statusBy, denied: p.denied })}${p.statusSides.length > 1 ? ` (${p.statusSides.join(', ')} present)` : ''}, ${p.mentions} mentions`;

  /** Countries and regions named as places: their outline, coloured by the side holding it, linked to the place. */
  const drawOutlines = () => {
    const shown: SVGElement[] = [];
    for (const p of places) {
      const countryId = kinds.countryOutline(p);
      const shape = countryId !== null ? countryShapesById.get(countryId) : regionOutline(p);
      if (!shape) continue;
      const side = p.statusSides[0];
      shown.push(s('a', { href: href('place', p.id, linkParams()), 'aria-label': placeLabel(p), 'data-place': p.id, 'data-outline': countryId !== null ? 'country' : 'region' },
        s('path', { class: `place-outline status-${p.status}${side ? ` ${sideClass(side)}` : ''}${p.id === placeId ? ' selected' : ''}`, d: shape.d }, s('title', {}, placeLabel(p)))));
    }
    outlines.replaceChildren(...shown);
    const outlined = new Set(shown.map((a) => a.getAttribute('data-place')));
    for (const link of markers.querySelectorAll<SVGAElement>('a[data-place]')) link.classList.toggle('as-outline', outlined.has(link.dataset.place ?? ''));
  };

  const maxMentions = () => Math.max(1, ...places.map((p) => p.mentions));
  const drawMarkers = () => {
    const most = maxMentions();
    // Places with a status drawn last, on top of the merely mentioned.
    const byStatus = [...places].sort((a, b) => Number(a.status !== 'mentioned') - Number(b.status !== 'mentioned'));
    const links: SVGElement[] = [];
    for (const place of byStatus) {
      if (place.lat === null || place.lon === null || kinds.countryOutline(place) !== null) continue;
      const [x, y] = project(place.lon, place.lat);
      const r = place.status === 'mentioned' ? 4 + 5 * Math.sqrt(place.mentions / most) : 7 + 5 * Math.sqrt(place.mentions / most);
      const priority = place.id === placeId ? Number.MAX_SAFE_INTEGER : (place.status !== 'mentioned' ? 1e9 : 0) + place.mentions;
      const marker = s('g', { class: `marker status-${place.status}${place.id === placeId ? ' selected' : ''}`, 'data-r': r, 'data-x': x, 'data-y': y, 'data-priority': priority },
        glyph(place, r),
        s('text', { x, y }, place.name, sideSuffix(place) ? s('tspan', { class: 'side-code' }, sideSuffix(place)) : null));
      links.push(s('a', { href: href('place', place.id, linkParams()), 'aria-label': placeLabel(place), 'data-place': place.id }, marker));
    }
    markers.replaceChildren(...links);
    drawOutlines();
  };

  const loadRegions = (codes: Iterable<string>) => {
    for (const code of codes) {
      if (regionsAsked.has(code)) continue;
      regionsAsked.add(code);
      void regionShapes(code).then((shapes) => {
        regionsByCountry.set(code, shapes);
        regions.append(s('g', { 'data-country': code }, ...shapes.map((r) => s('path', { d: r.d }))));
        drawOutlines();
        applyView();
      });
    }
  };
  const showCountries = (shapes: readonly Shape[]) => {
    countryShapesById.clear();
    for (const shape of shapes) countryShapesById.set(shape.id, shape);
    countries.replaceChildren(...shapes.map((c) => s('path', { d: c.d })));
    drawOutlines();
  };

  const applyView = () => {
    svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
    const unit = 1 / pxPerUnit();
    // Zoomed in past the first view: the finer country outlines (740 KB, not part of the first view's
    // budget); narrower than REGIONS_BELOW_W: the regions of the countries with places in view.
    if (view.w < FINE_BELOW_W && view.w < initial.w * 0.99 && !fineAsked) {
      fineAsked = true;
      void countryShapes('fine').then(showCountries, () => { fineAsked = false; });
    }
    if (view.w < REGIONS_BELOW_W) {
      const inView = places.filter((p) => p.lat !== null && p.lon !== null && p.country && kinds.countryOutline(p) === null).filter((p) => {
        const [x, y] = project(p.lon!, p.lat!);
        return x >= view.x && x <= view.x + view.w && y >= view.y && y <= view.y + view.h;
      });
      loadRegions(new Set(inView.map((p) => p.country!)));
    }
    const every = [...markers.querySelectorAll<SVGAElement>('a[data-place]:not(.as-outline)')].map((link) => link.querySelector<SVGGElement>('g.marker')!);
    for (const marker of every) {
      const g = marker.querySelector('g.glyph')!;
      g.setAttribute('transform', `translate(${marker.dataset.x} ${marker.dataset.y}) scale(${unit})`);
    }
    // Clustering: in order of importance, each marker keeps its place unless one already kept lies
    // within CLUSTER_PX on screen, which then gathers it ("+N"). A grid of cells that size finds the
    // neighbours without comparing every pair.
    const order = every.map((_, i) => i).sort((a, b) => Number(every[b]!.dataset.priority) - Number(every[a]!.dataset.priority));
    const cell = CLUSTER_PX * unit;
    const grid = new Map<string, number[]>();
    const gathered = new Map<number, number[]>();
    const kept: number[] = [];
    for (const i of order) {
      const x = Number(every[i]!.dataset.x);
      const y = Number(every[i]!.dataset.y);
      const cx = Math.floor(x / cell);
      const cy = Math.floor(y / cell);
      let near: number | undefined;
      for (let dx = -1; dx <= 1 && near === undefined; dx++) {
        for (let dy = -1; dy <= 1 && near === undefined; dy++) {
          near = grid.get(`${cx + dx},${cy + dy}`)?.find((k) => Math.hypot(Number(every[k]!.dataset.x) - x, Number(every[k]!.dataset.y) - y) < cell);
        }
      }
      if (near !== undefined) {
        gathered.get(near)!.push(i);
        continue;
      }
      kept.push(i);
      gathered.set(i, []);
      const key = `${cx},${cy}`;
      grid.set(key, [...(grid.get(key) ?? []), i]);
    }
    for (const [i, members] of gathered) for (const m of members) every[m]!.closest('a')!.classList.add('clustered');
    for (const i of kept) every[i]!.closest('a')!.classList.remove('clustered');
    clusters.replaceChildren(...kept.filter((i) => gathered.get(i)!.length > 0).map((i) => {
      const lead = every[i]!;
      const members = [lead, ...gathered.get(i)!.map((m) => every[m]!)];
      const r = Number(lead.dataset.r);
      const x = Number(lead.dataset.x);
      const y = Number(lead.dataset.y);
      const names = members.map((m) => m.querySelector('text')?.firstChild?.textContent ?? '').join(', ');
      const badge = s('g', { class: 'cluster-badge', role: 'button', tabindex: 0, 'aria-label': `${members.length} places here (${names}): zoom in`, transform: `translate(${x} ${y}) scale(${unit})` },
        s('title', {}, `${members.length} places: ${names}`),
        s('circle', { cx: r * 0.8, cy: -r * 0.8, r: 8 }),
        s('text', { x: r * 0.8, y: -r * 0.8 + 3.5, 'text-anchor': 'middle' }, `+${members.length - 1}`));
      const open = () => {
        const xs = members.map((m) => Number(m.dataset.x));
        const ys = members.map((m) => Number(m.dataset.y));
        const w = Math.max(0.5, (Math.max(...xs) - Math.min(...xs)) * 3, view.w / 4);
        const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
        const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
        view = { x: cx - w / 2, y: cy - (w * view.h) / view.w / 2, w, h: (w * view.h) / view.w };
        applyView();
      };
      badge.addEventListener('click', open);
      badge.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); open(); } });
      return badge;
    }));
    const all = kept.map((i) => every[i]!);
    const geometry = all.map((marker) => ({ x: Number(marker.dataset.x), y: Number(marker.dataset.y), r: Number(marker.dataset.r ?? '6') * unit }));
    // Each label goes right of its marker, else left, above or below, wherever it overlaps no other
    // label and no marker; where none is free it gives way (the marker stays, its name in its link's
    // label). The selected place is placed first, then places with a status, then the most mentioned.
    // Box widths are estimated from the name's length (7.6 px a character at 12 px bold).
    const gap = 3 * unit;
    const height = 14 * unit;
    // Sides in order of preference: right, left, above, below; a side inside the view before one cut by its edge.
    const inside = (b: Box): boolean => b.x >= view.x && b.y >= view.y && b.x + b.width <= view.x + view.w && b.y + b.height <= view.y + view.h;
    const sides = all.map((marker, i) => {
      const { x, y, r } = geometry[i]!;
      const width = (marker.querySelector('text')?.textContent ?? '').length * 7.6 * unit;
      const boxes: Box[] = [
        { x: x + r + gap, y: y - height / 2, width, height },
        { x: x - r - gap - width, y: y - height / 2, width, height },
        { x: x - width / 2, y: y - r - gap - height, width, height },
        { x: x - width / 2, y: y + r + gap, width, height },
      ];
      return [0, 1, 2, 3].sort((a, b) => Number(!inside(boxes[a]!)) - Number(!inside(boxes[b]!))).map((side) => ({ side, box: boxes[side]! }));
    });
    const placed = placeLabels(
      all.map((marker, i) => ({ candidates: sides[i]!.map((c) => c.box), priority: Number(marker.dataset.priority ?? '0') })),
      geometry.map(({ x, y, r }) => ({ x: x - r, y: y - r, width: 2 * r, height: 2 * r })), 64 * unit);
    all.forEach((marker, i) => {
      const label = marker.querySelector('text');
      const at = placed.get(i);
      marker.classList.toggle('unlabelled', at === undefined);
      if (!label || at === undefined) return;
      const { x, y, r } = geometry[i]!;
      const [lx, ly, anchor] = ([
        [x + r + gap, y + 4 * unit, 'start'], [x - r - gap, y + 4 * unit, 'end'],
        [x, y - r - gap - 3 * unit, 'middle'], [x, y + r + gap + 11 * unit, 'middle'],
      ] as const)[sides[i]![at]!.side]!;
      label.setAttribute('font-size', String(12 * unit));
      label.setAttribute('x', String(lx));
      label.setAttribute('y', String(ly));
      label.setAttribute('text-anchor', anchor);
    });
  };
  const zoom = (factor: number, cx = view.x + view.w / 2, cy = view.y + view.h / 2) => {
    const w = Math.min(400, Math.max(0.05, view.w * factor));
    const hh = (w / view.w) * view.h;
    view = { x: cx - ((cx - view.x) * w) / view.w, y: cy - ((cy - view.y) * hh) / view.h, w, h: hh };
    applyView();
  };
  const pan = (dx: number, dy: number) => {
    view = { ...view, x: view.x + dx * view.w, y: view.y + dy * view.h };
    applyView();
  };

  const legendBox = h('div', { class: 'legend-slot' });
  const drawLegend = () => {
    const sides = orderColumns(places.flatMap((p) => (p.status === 'mentioned' ? [] : p.statusSides)));
    replace(legendBox, legend([...new Set(sides)]));
  };
  drawMarkers();
  drawLegend();

  const side = h('section', { class: 'side', 'aria-live': 'polite' });
  // Moving through time: the places are read again as of the day, the markers and the panel redrawn,
  // the view kept; the day goes into the URL (replaceState: the slider is not a trail of history).
  let asked = 0;
  const showAsOf = async (day: string | undefined) => {
    const mine = ++asked;
    asOf = day;
    const next = new URLSearchParams(params);
    if (day) next.set('asOf', day);
    else next.delete('asOf');
    history.replaceState(null, '', href(placeId ? 'place' : 'map', placeId, Object.fromEntries(next)));
    const fresh = await getJson<Page<PlaceSummary>>('/api/places', { limit: 5000, asOf: day });
    if (mine !== asked || !isCurrent()) return;
    places = fresh.items;
    drawMarkers();
    drawLegend();
    applyView();
    if (placeId) await renderPlacePanel(side, placeId, places, next, isCurrent);
    else renderPlaceList(side, places, documents ?? 0, filter, asOf);
  };
  const timeBar = dates.first && dates.last ? timeControls(dates, asOf, (day) => void showAsOf(day)) : null;

  const mapBox = h('div', { class: 'map-box' },
    svg,
    h('div', { class: 'map-controls', role: 'group', 'aria-label': 'Zoom' },
      button('+', 'Zoom in', () => zoom(1 / 1.5)),
      button('−', 'Zoom out', () => zoom(1.5)),
      button('⟲', 'Reset view', () => { view = { ...initial }; applyView(); })),
    legendBox,
    timeBar);
  // Wheel zoom about the pointer, drag to pan, arrow keys and +/- when the map has focus.
  svg.addEventListener('wheel', (event) => {
    event.preventDefault();
    const rect = svg.getBoundingClientRect();
    zoom(event.deltaY > 0 ? 1.2 : 1 / 1.2, view.x + ((event.clientX - rect.left) / rect.width) * view.w, view.y + ((event.clientY - rect.top) / rect.height) * view.h);
  }, { passive: false });
  let drag: { x: number; y: number; moved: boolean } | null = null;
  svg.addEventListener('pointerdown', (event) => { drag = { x: event.clientX, y: event.clientY, moved: false }; });
  svg.addEventListener('pointermove', (event) => {
    if (!drag || event.buttons === 0) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    drag.moved = true;
    view = { ...view, x: view.x - dx / pxPerUnit(), y: view.y - dy / pxPerUnit() };
    drag = { x: event.clientX, y: event.clientY, moved: true };
    applyView();
  });
  svg.addEventListener('click', (event) => { if (drag?.moved) event.preventDefault(); drag = null; }, true);
  mapBox.tabIndex = 0;
  mapBox.setAttribute('aria-label', 'Map: arrow keys pan, + and - zoom, Tab moves between places');
  mapBox.addEventListener('keydown', (event) => {
    if (event.target !== mapBox) return;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => pan(-0.15, 0), ArrowRight: () => pan(0.15, 0), ArrowUp: () => pan(0, -0.15), ArrowDown: () => pan(0, 0.15),
      '+': () => zoom(1 / 1.5), '=': () => zoom(1 / 1.5), '-': () => zoom(1.5),
    };
    const move = moves[event.key];
    if (move) { event.preventDefault(); move(); }
  });

  replace(main, h('div', { class: 'map-layout' }, mapBox, side));
  applyView();
  new ResizeObserver(() => applyView()).observe(svg);
  coarse.then((shapes) => { if (!fineAsked || countryShapesById.size === 0) showCountries(shapes); },
    () => countries.replaceChildren(s('text', { x: view.x + 1, y: view.y + 2 }, 'basemap unavailable')));
  // The regions of the countries with a status somewhere come with the first view (the front's
  // oblasts); those of merely mentioned countries only when zoomed in on them.
  loadRegions(new Set(places.filter((p) => p.status !== 'mentioned' && p.country && kinds.countryOutline(p) === null).map((p) => p.country!)));

  if (placeId) await renderPlacePanel(side, placeId, places, params, isCurrent);
  else renderPlaceList(side, places, documents ?? 0, filter, asOf);
}

/**
 * The time bar: a slider over the days from the first control change to the
 * last, a date field saying the day shown ("latest" at the right end), a
 * button back to the latest, and one that replays the changes a step a time.
 */
function timeControls(dates: ControlDates, asOf: string | undefined, onChange: (day: string | undefined) => void): HTMLElement {
  const first = dates.first!;
  const last = dates.last!;
  const span = Math.max(1, daysBetween(first, last));
  const index = (day: string | undefined) => (day === undefined ? span : Math.max(0, Math.min(span, daysBetween(first, day))));
  const slider = h('input', { type: 'range', min: 0, max: span, value: index(asOf), 'aria-label': 'As of (slider)', class: 'as-of-slider' });
  const field = h('input', { type: 'date', name: 'asOf', id: 'as-of', min: first, value: asOf ?? '', 'aria-describedby': 'as-of-hint' });
  const hint = h('span', { class: 'meta', id: 'as-of-hint' }, asOf ? '' : 'latest');
  const play = h('button', { type: 'button', class: 'play', 'aria-label': 'Replay the control timeline', title: 'Replay the control timeline' }, '▶');
  const latest = h('button', { type: 'button', class: 'latest' }, 'Latest');
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: ReturnType<typeof setTimeout> | null = null;
  const set = (day: string | undefined, { slide = true, now = false } = {}) => {
    field.value = day ?? '';
    hint.textContent = day ? '' : 'latest';
    if (slide) slider.value = String(index(day));
    if (pending) clearTimeout(pending);
    if (now) onChange(day);
    else pending = setTimeout(() => onChange(day), 120);
  };
  slider.addEventListener('input', () => {
    const n = Number(slider.value);
    set(n >= span ? undefined : addDays(first, n), { slide: false });
  });
  field.addEventListener('change', () => set(ISO_DAY.test(field.value) ? field.value : undefined, { now: true }));
  latest.addEventListener('click', () => { stop(); set(undefined, { now: true }); });
  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    play.textContent = '▶';
    play.setAttribute('aria-label', 'Replay the control timeline');
  };
  // Replay: each day some status changed, from the first (or the day shown) to the last, then the latest.
  play.addEventListener('click', () => {
    if (timer) { stop(); return; }
    const from = field.value && field.value < last ? field.value : '';
    const steps = dates.dates.filter((d) => d > from);
    play.textContent = '❚❚';
    play.setAttribute('aria-label', 'Pause the replay');
    const step = (i: number) => {
      if (i >= steps.length) { stop(); set(undefined, { now: true }); return; }
      set(steps[i], { now: true });
      timer = setTimeout(() => step(i + 1), 900);
    };
    step(0);
  });
  return h('form', { class: 'time-bar', 'aria-label': 'Control as of a date' },
    play, slider, h('label', { for: 'as-of' }, 'As of '), field, hint, latest);
}

function button(text: string, label: string, onClick: () => void): HTMLButtonElement {
  const b = h('button', { type: 'button', 'aria-label': label, title: label }, text);
  b.addEventListener('click', onClick);
  return b;
}

function emptyState(documents: number): HTMLElement {
  if (documents === 0) {
    return h('div', { class: 'empty' },
      h('h2', {}, 'The database is empty'),
      h('p', {}, 'Add reporting to see places, claims and their sources here:'),
      h('pre', {}, 'counterclaim analyze article.txt --db counterclaim.db\ncounterclaim serve --db counterclaim.db'),
      h('p', {}, 'or start the server with --allow-ingest and POST documents to /api/documents (see /api/openapi.json). ',
        'npm start serves the bundled example about Pokrovsk.'));
  }
  return h('div', { class: 'empty' },
    h('h2', {}, 'No places yet'),
    h('p', {}, `${documents} document${documents === 1 ? '' : 's'} stored, but no place was found in them.`),
    h('p', {}, h('a', { href: href('documents') }, 'Browse the documents'), ' to see what was extracted.'));
}

function renderPlaceList(side: HTMLElement, places: readonly PlaceSummary[], documents: number, filter: string, asOf?: string): void {
  if (places.length === 0) {
    replace(side, emptyState(documents));
    return;
  }
  const list = h('ol', { class: 'place-list' });
  const input = h('input', { type: 'search', id: 'place-filter', placeholder: 'Filter places', value: filter, 'aria-label': 'Filter places', maxlength: 200 });
  const update = () => {
    const q = input.value.trim().toLowerCase();
    const shown = places.filter((p) => !q || p.name.toLowerCase().includes(q) || p.forms.some((f) => f.toLowerCase().includes(q)));
    replace(list, ...shown.map((p) => h('li', {},
      h('a', { href: href('place', p.id, { asOf }) }, sample(p), ` ${p.name}`),
      p.status !== 'mentioned' ? h('span', { class: 'status-text' }, statusText({ state: p.status, by: p.statusBy, denied: p.denied })) : null,
      h('span', { class: 'count' }, `${p.mentions} mention${p.mentions === 1 ? '' : 's'} · ${p.documents} doc${p.documents === 1 ? '' : 's'}${p.lat === null ? ' · not on map' : ''}`))));
    if (shown.length === 0) list.append(h('li', { class: 'none' }, 'No place matches.'));
  };
  input.addEventListener('input', () => {
    update();
    history.replaceState(null, '', href('map', null, { q: input.value.trim(), asOf }));
  });
  update();
  replace(side, h('h2', {}, `Places (${places.length})`), asOf ? h('p', { class: 'meta as-of-note' }, `Statuses as of ${asOf}.`) : null, input, list);
}

/**
 * The place panel: status now and over time, each side's dated claims in
 * columns side by side (contradicted ones flagged), corroboration counts per
 * proposition, the contradictions explained, then the mentions. Filters
 * (side, from, to, outlet) live in the URL: `#/place/ID?side=UA&from=2025-11-01`.
 */
async function renderPlacePanel(side: HTMLElement, id: string, places: readonly PlaceSummary[], params: URLSearchParams, isCurrent: () => boolean): Promise<void> {
  const known = places.find((p) => p.id === id);
  if (!known) {
    replace(side, h('p', { class: 'crumbs' }, h('a', { href: href('map') }, '← All places')), h('div', { class: 'empty' }, h('h2', {}, 'No such place'), h('p', {}, `Nothing in the store is called ${id}.`)));
    return;
  }
  // No mentions with the panel (limit=0: their total alone): they sit in a closed box that reads its
  // first page when opened, so a click on a place does not wait for them (at 20,000 documents a page
  // of them took 0.4 s of the panel's 0.5 s, issue 7).
  const asOf = validDay(params.get('asOf'));
  const detail = await getJson<PlaceDetail>(`/api/places/${encodeURIComponent(id)}`, { limit: 0, asOf });
  if (!isCurrent()) return;
  const { place, mentions, timeline, contradictions } = detail;
  const facts = [
    place.admin1 ? `${place.admin1}` : null, place.country,
    place.lat !== null ? `${place.lat.toFixed(3)}, ${place.lon!.toFixed(3)}` : 'no coordinates',
    place.geonameId !== null ? `GeoNames ${place.geonameId}` : 'not in the gazetteer',
  ].filter(Boolean).join(' · ');

  const reviewed = place as PlaceSummary & { review?: { decision: string; actor: string; reason: string; at: string } | null; automaticStatus?: { status: string; statusBy: string | null } };
  // The chart comes after the panel: the panel does not wait for it.
  const chartSlot = h('div', { class: 'chart-slot' });
  void placeChart(id, asOf).then((chart) => { if (chart && isCurrent()) chartSlot.append(chart); });
  const f: ClaimFilter = { side: params.get('side') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '', outlet: params.get('outlet') ?? '', grade: params.get('grade') ?? '', source: params.get('source') ?? '' };
  replace(side,
    h('p', { class: 'crumbs' }, h('a', { href: href('map', null, { asOf }) }, '← All places'), ' · ', h('a', { href: href('board', null, { place: id }) }, 'Contested claims here')),
    h('h2', { id: 'place-title' }, place.name),
    h('p', { class: 'meta' }, facts),
    h('p', { class: 'status-line' }, h('span', { class: `badge status-${place.status}` }, statusText({ state: place.status, by: place.statusBy, denied: place.denied })),
      place.statusSince ? ` since ${place.statusSince}` : '',
      asOf ? ` (as of ${asOf})` : '',
      ` · ${place.mentions} mention${place.mentions === 1 ? '' : 's'} in ${place.documents} document${place.documents === 1 ? '' : 's'}`),
    reviewNote(reviewed.review, reviewed.automaticStatus ? statusText({ state: reviewed.automaticStatus.status as PlaceStatus, by: reviewed.automaticStatus.statusBy, denied: false }) : undefined),
    // No review of the status itself, yet not the status as read: reviews of the claims under it changed it.
    !reviewed.review && reviewed.automaticStatus
      ? h('p', { class: 'review-note decision-claims' }, h('strong', {}, 'Changed by reviewed claims'),
        h('span', { class: 'meta' }, ` (automatic: ${statusText({ state: reviewed.automaticStatus.status as PlaceStatus, by: reviewed.automaticStatus.statusBy, denied: false })})`))
      : null,
    // Review today's status (as of a past day there is nothing to review: the timeline is history).
    asOf ? null : reviewBox({ kind: 'status', place: id }, redraw),
    place.forms.length > 1 ? h('p', { class: 'meta' }, `Written as: ${place.forms.join(', ')}`) : null,
    chartSlot,
    timeline.length ? h('h3', {}, 'Control over time') : null,
    timeline.length ? timelineStrip(timeline) : h('p', { class: 'hint' }, 'No control claims about this place in the ledger yet.'),
    contradictions.length ? h('h3', {}, `Contradictions (${detail.contradictionsTotal})`) : null,
    ...contradictions.map(contradictionCard),
    detail.contradictionsTotal > contradictions.length
      ? h('p', { class: 'meta contradictions-more' }, `The newest ${contradictions.length}; `, h('a', { href: href('board', null, { place: id }) }, `all ${detail.contradictionsTotal} on the contested-claims board`), '.')
      : null,
    ...claimsBySide(id, detail, f),
    // The export follows the panel's filters where the API has them: a party's side (not the independent column) and the start date.
    detail.claims.length ? exportLinks({ place: id, side: f.side && f.side !== 'independent' ? f.side : '', since: f.from }) : null,
    mentionsBox(id, mentions.total ?? place.mentions));
}

interface ClaimFilter { readonly side: string; readonly from: string; readonly to: string; readonly outlet: string; readonly grade: string; readonly source: string }

/** After a review: the view drawn again from the server (the map's statuses and the panel). */
const redraw = (): void => { window.dispatchEvent(new HashChangeEvent('hashchange')); };


/** Claims asked for by each "Show older claims". */
const OLDER_CLAIMS_PAGE = 50;

/**
 * The claims of a place in columns by side. The newest page came with the
 * panel; "Show older claims" reads the next page from /api/claims (the same
 * order) and the columns are drawn again over every claim loaded, so the
 * filters, the counts and the corroboration (the ledger's groupClaims, run
 * here) always cover exactly the claims on screen.
 */
function claimsBySide(id: string, detail: PlaceDetail, f: ClaimFilter): HTMLElement[] {
  if (detail.claims.length === 0) return [];
  const loaded: ClaimView[] = [...detail.claims];
  const keys = new Set(loaded.map(keyOfClaim));
  let next: number | null = detail.claimsMore ? detail.claims.length : null;
  const matches = (c: ClaimView) => (!f.side || columnOf(c.claim.side) === f.side) && (!f.from || (c.date ?? '') >= f.from)
    && (!f.to || (c.date ?? '') <= f.to) && (!f.outlet || (c.outlet ?? '').toLowerCase().includes(f.outlet.toLowerCase()))
    && matchesSource(c, f);
  // Flagged: the claims of the contradictions the panel shows (the newest; the board has them all).
  const contradicted = new Set(detail.contradictions.flatMap((x) => [x.contradiction.a, x.contradiction.b, ...x.contradiction.related].map(claimKey)));

  const heading = h('h3', {});
  const sideSelect = select('side', f.side, []);
  const filterForm = h('form', { class: 'filters', 'aria-label': 'Filter claims' },
    h('label', {}, 'Side ', sideSelect),
    h('label', {}, 'From ', h('input', { type: 'date', name: 'from', value: f.from })),
    h('label', {}, 'To ', h('input', { type: 'date', name: 'to', value: f.to })),
    h('label', {}, 'Outlet ', h('input', { type: 'text', name: 'outlet', value: f.outlet, maxlength: 200, placeholder: 'any' })),
    h('label', {}, 'Source ', select('source', f.source, SOURCE_KINDS)),
    h('label', {}, 'Reliability ', select('grade', f.grade, GRADES)),
    h('button', { type: 'submit' }, 'Apply'));
  filterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(filterForm);
    location.hash = href('place', id, Object.fromEntries(['side', 'from', 'to', 'outlet', 'source', 'grade', 'asOf'].map((k) => [k, k === 'asOf' ? validDay(new URLSearchParams(location.hash.split('?')[1] ?? '').get('asOf')) : String(data.get(k) ?? '').trim()])));
  });
  const board = h('div', { class: 'sides' });
  const status = h('p', { class: 'meta claims-status', 'aria-live': 'polite' });
  const older = h('button', { type: 'button', class: 'more older-claims' }, 'Show older claims');

  const draw = () => {
    const groupOf = new Map<string, ClaimGroup>();
    for (const g of groupClaims(loaded)) for (const c of g.claims) groupOf.set(keyOfClaim(c), g);
    const corroborationText = (c: ClaimView): string | null => {
      const n = groupOf.get(keyOfClaim(c))?.corroboration[c.claim.side];
      if (!n) return null;
      return `${n.supporting} ${c.claim.side} source${n.supporting === 1 ? '' : 's'} back it${n.disputing ? `, ${n.disputing} dispute` : ''}`;
    };
    // An older page may bring a side the newer claims lacked: the side filter offers it from then on.
    const columns = orderColumns(loaded.map((c) => columnOf(c.claim.side)));
    const options: Array<[string, string]> = [['', 'all'], ...columns.map((c): [string, string] => [c, c])];
    sideSelect.replaceChildren(...options.map(([v, label]) => h('option', { value: v }, label)));
    sideSelect.value = f.side;
    const shown = loaded.filter(matches);
    heading.textContent = `Claims by side (${shown.length}${shown.length !== loaded.length ? ` of ${loaded.length}` : ''})`;
    const shownColumns = f.side ? columns.filter((c) => c === f.side) : columns;
    board.dataset.columns = String(shownColumns.length);
    replace(board, ...shownColumns.map((column) => {
      const mine = shown.filter((c) => columnOf(c.claim.side) === column);
      return h('section', { class: `side-col col-${column}`, 'aria-label': columnLabel(column) },
        h('h4', {}, `${columnLabel(column)} (${mine.length})`),
        ...mine.map((c) => claimCard(c, { corroboration: corroborationText(c), contradicted: contradicted.has(keyOfClaim(c)), onReviewed: redraw })),
        mine.length === 0 ? h('p', { class: 'meta' }, 'No claims match.') : null);
    }));
    status.textContent = next !== null ? `Showing the newest ${loaded.length} claims; sources are counted over these.`
      : loaded.length > detail.claims.length ? `All ${loaded.length} claims shown.` : '';
    older.hidden = next === null;
  };
  older.addEventListener('click', () => {
    if (next === null) return;
    older.disabled = true;
    void getJson<Page<ClaimView>>('/api/claims', { place: id, offset: next, limit: OLDER_CLAIMS_PAGE })
      .then((p) => {
        // A claim stored since the panel opened shifts the pages by one: a claim already shown is not shown twice.
        for (const c of p.items) if (!keys.has(keyOfClaim(c))) { keys.add(keyOfClaim(c)); loaded.push(c); }
        next = p.next;
        draw();
      })
      .catch((error: Error) => { status.textContent = `Could not load older claims: ${error.message}`; })
      .finally(() => { older.disabled = false; });
  });
  draw();
  return [heading, filterForm, board, h('div', { class: 'claims-more' }, status, older)];
}

/** The source filters: the registry kind of the claim's source, and its reliability at least the grade chosen. */
function matchesSource(c: ClaimView, f: ClaimFilter): boolean {
  const { registry } = deskOf(c);
  if (f.source && (f.source === 'unregistered' ? registry : registry?.kind !== f.source)) return false;
  return !f.grade || (registry !== null && registry !== undefined && registry.reliability <= f.grade);
}

const keyOfClaim = (c: { readonly doc: string; readonly claim: { readonly id: string } }): string => claimKey({ doc: c.doc, claim: c.claim.id });

const MENTIONS_PAGE = 20;

/**
 * The mentions of a place, in a closed box: its first page is read when the box
 * is first opened (most visits never open it), then more a page at a time on demand.
 */
function mentionsBox(id: string, total: number): HTMLElement {
  const list = h('ol', { class: 'mentions' });
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Load more mentions');
  const count = h('p', { class: 'meta' });
  let next: number | null = total > 0 ? 0 : null;
  let loading = false;
  const load = (limit: number) => {
    if (next === null || loading) return;
    loading = true;
    more.disabled = true;
    if (list.children.length === 0) count.textContent = 'Loading mentions…';
    void getJson<Page<PlaceMentionRef>>(`/api/places/${encodeURIComponent(id)}/mentions`, { limit, offset: next })
      .then((p) => {
        next = p.next;
        list.append(...p.items.map((m) => h('li', {},
          h('a', { class: 'mention-link', href: href('doc', m.docId, { item: m.item.id, kind: 'place' }) }, m.title ?? 'Untitled document'),
          h('span', { class: 'meta' }, ` ${formatDate(m.published)}${m.outlet ? ` · ${m.outlet}` : ''}`),
          m.sentence ? sentenceWithMark(m.sentence, m.item.span) : null)));
        count.textContent = `Showing ${list.children.length} of ${p.total ?? total} mentions.`;
        more.hidden = next === null;
      })
      .catch((error: Error) => { count.textContent = `Could not load mentions: ${error.message}`; })
      .finally(() => { loading = false; more.disabled = false; });
  };
  more.addEventListener('click', () => load(50));
  const box = h('details', { class: 'mentions-box' }, h('summary', {}, `Mentions (${total})`), list, count, more);
  box.addEventListener('toggle', () => { if (box.open && list.children.length === 0) load(MENTIONS_PAGE); });
  return box;
}


function sentenceWithMark(sentence: { text: string; span: readonly [number, number] }, span: readonly [number, number]): HTMLElement {
  const a = span[0] - sentence.span[0];
  const b = span[1] - sentence.span[0];
  return h('blockquote', {}, sentence.text.slice(0, a), h('mark', { class: 'hl k-place' }, sentence.text.slice(a, b)), sentence.text.slice(b));
}
