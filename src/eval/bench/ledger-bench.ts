import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { Claim, ClaimArg } from '../../model/index.js';
import { createPipeline } from '../../read/pipeline.js';
import { loadResources } from '../../read/load-resources.js';
import { toLedgerDocument, type LedgerDocument } from '../../report/ledger-json.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';
import { createLedgerIndex, type LedgerIndex } from '../../store/sqlite/ledger-queries.js';
import { SQLITE_SCHEMA_VERSION } from '../../store/sqlite/migrations.js';
import { addDays } from '../../read/claims/time-window.js';
import { seededRandom } from '../seeded-random.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');

export interface LedgerLoadOptions {
  readonly documents: number;
  readonly out: string;
  /** PRNG seed: the same seed and inputs give the same store. */
  readonly seed?: number;
  /** PolNeAR texts analysed as bases besides the bundled example (default 24). */
  readonly bases?: number;
  readonly log?: (line: string) => void;
}

/** Places of the load: the example's places plus synthetic neighbours, reported with a Zipf law (a few places get most reports). */
const PLACES = 400;
/** Claims taken from a base per generated document (a window of its claims, in order). */
const MAX_CLAIMS = 8;
const START = '2024-01-01';
/** Days the documents span: about 140 documents a day at 100,000. */
const DAYS = 720;


/** The real texts the load is made of: the bundled example and PolNeAR texts (../shared/data/polnear), analysed once by the pipeline. */
export async function analyseBases(count: number): Promise<LedgerDocument[]> {
  const pipeline = createPipeline(await loadResources({ db: '/nonexistent/counterclaim.db' }));
  const read = (id: string, text: string, published: string, outlet: string): LedgerDocument =>
    toLedgerDocument(pipeline.read({ id, text, meta: { title: id, outlet, url: null, published, language: 'en', source: null }, diagnostics: [] }));
  const bases = [read('example', readFileSync(path.join(root, 'example', 'pokrovsk.txt'), 'utf8'), '2025-11-06', 'example')];
  const dir = path.join(root, '..', 'shared', 'data', 'polnear', 'train', 'text');
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort().slice(0, count)) {
      bases.push(read(name, readFileSync(path.join(dir, name), 'utf8'), name.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '2016-01-01', name.split('_')[0]!));
    }
  }
  return bases;
}

const daysBetween = (a: string, b: string): number => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
const SWAP: Record<string, string> = { RU: 'UA', UA: 'RU' };

/**
 * Document `i` of the load: a window of a base's claims moved to a place
 * (Zipf over PLACES), a date (documents arrive in order over DAYS), an outlet,
 * with the sides swapped in half of them and control claims denied in some,
 * so claims group, corroborate and contradict as in real reporting.
 */
export function loadDocument(bases: readonly LedgerDocument[], i: number, seed: number): LedgerDocument {
  const rnd = seededRandom(seed * 1_000_003 + i);
  const withClaims = bases.filter((b) => b.claims.length > 0);
  // The conflict example is the base of half the documents; the others mostly give said() claims.
  const base = rnd() < 0.5 ? withClaims[0]! : withClaims[Math.floor(rnd() * withClaims.length)]!;
  const published = addDays(START, Math.floor((i / 100_000) * DAYS + rnd() * 3));
  const shift = daysBetween((base.published ?? START).slice(0, 10), published);
  const place = Math.min(PLACES - 1, Math.floor(1 / (1 - rnd() * 0.999) ** 1.1) - 1);
  const swap = rnd() < 0.5;
  const deny = rnd() < 0.15;
  const from = Math.floor(rnd() * Math.max(1, base.claims.length - MAX_CLAIMS + 1));
  const picked = base.claims.slice(from, from + MAX_CLAIMS);
  const sideOf = (s: string): string => (swap && SWAP[s] ? SWAP[s]! : s);
  const mapKey = (key: string): string => {
    if (key.startsWith('force:')) return `force:${sideOf(key.slice(6))}`;
    if (key.startsWith('geonames:') || key.startsWith('place:')) return place === 0 ? key : `geonames:${9_000_000 + place}`;
    return key;
  };
  const mapArg = (a: ClaimArg): ClaimArg => {
    const key = mapKey(a.key);
    const label = a.role === 'place' && place !== 0 ? `Load Place ${place}` : key.startsWith('force:') ? `${key.slice(6)} forces` : a.label;
    return { ...a, key, label };
  };
  const shiftDate = (d: string | null): string | null => (d && /^\d{4}-\d{2}-\d{2}/.test(d) ? `${addDays(d.slice(0, 10), shift)}${d.slice(10)}` : d);
  const claims: Claim[] = picked.map((c) => {
    const args = c.args.map(mapArg);
    const inner = c.proposition.slice(c.proposition.indexOf('(') + 1, -1);
    const proposition = c.predicate === 'said' ? c.proposition : `${c.predicate}(${inner.split(',').map((k) => (k === '?' ? k : mapKey(k))).join(',')})`;
    const control = c.predicate === 'captured' || c.predicate === 'encircled' || c.predicate === 'withdrew';
    return {
      ...c, args, proposition, side: sideOf(c.side),
      polarity: deny && control ? (c.polarity === 'positive' ? 'negative' : 'positive') : c.polarity,
      statedAt: { ...c.statedAt, value: shiftDate(c.statedAt.value) },
      about: { ...c.about, window: c.about.window ? { start: addDays(c.about.window.start, shift), end: addDays(c.about.window.end, shift) } : null },
    };
  });
  const jitter = (x: number | null, k: number): number | null => (x === null ? null : Math.round((x + ((place * k) % 100) / 100 - 0.5) * 1e5) / 1e5);
  const places = base.places.map((p) => (place === 0 ? p : { ...p, name: `Load Place ${place}`, lat: jitter(p.lat, 7), lon: jitter(p.lon, 13) }));
  const duplicateOf = i > 0 && rnd() < 0.05 ? { id: `load-${String(i - 1).padStart(6, '0')}`, similarity: 0.95 } : null;
  return {
    ...base, id: `load-${String(i).padStart(6, '0')}`, title: `${base.title} #${i}`, outlet: `outlet-${Math.floor(rnd() * 40)}`, published, duplicateOf,
    claims, places, entities: base.entities.map((e) => ({ ...e, side: sideOf(e.side) })),
  };
}

/** Stores a document row (a stub: the load measures the ledger tables) and its ledger entries. */
function stubSaver(db: Database.Database, ledger: LedgerIndex): (doc: LedgerDocument) => void {
  const insert = db.prepare(`INSERT OR REPLACE INTO documents (id, title, outlet, url, published, language, source, text, analysis, analysis_hash)
    VALUES (?, ?, ?, NULL, ?, 'en', 'load', '', '{}', ?)`);
  return (doc) => {
    insert.run(doc.id, doc.title, doc.outlet, doc.published, doc.id);
    ledger.onSave(doc);
  };
}

/**
 * Builds the load store (scripts/generate-ledger-load.ts): migrates a fresh
 * SQLite file with the store's migrations, then saves `documents` generated
 * documents through the ledger index, a thousand per transaction.
 */
export async function generateLedgerLoad(options: LedgerLoadOptions): Promise<void> {
  const log = options.log ?? (() => {});
  const seed = options.seed ?? 1;
  if (existsSync(options.out)) throw new Error(`${options.out} exists; remove it or choose another --out`);
  await openSqliteStore(options.out).close();
  const bases = await analyseBases(options.bases ?? 24);
  log(`bases: ${bases.length} documents, ${bases.reduce((n, b) => n + b.claims.length, 0)} claims`);
  const db = new Database(options.out);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const ledger = createLedgerIndex(db);
  const save = stubSaver(db, ledger);
  const started = performance.now();
  for (let at = 0; at < options.documents; at += 1000) {
    db.transaction(() => {
      for (let i = at; i < Math.min(options.documents, at + 1000); i++) save(loadDocument(bases, i, seed));
    })();
    if ((at / 1000) % 10 === 9) log(`${at + 1000} documents, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
}

/**
 * The ledger at scale (issue 5 targets: ≤ 5 ms per new document, ≤ 100 ms
 * per query at 100,000 documents): builds the load store once in the temp
 * directory, then times `onSave` of new documents and the CLI's queries.
 */
export async function benchLedger(options: { documents?: number; log: (l: string) => void }): Promise<Record<string, number>> {
  const documents = options.documents ?? 100_000;
  // keyed by the schema: a load store generated by older code is not opened (its rows are written by the generator, not by saves an upgrade knows)
  const file = path.join(process.env.COUNTERCLAIM_LOAD_DIR ?? '/tmp', `counterclaim-ledger-load-${documents}-v${SQLITE_SCHEMA_VERSION}.db`);
  if (!existsSync(file)) {
    options.log(`ledger bench: generating ${documents} documents into ${file}`);
    await generateLedgerLoad({ documents, out: file, log: options.log });
  }
  const store = openSqliteStore(file);
  await store.close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const ledger = createLedgerIndex(db);
  const save = stubSaver(db, ledger);
  const bases = await analyseBases(24);
  const updates: number[] = [];
  const fresh = 200;
  for (let k = 0; k < fresh; k++) {
    // New documents continue the load's stream (same generator, later indexes, latest dates).
    const doc = { ...loadDocument(bases, documents - fresh + k, 7), id: `bench-${String(k).padStart(4, '0')}` };
    const t = performance.now();
    db.transaction(() => save(doc))();
    updates.push(performance.now() - t);
  }
  const hot = (db.prepare('SELECT place, count(*) AS n FROM ledger_claims WHERE control = 1 GROUP BY place ORDER BY n DESC LIMIT 1').get() as { place: string; n: number });
  const time = async (fn: () => Promise<unknown>, runs = 30): Promise<number[]> => {
    const out: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      await fn();
      out.push(performance.now() - t);
    }
    return out;
  };
  const contradictions = await time(() => ledger.listContradictions());
  const timeline = await time(() => ledger.timeline(hot.place));
  const claims = await time(() => ledger.listClaims({ place: hot.place, limit: 200 }));
  const contradictionsAtPlace = await time(() => ledger.listContradictions({ place: hot.place }));
  const total = (db.prepare('SELECT count(*) AS n FROM ledger_claims').get() as { n: number }).n;
  // Leave the load as it was generated: take the bench documents out again.
  for (let k = 0; k < fresh; k++) {
    const id = `bench-${String(k).padStart(4, '0')}`;
    db.transaction(() => { ledger.onSave({ ...bases[0]!, id, claims: [], entities: [] }); db.prepare('DELETE FROM documents WHERE id = ?').run(id); })();
  }
  db.close();
  const result = {
    ledger_documents: documents, ledger_claims: total, ledger_hot_place_claims: hot.n,
    ledger_update_p50_ms: percentile(updates, 50), ledger_update_p95_ms: percentile(updates, 95),
    contradictions_p50_ms: percentile(contradictions, 50), contradictions_p95_ms: percentile(contradictions, 95),
    timeline_p50_ms: percentile(timeline, 50), timeline_p95_ms: percentile(timeline, 95),
    claims_place_p50_ms: percentile(claims, 50), claims_place_p95_ms: percentile(claims, 95),
    contradictions_place_p50_ms: percentile(contradictionsAtPlace, 50), contradictions_place_p95_ms: percentile(contradictionsAtPlace, 95),
  };
  for (const [k, v] of Object.entries(result)) options.log(`${k.padEnd(32)} ${v}`);
  return result;
}
