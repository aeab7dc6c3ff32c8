#!/usr/bin/env node
// Writes docs/ledger.schema.json, the JSON Schema of the ledger JSON, generated
// from the TypeScript types in src/report/ledger-json.ts (the one source of truth).
// `npm run schema` regenerates it; a test checks the committed file is current.
import { writeFileSync } from 'node:fs';
import { createGenerator } from 'ts-json-schema-generator';

export function generateLedgerSchema() {
  const schema = createGenerator({
    path: 'src/report/ledger-json.ts',
    tsconfig: 'tsconfig.json',
    type: 'LedgerJson',
    expose: 'export',
    skipTypeCheck: true,
    additionalProperties: false,
    sortProps: true,
  }).createSchema('LedgerJson');
  schema.$id = 'https://counterclaim.invalid/ledger.schema.json';
  schema.title = 'counterclaim ledger JSON';
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync('docs/ledger.schema.json', generateLedgerSchema());
  process.stdout.write('wrote docs/ledger.schema.json\n');
}
