import { parseArgs } from 'node:util';
import { readFiles, isAnalysable, describeFailure } from '../ingest/index.js';
import { emptyAnalysis } from '../model/index.js';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import { toLedgerDocument, ledgerJson, type LedgerDocument } from '../report/ledger-json.js';
import { textReport } from '../report/text-report.js';
import type { Store } from '../store/store.js';
import type { CliIo } from './io.js';
import { EXIT_OK, EXIT_SOME_FAILED, UsageError } from './usage-error.js';
import { META_FLAG_OPTIONS, overridesFrom } from './meta-flags.js';
import { auditRun, countingSaves } from '../store/desk/run-audit.js';
import { AS_OPTION, cliActor } from './users.js';

export const ANALYZE_USAGE = `counterclaim analyze PATH... [options]

Reads articles and reports what it found. PATH takes the same inputs as 'counterclaim ingest':
files (.txt, .md, .html, RSS/Atom, .jsonl, Telegram result.json, .zip), directories, globs, - for
standard input, http(s) URLs (see docs/ingest.md).

Options:
  --json             print the ledger JSON instead of the text report
  --db PATH          database file to store the analysis in (default ./counterclaim.db, or $COUNTERCLAIM_DB)
  --no-store         analyse only; store nothing
  --as NAME          record what is stored in the audit trail as done by cli:NAME
                     (default: cli:<your login name>)
  --published DATE   publication date (ISO 8601), for every input
  --outlet NAME      outlet, for every input
  --url URL          URL, for every input
  --title TEXT       title, for every input
`;

export async function analyzeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOrThrow(argv);
  if (positionals.length === 0) throw new UsageError('analyze needs at least one PATH');
  const overrides = overridesFrom(values);
  const actor = cliActor(new Date(), values.as);
  const pipeline = createPipeline(await loadResources({ db: values.db }));
  const opened: Store | null = values['no-store'] ? null : await (await import('../store/open-store.js')).openStore(values.db);
  const counting = opened ? countingSaves(opened) : null;
  const store = counting?.store ?? null;
  const documents: LedgerDocument[] = [];
  let failed = 0;
  try {
    for await (const result of readFiles(positionals, { overrides })) {
      if (!result.ok) {
        if (result.skipped) continue; // service messages, posts without text: nothing to analyse, nothing wrong
        failed++;
        io.err(`counterclaim: ${describeFailure(result)}\n`);
        continue;
      }
      // Languages the pipeline does not read are kept with their diagnostic and empty lists.
      const doc = toLedgerDocument(isAnalysable(result.doc) ? pipeline.read(result.doc) : emptyAnalysis(result.doc));
      if (store) await store.saveDocument(doc);
      documents.push(doc);
      if (!values.json) io.out(textReport(doc));
    }
  } finally {
    try {
      if (opened && counting) await auditRun(opened, { ...actor, at: new Date().toISOString() }, { action: 'cli.analyze', sources: positionals, stored: counting.stored() });
    } finally {
      await opened?.close();
    }
  }
  if (values.json) io.out(ledgerJson(documents));
  return failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}

function parseOrThrow(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        db: { type: 'string' },
        'no-store': { type: 'boolean', default: false },
        ...META_FLAG_OPTIONS,
        ...AS_OPTION,
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

