import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createStanceOf, cueLexicon, parseStanceModel } from './index.js';
import { fncScore, foldsByBody } from '../../eval/fnc1.js';

const model = parseStanceModel(JSON.parse(readFileSync(new URL('../../../models/stance/stance-model.json', import.meta.url), 'utf8')));
const cues = cueLexicon(JSON.parse(readFileSync(new URL('../../../data/stance/cues.json', import.meta.url), 'utf8')));
const stanceOf = createStanceOf(model, cues);

const body = `Ukraine's General Staff said on Thursday that its troops had repelled 100 Russian attacks near Pokrovsk in the past day.
The Russian Defence Ministry claimed its forces had encircled the city, but Kyiv denied the claim, calling it false.`;

test('stanceOf: an unrelated body', () => {
  assert.equal(stanceOf('Apple to unveil a new MacBook Air at its spring event', body).label, 'unrelated');
});

test('stanceOf: a related body is not unrelated, and scores sum to 1', () => {
  const r = stanceOf('Russian forces encircle Ukrainian troops in Pokrovsk', body);
  assert.notEqual(r.label, 'unrelated');
  const sum = Object.values(r.scores).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum - 1) < 1e-9);
});

test('stanceOf: deterministic', () => {
  assert.deepEqual(stanceOf('Pokrovsk encircled', body), stanceOf('Pokrovsk encircled', body));
});

test('parseStanceModel: rejects a malformed model with a hint', () => {
  assert.throws(() => parseStanceModel({ version: 1 }), /retrain/);
});

test('fncScore: the official weighting', () => {
  // unrelated right 0.25; discuss right 1; agree predicted as discuss 0.25; disagree predicted unrelated 0.
  const r = fncScore(['unrelated', 'discuss', 'agree', 'disagree'], ['unrelated', 'discuss', 'discuss', 'unrelated']);
  assert.equal(r.score, 1.5);
  assert.equal(r.max, 3.25);
});

test('foldsByBody: every body in one fold, the same on every run', () => {
  const ids = ['1', '2', '3', '4', '5', '6', '2'];
  const a = foldsByBody(ids, 3, 7);
  assert.deepEqual(a, foldsByBody(ids, 3, 7));
  assert.equal(a.size, 6);
  assert.deepEqual(new Set(a.values()), new Set([0, 1, 2]));
});
