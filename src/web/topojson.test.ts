import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { decodeArcs, geometryRings, type Topology } from './topojson.js';

test('decodes delta-encoded, quantized arcs and reversed arc indexes', () => {
  const topology: Topology = {
    type: 'Topology',
    transform: { scale: [1, 1], translate: [10, 20] },
    arcs: [[[0, 0], [2, 0], [0, 2]], [[2, 2], [-2, 0], [0, -2]]],
    objects: {},
  };
  const arcs = decodeArcs(topology);
  assert.deepEqual(arcs[0], [[10, 20], [12, 20], [12, 22]]);
  assert.deepEqual(geometryRings(arcs, { type: 'Polygon', arcs: [[0, 1]] }), [[[10, 20], [12, 20], [12, 22], [10, 22], [10, 20]]]);
  assert.deepEqual(geometryRings(arcs, { type: 'Polygon', arcs: [[~1]] })[0]![0], [10, 20]);
  assert.deepEqual(geometryRings(arcs, { type: 'Point' }), []);
});

test('Ukraine in world-atlas decodes to rings around Pokrovsk', () => {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
  const arcs = decodeArcs(topology);
  const ukraine = topology.objects.countries!.geometries!.find((g) => g.properties?.name === 'Ukraine')!;
  const points = geometryRings(arcs, ukraine).flat();
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  assert.ok(Math.min(...lons) < 37.18 && 37.18 < Math.max(...lons));
  assert.ok(Math.min(...lats) < 48.28 && 48.28 < Math.max(...lats));
});
