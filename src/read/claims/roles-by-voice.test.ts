import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyzedDocument, Claim } from '../../model/index.js';
import { createPipeline, type Pipeline } from '../pipeline.js';
import { loadResources } from '../load-resources.js';

/**
 * Argument roles by voice (docs/ledger.md): the agent and the patient of each
 * predicate whose arguments differ, read from active, passive and nominal forms.
 * Each row: a sentence, the predicate, the roles expected (role -> side), and
 * roles that must stay empty. `absent` rows must yield no claim of the predicate.
 */
interface Row { readonly text: string; readonly predicate: string; readonly roles?: Readonly<Record<string, string | null>>; readonly absent?: true }

const ROWS: readonly Row[] = [
  // encircled(force = the encircled, by = the encircler)
  { text: 'Russian forces encircled Ukrainian troops in Pokrovsk.', predicate: 'encircled', roles: { force: 'UA', by: 'RU' } },
  { text: 'Ukrainian troops were encircled by Russian forces in Pokrovsk.', predicate: 'encircled', roles: { force: 'UA', by: 'RU' } },
  { text: 'Ukrainian troops had been encircled in Pokrovsk.', predicate: 'encircled', roles: { force: 'UA' } },
  { text: 'Ukrainian troops encircled in Pokrovsk held out.', predicate: 'encircled', roles: { force: 'UA' } },
  { text: 'The encircled Ukrainian troops in Pokrovsk held out.', predicate: 'encircled', roles: { force: 'UA' } },
  { text: 'Ukrainian forces surrounded Russian units in Pokrovsk.', predicate: 'encircled', roles: { force: 'RU', by: 'UA' } },
  { text: 'Russian units were surrounded by Ukrainian forces in Pokrovsk.', predicate: 'encircled', roles: { force: 'RU', by: 'UA' } },
  { text: 'Russian forces encircle Ukrainian troops in Pokrovsk.', predicate: 'encircled', roles: { force: 'UA', by: 'RU' } },
  { text: 'The encirclement of Ukrainian troops in Pokrovsk by Russian forces is complete.', predicate: 'encircled', roles: { force: 'UA', by: 'RU' } },
  { text: 'Ukrainian troops in the encirclement in Pokrovsk held out.', predicate: 'encircled', roles: { force: 'UA' } },
  // attacked(actor = the attacker, target)
  { text: 'Russian troops were attacked by Ukrainian drones in Pokrovsk.', predicate: 'attacked', roles: { actor: 'UA', target: 'RU' } },
  { text: 'Ukrainian positions in Pokrovsk were attacked.', predicate: 'attacked', roles: { actor: null } },
  // struck(actor, target)
  { text: 'Russian drones struck Ukrainian positions in Pokrovsk.', predicate: 'struck', roles: { actor: 'RU', target: 'UA' } },
  { text: 'Ukrainian positions were struck by Russian drones in Pokrovsk.', predicate: 'struck', roles: { actor: 'RU', target: 'UA' } },
  { text: 'Russian shelling of Ukrainian positions in Pokrovsk went on.', predicate: 'struck', roles: { actor: 'RU', target: 'UA' } },
  // repelled(actor = the defender, attacker)
  { text: 'Ukrainian forces repelled Russian assaults near Pokrovsk.', predicate: 'repelled', roles: { actor: 'UA', attacker: 'RU' } },
  { text: 'Russian assaults were repelled by Ukrainian forces near Pokrovsk.', predicate: 'repelled', roles: { actor: 'UA', attacker: 'RU' } },
  // captured(actor = the captor, place)
  { text: 'Pokrovsk was captured by Russian forces.', predicate: 'captured', roles: { actor: 'RU' } },
  { text: 'Russian forces captured Pokrovsk.', predicate: 'captured', roles: { actor: 'RU' } },
  { text: 'Russian forces captured Ukrainian soldiers near Pokrovsk.', predicate: 'captured', roles: { actor: 'RU' } },
  { text: 'Ukrainian soldiers were captured near Pokrovsk.', predicate: 'captured', roles: { actor: null } },
  // withdrew(actor = the one leaving), whichever form
  { text: 'Ukrainian troops withdrew from Pokrovsk.', predicate: 'withdrew', roles: { actor: 'UA' } },
  { text: 'Ukrainian troops were withdrawn from Pokrovsk.', predicate: 'withdrew', roles: { actor: 'UA' } },
  { text: 'The withdrawal of Ukrainian troops from Pokrovsk was announced.', predicate: 'withdrew', roles: { actor: 'UA' } },
  // advanced(actor)
  { text: 'Russian troops advanced in Pokrovsk.', predicate: 'advanced', roles: { actor: 'RU' } },
  { text: 'The advance of Russian troops in Pokrovsk slowed.', predicate: 'advanced', roles: { actor: 'RU' } },
  // negatives: no trigger of the predicate
  { text: 'Russian forces entered the outskirts of Pokrovsk.', predicate: 'encircled', absent: true },
  { text: 'The encircling road around Pokrovsk was closed.', predicate: 'captured', absent: true },
];

let pipeline: Pipeline | null = null;
async function read(text: string): Promise<AnalyzedDocument> {
  pipeline ??= createPipeline(await loadResources({ db: '/nonexistent/counterclaim.db' }));
  return pipeline.read({ id: 'doc', text, meta: { title: null, outlet: null, url: null, published: '2025-11-06', language: 'en', source: null }, diagnostics: [] });
}

const sideOf = (c: Claim, role: string): string | null => {
  const key = c.args.find((a) => a.role === role)?.key;
  return key?.startsWith('force:') ? key.slice('force:'.length) : null;
};

test('argument roles by voice: active, passive and nominal forms of each predicate, and negatives', async () => {
  for (const row of ROWS) {
    const doc = await read(row.text);
    const claims = doc.claims.filter((c) => c.predicate === row.predicate);
    const seen = doc.claims.map((c) => `${c.proposition} [${c.args.map((a) => `${a.role}=${a.key}:${a.rule}`).join(' ')}]`).join('; ');
    if (row.absent) {
      assert.equal(claims.length, 0, `${row.text} -> ${seen}`);
      continue;
    }
    assert.equal(claims.length, 1, `${row.text} -> ${seen}`);
    for (const [role, side] of Object.entries(row.roles ?? {})) {
      assert.equal(sideOf(claims[0]!, role), side, `${row.text}: ${role} -> ${seen}`);
    }
  }
});

test('the encircled side is the proposition key, whichever voice: active and passive meet', async () => {
  const active = (await read('Russian forces encircled Ukrainian troops in Pokrovsk.')).claims.find((c) => c.predicate === 'encircled');
  const passive = (await read('Ukrainian troops were encircled in Pokrovsk.')).claims.find((c) => c.predicate === 'encircled');
  assert.equal(active?.proposition, 'encircled(force:UA,geonames:704422)');
  assert.equal(active?.proposition, passive?.proposition);
});
