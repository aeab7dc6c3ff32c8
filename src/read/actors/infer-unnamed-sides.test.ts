import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../segment/index.js';
import type { ActorCandidate } from './actor-candidate.js';
import { inferUnnamedSides } from './infer-unnamed-sides.js';

const tokens = tokenize('AFU troops are outnumbered, with one platoon commander telling reporters.');
const afu: ActorCandidate = { from: 0, to: 1, kind: 'military', side: 'UA', name: 'AFU', key: 'afu', role: null, resolution: 'alias', rule: 'dictionary-alias' };
const commander: ActorCandidate = { from: 6, to: 9, kind: 'unnamed', side: 'UNKNOWN', name: 'one platoon commander', key: null, role: null, resolution: 'rule', rule: 'unnamed-source' };

test('an unnamed soldier takes the side of the forces the sentence is about, marked as inferred', () => {
  const [, c] = inferUnnamedSides(tokens, [afu, commander]);
  assert.equal(c!.side, 'UA');
  assert.equal(c!.sideInferred, true);
});

test('no side is inferred for unnamed civilians, or with no sided actor around', () => {
  const residents = { ...commander, name: 'one resident', from: 6, to: 7 };
  assert.equal(inferUnnamedSides(tokens, [afu, residents])[1]!.side, 'UNKNOWN');
  assert.equal(inferUnnamedSides(tokens, [commander])[0]!.side, 'UNKNOWN');
});
