import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { sourceDocument } from '../ingest/index.js';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import { ledgerJson, toLedgerDocument } from './ledger-json.js';

const schemaText = readFileSync('docs/ledger.schema.json', 'utf8');

test('ledger JSON: the committed schema is the one the types generate (run `npm run schema`)', async () => {
  // @ts-expect-error: a plain .mjs script without type declarations
  const { generateLedgerSchema } = (await import('../../scripts/ledger-schema.mjs')) as { generateLedgerSchema: () => string };
  assert.equal(schemaText, generateLedgerSchema());
});

test('ledger JSON: the analysis of the bundled example validates against the schema', async () => {
  const text = readFileSync('example/pokrovsk.txt', 'utf8');
  const pipeline = createPipeline(await loadResources());
  const json = JSON.parse(ledgerJson([toLedgerDocument(pipeline.read(sourceDocument(text, { published: '2025-11-06' })))]));
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(schemaText));
  assert.ok(validate(json), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
});

test('ledger JSON: a document missing a required list does not validate (the schema can fail)', () => {
  const ajv = new Ajv({ strict: false });
  const validate = ajv.compile(JSON.parse(schemaText));
  assert.equal(validate({ version: 1, documents: [{ id: 'x', text: '' }] }), false);
});
