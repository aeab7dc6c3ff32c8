import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WebAsset {
  readonly body: Uint8Array;
  readonly type: string;
  readonly etag: string;
}

/** URL path (`/`, `/app.js`, `/basemap/countries-50m.json`) to file, read once at start. */
export type WebAssets = ReadonlyMap<string, WebAsset>;

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The built UI: `dist/web` of the package this file belongs to (from dist/server or src/server alike). */
export function defaultWebDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the counterclaim package root');
    dir = up;
  }
  return path.join(dir, 'dist', 'web');
}

/**
 * Loads the built UI into memory. The static handler looks URL paths up in
 * this map and nowhere else, so no request can name a file outside it
 * (no path joining, no `..`, no symlinks followed at request time).
 */
export function loadWebAssets(dir: string): WebAssets {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`the web UI is not built (${path.join(dir, 'index.html')} is missing); run 'npm run build'`);
  }
  const assets = new Map<string, WebAsset>();
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub)).sort()) {
      const rel = sub ? `${sub}/${name}` : name;
      const full = path.join(dir, rel);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(rel);
      else if (stat.isFile() && TYPES[path.extname(name)]) {
        const body = readFileSync(full);
        assets.set(`/${rel}`, { body, type: TYPES[path.extname(name)]!, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` });
      }
    }
  };
  walk('');
  assets.set('/', assets.get('/index.html')!);
  return assets;
}
