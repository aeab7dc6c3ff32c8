import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readFiles } from '../ingest/index.js';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import { toLedgerDocument } from '../report/ledger-json.js';
import { DEFAULT_DB, openStore } from '../store/open-store.js';
import { startServer } from '../server/server.js';
import { isLoopbackHost } from '../server/auth.js';
import { deskOf } from '../store/desk/open-desk.js';
import { refuseWebhook } from '../server/watching.js';
import type { CliIo } from './io.js';
import { EXIT_OK, UsageError } from './usage-error.js';

export const SERVE_USAGE = `counterclaim serve [options]

Serves the HTTP API (/api/openapi.json describes it) and the web UI for a database.

Options:
  --db PATH          database file (default ./counterclaim.db, or $COUNTERCLAIM_DB)
  --port N           port (default 8080; 0 picks a free one)
  --host H           address to listen on (default 127.0.0.1). Beyond loopback every /api
                     request needs a token (Authorization: Bearer; counterclaim users add)
  --require-tokens   need tokens on loopback too (without it, loopback requests without a
                     token are the local operator, an admin)
  --allow-ingest     accept POST /api/documents (off by default; analysts and admins)
  --webhook URL      POST each batch of new changes (claims, contradictions, statuses) to
                     URL as JSON (repeatable); private and loopback targets are refused
  --allow-private-webhooks  allow webhooks to private, loopback and link-local addresses
  --example          analyse the bundled example into a fresh temporary database and serve that
`;

const EXAMPLE = fileURLToPath(new URL('../../example/pokrovsk.txt', import.meta.url));

/** Runs until SIGINT or SIGTERM, then closes the server and the store and returns 0. */
export async function serveCommand(argv: readonly string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  const values = parseOrThrow(argv);
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${JSON.stringify(values.port)} must be a port number 0-65535`);
  if (values.example && values.db !== undefined) throw new UsageError('--example makes its own database; leave out --db');

  let tempDir: string | null = null;
  // The location itself, not left to openStore's default: the analysis thread opens it too, to store what it analysed.
  let db = values.db ?? process.env.COUNTERCLAIM_DB ?? DEFAULT_DB;
  if (values.example) {
    tempDir = mkdtempSync(path.join(os.tmpdir(), 'counterclaim-example-'));
    db = path.join(tempDir, 'counterclaim.db');
  }
  for (const url of values.webhook ?? []) {
    const refused = await refuseWebhook(url, { allowPrivate: values['allow-private-webhooks'] });
    if (refused) throw new UsageError(`--webhook ${refused}`);
  }
  const store = await openStore(db);
  try {
    if (values.example) {
      const pipeline = createPipeline(await loadResources({ db }));
      for await (const result of readFiles([EXAMPLE])) {
        if (!result.ok) throw new Error(`cannot read the bundled example ${result.source}: ${result.message}`);
        await store.saveDocument(toLedgerDocument(pipeline.read(result.doc)));
        io.out(`analysed ${path.relative(process.cwd(), EXAMPLE) || EXAMPLE} into ${db}\n`);
      }
    }
    const server = await startServer({
      store, host: values.host ?? '127.0.0.1', port, allowIngest: values['allow-ingest'],
      ...(values['require-tokens'] ? { requireTokens: true } : {}),
      ...(values.webhook ? { webhooks: values.webhook, allowPrivateWebhooks: values['allow-private-webhooks'] } : {}),
      db,
    });
    const tokens = values['require-tokens'] || !isLoopbackHost(values.host ?? '127.0.0.1');
    io.out(`counterclaim serving ${db || 'a temporary database'} at ${server.url}${values['allow-ingest'] ? ' (ingest allowed)' : ''}${tokens ? ' (tokens required)' : ''}\n`);
    const desk = deskOf(store);
    if (tokens && desk && (await desk.listUsers()).length === 0) io.err('counterclaim serve: warning: tokens are required and there are no users yet: add one with counterclaim users add NAME --role admin\n');
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      signal?.addEventListener('abort', stop, { once: true });
    });
    io.out('counterclaim serve: shutting down\n');
    await server.close();
  } finally {
    await store.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
  return EXIT_OK;
}

function parseOrThrow(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        db: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'allow-ingest': { type: 'boolean', default: false },
        'require-tokens': { type: 'boolean', default: false },
        webhook: { type: 'string', multiple: true },
        'allow-private-webhooks': { type: 'boolean', default: false },
        example: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
