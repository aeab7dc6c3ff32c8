import { decodeArcs, geometryRings, type Topology } from './topojson.js';

/**
 * The offline basemap (built by src/web/build.mjs from npm packages, served
 * with the UI): Natural Earth country outlines, and the first-level regions
 * (oblasts, provinces, states) of the countries the map shows places in.
 */

/** Web Mercator in degrees: x = lon, y = -mercator(lat), so north is up in SVG coordinates. */
export const project = (lon: number, lat: number): [number, number] => {
  const clamped = Math.max(-85, Math.min(85, lat));
  return [lon, (-Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360)) * 180) / Math.PI];
};

function paths(topology: Topology, object: string): string[] {
  const arcs = decodeArcs(topology);
  return (topology.objects[object]?.geometries ?? []).map((g) => geometryRings(arcs, g)
    .map((ring) => `M${ring.map(([lon, lat]) => project(lon, lat).map((v) => v.toFixed(2)).join(',')).join('L')}Z`).join(''));
}

/** Fetches JSON once per page; a failure is forgotten, so the next call tries again. */
function once<T>(url: string): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      return r.json() as Promise<T>;
    }).catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

const countries = once<Topology>('/basemap/countries-50m.json');
const regionIndex = once<Readonly<Record<string, string>>>('/basemap/admin1/index.json');
const regionFiles = new Map<string, () => Promise<Topology>>();

/** Country outlines as SVG path data. */
export async function countryPaths(): Promise<string[]> {
  return paths(await countries(), 'countries');
}

/**
 * First-level region outlines as SVG path data, for the given countries
 * (ISO 3166-1 alpha-2 codes, as places carry them); countries without region
 * data give none. A country whose file fails to load is left out, not fatal:
 * the country outlines and the places still show.
 */
export async function regionPaths(countryCodes: Iterable<string>): Promise<string[]> {
  const index = await regionIndex();
  const files = [...new Set([...countryCodes].map((c) => index[c.toUpperCase()]).filter((f): f is string => f !== undefined && /^[a-z]{3}$/.test(f)))].sort();
  const loaded = await Promise.all(files.map((file) => {
    if (!regionFiles.has(file)) regionFiles.set(file, once<Topology>(`/basemap/admin1/${file}.json`));
    return regionFiles.get(file)!().then((t) => paths(t, 'regions'), () => []);
  }));
  return loaded.flat();
}
