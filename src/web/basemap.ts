import { decodeArcs, geometryRings, type Topology } from './topojson.js';

/**
 * The offline basemap (built by src/web/build.mjs from npm packages, served
 * with the UI): Natural Earth country outlines at 1:110m for the first view and
 * 1:50m once zoomed in, and the first-level regions (oblasts, provinces, states)
 * of a country, one file each, fetched only when the map needs them.
 */

/** Web Mercator in degrees: x = lon, y = -mercator(lat), so north is up in SVG coordinates. */
export const project = (lon: number, lat: number): [number, number] => {
  const clamped = Math.max(-85, Math.min(85, lat));
  return [lon, (-Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360)) * 180) / Math.PI];
};

/** One outline: its id in the data (ISO numeric for countries, HASC for regions), its name and SVG path data. */
export interface Shape { readonly id: string; readonly name: string; readonly d: string }

function shapes(topology: Topology, object: string): Shape[] {
  const arcs = decodeArcs(topology);
  return (topology.objects[object]?.geometries ?? []).map((g) => ({
    id: String(g.id ?? ''),
    name: String(g.properties?.['name'] ?? ''),
    d: geometryRings(arcs, g).map((ring) => `M${ring.map(([lon, lat]) => project(lon, lat).map((v) => v.toFixed(2)).join(',')).join('L')}Z`).join(''),
  }));
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

const countries = { coarse: once<Topology>('/basemap/countries-110m.json'), fine: once<Topology>('/basemap/countries-50m.json') };
const countryIds = once<Readonly<Record<string, string>>>('/basemap/country-ids.json');
const regionIndex = once<Readonly<Record<string, string>>>('/basemap/admin1/index.json');
const regionFiles = new Map<string, () => Promise<Shape[]>>();

/** Country outlines: `coarse` (1:110m, 100 KB) for the first view, `fine` (1:50m, 740 KB) zoomed in. */
export async function countryShapes(detail: 'coarse' | 'fine'): Promise<Shape[]> {
  return shapes(await countries[detail](), 'countries');
}

/** GeoNames id of a country -> its outline's id, so a place that is a country is drawn as its outline. */
export async function countryOutlineIds(): Promise<ReadonlyMap<number, string>> {
  return new Map(Object.entries(await countryIds()).map(([geonameId, id]) => [Number(geonameId), id]));
}

/**
 * First-level region outlines of one country (ISO 3166-1 alpha-2, as places
 * carry it); none for a country without region data or whose file fails to
 * load (the country outlines and the places still show).
 */
export async function regionShapes(countryCode: string): Promise<Shape[]> {
  const file = (await regionIndex())[countryCode.toUpperCase()];
  if (file === undefined || !/^[a-z]{3}$/.test(file)) return [];
  if (!regionFiles.has(file)) {
    const load = once<Topology>(`/basemap/admin1/${file}.json`);
    let parsed: Promise<Shape[]> | null = null;
    regionFiles.set(file, () => (parsed ??= load().then((t) => shapes(t, 'regions'), () => { parsed = null; return []; })));
  }
  return regionFiles.get(file)!();
}
