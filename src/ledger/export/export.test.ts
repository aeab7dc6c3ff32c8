import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createPipeline, type Pipeline } from '../../read/pipeline.js';
import { loadResources } from '../../read/load-resources.js';
import { controlTimeline, findContradictions, ledgerClaimsOf, type LedgerClaim } from '../index.js';
import { parseCsv } from '../stance/index.js';
import { csvCell, CSV_COLUMNS, exportLedger, EXPORT_FORMATS, type LedgerSnapshot } from './index.js';

const SEED = readFileSync(fileURLToPath(new URL('../../../../shared/seed/pokrovsk.txt', import.meta.url)), 'utf8');
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

test('csvCell: RFC 4180 quoting and formula-injection guard on text cells only', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a, "b"'), '"a, ""b"""');
  assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  for (const s of ['+1', '-2', '@SUM(A1)', '\tx']) assert.ok(csvCell(s).replace(/^"/, '').startsWith("'"), s);
  assert.equal(csvCell(-37.5, true), '-37.5');
  assert.equal(csvCell(null), '');
});

test('csv: parses back to one row per claim with ACLED columns and our ids', async () => {
  const s = await seedSnapshot();
  const rows = parseCsv(exportLedger('csv', s));
  assert.deepEqual(rows[0], [...CSV_COLUMNS]);
  const body = rows.slice(1).filter((r) => r.length > 1);
  assert.equal(body.length, s.claims.length);
  const col = (r: string[], name: string): string => r[CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number])]!;
  const deployed = body.find((r) => col(r, 'predicate') === 'deployed')!;
  assert.equal(col(deployed, 'event_type'), 'Strategic developments');
  assert.equal(col(deployed, 'actor1'), 'Military Forces of RU');
  assert.equal(col(deployed, 'location'), 'Pokrovsk');
  assert.ok(Number(col(deployed, 'latitude')) > 48 && Number(col(deployed, 'longitude')) > 37);
  assert.equal(col(deployed, 'side'), 'RU');
  assert.match(col(deployed, 'span'), /^\d+-\d+$/);
  for (const r of body) assert.ok(!/^[=+\-@]/.test(col(r, 'notes')), 'no cell starts a formula');
});

test('csv: a hostile source name is neutralised', async () => {
  const s = await seedSnapshot();
  const hostile: LedgerClaim = { ...s.claims[0]!, source: { ...s.claims[0]!.source, name: '=cmd|" /C calc"!A0' } };
  const rows = parseCsv(exportLedger('csv', { ...s, claims: [hostile] }));
  assert.equal(rows[1]![CSV_COLUMNS.indexOf('source')], `'=cmd|" /C calc"!A0${hostile.outlet ? `; ${hostile.outlet}` : ''}`);
});

test('geojson: a FeatureCollection with Pokrovsk contested, [lon, lat]', async () => {
  const s = await seedSnapshot();
  const g = JSON.parse(exportLedger('geojson', s)) as { type: string; features: Array<{ geometry: { coordinates: number[] } | null; properties: Record<string, unknown> }> };
  assert.equal(g.type, 'FeatureCollection');
  const pokrovsk = g.features.find((f) => f.properties.name === 'Pokrovsk')!;
  assert.equal(pokrovsk.properties.status, 'contested');
  assert.ok(pokrovsk.geometry!.coordinates[0]! > 37 && pokrovsk.geometry!.coordinates[1]! > 48);
  assert.ok((pokrovsk.properties.claims as number) > 5);
  assert.equal(pokrovsk.properties.contradictions, 1);
});

test('plover: the 100 repelled attacks are a Russian ASSAULT of size 100 reported by Ukraine', async () => {
  const s = await seedSnapshot();
  const p = JSON.parse(exportLedger('plover', s)) as { events: Array<Record<string, unknown> & { claims: Array<{ side: string }> }> };
  const assault = p.events.find((e) => e.event_type === 'ASSAULT' && e.size === 100 && e.recipient === 'Military Forces of UA');
  assert.ok(assault, JSON.stringify(p.events.map((e) => [e.event_type, e.actor, e.recipient, e.size])));
  assert.equal(assault.actor, 'Military Forces of RU');
  assert.ok(assault.claims.every((c) => c.side === 'UA'));
  const mobilize = p.events.find((e) => e.event_type === 'MOBILIZE');
  assert.equal(mobilize?.size, 11000);
});

test('claimreview: JSON-LD with the encirclement contradicted by Syrskyi, author and url', async () => {
  const s = await seedSnapshot();
  const d = JSON.parse(exportLedger('claimreview', s)) as { '@context': string; '@graph': Array<Record<string, any>> };
  assert.equal(d['@context'], 'https://schema.org');
  const review = d['@graph'].find((r) => String(r.identifier).startsWith('contradiction:polarity:encircled'))!;
  assert.equal(review['@type'], 'ClaimReview');
  assert.equal(review.itemReviewed.author.name, "Russia's Defence Ministry");
  assert.match(review.reviewRating.alternateName, /^contradicted by Oleksandr Syrskyi \(UA\)/);
  assert.equal(review.url, 'https://example.org/pokrovsk');
  assert.ok(d['@graph'].some((r) => /^(corroborated by|claimed by)/.test(r.reviewRating.alternateName)));
});

test('json: claims, groups with corroboration, contradictions, timelines; every format deterministic under reordering', async () => {
  const s = await seedSnapshot();
  const j = JSON.parse(exportLedger('json', s)) as Record<string, any[]>;
  assert.equal(j.claims!.length, s.claims.length);
  assert.ok(j.groups!.some((g) => g.proposition.startsWith('encircled(') && g.corroboration.RU.supporting >= 1 && g.corroboration.UA.disputing === 1));
  assert.equal(j.contradictions!.length, s.contradictions.length);
  assert.ok(j.timelines!.length >= 1);
  const shuffled: LedgerSnapshot = { claims: [...s.claims].reverse(), contradictions: [...s.contradictions].reverse(), timelines: [...s.timelines].reverse() };
  for (const f of EXPORT_FORMATS) assert.equal(exportLedger(f, shuffled), exportLedger(f, s), f);
});
