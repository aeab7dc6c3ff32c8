import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { check as checkGeoJson } from '@placemarkio/check-geojson';
import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { parse as parseCsvStrict } from 'csv-parse/sync';
import jsonld from 'jsonld';
import { Ajv } from 'ajv';
import { createPipeline, type Pipeline } from '../../read/pipeline.js';
import { loadResources } from '../../read/load-resources.js';
import { controlTimeline, findContradictions, ledgerClaimsOf, type LedgerClaim } from '../index.js';
import { ACLED_COLUMNS, csvCell, CSV_COLUMNS, exportLedger, EXPORT_FORMATS, REVIEW_RATINGS, type LedgerSnapshot } from './index.js';

const SEED = readFileSync(fileURLToPath(new URL('../../../../shared/seed/pokrovsk.txt', import.meta.url)), 'utf8');
const PLOVER_GOLD = fileURLToPath(new URL('../../../../shared/data/plover/PLOVER_GSR_CAMEO.txt', import.meta.url));
let pipeline: Pipeline | null = null;
let cached: LedgerSnapshot | null = null;

/** The seed as a ledger snapshot, as the store would hand it to an export. */
async function seedSnapshot(): Promise<LedgerSnapshot> {
  if (cached) return cached;
  pipeline ??= createPipeline(await loadResources({ db: '/nonexistent/counterclaim.db' }));
  const doc = pipeline.read({ id: 'seed', text: SEED, meta: { title: 'Pokrovsk', outlet: 'Example News', url: 'https://example.org/pokrovsk', published: '2025-11-06', language: 'en', source: null }, diagnostics: [] });
  const claims = ledgerClaimsOf({ id: doc.id, published: '2025-11-06', outlet: 'Example News', url: 'https://example.org/pokrovsk', title: 'Pokrovsk', claims: doc.claims, entities: doc.entities, text: doc.text, sentences: doc.sentences, places: doc.places });
  const places = [...new Set(claims.flatMap((c) => (c.where ? [c.where.key] : [])))].sort();
  const timelines = places.map((key) => {
    const w = claims.find((c) => c.where?.key === key)!.where!;
    return { place: key, label: w.label, lat: w.lat, lon: w.lon, country: w.country, admin1: w.admin1, statuses: controlTimeline(claims, key) };
  }).filter((t) => t.statuses.length > 0);
  cached = { claims, contradictions: findContradictions(claims), timelines };
  return cached;
}

/** The snapshot as a store that kept no coordinates on its timeline rows hands it over (the bug behind issue 17). */
async function snapshotWithoutTimelineCoordinates(): Promise<LedgerSnapshot> {
  const s = await seedSnapshot();
  return { ...s, timelines: s.timelines.map((t) => ({ ...t, lat: null, lon: null, country: null, admin1: null })) };
}

// ACLED's export columns in ACLED's order, written out here from the codebook so a change to the exporter's list shows.
const ACLED_CODEBOOK_COLUMNS = 'event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1 assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region country admin1 admin2 admin3 location latitude longitude geo_precision source source_scale notes fatalities tags timestamp'.split(' ');

test('csvCell: RFC 4180 quoting and formula-injection guard on text cells only', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a, "b"'), '"a, ""b"""');
  assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  for (const s of ['+1', '-2', '@SUM(A1)', '\tx']) assert.ok(csvCell(s).replace(/^"/, '').startsWith("'"), s);
  assert.equal(csvCell(-37.5, true), '-37.5');
  assert.equal(csvCell(null), '');
});

test('csv: csv-parse reads ACLED\'s 31 columns in order, country names and ISO numbers, event types, no `said` rows', async () => {
  const s = await seedSnapshot();
  const text = exportLedger('csv', s);
  const header = (parseCsvStrict(text, { to_line: 1 }) as string[][])[0]!;
  assert.deepEqual(header.slice(0, 31), ACLED_CODEBOOK_COLUMNS);
  assert.deepEqual([...ACLED_COLUMNS], ACLED_CODEBOOK_COLUMNS);
  assert.deepEqual(header, [...CSV_COLUMNS]);
  // Strict parsing: every record has the header's column count, quotes are balanced, CRLF ends.
  const rows = parseCsvStrict(text, { columns: true, relax_column_count: false, record_delimiter: '\r\n' }) as Array<Record<string, string>>;
  const notSaid = s.claims.filter((c) => c.claim.predicate !== 'said');
  assert.ok(s.claims.some((c) => c.claim.predicate === 'said'), 'the seed has said claims to leave out');
  assert.equal(rows.length, notSaid.length);
  for (const r of rows) {
    assert.notEqual(r.predicate, 'said');
    assert.ok(r.event_type && r.sub_event_type && r.disorder_type, JSON.stringify(r));
    assert.match(r.event_date!, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(r.year, r.event_date!.slice(0, 4));
    assert.match(r.fatalities!, /^\d+$/);
    assert.ok(!/^[=+\-@]/.test(r.notes!), 'no cell starts a formula');
    assert.match(r.tags!, /^claimed by [A-Z]+/);
  }
  const deployed = rows.find((r) => r.predicate === 'deployed')!;
  assert.equal(deployed.event_type, 'Strategic developments');
  assert.equal(deployed.plover_event, 'MOBILIZE');
  assert.equal(deployed.actor1, 'Military Forces of Russia');
  assert.equal(deployed.inter1, '1');
  assert.equal(deployed.location, 'Pokrovsk');
  assert.equal(deployed.country, 'Ukraine');
  assert.equal(deployed.iso, '804');
  assert.equal(deployed.region, 'Europe');
  assert.match(deployed.event_id_cnty!, /^UKR-seed-/);
  assert.ok(Number(deployed.latitude) > 48 && Number(deployed.longitude) > 37);
  assert.equal(deployed.side, 'RU');
  assert.match(deployed.span!, /^\d+-\d+$/);
  const repelled = rows.find((r) => r.predicate === 'repelled');
  assert.equal(repelled?.event_type, 'Battles');
  assert.equal(repelled?.sub_event_type, 'Armed clash');
  assert.equal(repelled?.plover_event, 'ASSAULT');
});

test('csv: a hostile source name is neutralised', async () => {
  const s = await seedSnapshot();
  const base = s.claims.find((c) => c.claim.predicate !== 'said')!;
  const hostile: LedgerClaim = { ...base, source: { ...base.source, name: '=cmd|" /C calc"!A0' } };
  const rows = parseCsvStrict(exportLedger('csv', { ...s, claims: [hostile] }), { columns: true }) as Array<Record<string, string>>;
  assert.equal(rows[0]!.source, `'=cmd|" /C calc"!A0${hostile.outlet ? `; ${hostile.outlet}` : ''}`);
});

test('geojson: valid RFC 7946 (check-geojson), a Point for Pokrovsk, contested, flat properties', async () => {
  const s = await seedSnapshot();
  const text = exportLedger('geojson', s);
  const g = checkGeoJson(text) as unknown as { type: string; features: Array<{ geometry: { type: string; coordinates: number[] } | null; properties: Record<string, unknown> }> };
  assert.equal(g.type, 'FeatureCollection');
  assert.ok(g.features.length >= 1);
  for (const f of g.features) {
    assert.equal(f.geometry?.type, 'Point');
    for (const v of Object.values(f.properties)) assert.ok(v === null || typeof v !== 'object', 'no nested properties');
  }
  const pokrovsk = g.features.find((f) => f.properties.name === 'Pokrovsk')!;
  assert.equal(pokrovsk.properties.status, 'contested');
  assert.ok(pokrovsk.geometry!.coordinates[0]! > 37 && pokrovsk.geometry!.coordinates[1]! > 48, 'longitude first');
  assert.ok((pokrovsk.properties.claims as number) > 5);
  assert.ok((pokrovsk.properties.claims_RU as number) >= 1 && (pokrovsk.properties.claims_UA as number) >= 1);
  assert.equal(pokrovsk.properties.contradictions, 1);
});

test('geojson: timelines stored without coordinates take them from the claims about the place', async () => {
  const g = checkGeoJson(exportLedger('geojson', await snapshotWithoutTimelineCoordinates())) as unknown as { features: Array<{ geometry: { coordinates: number[] }; properties: Record<string, unknown> }> };
  const pokrovsk = g.features.find((f) => f.properties.name === 'Pokrovsk')!;
  assert.ok(pokrovsk.geometry.coordinates[0]! > 37 && pokrovsk.geometry.coordinates[1]! > 48);
  assert.equal(pokrovsk.properties.country, 'UA');
});

test('geojson: a place with no coordinates anywhere is listed as unplaced, never a null geometry', async () => {
  const s = await snapshotWithoutTimelineCoordinates();
  const g = checkGeoJson(exportLedger('geojson', { ...s, claims: s.claims.map((c) => ({ ...c, where: null })) })) as unknown as { features: unknown[]; unplaced: string[] };
  assert.equal(g.features.length, 0);
  assert.ok(g.unplaced.length >= 1);
});

type KmlFeatures = { features: Array<{ geometry: { type: string; coordinates?: unknown } | null; properties: Record<string, unknown> | null }> };

test('kml: well-formed KML that togeojson reads back to a Pokrovsk point with its status and linked claims', async () => {
  const s = await snapshotWithoutTimelineCoordinates();
  const text = exportLedger('kml', s, { baseUrl: 'https://ledger.example/' });
  const errors: string[] = [];
  const dom = new DOMParser({ onError: (level, message) => { if (level !== 'warning') errors.push(message); } }).parseFromString(text, 'text/xml');
  assert.deepEqual(errors, []);
  assert.equal(dom.documentElement?.namespaceURI, 'http://www.opengis.net/kml/2.2');
  // Children in the KML 2.2 schema's sequence (AbstractFeatureType, then PlacemarkType).
  const placemark = dom.getElementsByTagName('Placemark')[0]!;
  const order = Array.from(placemark.childNodes).filter((n) => n.nodeType === 1).map((n) => (n as unknown as Element).localName);
  assert.deepEqual(order, ['name', 'description', 'TimeStamp', 'styleUrl', 'ExtendedData', 'Point']);
  const fc = kmlToGeoJson(dom as unknown as Document) as unknown as KmlFeatures;
  checkGeoJson(JSON.stringify(fc));
  const pokrovsk = fc.features.find((f) => f.properties?.name === 'Pokrovsk')!;
  assert.equal(pokrovsk.geometry?.type, 'Point');
  const [lon, lat] = (pokrovsk.geometry as { coordinates: number[] }).coordinates;
  assert.ok(lon! > 37 && lat! > 48);
  assert.equal(pokrovsk.properties!.status, 'contested');
  assert.equal(pokrovsk.properties!.styleUrl, '#contested');
  const description = String((pokrovsk.properties!.description as { value?: string } | string | undefined) && typeof pokrovsk.properties!.description === 'object' ? (pokrovsk.properties!.description as { value: string }).value : pokrovsk.properties!.description);
  assert.match(description, /<a href="https:\/\/ledger\.example\/#\/doc\/seed\?claim=/);
  const contradicted = s.contradictions.find((x) => x.proposition.startsWith('encircled('))!;
  assert.ok(contradicted, 'the seed has the encirclement contradiction');
  assert.match(description, new RegExp(`claim=${encodeURIComponent(contradicted.a.claim).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">[^<]*</a>`));
  assert.match(description, /\[contradicted\]/);
});

test('kml: markup in a place name or claim cannot break the document', async () => {
  const s = await seedSnapshot();
  const evil = s.timelines.map((t) => ({ ...t, label: `${t.label} <b>&]]>"` }));
  const claims = s.claims.map((c) => ({ ...c, sentence: 'A ]]> B <script>x</script> & "q"' }));
  const errors: string[] = [];
  const dom = new DOMParser({ onError: (level, message) => { if (level !== 'warning') errors.push(message); } }).parseFromString(exportLedger('kml', { ...s, claims, timelines: evil }), 'text/xml');
  assert.deepEqual(errors, []);
  const fc = kmlToGeoJson(dom as unknown as Document) as unknown as KmlFeatures;
  assert.ok(fc.features.some((f) => f.properties?.name === 'Pokrovsk <b>&]]>"'));
});

/**
 * The PLOVER record format, written from the gold records in shared/data/plover
 * (which the test validates against it too): what each field holds, and that
 * nothing outside PLOVER's ontology appears as an event type.
 */
const actorList = { type: 'array', minItems: 1, items: { type: 'object', required: ['actorText', 'code'], properties: { actorText: { type: 'string', minLength: 1 }, code: { type: 'string', minLength: 1 }, sector: { type: 'string' } } } };
const PLOVER_EVENTS = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'DEMAND', 'ACCUSE', 'DISAPPROVE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT', 'FIGHT', 'INVESTIGATE'];
const PLOVER_RECORD = {
  type: 'object',
  required: ['id', 'date', 'event', 'eventText', 'text'],
  properties: {
    id: { type: 'string', minLength: 1 },
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    source: { anyOf: [actorList, { const: '' }, { type: 'null' }] },
    target: { anyOf: [actorList, { type: 'string' }, { type: 'null' }] },
    event: { enum: PLOVER_EVENTS },
    eventText: { type: 'string' },
    eventLoc: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 }, 'country code': { type: 'string', pattern: '^[A-Z]{2}$' } } },
    context: { type: 'string' },
    mode: { type: ['string', 'null'] },
    size: { type: 'string' }, dead: { type: 'string' }, injured: { type: 'string' },
    text: { type: 'string', minLength: 1 },
    language: { type: 'string' },
  },
};

test('plover: every event valid to the gold records\' format (ajv), the gold records too; FIGHT folded into ASSAULT', async () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(PLOVER_RECORD);
  const gold = (JSON.parse(readFileSync(PLOVER_GOLD, 'utf8')) as Array<Record<string, unknown>>).filter((r) => r.event !== 'DOCUMENT');
  for (const r of gold) assert.ok(validate(r), `gold ${String(r.id)}: ${JSON.stringify(validate.errors)}`);
  const events = JSON.parse(exportLedger('plover', await seedSnapshot())) as Array<Record<string, any>>;
  assert.ok(Array.isArray(events) && events.length > 0);
  for (const e of events) assert.ok(validate(e), `${String(e.id)}: ${JSON.stringify(validate.errors)}`);
  assert.ok(events.every((e) => e.event !== 'FIGHT'));
  const assault = events.find((e) => e.event === 'ASSAULT' && e.size === '100' && e.target?.[0]?.code === 'UKR');
  assert.ok(assault, JSON.stringify(events.map((e) => [e.event, e.source, e.target, e.size])));
  assert.deepEqual(assault.source, [{ actorText: assault.source[0].actorText, code: 'RUS', sector: 'MIL' }]);
  assert.equal(assault.target[0].sector, 'MIL');
  assert.equal(assault.eventLoc.name, 'Pokrovsk');
  assert.equal(assault.eventLoc['country code'], 'UA');
  assert.equal(assault.context, 'military');
  assert.ok(assault.claims.every((c: { side: string }) => c.side === 'UA'));
  assert.match(assault.text, /100/);
  const mobilize = events.find((e) => e.event === 'MOBILIZE');
  assert.equal(mobilize?.size, '11000');
  assert.equal(mobilize?.mode, 'troops');
});

/** schema.org terms as JSON-LD reads them, without fetching https://schema.org (nothing is downloaded in tests). */
const offlineLoader = async (url: string) => {
  if (url.replace(/\/$/, '') !== 'https://schema.org') throw new Error(`the test loads no context from ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: { '@context': { '@vocab': 'https://schema.org/' } } };
};

interface Review { '@type': string; url: string; claimReviewed: string; identifier: string; author: { name: string }; datePublished?: string; reviewRating: { ratingValue: number; bestRating: number; worstRating: number; alternateName: string }; itemReviewed: { '@type': string; author: { '@type': string; name: string }; appearance: { url?: string } } }

test('claimreview: JSON-LD that jsonld expands, with Google\'s required and recommended properties on every review', async () => {
  const s = await seedSnapshot();
  for (const options of [{}, { baseUrl: 'https://ledger.example' }]) {
    const text = exportLedger('claimreview', s, options);
    const expanded = await jsonld.expand(JSON.parse(text), { documentLoader: offlineLoader as never });
    assert.ok(expanded.length > 0);
    for (const node of expanded) assert.deepEqual(node['@type'], ['https://schema.org/ClaimReview']);
    const d = JSON.parse(text) as { '@context': string; '@graph': Review[] };
    assert.equal(d['@context'], 'https://schema.org');
    for (const r of d['@graph']) {
      assert.match(r.url, /^https:\/\//);
      assert.ok(!/^[a-z]+\(/.test(r.claimReviewed), `a sentence, not predicate notation: ${r.claimReviewed}`);
      assert.match(r.claimReviewed, /^[A-Z"“'‘(\d].*\S$/s);
      assert.ok(r.author.name);
      const { ratingValue, bestRating, worstRating, alternateName } = r.reviewRating;
      assert.ok(worstRating <= ratingValue && ratingValue <= bestRating && alternateName, JSON.stringify(r.reviewRating));
      assert.equal(r.itemReviewed['@type'], 'Claim');
      assert.ok(r.itemReviewed.author.name);
      assert.match(r.datePublished ?? '', /^\d{4}-\d{2}-\d{2}$/);
    }
    const contradiction = d['@graph'].find((r) => String(r.identifier).startsWith('contradiction:polarity:encircled'))!;
    assert.equal(contradiction.itemReviewed.author.name, "Russia's Defence Ministry");
    assert.equal(contradiction.reviewRating.ratingValue, REVIEW_RATINGS.contradicted);
    assert.match(contradiction.reviewRating.alternateName, /^contradicted by Oleksandr Syrskyi \(UA\)/);
    assert.match(contradiction.claimReviewed, /encircl/);
    assert.equal(contradiction.itemReviewed.appearance.url, 'https://example.org/pokrovsk');
    if ('baseUrl' in options) assert.match(contradiction.url, /^https:\/\/ledger\.example\/#\/doc\/seed\?claim=[^&]+$/);
    else assert.equal(contradiction.url, 'https://example.org/pokrovsk');
    assert.ok(d['@graph'].some((r) => /^(corroborated by|claimed by)/.test(r.reviewRating.alternateName)));
  }
});

test('claimreview: a claim with no page and no article URL is left out rather than reviewed without the required url', async () => {
  const s = await seedSnapshot();
  const d = JSON.parse(exportLedger('claimreview', { ...s, claims: s.claims.map((c) => ({ ...c, url: null })) })) as { '@graph': unknown[] };
  assert.equal(d['@graph'].length, 0);
});

test('json: claims, groups with corroboration, contradictions, timelines; every format deterministic under reordering', async () => {
  const s = await seedSnapshot();
  const j = JSON.parse(exportLedger('json', s)) as Record<string, any[]>;
  assert.equal(j.claims!.length, s.claims.length);
  assert.ok(j.groups!.some((g) => g.proposition.startsWith('encircled(') && g.corroboration.RU.supporting >= 1 && g.corroboration.UA.disputing === 1));
  assert.equal(j.contradictions!.length, s.contradictions.length);
  assert.ok(j.timelines!.length >= 1);
  const shuffled: LedgerSnapshot = { claims: [...s.claims].reverse(), contradictions: [...s.contradictions].reverse(), timelines: [...s.timelines].reverse() };
  for (const f of EXPORT_FORMATS) assert.equal(exportLedger(f, shuffled, { baseUrl: 'https://ledger.example/' }), exportLedger(f, s, { baseUrl: 'https://ledger.example/' }), f);
});
