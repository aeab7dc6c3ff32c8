import type Database from 'better-sqlite3';
import type { Contradiction, ControlStatus } from '../../model/index.js';
import type { LedgerDocument } from '../../report/ledger-json.js';
import { CONTROL_PREDICATES, controlTimeline, entityKey, findContradictions, ledgerClaimsOf, type LedgerClaim, type LedgerReader, type PlaceTimeline } from '../../ledger/index.js';

/** SQL of the ledger tables (migration 3). */
export const LEDGER_MIGRATION_SQL = `
  CREATE TABLE ledger_claims (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL,
    proposition TEXT NOT NULL,
    predicate TEXT NOT NULL,
    place TEXT,
    place_label TEXT,
    side TEXT NOT NULL,
    about_end TEXT,
    stated TEXT,
    control INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (doc_id, claim_id)
  ) WITHOUT ROWID;
  CREATE INDEX ledger_claims_proposition ON ledger_claims(proposition);
  CREATE INDEX ledger_claims_place ON ledger_claims(place, about_end);
  CREATE INDEX ledger_claims_place_label ON ledger_claims(place_label);
  CREATE INDEX ledger_claims_side ON ledger_claims(side, about_end);
  CREATE INDEX ledger_claims_about ON ledger_claims(about_end);
  CREATE TABLE ledger_entities (key TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, side TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE ledger_contradictions (
    scope TEXT NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (scope, id)
  ) WITHOUT ROWID;
  CREATE TABLE ledger_timelines (
    place TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    lat REAL, lon REAL, country TEXT, admin1 TEXT,
    state TEXT, data TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX ledger_timelines_label ON ledger_timelines(lower(label));
`;

export interface LedgerIndex extends LedgerReader {
  /** Called inside the store's save transaction after a document's items are written: updates only what the document touches. */
  onSave(doc: LedgerDocument): void;
}

/**
 * The ledger kept in SQLite, maintained incrementally: saving a document
 * replaces its claims, then recomputes the contradictions of the
 * propositions and the timelines of the places it touches (old and new), so
 * the work per document depends on those groups' sizes, not on the store's.
 */
export function createLedgerIndex(db: Database.Database): LedgerIndex {
  const oldKeys = db.prepare<[string], { proposition: string; place: string | null }>('SELECT DISTINCT proposition, place FROM ledger_claims WHERE doc_id = ?');
  const deleteClaims = db.prepare<[string]>('DELETE FROM ledger_claims WHERE doc_id = ?');
  const insertClaim = db.prepare(`INSERT INTO ledger_claims (doc_id, claim_id, proposition, predicate, place, place_label, side, about_end, stated, control, data)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const upsertEntity = db.prepare('INSERT INTO ledger_entities (key, name, kind, side) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO NOTHING');
  const byProposition = db.prepare<[string], { data: string }>('SELECT data FROM ledger_claims WHERE proposition = ?');
  const controlByPlace = db.prepare<[string], { data: string }>('SELECT data FROM ledger_claims WHERE place = ? AND control = 1');
  const deleteScope = db.prepare<[string]>('DELETE FROM ledger_contradictions WHERE scope = ?');
  const insertContradiction = db.prepare('INSERT OR REPLACE INTO ledger_contradictions (scope, id, kind, data) VALUES (?, ?, ?, ?)');
  const upsertTimeline = db.prepare(`INSERT INTO ledger_timelines (place, label, lat, lon, country, admin1, state, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(place) DO UPDATE SET label = excluded.label, lat = coalesce(excluded.lat, lat), lon = coalesce(excluded.lon, lon),
    country = coalesce(excluded.country, country), admin1 = coalesce(excluded.admin1, admin1), state = excluded.state, data = excluded.data`);
  const deleteTimeline = db.prepare<[string]>('DELETE FROM ledger_timelines WHERE place = ?');
  const placeByLabel = db.prepare<[string, string], { place: string }>('SELECT place FROM ledger_timelines WHERE place = ? OR lower(label) = ? ORDER BY place LIMIT 1');
  const claimPlaceByLabel = db.prepare<[string, string], { place: string }>('SELECT place FROM ledger_claims WHERE place = ? OR place_label = ? LIMIT 1');
  const timelineRow = db.prepare<[string], TimelineRow>('SELECT place, label, lat, lon, country, admin1, data FROM ledger_timelines WHERE place = ?');
  const allTimelines = db.prepare<[], TimelineRow>('SELECT place, label, lat, lon, country, admin1, data FROM ledger_timelines ORDER BY label, place');

  const parse = (rows: Array<{ data: string }>): LedgerClaim[] => rows.map((r) => JSON.parse(r.data) as LedgerClaim);
  const resolvePlace = (place: string): string => {
    const p = place.trim();
    return placeByLabel.get(p, p.toLowerCase())?.place ?? claimPlaceByLabel.get(p, p.toLowerCase())?.place ?? p;
  };

  const refreshProposition = (proposition: string): void => {
    deleteScope.run(proposition);
    for (const c of findContradictions(parse(byProposition.all(proposition))).filter((x) => x.kind !== 'control')) {
      insertContradiction.run(proposition, c.id, c.kind, JSON.stringify(c));
    }
  };
  const refreshPlace = (place: string, doc: LedgerDocument): void => {
    const claims = parse(controlByPlace.all(place));
    const scope = `place:${place}`;
    deleteScope.run(scope);
    if (claims.length === 0) {
      deleteTimeline.run(place);
      return;
    }
    for (const c of findContradictions(claims).filter((x) => x.kind === 'control')) insertContradiction.run(scope, c.id, c.kind, JSON.stringify(c));
    const statuses = controlTimeline(claims, place);
    const arg = claims.flatMap((c) => c.claim.args).find((a) => a.role === 'place' && a.key === place);
    const mention = arg?.item ? doc.places.find((p) => p.id === arg.item) : undefined;
    upsertTimeline.run(place, arg?.label ?? place, mention?.lat ?? null, mention?.lon ?? null, mention?.country ?? null, mention?.admin1 ?? null,
      statuses.at(-1)?.state ?? 'unknown', JSON.stringify(statuses));
  };

  return {
    onSave(doc) {
      const propositions = new Set<string>();
      const places = new Set<string>();
      for (const row of oldKeys.all(doc.id)) {
        propositions.add(row.proposition);
        if (row.place) places.add(row.place);
      }
      deleteClaims.run(doc.id);
      for (const e of doc.entities) upsertEntity.run(entityKey(e), e.name, e.kind, e.side);
      for (const lc of ledgerClaimsOf(doc)) {
        const c = lc.claim;
        const place = c.args.find((a) => a.role === 'place');
        insertClaim.run(doc.id, c.id, c.proposition, c.predicate, place?.key ?? null, place?.label.toLowerCase() ?? null, c.side,
          c.about.window?.end ?? null, c.statedAt.value, CONTROL_PREDICATES.has(c.predicate) ? 1 : 0, JSON.stringify(lc));
        propositions.add(c.proposition);
        if (place && CONTROL_PREDICATES.has(c.predicate)) places.add(place.key);
      }
      for (const p of [...propositions].sort()) refreshProposition(p);
      for (const p of [...places].sort()) refreshPlace(p, doc);
    },
    async listClaims(query = {}) {
      const where: string[] = [];
      const params: Array<string | number> = [];
      if (query.place) { where.push('place = ?'); params.push(resolvePlace(query.place)); }
      if (query.side) { where.push('side = ?'); params.push(query.side.toUpperCase()); }
      if (query.since) { where.push('about_end >= ?'); params.push(query.since); }
      if (query.predicate) { where.push('predicate = ?'); params.push(query.predicate); }
      if (query.proposition) { where.push('proposition = ?'); params.push(query.proposition); }
      const limit = Math.max(1, Math.min(query.limit ?? 1000, 100_000));
      const sql = `SELECT data FROM ledger_claims ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY about_end DESC, doc_id, claim_id LIMIT ${limit}`;
      return parse(db.prepare(sql).all(...params) as Array<{ data: string }>);
    },
    async listContradictions(query = {}) {
      const limit = Math.max(1, Math.min(query.limit ?? 1000, 100_000));
      const rows = query.place
        ? db.prepare<[string, string, number], { data: string }>(`SELECT c.data FROM ledger_contradictions c WHERE c.scope = ? OR c.scope IN
            (SELECT DISTINCT proposition FROM ledger_claims WHERE place = ?) ORDER BY c.scope, c.id LIMIT ?`).all(`place:${resolvePlace(query.place)}`, resolvePlace(query.place), limit)
        : db.prepare<[number], { data: string }>('SELECT data FROM ledger_contradictions ORDER BY scope, id LIMIT ?').all(limit);
      return rows.map((r) => JSON.parse(r.data) as Contradiction);
    },
    async timeline(place) {
      const row = timelineRow.get(resolvePlace(place));
      return row ? toTimeline(row) : null;
    },
    async listPlaces() {
      return allTimelines.all().map(toTimeline);
    },
  };
}

interface TimelineRow { place: string; label: string; lat: number | null; lon: number | null; country: string | null; admin1: string | null; data: string }

function toTimeline(row: TimelineRow): PlaceTimeline {
  return { place: row.place, label: row.label, lat: row.lat, lon: row.lon, country: row.country, admin1: row.admin1, statuses: JSON.parse(row.data) as ControlStatus[] };
}
