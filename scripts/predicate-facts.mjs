#!/usr/bin/env node
// Writes src/model/predicate-facts.ts, the predicate facts the code needs without
// reading a file at run time (the Predicate type, persistence, which predicates bear
// on control, which are keyed by place), from data/claims/predicates.json: the one
// source of truth. The web bundle and the SQL of both stores import the module.
// `npm run predicate-facts` regenerates it; a test checks the committed file is current.
import { readFileSync, writeFileSync } from 'node:fs';

const OUT = 'src/model/predicate-facts.ts';

export function generatePredicateFacts(json = readFileSync('data/claims/predicates.json', 'utf8')) {
  const { predicates, fallback, control } = JSON.parse(json);
  const all = [...predicates, fallback];
  const known = new Set(all.map((p) => p.predicate));
  for (const name of [...control.predicates, ...control.lasting]) {
    if (!known.has(name)) throw new Error(`data/claims/predicates.json: control names '${name}', which is no predicate`);
  }
  for (const name of control.lasting) {
    if (!control.predicates.includes(name)) throw new Error(`data/claims/predicates.json: control.lasting names '${name}', which is not in control.predicates`);
  }
  const list = (names) => `[${names.map((n) => `'${n}'`).join(', ')}]`;
  const named = (test) => list(predicates.filter(test).map((p) => p.predicate));
  return `// Generated from data/claims/predicates.json by scripts/predicate-facts.mjs (npm run predicate-facts): do not edit.

/** The predicates: those with triggers, in the file's order, then the fallback. */
export const PREDICATES = ${list(all.map((p) => p.predicate))} as const;
/**
 * The predicate vocabulary (docs/ledger.md, data/claims/predicates.json).
 * \`${fallback.predicate}\` is the generic subject–predicate–object fallback: content in which no
 * trigger of the vocabulary was found is kept, so nothing said is dropped.
 */
export type Predicate = (typeof PREDICATES)[number];

/**
 * Days a claim about each predicate stays current (\`persistence\`): a state
 * ("encircled", "controls") lasts until contradicted; an event ("repelled 100
 * attacks") is about its own day.
 */
export const PERSISTENCE_DAYS: Readonly<Record<Predicate, number>> = {
${all.map((p) => `  ${p.predicate}: ${p.persistence},`).join('\n')}
};

/** Predicates whose claims bear on who controls a place (docs/ledger.md, "Status rules"). */
export const CONTROL_PREDICATES: ReadonlySet<Predicate> = new Set(${list(control.predicates)});

/** Captures, withdrawals, surrenders and control: stay current for years, so a timeline reads them apart from its lookback window. */
export const LASTING_CONTROL_PREDICATES = ${list(control.lasting)} as const;

/** Predicates whose last key argument is the place (\`key\` ends with "place"). */
export const PLACE_KEYED_PREDICATES: ReadonlySet<Predicate> = new Set(${named((p) => p.key.at(-1) === 'place')});
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(OUT, generatePredicateFacts());
  process.stdout.write(`wrote ${OUT}\n`);
}
