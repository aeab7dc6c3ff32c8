/**
 * A small TopoJSON decoder (the parts world-atlas uses: quantized, delta-encoded
 * arcs; Polygon and MultiPolygon geometries), written here so the UI has no
 * dependency to load at run time. Spec: github.com/topojson/topojson-specification.
 */
export interface Topology {
  readonly type: 'Topology';
  readonly transform?: { readonly scale: readonly [number, number]; readonly translate: readonly [number, number] };
  readonly arcs: readonly (readonly (readonly [number, number])[])[];
  readonly objects: Readonly<Record<string, { readonly type: string; readonly geometries?: readonly Geometry[] }>>;
}

export interface Geometry {
  readonly type: string;
  readonly id?: string | number;
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly arcs?: unknown;
}

export type Ring = [number, number][];

/** Decodes every arc to absolute [lon, lat] points. */
export function decodeArcs(topology: Topology): Ring[] {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]): [number, number] => {
      if (!t) return [dx, dy];
      x += dx;
      y += dy;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
}

function ring(arcs: Ring[], indexes: readonly number[]): Ring {
  const out: Ring = [];
  for (const index of indexes) {
    const arc = index < 0 ? [...arcs[~index]!].reverse() : arcs[index]!;
    // Consecutive arcs share their end point: skip the repeat.
    out.push(...(out.length > 0 ? arc.slice(1) : arc));
  }
  return out;
}

/** The rings of every polygon of a geometry (outer and holes alike: drawn with even-odd fill). */
export function geometryRings(arcs: Ring[], geometry: Geometry): Ring[] {
  if (geometry.type === 'Polygon') return (geometry.arcs as number[][]).map((r) => ring(arcs, r));
  if (geometry.type === 'MultiPolygon') return (geometry.arcs as number[][][]).flatMap((polygon) => polygon.map((r) => ring(arcs, r)));
  return [];
}
