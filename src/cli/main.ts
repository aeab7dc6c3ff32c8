#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeCommand, ANALYZE_USAGE } from './analyze.js';
import { ingestCommand, INGEST_USAGE } from './ingest.js';
import { searchCommand, SEARCH_USAGE } from './search.js';
import { processIo, type CliIo } from './io.js';
import { serveCommand, SERVE_USAGE } from './serve.js';
import { gazetteerCommand, GAZETTEER_USAGE } from './gazetteer.js';
import { placesCommand, PLACES_USAGE } from './places.js';
import { claimsCommand, CLAIMS_USAGE } from './claims.js';
import { contradictionsCommand, CONTRADICTIONS_USAGE } from './contradictions.js';
import { timelineCommand, TIMELINE_USAGE } from './timeline.js';
import { checkCommand, CHECK_USAGE } from './check.js';
import { exportCommand, EXPORT_USAGE } from './export.js';
import { workerCommand, WORKER_USAGE } from './worker.js';
import { statusCommand, STATUS_USAGE } from './status.js';
import { EXIT_USAGE, UsageError } from './usage-error.js';
import { StoreError } from '../store/store.js';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

/** Every command, by name, with its usage text. */
const COMMANDS: Readonly<Record<string, { run: Command; usage: string }>> = {
  analyze: { run: analyzeCommand, usage: ANALYZE_USAGE },
  ingest: { run: ingestCommand, usage: INGEST_USAGE },
  search: { run: searchCommand, usage: SEARCH_USAGE },
  serve: { run: serveCommand, usage: SERVE_USAGE },
  gazetteer: { run: gazetteerCommand, usage: GAZETTEER_USAGE },
  places: { run: placesCommand, usage: PLACES_USAGE },
  claims: { run: claimsCommand, usage: CLAIMS_USAGE },
  contradictions: { run: contradictionsCommand, usage: CONTRADICTIONS_USAGE },
  timeline: { run: timelineCommand, usage: TIMELINE_USAGE },
  check: { run: checkCommand, usage: CHECK_USAGE },
  export: { run: exportCommand, usage: EXPORT_USAGE },
  worker: { run: workerCommand, usage: WORKER_USAGE },
  status: { run: statusCommand, usage: STATUS_USAGE },
};

const USAGE = `counterclaim: a sourced, time-anchored ledger of claims from conflict reporting

Usage: counterclaim COMMAND [options]

Commands:
${Object.keys(COMMANDS).map((name) => `  ${name}`).join('\n')}

Run 'counterclaim COMMAND --help' for a command's options.
`;

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`counterclaim: unknown command '${name}'\n\n${USAGE}`);
    return EXIT_USAGE;
  }
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
