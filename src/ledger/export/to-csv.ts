import type { Predicate } from '../../model/index.js';
import { readableProposition, type LedgerClaim } from '../ledger-claim.js';
import { actorName, claimDate, sortedClaims, type LedgerSnapshot } from './ledger-snapshot.js';

/** ACLED's column names where they apply (ACLED Codebook 2023), then ours. */
export const CSV_COLUMNS = [
  'event_date', 'time_precision', 'event_type', 'sub_event_type', 'actor1', 'actor2', 'country', 'admin1', 'location',
  'latitude', 'longitude', 'geo_precision', 'source', 'notes', 'fatalities',
  'claim_id', 'proposition', 'predicate', 'side', 'stance', 'polarity', 'modality', 'evidence_grade', 'doc_id', 'span',
] as const;

/**
 * ACLED event type and sub-event type of each predicate. A claim is not an
 * event: the row says what the claim says happened; `polarity` and
 * `modality` say whether it is asserted, denied or only intended.
 */
export const ACLED_TYPES: Readonly<Record<Predicate, readonly [string, string]>> = {
  attacked: ['Battles', 'Armed clash'], repelled: ['Battles', 'Armed clash'], encircled: ['Battles', 'Armed clash'],
  advanced: ['Battles', 'Armed clash'], captured: ['Battles', 'Armed clash'], casualties: ['Battles', 'Armed clash'],
  struck: ['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  withdrew: ['Strategic developments', 'Other'], deployed: ['Strategic developments', 'Other'], surrendered: ['Strategic developments', 'Other'],
  controls: ['Strategic developments', 'Other'], presence: ['Strategic developments', 'Other'], said: ['', ''],
};

/** Columns with numbers: never prefixed (a negative longitude must stay a number). */
const NUMERIC = new Set(['time_precision', 'latitude', 'longitude', 'geo_precision', 'fatalities']);

/**
 * One cell, RFC 4180 quoted; text cells starting with = + - @ (or a tab or
 * carriage return) are prefixed with ' so a spreadsheet does not run them as
 * formulas (OWASP, CSV injection).
 */
export function csvCell(value: string | number | null, numeric = false): string {
  let v = value === null ? '' : String(value);
  if (!numeric && /^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** ACLED time_precision: 1 a day, 2 a week or less, 3 longer. */
function timePrecision(c: LedgerClaim): number | null {
  const w = c.claim.about.window;
  if (!w) return null;
  const days = (Date.parse(w.end) - Date.parse(w.start)) / 86_400_000;
  return days < 1 ? 1 : days <= 7 ? 2 : 3;
}

/** ACLED geo_precision: 1 the place named, 2 a place inferred by context, 3 a region. */
function geoPrecision(c: LedgerClaim): number | null {
  const w = c.where;
  if (!w) return null;
  if (w.featureClass === 'A') return 3;
  return w.basis === 'stated' ? 1 : 2;
}

const arg = (c: LedgerClaim, ...roles: string[]) => roles.map((r) => c.claim.args.find((a) => a.role === r)).find(Boolean);

function row(c: LedgerClaim): Record<(typeof CSV_COLUMNS)[number], string | number | null> {
  const [eventType, subType] = ACLED_TYPES[c.claim.predicate];
  const a1 = c.claim.predicate === 'repelled' ? arg(c, 'attacker') : arg(c, 'actor', 'force', 'subject');
  const a2 = c.claim.predicate === 'repelled' ? arg(c, 'actor') : c.claim.predicate === 'encircled' ? arg(c, 'by') : arg(c, 'target');
  const count = arg(c, 'count')?.value ?? null;
  const killed = c.claim.predicate === 'casualties' && arg(c, 'kind')?.key === 'kind:killed' && c.claim.polarity === 'positive';
  const w = c.where ?? null;
  return {
    event_date: claimDate(c), time_precision: timePrecision(c), event_type: eventType, sub_event_type: subType,
    actor1: actorName(a1?.key, a1?.label), actor2: actorName(a2?.key, a2?.label),
    country: w?.country ?? null, admin1: w?.admin1 ?? null, location: w?.label ?? null,
    latitude: w?.lat ?? null, longitude: w?.lon ?? null, geo_precision: geoPrecision(c),
    source: c.outlet ? `${c.source.name}; ${c.outlet}` : c.source.name,
    notes: `${c.claim.polarity === 'negative' ? 'NOT ' : ''}${readableProposition(c.claim)}: ${(c.sentence ?? c.claim.text).replace(/\s+/g, ' ').trim()}`,
    fatalities: killed ? count : null,
    claim_id: c.claim.id, proposition: c.claim.proposition, predicate: c.claim.predicate, side: c.claim.side, stance: c.claim.stance,
    polarity: c.claim.polarity, modality: c.claim.modality, evidence_grade: c.claim.grade, doc_id: c.doc, span: `${c.claim.span[0]}-${c.claim.span[1]}`,
  };
}

/** One row per claim, CRLF line ends (RFC 4180), header first. */
export function toLedgerCsv(s: LedgerSnapshot): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const c of sortedClaims(s.claims)) {
    const r = row(c);
    lines.push(CSV_COLUMNS.map((col) => csvCell(r[col], NUMERIC.has(col))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
