import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileActorLexicon } from './actor-dictionary.js';

const dir = fileURLToPath(new URL('../../../data/actors/', import.meta.url));
const json = (name: string): unknown => JSON.parse(readFileSync(`${dir}${name}`, 'utf8'));
const parts = readdirSync(`${dir}entities`).filter((n) => n.endsWith('.json')).sort().map((n) => json(`entities/${n}`));
const lexicon = compileActorLexicon([json('actors.json'), ...parts], json('nouns.json'), json('conflicts.json'));

test('the actor dictionary: every file compiles, keys are unique, several hundred entries', () => {
  assert.ok(lexicon.byKey.size >= 400, `${lexicon.byKey.size} entries`);
  assert.ok(lexicon.conflicts.length >= 5);
});

test('the actor dictionary: every entry cites a source', () => {
  for (const file of [json('actors.json'), ...parts] as Array<{ entities: Array<{ key: string; source: string }> }>) {
    for (const e of file.entities) assert.match(e.source, /^https:\/\//, e.key);
  }
});

test('the actor dictionary: no spelling names actors of two different sides', () => {
  const sideOf = new Map<string, Set<string>>();
  for (const list of lexicon.aliasesByFirst.values()) {
    for (const alias of list) {
      const key = `${alias.norms.join(' ')}${alias.exactCase ? ' (exact case)' : ''}`;
      const sides = sideOf.get(key) ?? new Set<string>();
      sides.add(alias.actor.side);
      sideOf.set(key, sides);
    }
  }
  const clashes = [...sideOf].filter(([, sides]) => sides.size > 1).map(([alias, sides]) => `${alias}: ${[...sides].join('/')}`);
  assert.deepEqual(clashes, []);
});

test('the actor dictionary: the spellings the press uses resolve to one entry', () => {
  const keyOf = (alias: string): string | undefined => {
    const norms = alias.toLowerCase().split(' ');
    return lexicon.aliasesByFirst.get(norms[0]!)?.find((a) => a.norms.join(' ') === norms.join(' '))?.actor.key;
  };
  for (const [spellings, key] of [
    [['zelensky', 'zelenskiy', 'zelenskyy'], 'zelensky'],
    [['tregubov', 'trehubov'], 'trehubov'],
    [['syrsky', 'syrskyi', 'sirsky'], 'syrskyi'],
    [['khortytsia', 'khortitsa', 'hortytsia'], 'khortytsia'],
    [['saree', 'sarea'], 'saree'],
  ] as const) {
    for (const s of spellings) assert.equal(keyOf(s), key, s);
  }
});

test('compileActorLexicon: aliasesOf must name an entry that exists', () => {
  const part = { entities: [], aliasesOf: { 'no-such-key': ['Nobody'] } };
  assert.throws(() => compileActorLexicon([json('actors.json'), part], json('nouns.json')), /aliasesOf names no-such-key/);
});
