/**
 * The analyst's desk in a real browser (issue 18): the map by side and status
 * with its legend, the map as of a past date, full-text search from the header
 * (a person named only in a document's text, Cyrillic too), and the charts.
 * Debian's Chromium driven by playwright-core against in-process servers, as in
 * ui.browser.test.ts; screenshots go to artifacts/screenshots/.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error: a plain ES module without types (src/web/build.mjs)
import { buildWeb } from '../web/build.mjs';
import { sourceDocument } from '../ingest/index.js';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import { toLedgerDocument } from '../report/ledger-json.js';
import { startServer, type RunningServer } from './server.js';
import { analysedExample, temporaryStore } from './testing/fixture.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.resolve('artifacts', 'screenshots');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`Chromium is not installed at ${CHROMIUM}: the browser tests cannot run (apt-get install -y chromium)`);
const skip = haveChromium ? false : `Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`;

const LAPTOP = { width: 1366, height: 820 };
const PHONE = { width: 390, height: 844 };

/** A report of our own in Russian: the commander is named in the body only, never in the title. */
const RUSSIAN_TEXT = 'Командующий группировкой Тарасенко заявил в среду, что подразделения удерживают позиции у Покровска. По его словам, противник потерял несколько бронемашин.';

let browser: Browser;
let tmp: string;
let server: RunningServer;
/** Its own store: the review test writes. */
let reviewed: RunningServer;
/** Its own store, ingested into while the watch test runs. */
let watched: RunningServer;
let watchedStore: Awaited<ReturnType<typeof temporaryStore>>;
/** A report of our own from the Russian side, ingested before the watchlist is made; the example's Ukrainian denial comes later. */
const EARLIER_TEXT = 'Russia’s Defence Ministry said on Tuesday that Russian forces had encircled Ukrainian troops in Pokrovsk, in the Donetsk region.';
const disposers: Array<() => Promise<void>> = [];

before(async () => {
  if (skip) return;
  mkdirSync(SHOTS, { recursive: true });
  tmp = mkdtempSync(path.join(os.tmpdir(), 'counterclaim-desk-web-'));
  const webDir = await buildWeb(path.join(tmp, 'web'));
  const pipeline = createPipeline(await loadResources());
  const russian = toLedgerDocument(pipeline.read(sourceDocument(RUSSIAN_TEXT, { published: '2025-11-06', language: 'ru', source: 'test/ru.txt', title: 'Сводка за среду' })));
  const store = await temporaryStore([await analysedExample(), russian]);
  disposers.push(store.dispose);
  server = await startServer({ store: store.store, port: 0, webDir });
  const writable = await temporaryStore([await analysedExample()]);
  disposers.push(writable.dispose);
  reviewed = await startServer({ store: writable.store, port: 0, webDir });
  watchedStore = await temporaryStore([toLedgerDocument(pipeline.read(sourceDocument(EARLIER_TEXT, { published: '2025-11-04', language: 'en', source: 'test/earlier.txt', title: 'Ministry: troops encircled' })))]);
  disposers.push(watchedStore.dispose);
  watched = await startServer({ store: watchedStore.store, port: 0, webDir });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await reviewed?.close();
  await watched?.close();
  for (const dispose of disposers) await dispose();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A page that fails the test on any script error or request leaving the loopback server; it counts the bytes of every response. */
async function open(viewport: { width: number; height: number }, url: string): Promise<{ page: Page; problems: string[]; bytes: Map<string, number> }> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: viewport.width < 600, hasTouch: viewport.width < 600 });
  const page = await context.newPage();
  const problems: string[] = [];
  const bytes = new Map<string, number>();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('response', (res) => { void res.body().then((b) => bytes.set(new URL(res.url()).pathname, b.length), () => undefined); });
  await context.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (target.hostname !== '127.0.0.1') {
      problems.push(`request off the server: ${target.href}`);
      return route.abort();
    }
    return route.continue();
  });
  await page.goto(url);
  return { page, problems, bytes };
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
const POKROVSK = 'a[data-place="geonames-704422"] g.marker';
const AVDIIVKA = 'a[data-place="geonames-713122"] g.marker';

describe('the analyst\'s desk in Chromium', { skip }, () => {
  test('map: colour by side, shape by status, a legend saying both; the first view loads under 400 KB of basemap', async () => {
    const { page, problems, bytes } = await open(LAPTOP, `${server.url}#/map`);
    await page.locator(POKROVSK).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.countries path').length > 100 && document.querySelectorAll('.regions path').length > 10);
    // Pokrovsk is contested: a disc cut in two, one half per side present, RU red and UA blue.
    const slices = page.locator(`${POKROVSK} .glyph path.fill`);
    assert.equal(await slices.count(), 2);
    const colours = await slices.evaluateAll((els) => els.map((e) => getComputedStyle(e).fill).sort());
    assert.deepEqual(colours, ['rgb(200, 16, 46)', 'rgb(31, 95, 191)']);
    assert.match(await page.locator('a[data-place="geonames-704422"]').getAttribute('aria-label') ?? '', /Contested \(RU, UA present\)/);
    // Avdiivka is claimed captured by RU: a hollow ring in Russia's red, its side written by its name.
    const ring = page.locator(`${AVDIIVKA} .glyph circle.ring`);
    assert.equal(await ring.evaluate((e) => getComputedStyle(e).stroke), 'rgb(200, 16, 46)');
    assert.equal(await ring.evaluate((e) => getComputedStyle(e).fill), 'rgb(255, 255, 255)');
    assert.match(await page.locator(`${AVDIIVKA} text`).textContent() ?? '', /Avdiivka · RU/);
    // The legend says both: each side's colour by its code, each status by its shape.
    const legend = page.locator('.map-legend');
    assert.deepEqual(await legend.locator('.legend-sides li').allInnerTexts().then((t) => t.map((x) => x.trim())), ['RU', 'UA']);
    const statuses = (await legend.locator('.legend-statuses li').allInnerTexts()).map((x) => x.trim());
    assert.deepEqual(statuses, ['Held', 'Contested (partial control)', 'Claimed captured', 'Claimed captured, denied', 'Confirmed captured', 'Mentioned only']);
    // The shapes differ without colour: a ring, two slices, a disc with an outer ring.
    assert.equal(await legend.locator('.legend-statuses li').nth(2).locator('circle.ring').count(), 1);
    assert.equal(await legend.locator('.legend-statuses li').nth(1).locator('path.fill').count(), 2);
    assert.equal(await legend.locator('.legend-statuses li').nth(4).locator('circle.outer-ring').count(), 1);
    // Countries named as places are outlines, not dots: Russia and Ukraine have no marker.
    assert.equal(await page.locator('.markers a[data-place="geonames-2017370"]').count(), 0);
    assert.equal(await page.locator('.place-outlines a[data-place="geonames-2017370"][data-outline="country"] path').count(), 1);
    // The view is fitted to the places with a status (the front), not to Russia's point in Siberia or Moscow.
    const box = await page.locator(`${POKROVSK} circle`).first().boundingBox();
    const map = await page.locator('.map-box').boundingBox();
    assert.ok(box && map && box.x > map.x && box.x < map.x + map.width && box.y > map.y && box.y < map.y + map.height, 'Pokrovsk in view');
    assert.equal(await page.locator('a[data-place="geonames-524901"] g.marker').evaluate((e) => {
      const r = e.querySelector('circle')!.getBoundingClientRect();
      const m = document.querySelector('.map-box')!.getBoundingClientRect();
      return r.left > m.left && r.right < m.right && r.top > m.top && r.bottom < m.bottom;
    }), false, 'Moscow is outside the first view');
    const basemap = [...bytes].filter(([p]) => p.startsWith('/basemap/')).reduce((n, [, b]) => n + b, 0);
    assert.ok(basemap > 0 && basemap < 400_000, `first view's basemap: ${basemap} bytes`);
    assert.ok(!bytes.has('/basemap/countries-50m.json'), 'the 1:50m outlines wait for a zoom');
    await shot(page, 'desk-map-laptop');
    assert.deepEqual(problems, []);
  });

  test('map as of a past date shows that date\'s statuses, in the URL; the time bar moves it and back to the latest', async () => {
    const { page, problems } = await open(LAPTOP, `${server.url}#/map?asOf=2025-11-03`);
    await page.locator(POKROVSK).waitFor();
    // On 3 November Pokrovsk was held by UA (a blue disc); it became contested on the 5th.
    assert.match(await page.locator(POKROVSK).getAttribute('class') ?? '', /status-held/);
    assert.equal(await page.locator(`${POKROVSK} .glyph circle.disc`).evaluate((e) => getComputedStyle(e).fill), 'rgb(31, 95, 191)');
    assert.equal(await page.locator('#as-of').inputValue(), '2025-11-03');
    assert.match(await page.locator('.side').innerText(), /Statuses as of 2025-11-03/);
    assert.match(await page.locator('.place-list li', { hasText: 'Pokrovsk' }).innerText(), /Held by UA/);
    await shot(page, 'desk-map-as-of-laptop');
    // Back to the latest: contested, and asOf leaves the URL.
    await page.locator('.time-bar button.latest').click();
    await page.waitForFunction((sel) => document.querySelector(sel)?.classList.contains('status-contested'), POKROVSK);
    assert.doesNotMatch(page.url(), /asOf=/);
    // The date field sets the day: the map is redrawn, the URL shares it.
    await page.locator('#as-of').fill('2025-11-02');
    await page.locator('#as-of').dispatchEvent('change');
    await page.waitForFunction((sel) => document.querySelector(sel)?.classList.contains('status-held'), POKROVSK);
    assert.match(page.url(), /#\/map\?asOf=2025-11-02$/);
    // Before any control claim: only mentioned.
    await page.locator('#as-of').fill('2025-10-01');
    await page.locator('#as-of').dispatchEvent('change');
    await page.waitForFunction((sel) => document.querySelector(sel)?.classList.contains('status-mentioned'), POKROVSK);
    // The place panel as of a day: the status and timeline of that day.
    await page.goto(`${server.url}#/place/geonames-704422?asOf=2025-11-03`);
    await page.locator('#place-title', { hasText: 'Pokrovsk' }).waitFor();
    assert.match(await page.locator('.status-line').innerText(), /Held by UA since 2025-11-02 \(as of 2025-11-03\)/);
    assert.deepEqual(problems, []);
  });

  test('phone: the map, its legend folded, the time bar', async () => {
    const { page, problems } = await open(PHONE, `${server.url}#/map`);
    await page.locator(POKROVSK).waitFor();
    assert.equal(await page.locator('.map-legend').getAttribute('open'), null);
    await page.locator('.map-legend summary').click();
    assert.notEqual(await page.locator('.map-legend').getAttribute('open'), null);
    assert.ok(await page.locator('.time-bar').isVisible());
    await shot(page, 'desk-map-phone');
    assert.deepEqual(problems, []);
  });

  test('header search finds a person named only in a document\'s text, Cyrillic too; quotes and apostrophes are safe', async () => {
    const { page, problems } = await open(LAPTOP, `${server.url}#/map`);
    await page.locator(POKROVSK).waitFor();
    await page.locator('#search-input').fill('Syrskyi');
    await page.locator('#search-input').press('Enter');
    await page.waitForURL(/#\/search\?q=Syrskyi$/);
    const hit = page.locator('.doc-hits li').first();
    await hit.waitFor();
    assert.match(await hit.locator('.doc-hit').innerText(), /Russia calls on Ukrainian troops/);
    assert.equal(await hit.locator('.snippet mark').first().innerText(), 'Syrskyi');
    // The person is a source the registry knows under the body he speaks for: the hit says so and links to that entry.
    const person = page.locator('.entity-hits li[data-entity="actor:syrskyi"]');
    assert.match(await person.innerText(), /in the source registry as General Staff of the Armed Forces of Ukraine/);
    await shot(page, 'desk-search-laptop');
    await person.locator('a').click();
    await page.locator('tr[data-source="ua-general-staff"]').waitFor();
    await page.goBack();
    await hit.locator('.doc-hit').click();
    await page.waitForURL(/#\/doc\/[0-9a-f]{64}$/);

    await page.goto(`${server.url}#/search?q=${encodeURIComponent('Тарасенко')}`);
    // The same page, another hash: the earlier results stay until the new ones are drawn.
    await page.locator('.search-results h1', { hasText: 'Тарасенко' }).waitFor();
    await page.locator('.doc-hits li').first().waitFor();
    assert.equal(await page.locator('.doc-hits li').count(), 1);
    assert.match(await page.locator('.doc-hits .doc-hit').innerText(), /Сводка за среду/);
    assert.equal(await page.locator('.doc-hits .snippet mark').first().innerText(), 'Тарасенко');

    for (const q of ["Russia's", '"', 'Pokrovsk AND (', 'NOT *']) {
      await page.goto(`${server.url}#/search?q=${encodeURIComponent(q)}`);
      await page.locator('.search-results h1', { hasText: 'Search:' }).waitFor();
      assert.equal(await page.locator('.error').count(), 0, q);
    }
    await page.goto(`${server.url}#/search?q=${encodeURIComponent("Russia's")}`);
    await page.locator('.doc-hits li').first().waitFor();
    assert.deepEqual(problems, []);
  });

  test('the board and the search results filter by the source registry (kind, reliability), kept in the URL', async () => {
    const { page, problems } = await open(LAPTOP, `${server.url}#/board`);
    const cards = page.locator('.board .contradiction');
    await cards.first().waitFor();
    const all = await cards.count();
    // The example's contradiction sets the Russian ministry against the Ukrainian commander: official bodies, graded C.
    await page.locator('#b-source').selectOption('official');
    await page.locator('.board form.filters button[type="submit"]').click();
    await page.waitForURL(/#\/board\?source=official$/);
    await page.locator('.board .meta', { hasText: 'sources: official body' }).waitFor();
    assert.equal(await cards.count(), all, 'official bodies on both sides: every contradiction stays');
    await page.locator('#b-grade').selectOption('B');
    await page.locator('.board form.filters button[type="submit"]').click();
    await page.waitForURL(/#\/board\?source=official&grade=B$/);
    await page.locator('.board .empty', { hasText: 'No contradictions match these filters' }).waitFor();
    assert.equal(await cards.count(), 0, 'none graded A or B');
    await shot(page, 'desk-board-filtered-laptop');
    // Opened from the URL alone, as shared.
    await page.goto(`${server.url}#/board?source=osint`);
    await page.locator('.board .meta', { hasText: 'sources: OSINT group' }).waitFor();
    assert.equal(await cards.count(), 0);
    assert.equal(await page.locator('#b-source').inputValue(), 'osint');

    await page.goto(`${server.url}#/search?q=${encodeURIComponent('General Staff')}`);
    const claims = page.locator('.claim-hits .claim');
    await claims.first().waitFor();
    const found = await claims.count();
    await page.locator('#s-source').selectOption('official');
    await page.locator('.search-results form.filters button[type="submit"]').click();
    await page.waitForURL(/#\/search\?q=General\+Staff&source=official$/);
    await page.locator('.search-results .filtered').waitFor();
    const official = await claims.count();
    assert.ok(official > 0 && official <= found, `${official} of ${found} claims from official bodies`);
    await page.locator('#s-source').selectOption('state-media');
    await page.locator('.search-results form.filters button[type="submit"]').click();
    await page.waitForURL(/source=state-media$/);
    await page.locator('.search-results .no-claims').waitFor();
    assert.equal(await claims.count(), 0);
    assert.equal(await page.locator('.entity-hits li').count(), 0, 'no state media among the sources found');
    // Documents are not filtered: they have no one source.
    assert.ok(await page.locator('.doc-hits li').count() > 0);
    await shot(page, 'desk-search-filtered-laptop');
    assert.deepEqual(problems, []);
  });

  test('charts: claims per day at a place with its control band, events and contradictions per week; labelled axes, told apart without colour', async () => {
    const { page, problems } = await open(LAPTOP, `${server.url}#/place/geonames-704422`);
    const chart = page.locator('.place-chart');
    await chart.waitFor();
    const texts = (selector: string) => chart.locator(selector).evaluateAll((els) => els.map((e) => e.textContent));
    assert.deepEqual(await texts('.axis-title'), ['Claims', 'Day the claim is about']);
    assert.ok(await chart.locator('.x-tick').count() >= 2);
    assert.ok(await chart.locator('.y-tick').count() >= 2);
    const bands = await texts('.band-text');
    assert.deepEqual(bands, ['Held UA', 'Contested']);
    // Series differ by hatching as well as colour: the legend's swatches carry the same hatching as the bars.
    const legend = await chart.locator('.chart-legend li').allInnerTexts();
    assert.ok(legend.map((t) => t.trim()).includes('RU') && legend.map((t) => t.trim()).includes('UA'), legend.join());
    assert.equal(await chart.locator('.chart-legend li').nth(1).locator('rect[class^="hatch-"]').count(), 1);
    assert.ok(await chart.locator('.bar-group title').count() > 0);
    await chart.scrollIntoViewIfNeeded();
    await shot(page, 'desk-place-chart-laptop');

    await page.goto(`${server.url}#/charts`);
    await page.locator('.events-by-type .chart-svg').waitFor();
    for (const name of ['events-by-type', 'events-by-side', 'contradictions-per-week']) {
      const figure = page.locator(`.${name}`);
      assert.equal(await figure.locator('.axis-title').count(), 2, name);
      assert.equal(await figure.locator('.x-title').textContent(), 'Week', name);
    }
    assert.ok(await page.locator('.events-by-type .bar').count() > 0);
    assert.ok(await page.locator('.contradictions-per-week .bar').count() > 0);
    await shot(page, 'desk-charts-laptop');
    assert.deepEqual(problems, []);
  });

  test('review: a corrected status changes the status shown and the map, and appears in the audit trail; claims carry their grade, a rejected claim is struck through', async () => {
    const { page, problems } = await open(LAPTOP, `${reviewed.url}#/place/geonames-704422`);
    await page.locator('#place-title', { hasText: 'Pokrovsk' }).waitFor();
    assert.match(await page.locator('.status-line').innerText(), /Contested/);
    // Every claim card carries its Admiralty grade: the registry's reliability (or –) and the credibility 1-6.
    const grades = await page.locator('.side-col .claim .grade').allInnerTexts();
    assert.ok(grades.length > 0 && grades.every((g) => /^[A-F–][1-6]$/.test(g)), grades.join());
    assert.match(await page.locator('.side-col .claim .grade').first().getAttribute('title') ?? '', /Information [1-6]/);

    const box = page.locator('.review-box', { hasText: 'Review this status' });
    await box.locator('summary').click();
    await box.locator('input[value="correct"]').check();
    await box.locator('select[name="state"]').selectOption('held');
    await box.locator('input[name="by"]').fill('ru');
    await box.locator('textarea[name="reason"]').fill('Our own check: the last report from the town says only one side is there.');
    await box.locator('button[type="submit"]').click();
    await page.waitForFunction(() => /Held by RU/.test(document.querySelector('.status-line')?.textContent ?? ''));
    assert.match(await page.locator('.review-note').first().innerText(), /Corrected by local .*only one side is there.*automatic: Contested/s);
    // The map shows the reviewed status: a red disc.
    const marker = page.locator(POKROVSK);
    await page.waitForFunction((sel) => document.querySelector(sel)?.classList.contains('status-held'), POKROVSK);
    assert.equal(await marker.locator('.glyph circle.disc').evaluate((e) => getComputedStyle(e).fill), 'rgb(200, 16, 46)');
    // The trail: who, what changed, why.
    const again = page.locator('.review-box', { hasText: 'Review this status' });
    await again.locator('summary').click();
    const entry = again.locator('.audit-trail li').first();
    await entry.waitFor();
    await page.waitForFunction(() => !/Loading/.test(document.querySelector('.audit-trail')?.textContent ?? 'Loading'));
    assert.match(await entry.innerText(), /local · correct · contested.* → held by RU/s);
    assert.match(await entry.innerText(), /only one side is there/);
    await shot(page, 'desk-review-laptop');

    // Reject a claim: it stays listed, struck through, with the reason.
    const card = page.locator('.side-col .claim').first();
    const claimId = await card.getAttribute('data-claim');
    await card.locator('.review-box summary').click();
    await card.locator('input[value="reject"]').check();
    await card.locator('textarea[name="reason"]').fill('The sentence is a question, not a claim.');
    await card.locator('button[type="submit"]').click();
    const rejected = page.locator(`.side-col .claim[data-claim="${claimId}"].reviewed-reject`);
    await rejected.first().waitFor();
    assert.match(await rejected.first().locator('.review-note').innerText(), /Rejected by local/);
    assert.deepEqual(problems, []);
  });

  test('what changed: a watchlist made in the UI by place name shows a new contradiction after an ingest, marked new; "mark all seen" empties it', async () => {
    const { page, problems } = await open(LAPTOP, `${watched.url}#/changes`);
    await page.locator('h1', { hasText: 'What changed' }).waitFor();
    assert.equal(await page.locator('nav a[data-nav="changes"]').getAttribute('aria-current'), 'page');
    // Everything logged so far: the earlier report's claims, no contradiction yet.
    await page.locator('.change-section.kind-claim').waitFor();
    assert.equal(await page.locator('.change-section.kind-contradiction').count(), 0);

    // A watchlist of Pokrovsk, typed by name: the UI finds the place's id.
    await page.locator('.new-watchlist summary').click();
    await page.locator('.watchlist-form input[name="name"]').fill('Pokrovsk front');
    await page.locator('.watchlist-form input[name="places"]').fill('Pokrovsk');
    await page.locator('.watchlist-form button[type="submit"]').click();
    await page.waitForFunction(() => /watchlist=w-/.test(location.hash));
    const id = new URLSearchParams(page.url().split('?')[1]).get('watchlist')!;
    await page.locator('.summary-line', { hasText: 'Pokrovsk front' }).waitFor();
    assert.equal(await page.locator('#c-watchlist').inputValue(), id);
    assert.match(await page.locator('.summary-line').innerText(), /Pokrovsk front \(1 place\), since the log began/);
    await page.locator('button.mark-seen').click();
    await page.locator('.empty h2', { hasText: 'Nothing new' }).waitFor();
    assert.match(await page.locator('.summary-line').innerText(), /since your last visit/);

    // An ingest: the example has Ukraine's commander deny the encirclement.
    await watchedStore.store.saveDocument(await analysedExample());
    await page.reload();
    const contradictions = page.locator('.change-section.kind-contradiction .change');
    await contradictions.first().waitFor();
    const first = contradictions.first();
    assert.match(await first.getAttribute('class') ?? '', /\bfresh\b/);
    assert.equal(await first.locator('.fresh-tag').textContent(), 'new');
    // Each change comes with the claims behind it, both sides of a contradiction, linking to their sentences.
    const sides = await first.locator('.change-claims .side-tag').allInnerTexts();
    assert.equal(sides.length, 2);
    assert.notEqual(sides[0], sides[1]);
    assert.match(await first.locator('.change-claims a').first().getAttribute('href') ?? '', /^#\/doc\/[0-9a-f]{64}\?claim=/);
    // Only the watched place: every change links to Pokrovsk.
    const places = await page.locator('.change .claim-head a', { hasText: 'place' }).evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    assert.ok(places.length > 0 && places.every((h) => h === '#/place/geonames-704422'), places.join());
    await shot(page, 'desk-changes-laptop');

    // A date in the form is shareable: the same changes since that day, none of them seen-filtered.
    await page.locator('#c-since').fill('2020-01-01');
    await page.locator('form[aria-label="Which changes"] button[type="submit"]').click();
    await page.waitForFunction(() => /since=2020-01-01/.test(location.hash));
    // The same page, another hash: wait for the new answer, not the last one still shown.
    await page.locator('.summary-line', { hasText: 'since 2020-01-01' }).waitFor();
    assert.ok(await page.locator('.change:not(.fresh)').count() > 0, 'changes from before the last visit are listed, not marked new');

    await page.goto(`${watched.url}#/changes?watchlist=${id}`);
    await page.locator('button.mark-seen').click();
    await page.locator('.empty h2', { hasText: 'Nothing new' }).waitFor();
    assert.deepEqual(problems, []);
  });

  test('source registry: listed with kind, side, owner and reliability in words, filtered in the URL; an admin edit changes the grade and is audited; a source added in the page is listed, audited and editable; search finds sources and claims too', async () => {
    const { page, problems } = await open(LAPTOP, `${reviewed.url}#/sources?kind=state-media`);
    await page.locator('h1', { hasText: 'Source registry' }).waitFor();
    await page.locator('tr[data-source="tass"]').waitFor();
    const kinds = await page.locator('.source-table tbody tr td:nth-child(2)').allInnerTexts();
    assert.ok(kinds.length > 0 && kinds.every((k) => k === 'state media'), kinds.join());
    assert.equal(await page.locator('#s-kind').inputValue(), 'state-media');

    await page.goto(`${reviewed.url}#/sources?q=defence`);
    const row = page.locator('tr[data-source="ru-mod"]');
    await row.waitFor();
    assert.match(await row.locator('td.reliability').innerText(), /^C\s+fairly reliable/);
    await row.locator('.source-edit summary').click();
    await row.locator('select[name="reliability"]').selectOption('D');
    await row.locator('input[name="reason"]').fill('Written for this test: two false reports this month');
    await row.locator('button[type="submit"]').click();
    await page.waitForFunction(() => /^D/.test(document.querySelector('tr[data-source="ru-mod"] td.reliability')?.textContent ?? ''));
    assert.match(await page.locator('tr[data-source="ru-mod"] td:last-child').innerText(), /^local, \d{4}-\d{2}-\d{2}$/);
    await shot(page, 'desk-sources-laptop');
    const trail = await (await page.request.get(new URL("/api/audit?target_kind=source&target_key=ru-mod", reviewed.url).href)).json() as { items: Array<{ actor: string; action: string; before: { reliability: string }; after: { reliability: string }; reason: string }> };
    assert.deepEqual(trail.items.map((a) => [a.actor, a.action, a.before.reliability, a.after.reliability]), [['local', 'source.put', 'C', 'D']]);

    // Add a source from the page: every field, a reason; it is listed, audited as added (nothing before), and can be edited in turn.
    await page.goto(`${reviewed.url}#/sources`);
    await page.locator('.source-add summary').click();
    const adding = page.locator('form[aria-label="Add a source"]');
    await adding.locator('input[name="name"]').fill('Frontline Monitor Test');
    await adding.locator('input[name="aliases"]').fill('FMT, Frontline Monitor');
    await adding.locator('select[name="kind"]').selectOption('osint');
    await adding.locator('input[name="side"]').fill('ua');
    await adding.locator('input[name="owner"]').fill('Frontline Monitor collective');
    await adding.locator('select[name="reliability"]').selectOption('C');
    await adding.locator('input[name="outlets"]').fill('frontline-monitor.example');
    await adding.locator('input[name="source"]').fill('https://frontline-monitor.example/about');
    await adding.locator('input[name="reason"]').fill('Written for this test: a new OSINT group');
    await adding.locator('button[type="submit"]').click();
    const added = page.locator('tr[data-source="frontline-monitor-test"]');
    await added.waitFor();
    assert.match(page.url(), /#\/sources\?q=Frontline/);
    assert.deepEqual((await added.locator('td').allInnerTexts()).slice(1, 4).map((t) => t.trim()), ['osint', 'UA', 'Frontline Monitor collective']);
    assert.match(await added.locator('td.reliability').innerText(), /^C\s+fairly reliable/);
    assert.match(await added.locator('td:first-child').innerText(), /\(FMT, Frontline Monitor\)/);
    const fresh = await (await page.request.get(new URL('/api/audit?target_kind=source&target_key=frontline-monitor-test', reviewed.url).href)).json() as { items: Array<{ action: string; before: unknown; after: { kind: string; outlets: string[] }; reason: string }> };
    assert.deepEqual(fresh.items.map((a) => [a.action, a.before, a.after.kind, a.after.outlets]), [['source.put', null, 'osint', ['frontline-monitor.example']]]);
    // Adding the same name again is refused in the form (the id is taken): nothing is overwritten.
    await page.locator('.source-add summary').click();
    await adding.locator('input[name="name"]').fill('Frontline Monitor Test');
    await adding.locator('input[name="side"]').fill('RU');
    await adding.locator('input[name="owner"]').fill('Someone else');
    await adding.locator('input[name="source"]').fill('a citation');
    await adding.locator('input[name="reason"]').fill('Written for this test: a second try');
    await adding.locator('button[type="submit"]').click();
    await page.waitForFunction(() => /already a source frontline-monitor-test/.test(document.querySelector('form[aria-label="Add a source"] [role="status"]')?.textContent ?? ''));
    assert.equal((await (await page.request.get(new URL('/api/audit?target_kind=source&target_key=frontline-monitor-test', reviewed.url).href)).json() as { items: unknown[] }).items.length, 1);
    // Edited like any entry: the aliases and the grade.
    await added.locator('.source-edit summary').click();
    await added.locator('input[name="aliases"]').fill('FMT');
    await added.locator('select[name="reliability"]').selectOption('B');
    await added.locator('input[name="reason"]').fill('Written for this test: a year of accurate reports');
    await added.locator('button[type="submit"]').click();
    await page.waitForFunction(() => /^B/.test(document.querySelector('tr[data-source="frontline-monitor-test"] td.reliability')?.textContent ?? ''));
    assert.match(await page.locator('tr[data-source="frontline-monitor-test"] td:first-child').innerText(), /\(FMT\)/);
    await page.setViewportSize({ width: 1366, height: 1000 });
    await page.locator('.source-add summary').click();
    await shot(page, 'desk-sources-add-laptop');

    // The header search: sources by name (the registry's entry links to it) and the claims that hold the words.
    await page.goto(`${server.url}#/search?q=${encodeURIComponent('Defence Ministry')}`);
    await page.locator('.search-results h1', { hasText: 'Defence Ministry' }).waitFor();
    await page.locator('.entity-hits li').first().waitFor();
    assert.ok(await page.locator('.entity-hits a[href^="#/sources?q="]').count() > 0, 'the registry entry, linked to the registry');
    const cards = page.locator('.claim-hits .claim');
    assert.ok(await cards.count() > 0, 'claims whose source holds the words');
    assert.match(await cards.first().locator('p.meta').first().innerText(), /Defence Ministry/i);
    assert.deepEqual(problems, []);
  });
});
