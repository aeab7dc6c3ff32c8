#!/usr/bin/env node
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { processIo, type CliIo } from './io.js';
import { EXIT_USAGE, UsageError } from './usage-error.js';
import { StoreError } from '../store/store.js';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

interface CommandModule { run: Command; usage: string }

/** What each command does, one line each, for the top-level --help (each command's own --help has the rest). */
export const COMMAND_SUMMARIES: Readonly<Record<string, string>> = {
  analyze: 'read articles and print what was found (--json: the ledger JSON)',
  ingest: 'read, analyse and store files, directories, globs, - or URLs',
  search: 'full-text search over stored documents',
  serve: 'HTTP API and web UI (--example: the bundled example)',
  gazetteer: 'extend the gazetteer with GeoNames dumps',
  places: 'places in the database with mention counts',
  claims: 'the ledger\'s claims, newest first (--place, --side, --since)',
  contradictions: 'claims the sides contradict each other on',
  timeline: 'a place\'s control status over time, with the claims behind it',
  check: 'what the ledger says for, against or about a claim',
  export: 'the ledger as json, csv (ACLED), geojson, kml, plover or claimreview',
  worker: 'analyse documents from the PostgreSQL job queue',
  status: 'the PostgreSQL job queue: waiting, running, failed',
  users: 'users and tokens of a shared server (add, list, remove)',
  changes: 'what changed since a time: new claims, contradictions, statuses',
  review: 'confirm, reject or correct a claim, contradiction or status (audited); export gold',
};

/**
 * Every command, by name: each imports its module on use, so that `analyze`
 * does not load the server, PostgreSQL or the HTML readers (start-up time; see
 * `npm run bench -- --only pipeline`).
 */
const COMMANDS: Readonly<Record<string, () => Promise<CommandModule>>> = {
  analyze: async () => { const m = await import('./analyze.js'); return { run: m.analyzeCommand, usage: m.ANALYZE_USAGE }; },
  ingest: async () => { const m = await import('./ingest.js'); return { run: m.ingestCommand, usage: m.INGEST_USAGE }; },
  search: async () => { const m = await import('./search.js'); return { run: m.searchCommand, usage: m.SEARCH_USAGE }; },
  serve: async () => { const m = await import('./serve.js'); return { run: m.serveCommand, usage: m.SERVE_USAGE }; },
  gazetteer: async () => { const m = await import('./gazetteer.js'); return { run: m.gazetteerCommand, usage: m.GAZETTEER_USAGE }; },
  places: async () => { const m = await import('./places.js'); return { run: m.placesCommand, usage: m.PLACES_USAGE }; },
  claims: async () => { const m = await import('./claims.js'); return { run: m.claimsCommand, usage: m.CLAIMS_USAGE }; },
  contradictions: async () => { const m = await import('./contradictions.js'); return { run: m.contradictionsCommand, usage: m.CONTRADICTIONS_USAGE }; },
  timeline: async () => { const m = await import('./timeline.js'); return { run: m.timelineCommand, usage: m.TIMELINE_USAGE }; },
  check: async () => { const m = await import('./check.js'); return { run: m.checkCommand, usage: m.CHECK_USAGE }; },
  export: async () => { const m = await import('./export.js'); return { run: m.exportCommand, usage: m.EXPORT_USAGE }; },
  worker: async () => { const m = await import('./worker.js'); return { run: m.workerCommand, usage: m.WORKER_USAGE }; },
  status: async () => { const m = await import('./status.js'); return { run: m.statusCommand, usage: m.STATUS_USAGE }; },
  users: async () => { const m = await import('./users.js'); return { run: m.usersCommand, usage: m.USERS_USAGE }; },
  changes: async () => { const m = await import('./changes.js'); return { run: m.changesCommand, usage: m.CHANGES_USAGE }; },
  review: async () => { const m = await import('./review.js'); return { run: m.reviewCommand, usage: m.REVIEW_USAGE }; },
};

const USAGE = `counterclaim: a sourced, time-anchored ledger of claims from conflict reporting

Usage: counterclaim COMMAND [options]

Commands:
${Object.keys(COMMANDS).map((name) => `  ${name.padEnd(16)}${COMMAND_SUMMARIES[name] ?? ''}`).join('\n')}

Options:
  --help, -h      this text ('counterclaim COMMAND --help': a command's options)
  --version, -V   the version

Every command takes --db PATH (a SQLite file, default ./counterclaim.db) or
--db postgres://... (also $COUNTERCLAIM_DB). Output has no colours when NO_COLOR
is set or it is not a terminal.
`;

/** The package's version, from its package.json (two levels above src/cli and dist/cli). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    io.out(`counterclaim ${version()}\n`);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.err(`counterclaim: unknown command '${name}'\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`counterclaim ${name}: ${error.message}\n\n${command.usage}`);
      return EXIT_USAGE;
    }
    if (error instanceof StoreError) {
      io.err(`counterclaim ${name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

// Run when executed directly (also through npm's bin symlink), not when imported by tests.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  exitQuietlyOnClosedPipe();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`counterclaim: internal error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 70;
    },
  );
}

/**
 * `counterclaim claims | head`: when the reader of standard output closes it,
 * the rest of the output has nowhere to go. Stop at once with the shell's
 * usual status for it (128 + SIGPIPE), not with an EPIPE stack trace.
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream = process.stdout, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') exit(141);
    else throw error;
  });
}
