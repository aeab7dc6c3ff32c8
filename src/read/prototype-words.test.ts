import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceDocument } from '../ingest/index.js';
import { toLedgerDocument } from '../report/ledger-json.js';
import { createPipeline } from './pipeline.js';
import { loadResources } from './load-resources.js';

/**
 * Words that name members of Object.prototype are words like any other
 * (issue 19: "constructor" found `Object.prototype.constructor` in a plain
 * lookup table, became a quantity whose value was a function, and the document
 * could not be sent from an analysis thread: DataCloneError). Each word is put
 * where a table keyed by text looks it up: a number word, a scale, a modifier,
 * a demonym, a month, a weekday, a part of the day, a season.
 */
const WORDS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupSetter__'];

test('words that name Object.prototype members lose no document and make no odd values', async () => {
  const pipeline = createPipeline(await loadResources());
  for (const w of WORDS) {
    const text = [
      `The ${w} said ${w} soldiers were killed near Pokrovsk on ${w} 3, and 40 ${w} shells fell.`,
      `${w} forces attacked ${w} troops, the ministry said on ${w} ${w}.`,
      `More than ${w} ${w} people fled, ${w} officials told reporters in the ${w} of 2024.`,
      `${w.toLowerCase()} ${w.toUpperCase()} ${w}s`,
    ].join(' ');
    const doc = pipeline.read(sourceDocument(text, { published: '2025-01-06' }));
    // What an analysis thread sends back must survive the structured clone.
    assert.doesNotThrow(() => structuredClone(doc), `${w}: the analysis can be sent between threads`);
    const ledger = toLedgerDocument(doc);
    const json = JSON.stringify(ledger);
    assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(structuredClone(ledger))), `${w}: the ledger JSON holds everything`);
    for (const q of doc.quantities) {
      assert.ok(q.value === null || typeof q.value === 'number', `${w}: quantity “${q.text}” has a numeric value, not ${typeof q.value}`);
    }
    for (const t of doc.times) assert.ok(t.value === null || typeof t.value === 'string', `${w}: time “${t.text}” has a string value`);
    for (const c of doc.claims) for (const a of c.args) assert.equal(typeof a.key, 'string', `${w}: claim argument key is a string`);
    assert.ok(!json.includes('function') && !json.includes('[object'), `${w}: no function or object leaks into the ledger: ${json.slice(0, 200)}`);
  }
});
