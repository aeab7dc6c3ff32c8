import type { Claim, Entity, EntityKind, PlaceMention, Side } from '../model/index.js';

/** The document facts a ledger claim needs (a LedgerDocument or AnalyzedDocument fits). */
export interface ClaimDocument {
  readonly id: string;
  readonly published: string | null;
  readonly outlet: string | null;
  readonly url?: string | null;
  readonly title?: string | null;
  /** With its sentences, each claim keeps the sentence it was read from (for `check` and exports). */
  readonly text?: string;
  readonly sentences?: readonly { readonly span: readonly [number, number] }[];
  /** With its place mentions, each claim keeps where its place argument is (for CSV and GeoJSON exports). */
  readonly places?: readonly Pick<PlaceMention, 'id' | 'lat' | 'lon' | 'country' | 'admin1' | 'featureClass'>[];
  readonly duplicateOf?: { readonly id: string } | null;
  readonly claims: readonly Claim[];
  readonly entities: readonly Entity[];
}

/** A source merged across documents: one key per ministry, person or unit. */
export interface LedgerSource {
  readonly key: string;
  readonly name: string;
  readonly kind: EntityKind | 'outlet';
  readonly side: Side;
}

/** A claim in the ledger: the claim item, its document, and its source merged across documents. */
export interface LedgerClaim {
  readonly doc: string;
  readonly published: string | null;
  readonly outlet: string | null;
  /** The document's URL and title, where known (absent in ledgers stored before they were kept). */
  readonly url?: string | null;
  readonly title?: string | null;
  /** The sentence the claim was read from, where the document's text was at hand. */
  readonly sentence?: string;
  /** The claim's place argument with its coordinates, where the document's places were at hand. */
  readonly where?: ClaimPlace | null;
  /** The original of which the claim's document is a near-duplicate copy, else the document itself. */
  readonly root: string;
  readonly claim: Claim;
  readonly source: LedgerSource;
}

/** Where a claim is: its place argument and what the gazetteer says of it. */
export interface ClaimPlace {
  readonly key: string;
  readonly label: string;
  readonly basis: 'stated' | 'inferred';
  readonly lat: number | null;
  readonly lon: number | null;
  readonly country: string | null;
  readonly admin1: string | null;
  readonly featureClass: string | null;
}

/**
 * The key an entity is merged on across documents: the actor dictionary key,
 * else its normalised name with kind and side ("the same ministry, person or
 * unit gets one id").
 *
 * @example entityKey({ key: 'ru-mod', ... }) // => 'actor:ru-mod'
 */
export function entityKey(e: Pick<Entity, 'key' | 'name' | 'kind' | 'side'>): string {
  if (e.key) return `actor:${e.key}`;
  const name = e.name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, "'").replace(/[^\p{L}\p{N}']+/gu, '-').replace(/^-|-$/g, '');
  return `${e.kind}:${e.side}:${name}`;
}

/** The ledger claims of one document, with sources merged (unnamed sources by side; the reporter's voice by outlet or document). */
export function ledgerClaimsOf(doc: ClaimDocument): LedgerClaim[] {
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const root = doc.duplicateOf?.id ?? doc.id;
  const sentenceOf = (claim: Claim): string | undefined => {
    if (doc.text === undefined || !doc.sentences) return undefined;
    const s = doc.sentences.find((x) => x.span[0] <= claim.span[0] && claim.span[0] < x.span[1]);
    return s ? doc.text.slice(s.span[0], Math.max(s.span[1], Math.min(claim.span[1], doc.text.length))) : undefined;
  };
  const placeItems = new Map((doc.places ?? []).map((p) => [p.id, p]));
  const whereOf = (claim: Claim): ClaimPlace | null => {
    const arg = claim.args.find((a) => a.role === 'place');
    if (!arg) return null;
    const p = arg.item ? placeItems.get(arg.item) : undefined;
    return { key: arg.key, label: arg.label, basis: arg.basis, lat: p?.lat ?? null, lon: p?.lon ?? null, country: p?.country ?? null, admin1: p?.admin1 ?? null, featureClass: p?.featureClass ?? null };
  };
  return doc.claims.map((claim) => {
    const entity = claim.source ? entities.get(claim.source) : undefined;
    let source: LedgerSource;
    if (entity) source = { key: entityKey(entity), name: entity.name, kind: entity.kind, side: claim.side };
    else if (claim.voice === 'reporter') source = { key: doc.outlet ? `outlet:${doc.outlet.toLowerCase()}` : `doc:${root}`, name: doc.outlet ?? 'reporter', kind: 'outlet', side: claim.side };
    else source = { key: `unnamed:${claim.side}:${root}`, name: `unnamed ${claim.side} source`, kind: 'unnamed', side: claim.side };
    const sentence = sentenceOf(claim);
    return {
      doc: doc.id, published: doc.published, outlet: doc.outlet, url: doc.url ?? null, title: doc.title ?? null,
      ...(sentence === undefined ? {} : { sentence }), ...(doc.places ? { where: whereOf(claim) } : {}), root, claim, source,
    };
  });
}

/** A short name for a source in one-line explanations ("Russia's Defence Ministry" -> as is; sides as "RU"). */
export function sourceLabel(s: LedgerSource): string {
  return s.kind === 'outlet' ? `${s.name} (reporter)` : s.name;
}

/** A proposition as a reader writes it, its identifying arguments by label: "encircled(UA forces, Pokrovsk)". */
export function readableProposition(c: Claim): string {
  const inner = c.proposition.slice(c.proposition.indexOf('(') + 1, -1);
  const keys = c.predicate === 'said' ? c.args.map((a) => a.key) : inner.split(',');
  const label = (key: string): string => {
    const arg = c.args.find((a) => a.key === key);
    if (!arg) return '?';
    return arg.role === 'object' ? `"${arg.label.replace(/\s+/g, ' ').slice(0, 60)}"` : arg.label;
  };
  const site = c.args.find((a) => a.role === 'site');
  return `${c.predicate}(${keys.map(label).join(', ')})${site ? ` at ${site.label}` : ''}`;
}
