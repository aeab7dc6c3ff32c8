import type { PlaceStatus, PlaceSummary } from './api.js';
import { h, s } from './dom.js';

/**
 * How the map draws a place (issue 18): the colour says the side holding or
 * claiming it (red Russia, blue Ukraine, as DeepStateMap's readers expect;
 * other parties from a fixed palette), the shape says the status, so status
 * reads without colour and the side is written beside the name:
 * - held: a filled disc;
 * - contested (partial control): a disc cut into one slice per side present;
 * - claimed captured: a ring (hollow: nobody conceded it), dashed when denied;
 * - confirmed captured: a filled disc inside a dark ring;
 * - mentioned only: a small grey disc.
 */

/** The side colour classes (styles.css): UA and RU fixed, reporters and third parties grey, other parties from a palette. */
const FIXED: Readonly<Record<string, string>> = { UA: 'sc-ua', RU: 'sc-ru', THIRD: 'sc-neutral', MEDIA: 'sc-neutral', UNKNOWN: 'sc-neutral', '?': 'sc-ink' };
const PALETTE = ['sc-p0', 'sc-p1', 'sc-p2', 'sc-p3', 'sc-p4'];

export function sideClass(side: string): string {
  const fixed = FIXED[side.toUpperCase()];
  if (fixed) return fixed;
  let hash = 0;
  for (const ch of side.toUpperCase()) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

export const STATUS_SHAPES: ReadonlyArray<readonly [PlaceStatus | 'denied', string]> = [
  ['held', 'Held'],
  ['contested', 'Contested (partial control)'],
  ['claimed-captured', 'Claimed captured'],
  ['denied', 'Claimed captured, denied'],
  ['confirmed-captured', 'Confirmed captured'],
  ['mentioned', 'Mentioned only'],
];

type Glyph = Pick<PlaceSummary, 'status' | 'statusSides' | 'denied'>;

/** A slice of a disc of radius r from angle a to b (radians, 0 at the top, clockwise). */
function slice(r: number, a: number, b: number): string {
  const at = (t: number) => `${(r * Math.sin(t)).toFixed(2)},${(-r * Math.cos(t)).toFixed(2)}`;
  return `M0,0L${at(a)}A${r},${r} 0 ${b - a > Math.PI ? 1 : 0} 1 ${at(b)}Z`;
}

/**
 * The glyph of a place, centred on 0,0 in pixels: the first circle is the
 * marker's disc (tests and the focus ring use it).
 */
export function glyph(place: Glyph, r: number): SVGGElement {
  const sides = place.statusSides.length ? place.statusSides : [];
  const side = sides[0] ?? '';
  const g = s('g', { class: 'glyph' });
  switch (place.status) {
    case 'held':
      g.append(s('circle', { class: `disc fill ${sideClass(side)}`, cx: 0, cy: 0, r }));
      break;
    case 'contested': {
      g.append(s('circle', { class: 'disc partial', cx: 0, cy: 0, r }));
      // Two sides or more: a slice each; one known: it and an empty half.
      const shown = sides.length >= 2 ? sides : [side || '?', ''];
      shown.forEach((sd, i) => g.append(s('path', { class: `fill ${sd === '' ? 'unknown-side' : sideClass(sd)}`, d: slice(r, (i * 2 * Math.PI) / shown.length, ((i + 1) * 2 * Math.PI) / shown.length) })));
      g.append(s('circle', { class: 'edge', cx: 0, cy: 0, r }));
      break;
    }
    case 'claimed-captured':
      g.append(s('circle', { class: `disc ring ${sideClass(side)}${place.denied ? ' denied' : ''}`, cx: 0, cy: 0, r: r - 1.5 }));
      break;
    case 'confirmed-captured':
      g.append(s('circle', { class: `disc fill ${sideClass(side)}`, cx: 0, cy: 0, r: r - 2 }), s('circle', { class: 'outer-ring', cx: 0, cy: 0, r: r + 1 }));
      break;
    default:
      g.append(s('circle', { class: 'disc mentioned', cx: 0, cy: 0, r }));
  }
  return g;
}

/** A glyph drawn alone, for the legend and the place list. */
export function sample(place: Glyph): SVGSVGElement {
  const svg = s('svg', { class: 'legend-glyph', viewBox: '-9 -9 18 18', width: 18, height: 18, 'aria-hidden': 'true', focusable: 'false' });
  svg.append(glyph(place, 6.5));
  return svg;
}

/**
 * The legend, saying both: each side's colour with its code, each status's
 * shape drawn in a neutral ink.
 */
export function legend(sides: readonly string[]): HTMLElement {
  const sideItems = sides.map((side) => h('li', {}, sample({ status: 'held', statusSides: [side], denied: false }), ` ${side}`));
  const statusItems = STATUS_SHAPES.map(([status, label]) => h('li', {},
    sample(status === 'denied' ? { status: 'claimed-captured', statusSides: ['?'], denied: true } : { status, statusSides: ['?'], denied: false }),
    ` ${label}`));
  // Open where there is room; on a phone it folds to one line over the map.
  return h('details', { class: 'map-legend', 'aria-label': 'Legend', open: window.innerWidth > 600 },
    h('summary', {}, 'Legend'),
    sides.length ? h('p', { class: 'legend-title' }, 'Side (colour)') : null,
    sides.length ? h('ul', { class: 'legend-sides', 'aria-label': 'Side colours' }, ...sideItems) : null,
    h('p', { class: 'legend-title' }, 'Status (shape)'),
    h('ul', { class: 'legend-statuses', 'aria-label': 'Status shapes' }, ...statusItems));
}
