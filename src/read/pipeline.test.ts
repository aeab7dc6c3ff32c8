import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sourceDocument } from '../ingest/index.js';
import { toLedgerDocument } from '../report/ledger-json.js';
import { createPipeline } from './pipeline.js';
import { loadResources } from './load-resources.js';

/**
 * The data contract, checked on real articles through the whole pipeline:
 * every item's text is its span of the document, ids are unique within each
 * list, every item has an origin, references point to items that exist, and
 * a second run gives the same bytes. Uses the bundled example and, when the
 * evaluation data is beside the project, a sample of real news articles.
 */
const LISTS = ['sentences', 'times', 'places', 'actors', 'attributions', 'quantities', 'events', 'claims'] as const;

function articles(): Array<{ name: string; text: string }> {
  const out = [{ name: 'example/pokrovsk.txt', text: readFileSync('example/pokrovsk.txt', 'utf8') }];
  const dir = path.resolve('..', 'shared', 'data', 'polnear', 'dev', 'text');
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort().filter((_, i) => i % 6 === 0)) out.push({ name, text: readFileSync(path.join(dir, name), 'utf8') });
  }
  return out;
}

test('pipeline: the data contract holds on real articles', async () => {
  const pipeline = createPipeline(await loadResources());
  const sample = articles();
  for (const { name, text } of sample) {
    const doc = toLedgerDocument(pipeline.read(sourceDocument(text, { published: '2016-10-01', source: name })));
    const ids = new Set<string>();
    for (const list of LISTS) {
      const seen = new Set<string>();
      for (const item of doc[list] as ReadonlyArray<{ id: string; span: readonly [number, number]; text: string; origin: { stage: string; rule: string } }>) {
        assert.equal(item.text, doc.text.slice(item.span[0], item.span[1]), `${name}: ${list} ${item.id} text is its span`);
        assert.ok(item.origin.stage && item.origin.rule, `${name}: ${list} ${item.id} has an origin`);
        assert.ok(!seen.has(item.id), `${name}: ${list} id ${item.id} is unique`);
        seen.add(item.id);
        ids.add(item.id);
      }
    }
    for (const entity of doc.entities) ids.add(entity.id);
    for (const mention of doc.actors) assert.ok(ids.has(mention.entity), `${name}: actor ${mention.id} points to entity ${mention.entity}`);
    for (const a of doc.attributions) {
      if (a.nestedIn) assert.ok(ids.has(a.nestedIn), `${name}: attribution ${a.id} nestedIn ${a.nestedIn} exists`);
      if (a.time) assert.ok(ids.has(a.time), `${name}: attribution ${a.id} time ${a.time} exists`);
    }
    const again = toLedgerDocument(pipeline.read(sourceDocument(text, { published: '2016-10-01', source: name })));
    assert.equal(JSON.stringify(again), JSON.stringify(doc), `${name}: deterministic`);
  }
  assert.ok(sample.length >= 1);
});
