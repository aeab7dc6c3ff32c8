import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../store/open-store.js';
import { startServer } from '../../server/server.js';

export interface UiLoadFigures {
  /** The view, as its URL fragment. */
  readonly view: string;
  /** Milliseconds from navigation to the view drawn with its data, each run. */
  readonly runsMs: readonly number[];
  readonly medianMs: number;
}

/** What "loaded" means for each timed view: its data on screen, not just the page shell. */
const VIEWS: ReadonlyArray<{ view: string; ready: () => boolean }> = [
  // The map: markers drawn from /api/places and the basemap's country outlines.
  { view: '#/map', ready: () => document.querySelectorAll('a[data-place]').length > 0 && document.querySelectorAll('.countries path').length > 100 },
  // The contested-claims board: its first page of contradictions, or its empty state when the ledger has none.
  { view: '#/board', ready: () => document.querySelectorAll('.board .contradiction, .board .empty').length > 0 },
  // What changed since the log began (a fresh browser has no last visit): its sections drawn, or its empty state.
  { view: '#/changes', ready: () => document.querySelectorAll('.changes .change, .changes .empty').length > 0 },
];

/**
 * The web UI as a user opens it: Debian's Chromium (headless, driven by
 * playwright-core) loads each view from a server on `db`, a fresh page each
 * run, and the time until the view's data is drawn is taken. Null when
 * Chromium is not installed (the bench says so instead of failing).
 */
export async function benchUiLoads(options: { db: string; runs?: number; chromium?: string }): Promise<UiLoadFigures[] | null> {
  const executablePath = options.chromium ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return null;
  const [{ chromium }, { buildWeb }] = await Promise.all([
    import('playwright-core'),
    // @ts-expect-error: a plain ES module without types (src/web/build.mjs)
    import('../../web/build.mjs') as Promise<{ buildWeb: (dir: string) => Promise<string> }>,
  ]);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'counterclaim-bench-ui-'));
  const store = await openStore(options.db);
  const server = await startServer({ store, host: '127.0.0.1', port: 0, webDir: await buildWeb(path.join(tmp, 'web')) });
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const figures: UiLoadFigures[] = [];
    for (const { view, ready } of VIEWS) {
      const runsMs: number[] = [];
      for (let i = 0; i < (options.runs ?? 3); i++) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 820 } });
        const page = await context.newPage();
        const started = performance.now();
        await page.goto(`${server.url}${view}`);
        await page.waitForFunction(ready, undefined, { timeout: 60_000 }).catch((error: Error) => {
          throw new Error(`${view} not drawn within 60 s: ${error.message.split('\n')[0]}`);
        });
        runsMs.push(Math.round(performance.now() - started));
        await context.close();
      }
      figures.push({ view, runsMs, medianMs: [...runsMs].sort((a, b) => a - b)[Math.floor(runsMs.length / 2)]! });
    }
    return figures;
  } finally {
    await browser.close();
    await server.close();
    await store.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
