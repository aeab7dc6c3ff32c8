import type { ClaimArg } from '../../model/index.js';
import { readableProposition, type LedgerClaim } from '../ledger-claim.js';
import { countryCodes } from './country-codes.js';
import { actorName, claimDate, claimSentence, sortedClaims, type LedgerSnapshot } from './ledger-snapshot.js';
import { PLOVER_TYPES } from './to-plover.js';

/** ACLED's columns, in the order of its data export (ACLED Codebook 2023). */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;

/** Ours, after ACLED's: the claim behind the row and how far it goes. */
export const LEDGER_COLUMNS = [
  'claim_id', 'proposition', 'predicate', 'plover_event', 'side', 'stance', 'polarity', 'modality', 'evidence_grade', 'doc_id', 'span',
] as const;

export const CSV_COLUMNS = [...ACLED_COLUMNS, ...LEDGER_COLUMNS] as const;
type Column = (typeof CSV_COLUMNS)[number];

/**
 * ACLED disorder type, event type and sub-event type of a claim, from its
 * PLOVER event (to-plover.ts): an ASSAULT with explosives is ACLED's shelling,
 * any other ASSAULT an armed clash; a RETREAT hands territory over without a
 * fight; MOBILIZE and the states a claim can assert (control, presence) are
 * strategic developments. `said` has no ACLED type: such claims are left out.
 */
export function acledType(c: LedgerClaim): readonly [string, string, string] | null {
  const plover = PLOVER_TYPES[c.claim.predicate];
  if (c.claim.predicate === 'said') return null;
  if (plover?.type === 'ASSAULT') {
    return plover.mode === 'explosives'
      ? ['Political violence', 'Explosions/Remote violence', 'Shelling/artillery/missile attack']
      : ['Political violence', 'Battles', 'Armed clash'];
  }
  if (c.claim.predicate === 'withdrew') return ['Strategic developments', 'Strategic developments', 'Non-violent transfer of territory'];
  return ['Strategic developments', 'Strategic developments', 'Other'];
}

/** Columns with numbers: never prefixed (a negative longitude must stay a number). */
const NUMERIC = new Set<string>(['year', 'time_precision', 'inter1', 'inter2', 'interaction', 'iso', 'latitude', 'longitude', 'geo_precision', 'fatalities', 'timestamp']);

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

/** ACLED inter code (2023 codebook): 1 state forces (a country's military), 2 rebel groups, 0 none; unknown kinds null. */
function interCode(arg: ClaimArg | undefined): number | null {
  if (!arg) return 0;
  if (arg.key.startsWith('force:')) return countryCodes(arg.key.slice('force:'.length)) ? 1 : 2;
  return null;
}

const arg = (c: LedgerClaim, ...roles: string[]) => roles.map((r) => c.claim.args.find((a) => a.role === r)).find(Boolean);

function row(c: LedgerClaim, types: readonly [string, string, string]): Record<Column, string | number | null> {
  const [disorder, eventType, subType] = types;
  const p = c.claim.predicate;
  const a1 = p === 'repelled' ? arg(c, 'attacker') : p === 'encircled' ? arg(c, 'by') : arg(c, 'actor', 'force', 'subject');
  const a2 = p === 'repelled' ? arg(c, 'actor') : p === 'encircled' ? arg(c, 'force') : arg(c, 'target');
  const count = arg(c, 'count')?.value ?? null;
  const killed = p === 'casualties' && arg(c, 'kind')?.key === 'kind:killed' && c.claim.polarity === 'positive' && c.claim.modality === 'asserted';
  const w = c.where ?? null;
  const country = countryCodes(w?.country);
  const date = claimDate(c);
  const i1 = interCode(a1);
  const i2 = interCode(a2);
  const published = c.published ? Date.parse(c.published) : Number.NaN;
  const plover = PLOVER_TYPES[p];
  return {
    event_id_cnty: `${country?.iso3 ?? 'XXX'}-${c.doc}-${c.claim.id}`, event_date: date, year: date ? Number(date.slice(0, 4)) : null,
    time_precision: timePrecision(c), disorder_type: disorder, event_type: eventType, sub_event_type: subType,
    actor1: actorName(a1?.key, a1?.label), assoc_actor_1: null, inter1: i1,
    actor2: actorName(a2?.key, a2?.label), assoc_actor_2: null, inter2: i2,
    interaction: i1 === null || i2 === null ? null : i2 === 0 ? i1 * 10 : Math.min(i1, i2) * 10 + Math.max(i1, i2),
    civilian_targeting: null,
    iso: country?.numeric ?? null, region: country?.region ?? null, country: country?.name ?? w?.country ?? null,
    admin1: w?.admin1 ?? null, admin2: null, admin3: null, location: w?.label ?? null,
    latitude: w?.lat ?? null, longitude: w?.lon ?? null, geo_precision: geoPrecision(c),
    source: c.outlet ? `${c.source.name}; ${c.outlet}` : c.source.name, source_scale: null,
    notes: `${c.claim.polarity === 'negative' ? 'NOT ' : ''}${readableProposition(c.claim)}: ${claimSentence(c)}`,
    fatalities: killed ? count ?? 0 : 0,
    // What ACLED's rows are not: a claim by one side, maybe denied or only intended.
    tags: [`claimed by ${c.claim.side}`, c.claim.polarity === 'negative' ? 'denied' : null, c.claim.modality !== 'asserted' ? c.claim.modality : null,
      `evidence: ${c.claim.grade}`, plover ? null : 'a state, not an event'].filter((t): t is string => t !== null).join('; '),
    timestamp: Number.isNaN(published) ? null : Math.floor(published / 1000),
    claim_id: c.claim.id, proposition: c.claim.proposition, predicate: p, plover_event: plover?.type ?? null, side: c.claim.side, stance: c.claim.stance,
    polarity: c.claim.polarity, modality: c.claim.modality, evidence_grade: c.claim.grade, doc_id: c.doc, span: `${c.claim.span[0]}-${c.claim.span[1]}`,
  };
}

/**
 * ACLED's 31 columns in ACLED's order, then ours (LEDGER_COLUMNS): one row per
 * claim that reports an event or a state; `said` claims (no ACLED type) are
 * left out. `tags` marks what ACLED rows never are (a claim by one side,
 * denied, only intended). CRLF line ends (RFC 4180), header first.
 */
export function toLedgerCsv(s: LedgerSnapshot): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const c of sortedClaims(s.claims)) {
    const types = acledType(c);
    if (!types) continue;
    const r = row(c, types);
    lines.push(CSV_COLUMNS.map((col) => csvCell(r[col], NUMERIC.has(col))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
