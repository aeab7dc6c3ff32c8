import type { ClaimArg, Predicate } from '../../model/index.js';
import { groupClaims } from '../group-claims.js';
import type { LedgerClaim } from '../ledger-claim.js';
import { countryCodes } from './country-codes.js';
import { claimDate, claimSentence, sortedClaims, type LedgerSnapshot } from './ledger-snapshot.js';

/**
 * PLOVER event type (and mode, where the predicate says one) of each predicate
 * that reports an event (PLOVER manual, openeventdata/PLOVER). The 2024 manual
 * folds FIGHT into ASSAULT, so every use of force is an ASSAULT: repelled
 * attacks are the attackers' ASSAULT, a capture an ASSAULT that occupies its
 * place. States (controls, presence) and `said` are not events.
 */
export const PLOVER_TYPES: Readonly<Partial<Record<Predicate, { readonly type: string; readonly mode: string | null }>>> = {
  attacked: { type: 'ASSAULT', mode: null }, repelled: { type: 'ASSAULT', mode: null }, struck: { type: 'ASSAULT', mode: 'explosives' },
  captured: { type: 'ASSAULT', mode: 'occupy' }, encircled: { type: 'ASSAULT', mode: null }, advanced: { type: 'ASSAULT', mode: null },
  casualties: { type: 'ASSAULT', mode: null }, withdrew: { type: 'RETREAT', mode: null }, surrendered: { type: 'RETREAT', mode: 'surrender' },
  deployed: { type: 'MOBILIZE', mode: 'troops' },
};

/** A PLOVER actor as the gold records write it: the words, a CAMEO/ISO 3166 alpha-3 country code, a sector (MIL: armed forces). */
export interface PloverActor {
  readonly actorText: string;
  readonly code: string;
  readonly sector?: string;
}

const argOf = (c: LedgerClaim, ...roles: string[]): ClaimArg | undefined => roles.map((r) => c.claim.args.find((a) => a.role === r)).find(Boolean);

/**
 * An argument as a PLOVER actor: the forces of a side (`force:RU`) are that
 * country's military (code RUS, sector MIL); a side that is no country
 * (HAMAS, RSF) keeps its own name as code, as CAMEO does for non-state groups;
 * an actor whose side the claim does not say is coded `---` (CAMEO: unknown).
 */
export function ploverActor(arg: ClaimArg | undefined): PloverActor | null {
  if (!arg) return null;
  if (arg.key.startsWith('force:')) {
    const side = arg.key.slice('force:'.length);
    return { actorText: arg.label, code: countryCodes(side)?.iso3 ?? side, sector: 'MIL' };
  }
  return { actorText: arg.label, code: '---' };
}

/** The roles that play PLOVER's source (who acts) and target (who it is done to) for each predicate. */
function roles(predicate: Predicate): { source: readonly string[]; target: readonly string[] } {
  switch (predicate) {
    case 'repelled': return { source: ['attacker'], target: ['actor'] };
    case 'encircled': return { source: ['by'], target: ['force'] };
    case 'casualties': return { source: [], target: ['actor'] }; // the actor is who suffered them
    default: return { source: ['actor', 'force', 'subject'], target: ['target'] };
  }
}

/**
 * PLOVER JSON in the format of the project's gold records (a JSON array of
 * events: `id`, `date`, `source` / `target` lists of `{actorText, code,
 * sector}`, `event`, `eventText`, `eventLoc`, `context`, `mode`, `size`,
 * `dead`, `injured` as strings, `text`, `language`, `publication`): one event
 * per claim group (same proposition, overlapping times), from its first
 * asserted positive claim. What the gold records cannot say is added under
 * names of ours: `reported` (corroborated, or claimed by one side only),
 * `window`, `corroboration`, and `claims`, the claims reporting it.
 */
export function toLedgerPlover(s: LedgerSnapshot): string {
  const events = groupClaims(sortedClaims(s.claims).filter((c) => PLOVER_TYPES[c.claim.predicate])).map((g) => {
    const first = g.claims.find((c) => c.claim.polarity === 'positive' && c.claim.modality === 'asserted') ?? g.claims[0]!;
    const code = PLOVER_TYPES[first.claim.predicate]!;
    const r = roles(first.claim.predicate);
    const source = ploverActor(argOf(first, ...r.source));
    const target = ploverActor(argOf(first, ...r.target));
    const sizes = g.claims.map((c) => argOf(c, 'count')?.value).filter((v): v is number => typeof v === 'number');
    const kind = argOf(first, 'kind')?.key;
    const count = sizes.length ? String(Math.min(...sizes)) : null;
    const asserting = new Set(g.claims.filter((c) => c.claim.polarity === 'positive' && c.claim.modality === 'asserted').map((c) => c.claim.side));
    const independent = g.claims.some((c) => c.claim.grade === 'independent' || c.claim.grade === 'admission');
    const where = first.where ?? null;
    const casualties = first.claim.predicate === 'casualties';
    return {
      id: `counterclaim-${code.type}-${g.proposition}@${g.window?.start ?? 'undated'}`,
      date: claimDate(first),
      ...(source ? { source: [source] } : {}),
      ...(target ? { target: [target] } : {}),
      event: code.type,
      eventText: first.claim.trigger.text,
      ...(where ? { eventLoc: { name: where.label, ...(where.country ? { 'country code': where.country } : {}), lat: where.lat, lon: where.lon, place: where.key } } : {}),
      context: 'military',
      ...(code.mode ? { mode: code.mode } : {}),
      ...(count !== null && !casualties ? { size: count } : {}),
      ...(count !== null && casualties && kind === 'kind:killed' ? { dead: count } : {}),
      ...(count !== null && casualties && kind === 'kind:wounded' ? { injured: count } : {}),
      text: claimSentence(first),
      language: 'en',
      ...(first.outlet ? { publication: first.outlet } : {}),
      reported: independent || asserting.size > 1 ? 'corroborated' : 'claimed',
      window: g.window,
      corroboration: g.corroboration,
      claims: g.claims.map((c) => ({
        doc: c.doc, claim: c.claim.id, source: c.source.name, side: c.claim.side, polarity: c.claim.polarity, modality: c.claim.modality,
        grade: c.claim.grade, stated: c.claim.statedAt.value, text: c.claim.text,
      })),
    };
  });
  return `${JSON.stringify(events, null, 2)}\n`;
}
