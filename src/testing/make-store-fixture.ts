/**
 * Makes the store fixtures the migration tests upgrade: a database written by
 * the store code of the commit it runs at, holding a few documents read by the
 * real pipeline (sentences written for this fixture), dumped as SQL text.
 *
 *   node --import tsx src/testing/make-store-fixture.ts sqlite OUT.sql
 *
 * It also writes OUT's documents, as that commit read them, beside it
 * (`OUT.documents.json` for `OUT.sql`): the test fills a fresh store with those,
 * so a later change to the reading does not pass for a change to the store.
 *
 * `src/store/sqlite/fixtures/version-13.sql` was made this way at commit
 * 3af0907 (schema version 13, the last before integer document keys) with the
 * sqlite3 shell's `.dump`. Run it again at a later commit to make the fixture of
 * the schema that commit writes, when the next migration needs one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import { toLedgerDocument, type LedgerDocument } from '../report/ledger-json.js';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { createTestDatabase, testPostgres } from './postgres-test-server.js';
import { findPostgresBin } from '../../scripts/pg-test-cluster.mjs';

const CONTEXT = 'the town in the eastern Donetsk region town of Pokrovsk';

/** The fixture's documents: a capture, its denial, a withdrawal, a report of shelling elsewhere, and one saved twice. */
export async function fixtureDocuments(): Promise<{ first: LedgerDocument[]; resaved: LedgerDocument }> {
  const pipeline = createPipeline(await loadResources({ db: '/nonexistent/counterclaim.db' }));
  const read = (id: string, text: string, published: string, outlet: string | null): LedgerDocument =>
    toLedgerDocument(pipeline.read({ id, text, meta: { title: `Fixture ${id}`, outlet, url: `https://example.org/${id}`, published, language: 'en', source: `${id}.txt` }, diagnostics: [] }));
  return {
    first: [
      read('f-capture', `The Russian Defence Ministry said on Monday its forces had captured Pokrovsk, ${CONTEXT}.`, '2025-11-10', 'TASS'),
      read('f-denial', `Ukraine’s General Staff on Tuesday denied that Russian forces had captured Pokrovsk, ${CONTEXT}.`, '2025-11-11', 'Ukrainska Pravda'),
      read('f-shelling', 'Russian forces shelled Kostiantynivka on Wednesday, regional officials said. Ukraine said its troops were not encircled near Pokrovsk.', '2025-11-12', null),
      read('f-withdrawal', `Ukraine’s General Staff said on Thursday its troops had withdrawn from Pokrovsk, ${CONTEXT}.`, '2025-11-13', 'Kyiv Independent'),
      unresolvedNames(read('f-names', 'Officials said on Friday that shelling hit a depot in Kramatorsk and a market in Sloviansk.', '2025-11-14', null)),
    ],
    resaved: read('f-shelling', 'Russian forces shelled Kostiantynivka and Druzhkivka on Wednesday, regional officials said.', '2025-11-12', null),
  };
}

/**
 * A document whose place mentions the gazetteer did not resolve, named in
 * Cyrillic and with a double space: the store's place id and the ledger's
 * place key spelled these differently before schema 15 (ASCII-only lower
 * case, each blank a dash), so an upgrade must re-key them.
 */
function unresolvedNames(doc: LedgerDocument): LedgerDocument {
  const names = ['Київ', 'Nova  Poshta'];
  return { ...doc, places: doc.places.map((p, i) => ({ ...p, geonameId: null, name: names[i % names.length]! })) };
}

/** The fixture's documents as the commit that made a dump read them (`<dump>.documents.json`). */
export function recordedFixtureDocuments(file: string): FixtureDocuments {
  return JSON.parse(readFileSync(file, 'utf8')) as FixtureDocuments;
}

export interface FixtureDocuments {
  readonly first: LedgerDocument[];
  readonly resaved: LedgerDocument;
}

/** Writes the fixture documents (by default as this commit reads them) into `store` as ingest and a later re-analysis do. */
export async function writeFixture(store: Store, documents?: FixtureDocuments): Promise<void> {
  const { first, resaved } = documents ?? await fixtureDocuments();
  await store.beginBatch();
  for (const [i, doc] of first.entries()) {
    const minhash = { signature: new Uint8Array(Array.from({ length: 16 }, (_, k) => (i * 31 + k * 7) % 256)), bandKeys: [1000 + i, 2000 + (i % 2)] };
    await store.saveIngested(doc, { analyzed: true, byline: i === 0 ? 'A. Writer' : null, forwardedFrom: null, minhash });
  }
  await store.markSourceIngested('fixture.jsonl', { fingerprint: 'fixture', documents: first.length });
  await store.commitBatch();
  await store.saveDocument(resaved);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [backend, out, recorded] = process.argv.slice(2);
  if ((backend !== 'sqlite' && backend !== 'postgres') || !out) {
    process.stderr.write('usage: make-store-fixture.ts sqlite|postgres OUT.sql [RECORDED.documents.json]\n');
    process.exit(2);
  }
  if (backend === 'postgres') {
    await makePostgresFixture(out, recorded ? recordedFixtureDocuments(recorded) : await fixtureDocuments());
    process.exit(0);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-fixture-'));
  try {
    const file = path.join(dir, 'fixture.db');
    const store = openSqliteStore(file);
    const documents = await fixtureDocuments();
    await writeFixture(store, documents);
    await store.close();
    writeFileSync(out, dumpSqlite(file));
    writeFileSync(out.replace(/\.sql$/, '') + '.documents.json', `${JSON.stringify(documents, null, 1)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The database as SQL text that better-sqlite3 can run (`db.exec`): the sqlite3
 * shell's `.dump` writes a virtual table into sqlite_schema directly, which a
 * connection in defensive mode refuses, so the full-text table and its triggers
 * are dumped as their CREATE statements (the index rebuilt from `documents`),
 * and the schema version is set at the end.
 */
function dumpSqlite(file: string): string {
  const db = new Database(file);
  const version = db.pragma('user_version', { simple: true }) as number;
  const fts = db.prepare<[], { type: string; name: string; sql: string }>(
    "SELECT type, name, sql FROM sqlite_schema WHERE (type = 'table' AND name = 'documents_fts') OR (type = 'trigger' AND sql LIKE '%documents_fts%') ORDER BY type = 'trigger', name").all();
  for (const row of [...fts].reverse()) db.exec(`DROP ${row.type === 'trigger' ? 'TRIGGER' : 'TABLE'} ${row.name}`);
  db.close();
  const dump = execFileSync('sqlite3', [file, '.dump'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const table = fts.filter((r) => r.type === 'table').map((r) => `${r.sql};`);
  const triggers = fts.filter((r) => r.type === 'trigger').map((r) => `${r.sql};`);
  return [dump.trimEnd(), ...table, "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');", ...triggers, `PRAGMA user_version = ${version};`, ''].join('\n');
}

/**
 * The PostgreSQL fixture: the documents written by this commit's PostgreSQL
 * store into a new database on the test server, dumped by `pg_dump` as plain
 * INSERT statements (no COPY: the test runs the dump over an ordinary
 * connection), without psql's backslash commands.
 */
async function makePostgresFixture(out: string, documents: FixtureDocuments): Promise<void> {
  const server = testPostgres();
  if (server.skip !== undefined) throw new Error(server.skip);
  const db = await createTestDatabase(server.adminUrl);
  try {
    const store = await openPostgresStore(db.url);
    await writeFixture(store, documents);
    await store.close();
    const bin = findPostgresBin();
    if (!bin) throw new Error('pg_dump not found');
    const dump = execFileSync(path.join(bin, 'pg_dump'), ['--inserts', '--no-owner', '--no-privileges', '--no-comments', '--dbname', db.url], { encoding: 'utf8', maxBuffer: 1 << 28 });
    writeFileSync(out, `${dump.split('\n').filter((line) => !line.startsWith('\\')).join('\n').trimEnd()}\n`);
  } finally {
    await db.drop();
  }
}
