import { getJson } from './api.js';
import { h, replace, s } from './dom.js';
import { sideClass } from './map-glyphs.js';
import { STATE_LABELS } from './ledger-ui.js';

/**
 * Charts drawn as SVG from the API's aggregates (/api/aggregates/*): stacked
 * bars over time with labelled axes. Each series has a colour and a hatching
 * (solid, stripes, dots, cross-hatch...) shown in its legend, so the chart reads
 * without colour; every bar has a title with its numbers, and the numbers are
 * in a table under the chart for screen readers and copying.
 */

export interface Series { readonly key: string; readonly label: string; readonly colour: string }
export interface Bucket { readonly at: string; readonly by: Readonly<Record<string, number>> }
export interface Band { readonly from: string; readonly to: string | null; readonly label: string; readonly className: string }

const HATCHES = 6;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 12, bottom: 44, left: 46 };
const BAND_H = 20;

const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
const addDays = (day: string, n: number) => new Date(ms(day) + n * 86_400_000).toISOString().slice(0, 10);

/** The hatchings, defined once per page (CSS refers to them by id: `.hatch-2 { fill: url(#hatch-2) }`). */
function ensurePatterns(): void {
  if (document.getElementById('chart-patterns')) return;
  const defs = s('defs', {});
  const lines = ['', 'M0,8L8,0', 'M2,2h1v1h-1zM6,6h1v1h-1z', 'M0,8L8,0M0,0L8,8', 'M0,4h8', 'M4,0v8'];
  lines.forEach((d, i) => {
    if (i === 0) return;
    defs.append(s('pattern', { id: `hatch-${i}`, width: 8, height: 8, patternUnits: 'userSpaceOnUse' }, s('path', { d, class: 'hatch-line' })));
  });
  const holder = s('svg', { id: 'chart-patterns', width: 0, height: 0, 'aria-hidden': 'true', focusable: 'false', class: 'visually-hidden' }, defs);
  document.body.append(holder);
}

/** A step of 1, 2 or 5 times a power of ten giving about `n` ticks up to `max`. */
function niceStep(max: number, n = 4): number {
  const raw = Math.max(1, max / n);
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= raw)!;
}

function swatch(series: Series, index: number): SVGSVGElement {
  const svg = s('svg', { class: 'swatch', width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': 'true', focusable: 'false' },
    s('rect', { class: `bar ${series.colour}`, x: 0, y: 0, width: 14, height: 14 }));
  if (index % HATCHES) svg.append(s('rect', { class: `hatch-${index % HATCHES}`, x: 0, y: 0, width: 14, height: 14 }));
  return svg;
}

/**
 * A stacked bar chart over time: one bar per bucket (a day or a week: `step`
 * days wide), the series stacked in the given order, empty buckets left
 * empty; optional bands beneath (a place's control status over the same days).
 */
export function stackedBars(opts: {
  readonly title: string; readonly yLabel: string; readonly xLabel: string;
  readonly series: readonly Series[]; readonly buckets: readonly Bucket[]; readonly step: number;
  readonly bands?: readonly Band[]; readonly bandLabel?: string; readonly className?: string;
}): HTMLElement {
  ensurePatterns();
  // Drawn at about the width it is shown (a phone's 360 px, not 640 scaled down), so its text stays readable.
  const WIDTH = Math.round(Math.min(640, Math.max(340, window.innerWidth - 40)));
  const { series, buckets, step } = opts;
  const bands = opts.bands ?? [];
  const figure = h('figure', { class: `chart ${opts.className ?? ''}` }, h('figcaption', {}, opts.title));
  if (buckets.length === 0) {
    figure.append(h('p', { class: 'meta' }, 'Nothing to count yet.'));
    return figure;
  }
  const first = [buckets[0]!.at, ...bands.map((b) => b.from)].sort()[0]!;
  const lastBucket = buckets.at(-1)!.at;
  const last = addDays([lastBucket, ...bands.map((b) => b.from)].sort().at(-1)!, step);
  const days = Math.max(step, (ms(last) - ms(first)) / 86_400_000);
  const bandSpace = bands.length ? BAND_H + 16 : 0;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom - bandSpace;
  const x = (day: string) => MARGIN.left + ((ms(day) - ms(first)) / 86_400_000 / days) * plotW;
  const total = (b: Bucket) => series.reduce((sum, se) => sum + (b.by[se.key] ?? 0), 0);
  const max = Math.max(1, ...buckets.map(total));
  const yStep = niceStep(max);
  const top = Math.ceil(max / yStep) * yStep;
  const y = (v: number) => MARGIN.top + plotH - (v / top) * plotH;
  const barW = Math.max(1, (plotW / days) * step * 0.8);

  const svg = s('svg', { class: 'chart-svg', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': `${opts.title}: ${opts.yLabel} by ${opts.xLabel.toLowerCase()}`, focusable: 'false' });
  // Y axis: gridlines and numbers, its title turned up the left edge.
  for (let v = 0; v <= top; v += yStep) {
    svg.append(s('line', { class: 'grid', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(v), y2: y(v) }),
      s('text', { class: 'tick y-tick', x: MARGIN.left - 5, y: y(v) + 4, 'text-anchor': 'end' }, String(v)));
  }
  svg.append(s('text', { class: 'axis-title y-title', x: 0, y: 0, transform: `translate(12 ${MARGIN.top + plotH / 2}) rotate(-90)`, 'text-anchor': 'middle' }, opts.yLabel));
  // Bars.
  for (const b of buckets) {
    let base = 0;
    const parts: string[] = [];
    const bar = s('g', { class: 'bar-group', 'data-at': b.at });
    series.forEach((se, i) => {
      const v = b.by[se.key] ?? 0;
      if (!v) return;
      const x0 = x(b.at) + ((plotW / days) * step - barW) / 2;
      const attrs = { x: x0, y: y(base + v), width: barW, height: y(base) - y(base + v) };
      bar.append(s('rect', { class: `bar ${se.colour}`, ...attrs }));
      if (i % HATCHES) bar.append(s('rect', { class: `hatch-${i % HATCHES}`, ...attrs }));
      parts.push(`${se.label} ${v}`);
      base += v;
    });
    bar.prepend(s('title', {}, `${b.at}: ${parts.join(', ')} (${base} in all)`));
    svg.append(bar);
  }
  // X axis: the baseline, dates at up to six evenly spaced ticks, its title.
  const baseline = MARGIN.top + plotH;
  svg.append(s('line', { class: 'axis', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: baseline, y2: baseline }));
  const ticks = Math.min(WIDTH < 500 ? 3 : 6, Math.max(2, Math.round(days / step)));
  const tickDays = [...new Set(Array.from({ length: ticks }, (_, i) => addDays(first, Math.round((i * (days - step)) / Math.max(1, ticks - 1) / step) * step)))];
  for (const day of tickDays) {
    svg.append(s('text', { class: 'tick x-tick', x: x(day) + ((plotW / days) * step) / 2, y: HEIGHT - MARGIN.bottom + 14, 'text-anchor': 'middle' }, day));
  }
  // The bands beneath the bars: each state from its day to the next, named inside where it fits.
  if (bands.length) {
    const bandY = baseline + 4;
    svg.append(s('text', { class: 'tick band-title', x: MARGIN.left - 5, y: bandY + BAND_H / 2 + 4, 'text-anchor': 'end' }, opts.bandLabel ?? 'Status'));
    for (const band of bands) {
      const x0 = x(band.from);
      const x1 = x(band.to ?? last);
      const g = s('g', { class: 'band' }, s('title', {}, `${band.from}${band.to ? ` to ${band.to}` : ' on'}: ${band.label}`),
        s('rect', { class: `band-rect ${band.className}`, x: x0, y: bandY, width: Math.max(1, x1 - x0), height: BAND_H }));
      if (x1 - x0 > band.label.length * 6.2 + 6) g.append(s('text', { class: 'band-text', x: x0 + 4, y: bandY + BAND_H / 2 + 4 }, band.label));
      svg.append(g);
    }
  }
  svg.append(s('text', { class: 'axis-title x-title', x: MARGIN.left + plotW / 2, y: HEIGHT - 6, 'text-anchor': 'middle' }, opts.xLabel));
  figure.append(svg);
  figure.append(h('ul', { class: 'chart-legend', 'aria-label': `${opts.title}: legend` }, ...series.map((se, i) => h('li', {}, swatch(se, i), ` ${se.label}`))));
  figure.append(h('details', { class: 'chart-data' }, h('summary', {}, 'Numbers'),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, opts.xLabel), ...series.map((se) => h('th', {}, se.label)))),
      h('tbody', {}, ...buckets.map((b) => h('tr', {}, h('td', {}, b.at), ...series.map((se) => h('td', {}, String(b.by[se.key] ?? 0)))))))));
  return figure;
}

/** Series colours for categories that are not sides (event types, contradiction kinds): a fixed cycle. */
const CATEGORY = ['sc-ink', 'sc-p1', 'sc-p3', 'sc-p0', 'sc-p2', 'sc-p4', 'sc-neutral'];
const categories = (keys: readonly string[], label: (k: string) => string = (k) => k): Series[] =>
  keys.map((key, i) => ({ key, label: label(key), colour: CATEGORY[i % CATEGORY.length]! }));
const sides = (keys: readonly string[]): Series[] => keys.map((key) => ({ key, label: key, colour: sideClass(key) }));

/** At most `n` series; the rest summed as "other" (a stack of twelve hatchings reads as none). */
function topSeries(keys: readonly string[], buckets: readonly Bucket[], n: number): { keys: string[]; buckets: Bucket[] } {
  if (keys.length <= n) return { keys: [...keys], buckets: [...buckets] };
  const kept = keys.slice(0, n - 1);
  return {
    keys: [...kept, 'other'],
    buckets: buckets.map((b) => {
      const by: Record<string, number> = {};
      for (const [k, v] of Object.entries(b.by)) by[kept.includes(k) ? k : 'other'] = (by[kept.includes(k) ? k : 'other'] ?? 0) + v;
      return { at: b.at, by };
    }),
  };
}

/** Weeks drawn on the trends charts: a year. */
const RECENT_WEEKS = 52;

interface WeekCount { readonly week: string; readonly total: number; readonly by: Readonly<Record<string, number>> }

/** One place: claims per day by the side making them, its control status as a band beneath. */
export async function placeChart(placeId: string, asOf: string | undefined): Promise<HTMLElement | null> {
  const data = await getJson<{ days: { date: string; by: Record<string, number> }[]; sides: string[]; statuses: { from: string; to: string | null; state: string; by: string | null; denied: boolean }[] }>(
    `/api/aggregates/places/${encodeURIComponent(placeId)}/claims-per-day`, { asOf }).catch(() => null);
  if (!data || data.days.length === 0) return null;
  const bands = data.statuses.filter((st) => st.state !== 'unknown').map((st): Band => ({
    from: st.from, to: st.to,
    label: `${STATE_LABELS[st.state as keyof typeof STATE_LABELS] ?? st.state}${st.by ? ` ${st.by}` : ''}${st.denied ? ' (denied)' : ''}`,
    className: `status-${st.state}`,
  }));
  return stackedBars({
    title: 'Claims per day by side, control status beneath', yLabel: 'Claims', xLabel: 'Day the claim is about',
    series: sides(data.sides), buckets: data.days.map((d) => ({ at: d.date, by: d.by })), step: 1, bands, bandLabel: 'Control', className: 'place-chart',
  });
}

/** The ledger's trends: events per week by type and by side, contradictions per week by kind. */
export async function renderCharts(main: HTMLElement, isCurrent: () => boolean): Promise<void> {
  const [events, contradictions] = await Promise.all([
    getJson<{ byType: WeekCount[]; bySide: WeekCount[]; types: string[]; sides: string[] }>('/api/aggregates/events-per-week'),
    getJson<{ weeks: WeekCount[]; kinds: string[] }>('/api/aggregates/contradictions-per-week'),
  ]);
  if (!isCurrent()) return;
  // The last year of weeks: a claim about a date long past would stretch the axis to it.
  const recent = (w: readonly WeekCount[]) => w.slice(-RECENT_WEEKS);
  const earlier = [...events.byType.slice(0, -RECENT_WEEKS), ...contradictions.weeks.slice(0, -RECENT_WEEKS)].reduce((n, x) => n + x.total, 0);
  const weeks = (w: readonly WeekCount[]): Bucket[] => recent(w).map((x) => ({ at: x.week, by: x.by }));
  const byType = topSeries(events.types, weeks(events.byType), 6);
  const bySide = topSeries(events.sides, weeks(events.bySide), 6);
  replace(main, h('div', { class: 'charts' },
    h('h1', {}, 'Trends'),
    h('p', { class: 'meta' }, `Reported events per week (a proposition reported in a week counts once however many sources repeat it), and contradictions per week, over the last ${RECENT_WEEKS} weeks up to the newest. Weeks start on Monday.`,
      earlier ? ` Not drawn: ${earlier} dated before these weeks.` : ''),
    stackedBars({ title: 'Events per week by type', yLabel: 'Events', xLabel: 'Week', series: categories(byType.keys), buckets: byType.buckets, step: 7, className: 'events-by-type' }),
    stackedBars({ title: 'Events per week by the side acting', yLabel: 'Events', xLabel: 'Week', series: bySide.keys.map((k) => (k === 'other' || k === 'unattributed' ? { key: k, label: k, colour: 'sc-neutral' } : sides([k])[0]!)), buckets: bySide.buckets, step: 7, className: 'events-by-side' }),
    stackedBars({ title: 'Contradictions per week by kind', yLabel: 'Contradictions', xLabel: 'Week', series: categories(contradictions.kinds), buckets: weeks(contradictions.weeks), step: 7, className: 'contradictions-per-week' })));
}
