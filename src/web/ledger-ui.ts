import type { ClaimView, ContradictionView, ControlStatus, PlaceStatus } from './api.js';
import { formatDate, h } from './dom.js';
import { href } from './router.js';
import { reviewBox, reviewNote } from './review-ui.js';
import type { DeskClaimView } from '../server/desk-views.js';

export const STATE_LABELS: Readonly<Record<PlaceStatus | 'unknown', string>> = {
  'mentioned': 'Mentioned',
  'unknown': 'Unknown',
  'held': 'Held',
  'contested': 'Contested',
  'claimed-captured': 'Claimed captured',
  'confirmed-captured': 'Confirmed captured',
};

/** Sides of the conflict get a column each; everyone else (third parties, reporters, unknown) shares one. */
const NON_PARTY = new Set(['THIRD', 'MEDIA', 'UNKNOWN']);
export const INDEPENDENT = 'independent';
export const columnOf = (side: string): string => (NON_PARTY.has(side) ? INDEPENDENT : side);
export const columnLabel = (column: string): string => (column === INDEPENDENT ? 'Independent & reporters' : `${column} sources`);

/** Columns in a stable order: RU, UA, the other parties, then independent. */
export function orderColumns(columns: Iterable<string>): string[] {
  const rank = (c: string) => (c === 'RU' ? 0 : c === 'UA' ? 1 : c === INDEPENDENT ? 3 : 2);
  return [...new Set(columns)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** "Claimed captured by RU (denied) since 2025-11-05". */
export function statusText(s: { state: PlaceStatus | 'unknown'; by: string | null; denied: boolean }): string {
  return `${STATE_LABELS[s.state]}${s.by ? ` by ${s.by}` : ''}${s.denied ? ' (denied)' : ''}`;
}

/** The document view at the claim: its attribution's content highlighted, the claim named above the text. */
export function claimHref(c: ClaimView): string {
  return href('doc', c.doc, { item: c.claim.attribution ?? undefined, kind: c.claim.attribution ? 'content' : undefined, claim: c.claim.id });
}

export const claimKey = (ref: { doc: string; claim: string }): string => `${ref.doc}|${ref.claim}`;

/** What the desk adds to a claim when it is read (docs/api.md): its registry entry, its credibility, the review in force. */
type DeskFields = Pick<DeskClaimView, 'registry' | 'credibility' | 'review' | 'automatic'>;
export const deskOf = (c: ClaimView): Partial<DeskFields> => c as ClaimView & Partial<DeskFields>;

export const RELIABILITY: Readonly<Record<string, string>> = {
  A: 'completely reliable', B: 'usually reliable', C: 'fairly reliable', D: 'not usually reliable', E: 'unreliable', F: 'reliability cannot be judged',
};
const CREDIBILITY: Readonly<Record<number, string>> = {
  1: 'confirmed by other sources', 2: 'probably true', 3: 'possibly true', 4: 'doubtful', 5: 'improbable', 6: 'truth cannot be judged',
};

/**
 * The Admiralty grade of a claim, "B2": the registry's reliability of its source
 * (A-F; "–" when the source is not in the registry) and the credibility of the
 * claim from corroboration by independent owners (1-6), both said in words.
 */
export function gradeBadge(c: ClaimView): HTMLElement | null {
  const { registry, credibility } = deskOf(c);
  if (!credibility) return null;
  const reliability = registry?.reliability ?? '–';
  const who = registry ? `${registry.name} (${registry.kind.replace(/-/g, ' ')}${registry.side ? `, ${registry.side}` : ''}): ${RELIABILITY[registry.reliability] ?? registry.reliability}` : 'source not in the registry';
  const how = `${CREDIBILITY[credibility.grade]}: ${credibility.independent} independent owner${credibility.independent === 1 ? '' : 's'} agree, ${credibility.contradicting} disagree`;
  return h('span', { class: `grade reliability-${registry?.reliability ?? 'none'}`, title: `${who}. Information ${credibility.grade}, ${how}.`, 'aria-label': `Grade ${reliability}${credibility.grade}: ${who}; ${how}` }, `${reliability}${credibility.grade}`);
}

/** One claim as a card: date, the proposition (NOT when negative), who says it, grade, corroboration, and a link to the sentence. */
export function claimCard(c: ClaimView, extra: { corroboration?: string | null; contradicted?: boolean; onReviewed?: () => void } = {}): HTMLElement {
  const negative = c.claim.polarity === 'negative';
  const { review, automatic } = deskOf(c);
  return h('article', { class: `claim${negative ? ' negative' : ''}${extra.contradicted ? ' contradicted' : ''}${review ? ` reviewed-${review.decision}` : ''}`, 'data-claim': c.claim.id, 'data-side': c.claim.side },
    h('p', { class: 'claim-head' },
      h('span', { class: `side-tag side-${c.claim.side}` }, c.claim.side),
      h('time', { datetime: c.date ?? '' }, formatDate(c.date)),
      ' ', gradeBadge(c),
      ' ', extra.contradicted ? h('span', { class: 'flag', title: 'Contradicted by another side' }, '⚠ contradicted') : null),
    h('p', { class: 'proposition' }, negative ? h('strong', {}, c.claim.stance === 'deny' ? 'denies ' : 'not ') : null, c.readable,
      c.claim.modality !== 'asserted' ? h('span', { class: 'meta' }, ` [${c.claim.modality}]`) : null),
    h('p', { class: 'meta' }, `${c.source.name} · ${c.claim.grade}${c.outlet ? ` · via ${c.outlet}` : ''}`,
      extra.corroboration ? h('span', { class: 'corroboration' }, ` · ${extra.corroboration}`) : null),
    h('p', {}, h('a', { class: 'claim-link', href: claimHref(c), title: 'Open the document at this claim' }, `“${quote(c)}”`)),
    reviewNote(review, automatic ? Object.entries(automatic).map(([k, v]) => `${k} ${String(v)}`).join(', ') : undefined),
    extra.onReviewed ? reviewBox({ kind: 'claim', doc: c.doc, claim: c.claim.id }, extra.onReviewed) : null);
}

/** The words the claim was read from: its sentence where the ledger keeps it, else the claim's own span. */
function quote(c: ClaimView): string {
  const text = (c.sentence && c.sentence.length <= 320 ? c.sentence : c.claim.text).replace(/\s+/g, ' ').trim();
  return text.length > 220 ? `${text.slice(0, 219)}…` : text;
}

/** A contradiction with its explanation and both claims side by side. */
export function contradictionCard(x: ContradictionView): HTMLElement {
  const undone = x.stands === false;
  return h('article', { class: `contradiction kind-${x.contradiction.kind}${undone ? ' undone' : ''}`, 'data-contradiction': x.contradiction.id },
    h('p', { class: 'claim-head' }, h('span', { class: 'badge kind' }, x.contradiction.kind), ' ', h('time', { datetime: x.date ?? '' }, formatDate(x.date)),
      undone ? ' ' : null, undone ? h('span', { class: 'badge undone-tag', title: 'Reviews of its claims (or of the contradiction) undo it; the automatic reading is kept' }, 'undone by review') : null,
      x.placeId ? ' · ' : null, x.placeId ? h('a', { href: href('place', x.placeId) }, placeLabel(x)) : null),
    h('p', { class: 'explanation' }, x.contradiction.explanation),
    h('div', { class: 'versus' },
      x.a ? claimCard(x.a, { contradicted: true }) : h('p', { class: 'meta' }, 'claim no longer stored'),
      h('span', { class: 'vs', 'aria-hidden': 'true' }, 'vs'),
      x.b ? claimCard(x.b, { contradicted: true }) : h('p', { class: 'meta' }, 'claim no longer stored')),
    x.contradiction.related.length ? h('p', { class: 'meta' }, `${x.contradiction.related.length} more claim${x.contradiction.related.length === 1 ? '' : 's'} take the same positions.`) : null);
}

function placeLabel(x: ContradictionView): string {
  const arg = ((x.a ?? x.b)?.claim.args as Array<{ role: string; label: string }> | undefined)?.find((a) => a.role === 'place');
  return arg?.label ?? x.placeId ?? '';
}

/** The control status over time as a compact strip, oldest first. */
export function timelineStrip(timeline: readonly ControlStatus[]): HTMLElement {
  return h('ol', { class: 'timeline', 'aria-label': 'Control status over time' },
    ...timeline.map((s) => h('li', { class: `tl-${s.state}` },
      h('time', { datetime: s.from }, s.from), ' ',
      h('span', { class: `badge status-${s.state === 'unknown' ? 'mentioned' : s.state}` }, statusText(s)),
      h('p', { class: 'why' }, s.why))));
}

/** The export formats offered as links, with the name a reader knows them by. */
const EXPORTS: ReadonlyArray<readonly [string, string]> = [['csv', 'CSV'], ['geojson', 'GeoJSON'], ['kml', 'KML'], ['claimreview', 'ClaimReview']];

/**
 * Links to /api/export/{format} for the current place and filters (the server
 * sends each as a file). Absolute same-origin URLs: the DOM helper accepts
 * only hash routes and http(s) links.
 */
export function exportLinks(filters: { place?: string; side?: string; since?: string }): HTMLElement {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) query.set(k, v);
  const url = (format: string) => new URL(`/api/export/${format}${query.size ? `?${query}` : ''}`, location.origin).href;
  return h('p', { class: 'exports meta' }, 'Export', filters.place ? ' this place' : ' the ledger', filters.side || filters.since ? ' (filtered)' : '', ': ',
    ...EXPORTS.flatMap(([format, label], i) => [i ? ' · ' : '', h('a', { href: url(format), 'data-export': format, rel: 'nofollow' }, label)]));
}
