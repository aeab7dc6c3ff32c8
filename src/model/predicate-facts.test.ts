import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONTROL_PREDICATES, LASTING_CONTROL_PREDICATES, PERSISTENCE_DAYS, PLACE_KEYED_PREDICATES, PREDICATES } from './predicate-facts.js';

const root = (file: string): string => fileURLToPath(new URL(`../../${file}`, import.meta.url));
const { generatePredicateFacts } = (await import('../../scripts/predicate-facts.mjs')) as typeof import('../../scripts/predicate-facts.mjs');
const json = readFileSync(root('data/claims/predicates.json'), 'utf8');

test('src/model/predicate-facts.ts is what data/claims/predicates.json gives (run `npm run predicate-facts` after editing the data)', () => {
  assert.equal(readFileSync(root('src/model/predicate-facts.ts'), 'utf8'), generatePredicateFacts(json));
});

test('predicate facts: every predicate has a persistence; control and place-keyed ones are predicates; lasting ones bear on control', () => {
  assert.deepEqual(Object.keys(PERSISTENCE_DAYS).sort(), [...PREDICATES].sort());
  assert.equal(PERSISTENCE_DAYS.captured, 3650);
  assert.equal(PERSISTENCE_DAYS.said, 1);
  for (const p of [...CONTROL_PREDICATES, ...PLACE_KEYED_PREDICATES]) assert.ok(PREDICATES.includes(p), p);
  for (const p of LASTING_CONTROL_PREDICATES) assert.ok(CONTROL_PREDICATES.has(p), p);
  assert.ok(!PLACE_KEYED_PREDICATES.has('casualties'), 'casualties are keyed by actor alone');
});

test('predicate facts: a control list naming no predicate, or a lasting one outside control, is refused with the file named', () => {
  const data = JSON.parse(json) as { control: { predicates: string[]; lasting: string[] } };
  const unknown = { ...data, control: { ...data.control, predicates: [...data.control.predicates, 'shelled'] } };
  assert.throws(() => generatePredicateFacts(JSON.stringify(unknown)), /data\/claims\/predicates\.json: control names 'shelled', which is no predicate/);
  const outside = { ...data, control: { ...data.control, lasting: [...data.control.lasting, 'attacked'] } };
  assert.throws(() => generatePredicateFacts(JSON.stringify(outside)), /control\.lasting names 'attacked'/);
});
