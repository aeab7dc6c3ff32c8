/**
 * The main flows in a real browser: Debian's Chromium driven by playwright-core,
 * headless, against a server started in-process on a loopback port. Screenshots
 * of every view, on a laptop and a phone, go to artifacts/screenshots/.
 * Without Chromium the tests fail under CI=true (.ci/run installs it) and are
 * skipped, saying why, elsewhere.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error: a plain ES module without types (src/web/build.mjs)
import { buildWeb } from '../web/build.mjs';
import { startServer, type RunningServer } from './server.js';
import { analysedExample, annotatedExample, temporaryStore } from './testing/fixture.js';
import { CONTENT_SECURITY_POLICY } from './security-headers.js';
import { serveCommand } from '../cli/serve.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.resolve('artifacts', 'screenshots');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) {
  throw new Error(`Chromium is not installed at ${CHROMIUM}: the browser tests cannot run (.ci/run installs it with apt-get install -y chromium)`);
}
const skip = haveChromium ? false : `Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`;

const LAPTOP = { width: 1366, height: 820 };
const PHONE = { width: 390, height: 844 };

let browser: Browser;
let webDir: string;
let tmp: string;
let server: RunningServer;
let empty: RunningServer;
/** The bundled example read by the real pipeline: the ledger (claims, contradictions, control) as it is today. */
let real: RunningServer;
/** Three stored copies of it: 75 claims about Pokrovsk, more than the place panel's first page. */
let copies: RunningServer;
const disposers: Array<() => Promise<void>> = [];

before(async () => {
  if (skip) return;
  mkdirSync(SHOTS, { recursive: true });
  tmp = mkdtempSync(path.join(os.tmpdir(), 'counterclaim-web-'));
  webDir = await buildWeb(path.join(tmp, 'web'));
  const full = await temporaryStore([await annotatedExample()]);
  const none = await temporaryStore([]);
  const example = await analysedExample();
  const analysed = await temporaryStore([example]);
  const copied = await temporaryStore([example, { ...example, id: 'copy-2', title: `${example.title} (2)` }, { ...example, id: 'copy-3', title: `${example.title} (3)` }]);
  disposers.push(full.dispose, none.dispose, analysed.dispose, copied.dispose);
  real = await startServer({ store: analysed.store, port: 0, webDir });
  copies = await startServer({ store: copied.store, port: 0, webDir });
  server = await startServer({ store: full.store, port: 0, webDir, allowIngest: true });
  empty = await startServer({ store: none.store, port: 0, webDir });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await empty?.close();
  await real?.close();
  await copies?.close();
  for (const dispose of disposers) await dispose();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A page that fails the test on any script error, dialog or request leaving the loopback server. */
async function open(viewport: { width: number; height: number }, url: string): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: viewport.width < 600, hasTouch: viewport.width < 600 });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => { problems.push(`dialog: ${dialog.message()}`); void dialog.dismiss(); });
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  await context.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (target.hostname !== '127.0.0.1') {
      problems.push(`request off the server: ${target.href}`);
      return route.abort();
    }
    return route.continue();
  });
  await page.goto(url);
  return { page, problems };
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });

describe('web UI in Chromium', { skip }, () => {
  for (const [device, viewport] of [['laptop', LAPTOP], ['phone', PHONE]] as const) {
    test(`${device}: map -> Pokrovsk -> its mentions -> document with spans highlighted`, async () => {
      const { page, problems } = await open(viewport, server.url);
      const marker = page.locator('a[data-place="geonames-704422"]');
      await marker.waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.countries path').length > 100);
      assert.equal(await page.locator('.place-list li').count(), 3);
      await shot(page, `map-${device}`);

      await page.locator('.place-list a', { hasText: 'Pokrovsk' }).click();
      await page.waitForURL(/#\/place\/geonames-704422$/);
      await page.locator('#place-title', { hasText: 'Pokrovsk' }).waitFor();
      assert.match(await page.locator('.side').innerText(), /6 mentions in 1 document/);
      // The mentions are read when their box is opened.
      assert.equal(await page.locator('.mentions li').count(), 0);
      await page.locator('.mentions-box summary').click();
      await page.locator('.mentions li').nth(5).waitFor();
      assert.equal(await page.locator('.mentions li').count(), 6);
      assert.equal(await page.locator('.mentions blockquote mark.k-place').first().textContent(), 'Pokrovsk');
      await shot(page, `place-${device}`);

      await page.locator('.mentions a.mention-link').nth(1).click();
      await page.waitForURL(/#\/doc\/[0-9a-f]{64}\?item=place/);
      await page.locator('#doc-text mark.target').waitFor();
      for (const kind of ['actor', 'cue', 'content', 'time', 'place', 'quantity']) {
        assert.ok(await page.locator(`#doc-text mark.k-${kind}`).count() > 0, `${kind} highlighted`);
      }
      // The mention linked to is focused and explained.
      assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.item), await page.locator('#doc-text mark.target').getAttribute('data-item'));
      const detail = page.locator('.detail');
      assert.match(await detail.innerText(), /GeoNames id\s+704422/);
      assert.match(await detail.innerText(), /fixture \/ gazetteer\.exact/);
      await shot(page, `document-${device}`);

      // Focus (keyboard) and hover show an actor's entity and side.
      await page.locator('#doc-text mark.k-actor').first().focus();
      assert.match(await detail.innerText(), /side\s+RU/);
      assert.match(await detail.innerText(), /Russian Defence Ministry/);
      if (device === 'laptop') {
        await page.locator('#doc-text mark.k-quantity').first().hover();
        assert.match(await detail.innerText(), /unit\s+troops/);
        await page.locator('#doc-text mark.k-quantity').first().scrollIntoViewIfNeeded();
        await shot(page, 'document-hover-laptop');
      }
      assert.deepEqual(problems, []);
      await page.context().close();
    });
  }

  for (const [device, viewport] of [['laptop', LAPTOP], ['phone', PHONE]] as const) {
    test(`${device}: the ledger — Pokrovsk contested, RU and UA claims side by side, the encirclement contradiction, on to the sentence`, async () => {
      const { page, problems } = await open(viewport, real.url);
      const marker = page.locator('a[data-place="geonames-704422"] g.marker');
      await marker.waitFor();
      assert.match(await marker.getAttribute('class') ?? '', /status-contested/);
      await page.waitForFunction(() => document.querySelectorAll('.countries path').length > 100);
      // Ukraine's oblasts (first-level regions, from the packaged Natural Earth admin-1 data), no network.
      await page.waitForFunction(() => document.querySelectorAll('.regions path').length >= 25);
      // The contested place keeps its label; no two labels shown overlap (the others give way).
      assert.equal(await marker.locator('text').isVisible(), true);
      const labels = await page.locator('.marker:not(.unlabelled) text').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.top, r.right, r.bottom]));
      assert.ok(labels.length >= 3, JSON.stringify(labels));
      for (const [i, a] of labels.entries()) {
        for (const b of labels.slice(i + 1)) assert.ok(!(a[0]! < b[2]! - 1 && b[0]! < a[2]! - 1 && a[1]! < b[3]! - 1 && b[1]! < a[3]! - 1), `labels overlap: ${JSON.stringify([a, b])}`);
      }
      await shot(page, `ledger-map-${device}`);

      await page.locator('.place-list a', { hasText: 'Pokrovsk' }).click();
      await page.locator('#place-title', { hasText: 'Pokrovsk' }).waitFor();
      // The map centres on the place opened.
      const box = await marker.locator('circle.disc').boundingBox();
      const map = await page.locator('.map-box').boundingBox();
      assert.ok(map && map.height <= viewport.height, 'the map fits the screen');
      assert.ok(box && map);
      assert.ok(Math.abs(box.x + box.width / 2 - (map.x + map.width / 2)) < map.width * 0.1, 'marker centred horizontally');
      assert.ok(Math.abs(box.y + box.height / 2 - (map.y + map.height / 2)) < map.height * 0.1, 'marker centred vertically');
      assert.match(await page.locator('.status-line').innerText(), /Contested since 2025-11-05/);
      assert.ok(await page.locator('.timeline li').count() >= 1);
      // RU and UA claims in columns side by side (on a laptop: the same row).
      const ru = page.locator('.side-col.col-RU');
      const ua = page.locator('.side-col.col-UA');
      assert.ok(await ru.locator('.claim').count() > 0 && await ua.locator('.claim').count() > 0);
      if (device === 'laptop') {
        const [a, b] = [await ru.boundingBox(), await ua.boundingBox()];
        assert.ok(a && b && Math.abs(a.y - b.y) < 2 && b.x > a.x, 'RU and UA columns side by side');
      }
      const contradiction = page.locator('.contradiction', { hasText: 'encircled(UA forces, Pokrovsk)' });
      await contradiction.waitFor();
      assert.match(await contradiction.innerText(), /Syrskyi/);
      assert.ok(await page.locator('.side-col .claim.contradicted').count() >= 2, 'contradicted claims flagged in the columns');
      assert.match(await page.locator('.side-col').first().innerText(), /source.? back it/);
      await shot(page, `ledger-place-${device}`);
      await contradiction.locator('.claim-link').first().scrollIntoViewIfNeeded();
      await shot(page, `ledger-contradiction-${device}`);

      // Filters live in the URL.
      await page.goto(`${real.url}#/place/geonames-704422?side=UA`);
      await page.locator('.side-col.col-UA').waitFor();
      // A hash change re-renders in place: wait for the RU column to go (it fails by timeout if it stays).
      await page.locator('.side-col.col-RU').waitFor({ state: 'detached', timeout: 5000 });
      assert.equal(await page.locator('.side-col.col-RU').count(), 0);

      // From a claim to its sentence.
      await page.goto(`${real.url}#/place/geonames-704422`);
      await page.locator('.contradiction .claim-link').first().click();
      await page.waitForURL(/#\/doc\/[0-9a-f]{64}\?.*claim=/);
      await page.locator('#claim-banner').waitFor();
      assert.match(await page.locator('#claim-banner').innerText(), /encircled/);
      await page.locator('#doc-text mark.target').waitFor();
      assert.ok(await page.locator('#doc-text mark.k-content').count() > 0);
      await shot(page, `ledger-document-${device}`);
      assert.deepEqual(problems, []);
      await page.context().close();
    });

    test(`${device}: the contested-claims board`, async () => {
      const { page, problems } = await open(viewport, `${real.url}#/map`);
      await page.locator('nav a[data-nav="board"]').click();
      await page.waitForURL(/#\/board$/);
      const card = page.locator('.board .contradiction').first();
      await card.waitFor();
      assert.match(await card.innerText(), /encircled\(UA forces, Pokrovsk\)/);
      assert.equal(await card.locator('.claim').count(), 2);
      await shot(page, `board-${device}`);
      // Dates filter the board through its form, into a shareable URL; a range with none says so.
      const cards = await page.locator('.board .contradiction').count();
      await page.locator('#b-since').fill('2099-01-01');
      await page.locator('.board form.filters button[type=submit]').click();
      await page.waitForURL(/#\/board\?since=2099-01-01$/);
      await page.locator('.board .empty', { hasText: 'No contradictions match these filters' }).waitFor();
      await page.locator('#b-since').fill('2025-01-01');
      await page.locator('.board form.filters button[type=submit]').click();
      await page.waitForURL(/#\/board\?since=2025-01-01$/);
      await page.locator('.board .contradiction').first().waitFor();
      assert.equal(await page.locator('.board .contradiction').count(), cards);
      const card2 = page.locator('.board .contradiction').first();
      await card2.locator('a', { hasText: 'Pokrovsk' }).first().click();
      await page.locator('#place-title', { hasText: 'Pokrovsk' }).waitFor();
      assert.deepEqual(problems, []);
      await page.context().close();
    });
  }

  for (const [device, viewport] of [['laptop', LAPTOP], ['phone', PHONE]] as const) {
    test(`${device}: check a claim — the RU claims support it, Syrskyi's denial contradicts it, each linking to its sentence; export links`, async () => {
      const { page, problems } = await open(viewport, `${real.url}#/map`);
      await page.locator('nav a[data-nav="check"]').click();
      await page.waitForURL(/#\/check$/);
      // The active voice: the RU claims of the encirclement support it.
      await page.locator('#check-input').fill('Russian forces encircled Ukrainian troops in Pokrovsk');
      await page.locator('#check-input').press('Enter');
      await page.waitForURL(/#\/check\?q=Russian\+forces\+encircled/);
      const supports = page.locator('.check-col.decision-supports');
      await supports.locator('.claim').first().waitFor();
      assert.match(await supports.innerText(), /Russia's Defence Ministry/);
      assert.ok(await supports.locator('.claim[data-side="RU"]').count() >= 2, 'RU claims support it');
      await shot(page, `check-${device}`);

      // The same fact in the reporter's words the claims stage reads as encircled(UA forces, Pokrovsk): Syrskyi's denial contradicts it.
      // (The shareable URL is the view: going to it renders the same check.)
      await page.goto(`${real.url}#/check?q=${encodeURIComponent('Ukrainian troops are encircled in Pokrovsk')}`);
      await page.locator('.read-as', { hasText: 'encircled(UA forces, Pokrovsk)' }).waitFor();
      const contradicts = page.locator('.check-col.decision-contradicts');
      assert.match(await contradicts.innerText(), /Syrskyi/);
      assert.ok(await page.locator('.check-col.decision-supports .claim[data-side="RU"]').count() >= 2);
      assert.equal(await page.locator('.check-col.decision-supports .claim[data-side="UA"]').count(), 0, 'no UA claim supports the encirclement');
      await shot(page, `check-contradicts-${device}`);

      // Each claim links to its sentence; the export links follow the place.
      const csv = page.locator('.exports a[data-export="csv"]');
      assert.match(await csv.getAttribute('href') ?? '', /\/api\/export\/csv\?place=geonames-704422$/);
      const res = await page.request.get((await csv.getAttribute('href'))!);
      assert.equal(res.status(), 200);
      assert.match(res.headers()['content-type'] ?? '', /^text\/csv/);
      assert.match(res.headers()['content-disposition'] ?? '', /^attachment; filename="counterclaim-geonames-704422\.csv"$/);
      await contradicts.locator('.claim-link').first().click();
      await page.waitForURL(/#\/doc\/[0-9a-f]{64}\?.*claim=/);
      await page.locator('#claim-banner').waitFor();
      assert.deepEqual(problems, []);
      await page.context().close();
    });
  }

  test('the place panel offers exports for its filters and loads more mentions on demand', async () => {
    const { page, problems } = await open(LAPTOP, `${real.url}#/place/geonames-704422?side=UA&from=2025-11-01`);
    await page.locator('#place-title', { hasText: 'Pokrovsk' }).waitFor();
    const links = page.locator('.side .exports a');
    assert.deepEqual(await links.evaluateAll((as) => as.map((a) => a.textContent)), ['CSV', 'GeoJSON', 'KML', 'ClaimReview']);
    assert.match(await links.first().getAttribute('href') ?? '', /\/api\/export\/csv\?place=geonames-704422&side=UA&since=2025-11-01$/);
    const geojson = await page.request.get((await page.locator('.side .exports a[data-export="geojson"]').getAttribute('href'))!);
    assert.match(geojson.headers()['content-type'] ?? '', /^application\/geo\+json/);
    await page.locator('.mentions-box summary').click();
    await page.locator('.mentions li').first().waitFor();
    assert.match(await page.locator('.mentions-box').innerText(), /Showing 6 of 6 mentions/);
    assert.equal(await page.locator('.mentions-box button.more').isHidden(), true, 'every mention of the example fits the first page');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  test('the place panel shows the newest claims and appends older ones into the columns on demand', async () => {
    const { page, problems } = await open(LAPTOP, `${copies.url}#/place/geonames-704422`);
    await page.locator('#place-title', { hasText: 'Pokrovsk' }).waitFor();
    const cards = page.locator('.side-col .claim');
    // Each card once: the link to its sentence names the document and the claim.
    const links = () => cards.locator('.claim-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const older = page.locator('button.older-claims');
    assert.equal(await cards.count(), 50);
    assert.match(await page.locator('.claims-status').innerText(), /Showing the newest 50 claims/);
    assert.match(await page.locator('.side h3', { hasText: 'Claims by side' }).innerText(), /Claims by side \(50\)/);
    const ruBefore = await page.locator('.side-col.col-RU .claim').count();
    const first = await links();
    await older.scrollIntoViewIfNeeded();
    await shot(page, 'place-claims-page-laptop');
    await older.click();
    await page.waitForFunction(() => document.querySelectorAll('.side-col .claim').length === 75);
    const all = await links();
    assert.equal(new Set(all).size, 75, 'no claim twice');
    assert.deepEqual(all.filter((href) => first.includes(href)).length, 50, 'the first page stays');
    assert.ok(await page.locator('.side-col.col-RU .claim').count() > ruBefore, 'older RU claims appended to the RU column');
    assert.match(await page.locator('.side-col.col-RU h4').innerText(), new RegExp(`\\(${await page.locator('.side-col.col-RU .claim').count()}\\)`));
    assert.match(await page.locator('.claims-status').innerText(), /All 75 claims shown/);
    assert.equal(await older.isHidden(), true, 'no older claims left');
    await older.evaluate((b) => b.previousElementSibling?.scrollIntoView());
    await shot(page, 'place-older-claims-laptop');

    // The filters apply to the older claims too: only the UA column, growing.
    await page.goto(`${copies.url}#/place/geonames-704422?side=UA`);
    await page.locator('.side-col.col-RU').waitFor({ state: 'detached', timeout: 5000 });
    const ua = await page.locator('.side-col.col-UA .claim').count();
    await older.click();
    await page.waitForFunction((n) => document.querySelectorAll('.side-col.col-UA .claim').length > n, ua);
    assert.equal(await page.locator('.side-col.col-RU').count(), 0);
    assert.match(await page.locator('.side h3', { hasText: 'Claims by side' }).innerText(), /Claims by side \(\d+ of 75\)/);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  test('keyboard: / focuses search, j/k walk the items, Escape leaves a place', async () => {
    const { page, problems } = await open(LAPTOP, `${server.url}#/place/geonames-704422`);
    await page.locator('#place-title').waitFor();
    await page.keyboard.press('Escape');
    await page.waitForURL(/#\/map$/);
    await page.keyboard.press('c');
    await page.waitForURL(/#\/board$/);
    await page.keyboard.press('d');
    await page.waitForURL(/#\/documents$/);
    await page.locator('.doc-list a').first().click();
    await page.locator('#doc-text mark').first().waitFor();
    await page.keyboard.press('j');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'MARK');
    const first = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.key);
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.key), first);
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  test('documents view: filters live in the URL', async () => {
    const { page, problems } = await open(LAPTOP, `${server.url}#/documents?q=surrender`);
    await page.locator('.doc-list li').first().waitFor();
    assert.equal(await page.locator('.doc-list li').count(), 1);
    await shot(page, 'documents-laptop');
    await page.goto(`${server.url}#/documents?from=2030-01-01`);
    await page.locator('.empty', { hasText: 'No document matches' }).waitFor();
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  test('empty database: a useful empty state', async () => {
    for (const [device, viewport] of [['laptop', LAPTOP], ['phone', PHONE]] as const) {
      const { page, problems } = await open(viewport, empty.url);
      await page.locator('.empty', { hasText: 'The database is empty' }).waitFor();
      assert.match(await page.locator('.empty').innerText(), /counterclaim analyze/);
      await page.waitForFunction(() => document.querySelectorAll('.countries path').length > 100);
      await shot(page, `empty-${device}`);
      assert.deepEqual(problems, []);
      await page.context().close();
    }
  });

  test('untrusted text: <script>, <img onerror> and javascript: links do not run', async () => {
    const attack = [
      '<script>window.__pwned = "script"; alert(1)</script>',
      '<img src=x onerror="window.__pwned = \'img\'; alert(2)">',
      '<a href="javascript:window.__pwned=\'link\'">click me</a> in Kyiv on Monday.',
      '<svg onload="window.__pwned=\'svg\'"></svg> "quoted" said the ministry.',
    ].join('\n');
    const res = await fetch(new URL('/api/documents', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        text: attack, published: '2025-11-06',
        title: '<img src=x onerror="window.__pwned=\'title\'">Attack',
        outlet: '<script>window.__pwned="outlet"</script>',
        url: 'javascript:window.__pwned="url"',
      }),
    });
    assert.equal(res.status, 201);
    const { id } = (await res.json()) as { id: string };
    const { page, problems } = await open(LAPTOP, `${server.url}#/doc/${id}`);
    await page.locator('#doc-title').waitFor();
    assert.match(await page.locator('#doc-title').innerText(), /<img src=x onerror=/);
    assert.match(await page.locator('#doc-text').innerText(), /<script>window.__pwned/);
    await page.locator('#doc-text').click();
    await page.locator('#doc-text', { hasText: 'click me' }).click();
    await page.goto(`${server.url}#/documents`);
    await page.locator('.doc-list a', { hasText: 'Attack' }).waitFor();
    await page.locator('.doc-list a', { hasText: 'Attack' }).hover();
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined);
    assert.equal(await page.locator('body script, body img, body svg[onload], [onerror], [onload], a[href^="javascript:"]').count(), 0);
    assert.equal(await page.locator('script').count(), 1, 'only the app bundle');
    await shot(page, 'untrusted-documents-laptop');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  test('the page is served with the Content-Security-Policy', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(server.url);
    assert.equal(response?.headers()['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.match(CONTENT_SECURITY_POLICY, /script-src 'self'/);
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval/);
    await context.close();
  });

  test('npm start: serve --example analyses the bundled example with the real pipeline and serves it', async () => {
    const controller = new AbortController();
    let out = '';
    const io = { out: (t: string) => { out += t; }, err: (t: string) => { out += t; }, isTty: false };
    const running = serveCommand(['--example', '--port', '0'], io, controller.signal);
    try {
      const started = Date.now();
      while (!/at (http:\S+)/.test(out)) {
        if (Date.now() - started > 30_000) throw new Error(`serve --example did not start: ${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.match(out, /analysed .*pokrovsk\.txt/);
      const url = /at (http:\S+)/.exec(out)![1]!;
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      const { page, problems } = await open(LAPTOP, `${url}#/documents`);
      await page.locator('.doc-list a').first().click();
      await page.locator('#doc-text mark.k-time').first().waitFor();
      await shot(page, 'example-real-pipeline-laptop');
      assert.deepEqual(problems, []);
      await page.context().close();
    } finally {
      controller.abort();
      assert.equal(await running, 0);
    }
    assert.match(out, /shutting down/);
  });
});
