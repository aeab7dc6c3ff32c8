import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../server/server.js';
import { openStore } from '../../store/open-store.js';

/**
 * The server of the /healthz bench (scaling-bench.ts), in a process of its own: its request thread then
 * holds only what a server holds, not the bench's corpus, clients and earlier rows (a collection of the
 * bench's heap is not the server's latency). Prints its URL as one line, stops when its input closes.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-bench-health-'));
const file = path.join(dir, 'health.db');
const store = await openStore(file);
const server = await startServer({ store, db: file, port: 0, allowIngest: true, webDir: null, analysis: { budgetMs: 30 * 60_000 } });
process.stdout.write(`${server.url}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void (async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  })();
});
