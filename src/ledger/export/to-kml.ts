import type { LedgerClaim } from '../ledger-claim.js';
import { claimDate, claimPageUrl, claimRefKey, claimSentence, sortedClaims, type ExportOptions, type LedgerSnapshot } from './ledger-snapshot.js';
import { placeSummaries, position } from './to-geojson.js';

/** Colours of the control states, KML's aabbggrr (opaque): held green, contested orange, captured red, unknown grey. */
const STATE_COLOURS: Readonly<Record<string, string>> = {
  held: 'ff3c9c2e', contested: 'ff1c8cf2', 'claimed-captured': 'ff3c4ce7', 'confirmed-captured': 'ff1a1ab0', unknown: 'ff9e9e9e',
};

/** Claims listed in one placemark's description at most (the counts cover them all). */
const CLAIMS_PER_PLACEMARK = 20;

/** Text for XML character data and attribute values. */
export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
    // XML 1.0 forbids most C0 controls even escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/**
 * Places as KML 2.2 (OGC 07-147r2) for Google Earth, QGIS and ArcGIS: one
 * Placemark per place with coordinates, styled by its current control status,
 * with the status, side and counts as ExtendedData (fields in QGIS's attribute
 * table) and its claims (contradicted ones first, then the newest), each linked to where it can be read,
 * in its description.
 */
export function toLedgerKml(s: LedgerSnapshot, options: ExportOptions = {}): string {
  const claimsAt = new Map<string, LedgerClaim[]>();
  for (const c of sortedClaims(s.claims)) {
    const place = c.claim.args.find((a) => a.role === 'place')?.key;
    if (place) claimsAt.set(place, [...(claimsAt.get(place) ?? []), c]);
  }
  const contradicted = new Set(s.contradictions.flatMap((x) => [claimRefKey(x.a.doc, x.a.claim), claimRefKey(x.b.doc, x.b.claim)]));
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    '<Document>',
    '<name>counterclaim ledger</name>',
    '<description>Places with their control status as the ledger\'s claims state it; each claim names its source and side.</description>',
  ];
  for (const [state, colour] of Object.entries(STATE_COLOURS)) {
    lines.push(`<Style id="${state}"><IconStyle><color>${colour}</color></IconStyle></Style>`);
  }
  for (const p of placeSummaries(s)) {
    const t = p.timeline;
    if (t.lat === null || t.lon === null) continue;
    // Contradicted claims first (what a reader of the map most needs to see), then the newest.
    const rank = (c: LedgerClaim): string => `${contradicted.has(claimRefKey(c.doc, c.claim.id)) ? 1 : 0}${claimDate(c) ?? ''}`;
    const claims = [...(claimsAt.get(t.place) ?? [])].sort((a, b) => (rank(b) < rank(a) ? -1 : rank(b) > rank(a) ? 1 : 0));
    const items = claims.slice(0, CLAIMS_PER_PLACEMARK).map((c) => {
      const url = claimPageUrl(c, options);
      const who = `${c.source.name} (${c.claim.side}${c.outlet ? `, ${c.outlet}` : ''}), ${claimDate(c) ?? 'undated'}`;
      const mark = contradicted.has(claimRefKey(c.doc, c.claim.id)) ? ' [contradicted]' : '';
      const words = `“${claimSentence(c)}”`;
      return `<li>${xmlEscape(who)}${mark}: ${url ? `<a href="${xmlEscape(url)}">${xmlEscape(words)}</a>` : xmlEscape(words)}</li>`;
    });
    const more = claims.length > CLAIMS_PER_PLACEMARK ? `<p>and ${claims.length - CLAIMS_PER_PLACEMARK} more claims</p>` : '';
    const status = `${p.status}${p.by ? ` (${p.by})` : ''}${p.denied ? ', denied' : ''}${p.since ? ` since ${p.since}` : ''}`;
    const html = `<p><b>${xmlEscape(status)}</b>${p.why ? `: ${xmlEscape(p.why)}` : ''}</p><ul>${items.join('')}</ul>${more}`;
    const data: Array<[string, string | number | null]> = [
      ['place', t.place], ['status', p.status], ['by', p.by], ['denied', String(p.denied)], ['since', p.since],
      ['country', t.country], ['admin1', t.admin1], ['claims', p.claims],
      ...Object.entries(p.claimsBySide).map(([side, n]): [string, number] => [`claims_${side}`, n]), ['contradictions', p.contradictions],
    ];
    const [lon, lat] = position(t.lon, t.lat);
    lines.push(
      `<Placemark id="${xmlEscape(t.place.replace(/[^A-Za-z0-9_.-]/g, '_'))}">`,
      // Children in the order the KML 2.2 schema gives them: name, description, TimePrimitive, styleUrl, ExtendedData, Geometry.
      `<name>${xmlEscape(t.label)}</name>`,
      // CDATA keeps the HTML readable; "]]>" inside it would end it early.
      `<description><![CDATA[${html.replace(/]]>/g, ']]]]><![CDATA[>')}]]></description>`,
      ...(p.since ? [`<TimeStamp><when>${xmlEscape(p.since)}</when></TimeStamp>`] : []),
      `<styleUrl>#${STATE_COLOURS[p.status] ? p.status : 'unknown'}</styleUrl>`,
      '<ExtendedData>',
      ...data.filter(([, v]) => v !== null).map(([k, v]) => `<Data name="${xmlEscape(k)}"><value>${xmlEscape(String(v))}</value></Data>`),
      '</ExtendedData>',
      `<Point><coordinates>${lon},${lat}</coordinates></Point>`,
      '</Placemark>',
    );
  }
  lines.push('</Document>', '</kml>');
  return `${lines.join('\n')}\n`;
}
