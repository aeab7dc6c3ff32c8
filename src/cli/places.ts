import { parseArgs } from 'node:util';
import { openExistingStore } from './read-store.js';
import { formatTable } from '../report/table.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

export const PLACES_USAGE = `counterclaim places [--db PATH] [--json]

Lists the places mentioned in the database's documents, with how often and in how many documents.
`;

export async function placesCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: { db: { type: 'string' }, json: { type: 'boolean', default: false } } }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const store = await openExistingStore(values.db);
  try {
    const counts = new Map<string, { name: string; country: string; lat: unknown; lon: unknown; geonameId: unknown; mentions: number; documents: Set<string> }>();
    for (const { docId, item } of await store.listItems('places')) {
      if (item.name === null || item.name === undefined) continue;
      const key = `${String(item.geonameId ?? '')}|${String(item.name)}|${String(item.country ?? '')}`;
      const c = counts.get(key) ?? { name: String(item.name), country: String(item.country ?? ''), lat: item.lat, lon: item.lon, geonameId: item.geonameId, mentions: 0, documents: new Set<string>() };
      c.mentions++;
      c.documents.add(docId);
      counts.set(key, c);
    }
    const rows = [...counts.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
    if (values.json) {
      io.out(`${JSON.stringify(rows.map((r) => ({ name: r.name, country: r.country, geonameId: r.geonameId, lat: r.lat, lon: r.lon, mentions: r.mentions, documents: r.documents.size })), null, 2)}\n`);
    } else if (rows.length === 0) {
      io.out('no places in the database\n');
    } else {
      io.out(`${formatTable(['place', 'country', 'lat, lon', 'mentions', 'documents'], rows.map((r) => [r.name, r.country, `${Number(r.lat).toFixed(3)}, ${Number(r.lon).toFixed(3)}`, String(r.mentions), String(r.documents.size)]))}\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
