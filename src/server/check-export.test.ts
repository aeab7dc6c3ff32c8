import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from './app.js';
import { analysedExample, temporaryStore } from './testing/fixture.js';

let app: Hono;
let dispose: () => Promise<void>;

before(async () => {
  const t = await temporaryStore([await analysedExample()]);
  dispose = t.dispose;
  app = createApp({ store: t.store });
});
after(async () => dispose());

const decisions = (body: any, decision: string) => body.matches.filter((m: any) => m.decision === decision);
const who = (m: any) => `${m.claim.source.name} (${m.claim.claim.side})`;

describe('/api/check on the bundled example (real pipeline and stance model)', () => {
  test('"Ukrainian troops are encircled in Pokrovsk": the RU claims support it, Syrskyi\'s denial contradicts it', async () => {
    const res = await app.request(`/api/check?q=${encodeURIComponent('Ukrainian troops are encircled in Pokrovsk')}`);
    assert.equal(res.status, 200);
    const body = await res.json() as any;
    assert.deepEqual(body.propositions.map((p: any) => p.proposition), ['encircled(force:UA,geonames:704422)']);
    const supports = decisions(body, 'supports').filter((m: any) => m.basis === 'proposition');
    const contradicts = decisions(body, 'contradicts').filter((m: any) => m.basis === 'proposition');
    assert.ok(supports.length > 0 && supports.every((m: any) => m.claim.claim.side === 'RU'), supports.map(who).join(', '));
    assert.ok(contradicts.some((m: any) => /Syrskyi/.test(m.claim.source.name)), contradicts.map(who).join(', '));
    // Every match carries what the UI links with: the document, the attribution, the sentence and the claim in words.
    for (const m of body.matches) {
      assert.match(m.claim.doc, /^[0-9a-f]{64}$/);
      assert.equal(typeof m.claim.readable, 'string');
      assert.ok(m.claim.sentence || m.claim.claim.text);
    }
  });

  test('POST {claim} answers as GET ?q= does', async () => {
    const q = 'Ukrainian troops are encircled in Pokrovsk';
    const get = await (await app.request(`/api/check?q=${encodeURIComponent(q)}&limit=5`)).json();
    const post = await app.request('/api/check', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ claim: q, limit: 5 }) });
    assert.equal(post.status, 200);
    assert.deepEqual(await post.json(), get);
  });

  test('POST rejects other media types, unknown fields, bad JSON and large bodies with the one error shape', async () => {
    const cases: Array<[RequestInit, number, string]> = [
      [{ body: 'claim=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported-media-type'],
      [{ body: JSON.stringify({ claim: 'x', extra: 1 }), headers: { 'Content-Type': 'application/json' } }, 400, 'bad-request'],
      [{ body: '{"claim":', headers: { 'Content-Type': 'application/json' } }, 400, 'bad-request'],
      [{ body: JSON.stringify({ claim: 'x'.repeat(20_000) }), headers: { 'Content-Type': 'application/json' } }, 413, 'payload-too-large'],
    ];
    for (const [init, status, code] of cases) {
      const res = await app.request('/api/check', { method: 'POST', ...init });
      assert.equal(res.status, status, JSON.stringify(init.body).slice(0, 40));
      assert.equal(((await res.json()) as any).error.code, code);
    }
  });

  test('"Russian forces encircled Ukrainian troops in Pokrovsk" (active voice): RU claims support, Syrskyi\'s denial contradicts', async () => {
    const body = await (await app.request(`/api/check?q=${encodeURIComponent('Russian forces encircled Ukrainian troops in Pokrovsk')}`)).json() as any;
    assert.ok(decisions(body, 'supports').some((m: any) => m.claim.claim.side === 'RU'));
    assert.ok(decisions(body, 'contradicts').some((m: any) => /Syrskyi/.test(m.claim.source.name)));
  });
});

describe('/api/export/{format}', () => {
  const expected: Record<string, [RegExp, string]> = {
    json: [/^application\/json/, '.json'],
    csv: [/^text\/csv/, '.csv'],
    geojson: [/^application\/geo\+json/, '.geojson'],
    kml: [/^application\/vnd\.google-earth\.kml\+xml/, '.kml'],
    plover: [/^application\/json/, '.plover.json'],
    claimreview: [/^application\/ld\+json/, '.claimreview.jsonld'],
  };
  for (const [format, [type, ext]] of Object.entries(expected)) {
    test(`${format}: its media type, an attachment with a safe file name, and what \`counterclaim export\` writes`, async () => {
      const res = await app.request(`/api/export/${format}?place=geonames-704422`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type')!, type);
      assert.equal(res.headers.get('content-disposition'), `attachment; filename="counterclaim-geonames-704422${ext}"`);
      const text = await res.text();
      if (format === 'csv') assert.match(text.split('\n')[0]!, /^event_id_cnty,event_date,/);
      else if (format === 'kml') assert.match(text, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<kml xmlns="http:\/\/www\.opengis\.net\/kml\/2\.2">[\s\S]*<Placemark/);
      else assert.doesNotThrow(() => JSON.parse(text));
    });
  }

  test('filters: side and since narrow the claims; a place with nothing gives an empty but valid export', async () => {
    const all = JSON.parse(await (await app.request('/api/export/json')).text());
    const ua = JSON.parse(await (await app.request('/api/export/json?side=UA')).text());
    assert.ok(all.claims.length > ua.claims.length && ua.claims.length > 0);
    assert.ok(ua.claims.every((c: any) => c.claim.side === 'UA'));
    const later = JSON.parse(await (await app.request('/api/export/json?since=2030-01-01')).text());
    assert.equal(later.claims.length, 0);
    const none = await app.request('/api/export/geojson?place=name-atlantis');
    assert.equal(none.status, 200);
    assert.deepEqual(JSON.parse(await none.text()).features, []);
  });

  test('the size is bounded: limit caps the claims and the response says it was cut', async () => {
    const res = await app.request('/api/export/json?limit=2');
    assert.equal(res.headers.get('x-counterclaim-claims'), '2');
    assert.equal(res.headers.get('x-counterclaim-truncated'), 'true');
    assert.equal(JSON.parse(await res.text()).claims.length, 2);
  });

  test('geojson of the bundled example: a Point for Pokrovsk, from the stored timeline', async () => {
    const g = JSON.parse(await (await app.request('/api/export/geojson')).text()) as { features: Array<{ geometry: { type: string; coordinates: number[] } | null; properties: { name: string } }> };
    const pokrovsk = g.features.find((f) => f.properties.name === 'Pokrovsk');
    assert.equal(pokrovsk?.geometry?.type, 'Point');
    assert.ok(pokrovsk.geometry.coordinates[0]! > 37 && pokrovsk.geometry.coordinates[1]! > 48);
  });

  test('claimreview: each review\'s url is this server\'s page for the claim', async () => {
    const body = JSON.parse(await (await app.request('/api/export/claimreview?place=geonames-704422')).text()) as { '@graph': Array<{ url: string }> };
    assert.ok(body['@graph'].length > 0);
    for (const r of body['@graph']) assert.match(r.url, /^http:\/\/localhost\/#\/doc\/[^?]+\?claim=/);
  });
});
